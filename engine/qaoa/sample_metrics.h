// SPDX-License-Identifier: MIT
// Figures of merit of QAOA samples or output distributions: QUBO expectations and ratios, Max-Cut, LCRP validity.
#pragma once

#include "core/bits.h"
#include "graph/weighted_graph.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"
#include "qubo/qubo_model.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace engine {

/// Measured outcomes over at most 64 variables: distinct basis states with non-negative weights (shot counts or
/// probabilities; they need not be normalised). Basis-state index convention of the engine: bit i of
/// states[k] is variable (qubit) i.
struct SampleSet {
    std::size_t numVariables = 0;       ///< n, at most 64
    std::vector<std::uint64_t> states;  ///< states[k]: a basis-state index < 2^n
    std::vector<double> weights;        ///< weights[k] >= 0 belongs to states[k]
};

/// Largest register a SampleSet can describe (indices are 64-bit).
constexpr std::size_t MAX_SAMPLE_VARIABLES = 64;

/// A SampleSet from a histogram such as countShots() returns. Throws Error(InvalidArgument) when n exceeds
/// MAX_SAMPLE_VARIABLES or a state does not fit in n bits. O(K).
SampleSet sampleSetFromCounts(const std::map<std::uint64_t, std::uint64_t>& counts, std::size_t numVariables);
/// A SampleSet from bitstrings (variable order, Bits) with one weight each, or weight 1 each (one shot per
/// string) when `weights` is empty; repeated strings are merged. Throws Error(InvalidArgument) when the strings
/// differ in length, are longer than MAX_SAMPLE_VARIABLES, or `weights` has the wrong size. O(K log K).
SampleSet sampleSetFromBitstrings(const std::vector<Bits>& bitstrings, const std::vector<double>& weights = {});

/// A non-owning view of outcomes: a SampleSet, or a dense probability vector p[z] over all 2^n basis states
/// (the simulator's output, z = basis index). Metrics iterate it without copying, so a view of a 2^30
/// vector costs no extra memory. The viewed data must outlive the view (pass views as arguments only).
class SampleView {
public:
    /// Throws Error(InvalidArgument) when states and weights differ in length, n > MAX_SAMPLE_VARIABLES or a
    /// state does not fit in n bits (O(K) check).
    SampleView(const SampleSet& samples);  // NOLINT(google-explicit-constructor): views convert implicitly
    /// `probabilities` must have 2^n entries, n <= 63; throws Error(InvalidArgument) otherwise.
    SampleView(const std::vector<double>& probabilities);  // NOLINT(google-explicit-constructor)

    std::size_t numVariables() const { return m_numVariables; }
    /// Number of entries (distinct states of a SampleSet, 2^n for a dense vector).
    std::size_t size() const { return m_weights->size(); }
    /// Basis state of entry k.
    std::uint64_t state(std::size_t k) const { return m_states ? (*m_states)[k] : static_cast<std::uint64_t>(k); }
    /// Weight of entry k (not validated here; every metric checks weights are finite and >= 0).
    double weight(std::size_t k) const { return (*m_weights)[k]; }
    bool isDense() const { return m_states == nullptr; }

private:
    const std::vector<std::uint64_t>* m_states = nullptr;  // null for a dense probability vector
    const std::vector<double>* m_weights = nullptr;
    std::size_t m_numVariables = 0;
};

/// Reference energies for the ratios. Two energies count as equal when they differ by at most
/// tolerance * max(1, |E_min|).
struct EnergyBounds {
    std::optional<double> minimum;  ///< E_min, the optimum of the problem (e.g. from brute force)
    std::optional<double> maximum;  ///< E_max, the largest energy (needed for AR*)
    double tolerance = 1e-9;
};

/// Energy statistics of samples for a QUBO to minimise. Weighted means use the normalised weights.
struct QuboSampleMetrics {
    double totalWeight = 0.0;     ///< sum of the weights (shots, or 1 for a normalised distribution)
    double expectation = 0.0;     ///< <E> = sum_k w_k E(z_k) / sum_k w_k
    double bestEnergy = 0.0;      ///< lowest energy among states of positive weight
    std::uint64_t bestState = 0;  ///< its basis state (lowest index on ties)
    /// <E> / E_min: the usual QAOA approximation ratio for a problem whose optimum is negative (for the QUBO of
    /// encodeMaxCut, f = -cut, it equals expected cut / optimal cut). Only when E_min is given and < 0.
    std::optional<double> approximationRatio;
    /// AR* = 1 - (<E> - E_min) / (E_max - E_min) (Phasecraft Eq. 16): 1 at the optimum, 0 at the worst state.
    /// Only when both bounds are given and E_max > E_min.
    std::optional<double> arStar;
    /// Weight fraction of states whose energy equals E_min (within the tolerance). Only when E_min is given.
    std::optional<double> optimumProbability;
};

/// QUBO metrics; the samples must have exactly qubo.numVariables() variables. Energies come from
/// QuboModel::energy for a SampleSet (O(K (n + nnz))) and, for a dense vector, from a Gray-code walk with
/// flipDelta (O(2^n * average degree), re-anchored with an exact energy every 1024 states so rounding cannot
/// drift; measured 0.07 s for 2^20 states of a dense 20-variable QUBO). Throws Error(InvalidArgument) for a size
/// mismatch, a negative or non-finite weight ("weights[k]" / "probabilities[k]") or zero total weight.
/// Single-threaded; thread-safe.
QuboSampleMetrics quboSampleMetrics(const QuboModel& qubo, const SampleView& samples, const EnergyBounds& bounds = {});

/// The same from a dense distribution and its energy diagonal (energies[z] = E(z), e.g. the simulator's
/// EnergyDiagonal converted to double), for callers that already hold it. O(2^n). Throws
/// Error(InvalidArgument) when the sizes differ or a weight or energy is not finite / a weight is negative.
QuboSampleMetrics diagonalSampleMetrics(const std::vector<double>& probabilities, const std::vector<double>& energies,
                                        const EnergyBounds& bounds = {});

/// Max-Cut statistics of samples (bit i = side of vertex i).
struct MaxCutSampleMetrics {
    double totalWeight = 0.0;
    double expectedCut = 0.0;     ///< <cut>
    double bestCut = 0.0;         ///< largest cut among states of positive weight
    std::uint64_t bestState = 0;  ///< its state (lowest index on ties)
    /// <cut> / optimalCut; only when the optimum is given and positive.
    std::optional<double> approximationRatio;
    /// Weight fraction of states cutting optimalCut (within tolerance * max(1, optimalCut)); only when given.
    std::optional<double> optimumProbability;
};

/// Max-Cut metrics through the QUBO of encodeMaxCut (f = -cut): the samples must have graph.numVertices()
/// variables. Same cost and errors as quboSampleMetrics.
MaxCutSampleMetrics maxCutSampleMetrics(const WeightedGraph& graph, const SampleView& samples,
                                        std::optional<double> optimalCut = std::nullopt, double tolerance = 1e-9);

/// One assignment found among (or decoded from) LCRP samples.
struct LcrpSolutionSummary {
    std::vector<int> assignment;       ///< model index per task
    double costUsd = 0.0;              ///< sum of C_ij, USD
    double qualitySatisfaction = 0.0;  ///< fraction of tasks whose model meets q_min
    double objective = 0.0;            ///< direct objective F of the encoding's objective kind (LcrpEvaluation)
    bool feasible = false;             ///< no quality, latency, context or budget violation
    /// Weight fraction of the raw samples whose assignment bits are exactly this assignment (before decoding).
    double sampleProbability = 0.0;
};

/// LCRP statistics of samples over the encoding's variables (N*M assignment bits, optionally followed by its K
/// slack bits, which are ignored). "Valid" = every task row one-hot (the paper's valid assignment), "feasible"
/// = valid with no violation (LcrpEvaluation::feasible). Rates are weight fractions.
struct LcrpSampleMetrics {
    double totalWeight = 0.0;
    double validRate = 0.0;           ///< weight fraction of valid samples
    double feasibleRate = 0.0;        ///< weight fraction of feasible samples
    double uniformValidRate = 0.0;    ///< uniformRandomValidRate: validRate of uniformly random bits, (M/2^M)^N
    double uniformAllowedRate = 0.0;  ///< uniformRandomAllowedRate: one-hot and allowed pairs (budget ignored)
    /// The valid sample of lowest objective F (ties: lower cost, then lower state index); none if no sample is
    /// valid.
    std::optional<LcrpSolutionSummary> bestValid;
    /// The feasible sample of lowest cost (ties: lower objective, then lower state index).
    std::optional<LcrpSolutionSummary> bestFeasible;
    /// Marginals P(x_v = 1) of the samples for v < N*M, the input of the feasibility-first decoding.
    std::vector<double> marginals;
    /// Feasibility-first decoding (projectToValid with `marginals`, LCRP paper 8.2) applied to every sample of
    /// positive weight: weight fraction whose projection is feasible (every projection is valid).
    double decodedFeasibleRate = 0.0;
    /// The projected assignment of lowest objective (same ties as bestValid).
    LcrpSolutionSummary decodedBest;
    /// The projected feasible assignment of lowest cost, if any.
    std::optional<LcrpSolutionSummary> decodedBestFeasible;
};

/// Computes LcrpSampleMetrics. Throws Error(InvalidArgument) when the encoding does not belong to the instance,
/// the samples have neither N*M nor N*M + K variables, or a weight is negative or non-finite or all are zero;
/// Error(InvalidInput) for an invalid instance. Cost O(S N M) for S entries of positive weight, plus the
/// projections: projectToValid decides each task row on its own, so when M <= 16 and 2^M <= S it is run 2^M
/// times (once per row pattern) and looked up per sample, else once per sample (O(NM) each). Measured: a dense
/// 2^20 vector over 5 x 4 assignment bits in 0.05 s. Single-threaded; thread-safe.
LcrpSampleMetrics lcrpSampleMetrics(const LcrpInstance& instance, const LcrpEncoding& encoding,
                                    const SampleView& samples);

} // namespace engine
