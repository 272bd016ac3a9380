// SPDX-License-Identifier: MIT
// QAOA ansatz descriptions: validation, LCRP one-hot groups, warm-start angles and XY mixer pair schedules.
#include "qaoa/qaoa_ansatz.h"

#include "core/error.h"
#include "sim/state_vector.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace engine {

namespace {

std::string indexPath(const char* field, std::size_t i)
{
    return std::string(field) + "/" + std::to_string(i);
}

bool isXYMixer(MixerKind kind)
{
    return kind == MixerKind::XYRing || kind == MixerKind::XYComplete || kind == MixerKind::XYParityRing;
}

} // namespace

const char* mixerKindName(MixerKind kind) noexcept
{
    switch (kind) {
    case MixerKind::X:
        return "x";
    case MixerKind::XYRing:
        return "xy-ring";
    case MixerKind::XYComplete:
        return "xy-complete";
    case MixerKind::XYParityRing:
        return "xy-parity";
    case MixerKind::WarmStart:
        return "warm-start";
    }
    return "x";
}

MixerKind mixerKindFromName(const std::string& name)
{
    for (MixerKind kind : {MixerKind::X, MixerKind::XYRing, MixerKind::XYComplete, MixerKind::XYParityRing,
                           MixerKind::WarmStart})
        if (name == mixerKindName(kind))
            return kind;
    throw Error(ErrorCode::InvalidArgument,
                "unknown mixer '" + name + "' (expected x, xy-ring, xy-complete, xy-parity or warm-start)", "mixer");
}

const char* initialStateKindName(InitialStateKind kind) noexcept
{
    switch (kind) {
    case InitialStateKind::Uniform:
        return "uniform";
    case InitialStateKind::WState:
        return "w";
    case InitialStateKind::BasisState:
        return "basis";
    case InitialStateKind::WarmStart:
        return "warm-start";
    }
    return "uniform";
}

InitialStateKind initialStateKindFromName(const std::string& name)
{
    for (InitialStateKind kind : {InitialStateKind::Uniform, InitialStateKind::WState, InitialStateKind::BasisState,
                                  InitialStateKind::WarmStart})
        if (name == initialStateKindName(kind))
            return kind;
    throw Error(ErrorCode::InvalidArgument,
                "unknown initial state '" + name + "' (expected uniform, w, basis or warm-start)", "initialState");
}

bool QaoaAnsatz::usesGroups() const
{
    return isXYMixer(mixer);
}

std::vector<unsigned> QaoaAnsatz::ungroupedQubits() const
{
    std::vector<char> grouped(numQubits, 0);
    if (usesGroups())
        for (const auto& group : groups)
            for (unsigned q : group)
                if (q < numQubits)
                    grouped[q] = 1;
    std::vector<unsigned> result;
    for (std::size_t q = 0; q < numQubits; ++q)
        if (!grouped[q])
            result.push_back(static_cast<unsigned>(q));
    return result;
}

void QaoaAnsatz::validate() const
{
    if (numQubits == 0)
        throw Error(ErrorCode::InvalidArgument, "an ansatz needs at least one qubit", "numQubits");
    if (numQubits > MAX_STATE_VECTOR_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(numQubits) + " qubits exceed the simulator limit of "
                        + std::to_string(MAX_STATE_VECTOR_QUBITS),
                    "numQubits");

    const bool allowed = (mixer == MixerKind::X && initialState == InitialStateKind::Uniform)
        || (isXYMixer(mixer)
            && (initialState == InitialStateKind::WState || initialState == InitialStateKind::BasisState))
        || (mixer == MixerKind::WarmStart && initialState == InitialStateKind::WarmStart);
    if (!allowed)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("initial state '") + initialStateKindName(initialState)
                        + "' does not go with mixer '" + mixerKindName(mixer) + "'",
                    "initialState");

    if (!usesGroups()) {
        if (!groups.empty())
            throw Error(ErrorCode::InvalidArgument,
                        std::string("one-hot groups are only used by XY mixers, not by '") + mixerKindName(mixer)
                            + "'",
                        "groups");
    } else {
        if (groups.empty())
            throw Error(ErrorCode::InvalidArgument, "an XY mixer needs at least one one-hot group", "groups");
        std::vector<char> seen(numQubits, 0);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const auto& group = groups[g];
            if (group.empty())
                throw Error(ErrorCode::InvalidArgument, "empty one-hot group", indexPath("groups", g));
            if (mixer == MixerKind::XYRing && group.size() > MAX_EXACT_XY_GROUP_SIZE)
                throw Error(ErrorCode::LimitExceeded,
                            "the exact ring mixer accepts groups of at most "
                                + std::to_string(MAX_EXACT_XY_GROUP_SIZE) + " qubits, this one has "
                                + std::to_string(group.size()) + " (use xy-parity or xy-complete)",
                            indexPath("groups", g));
            for (std::size_t t = 0; t < group.size(); ++t) {
                const unsigned q = group[t];
                const std::string where = indexPath("groups", g) + "/" + std::to_string(t);
                if (q >= numQubits)
                    throw Error(ErrorCode::InvalidArgument,
                                "qubit " + std::to_string(q) + " is out of range for "
                                    + std::to_string(numQubits) + " qubits",
                                where);
                if (seen[q])
                    throw Error(ErrorCode::InvalidArgument,
                                "qubit " + std::to_string(q) + " belongs to more than one group position", where);
                seen[q] = 1;
            }
        }
    }

    if (initialState == InitialStateKind::BasisState) {
        if (basisBits.size() != numQubits)
            throw Error(ErrorCode::InvalidArgument,
                        "basis state has " + std::to_string(basisBits.size()) + " bits, expected "
                            + std::to_string(numQubits),
                        "basisBits");
        for (std::size_t g = 0; g < groups.size(); ++g) {
            std::size_t ones = 0;
            for (unsigned q : groups[g]) {
                if (basisBits[q] > 1)
                    throw Error(ErrorCode::InvalidArgument, "bits must be 0 or 1", indexPath("basisBits", q));
                ones += basisBits[q];
            }
            if (ones != 1)
                throw Error(ErrorCode::InvalidArgument,
                            "basis state has " + std::to_string(ones) + " ones in group " + std::to_string(g)
                                + " (a one-hot group needs exactly one)",
                            "basisBits");
        }
    }

    if (initialState == InitialStateKind::WarmStart) {
        if (warmThetas.size() != numQubits)
            throw Error(ErrorCode::InvalidArgument,
                        "warm start has " + std::to_string(warmThetas.size()) + " angles, expected "
                            + std::to_string(numQubits),
                        "warmThetas");
        for (std::size_t j = 0; j < warmThetas.size(); ++j)
            if (!(warmThetas[j] >= 0.0 && warmThetas[j] <= std::numbers::pi))
                throw Error(ErrorCode::InvalidArgument, "warm-start angle must lie in [0, pi]",
                            indexPath("warmThetas", j));
    }
}

QaoaAnsatz makeXAnsatz(std::size_t numQubits)
{
    QaoaAnsatz ansatz;
    ansatz.numQubits = numQubits;
    ansatz.validate();
    return ansatz;
}

QaoaAnsatz makeXYAnsatz(std::size_t numQubits, std::vector<std::vector<unsigned>> groups, MixerKind mixer,
                        const Bits& basisBits)
{
    if (!isXYMixer(mixer))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("'") + mixerKindName(mixer) + "' is not an XY mixer", "mixer");
    QaoaAnsatz ansatz;
    ansatz.numQubits = numQubits;
    ansatz.mixer = mixer;
    ansatz.groups = std::move(groups);
    ansatz.initialState = basisBits.empty() ? InitialStateKind::WState : InitialStateKind::BasisState;
    ansatz.basisBits = basisBits;
    ansatz.validate();
    return ansatz;
}

std::vector<std::vector<unsigned>> lcrpOneHotGroups(const LcrpEncoding& encoding)
{
    std::vector<std::vector<unsigned>> groups(encoding.numTasks);
    for (std::size_t i = 0; i < encoding.numTasks; ++i)
        for (std::size_t j = 0; j < encoding.numModels; ++j)
            groups[i].push_back(static_cast<unsigned>(i * encoding.numModels + j));
    return groups;
}

Bits lcrpAssignmentBits(const LcrpEncoding& encoding, const std::vector<int>& assignment)
{
    if (assignment.size() != encoding.numTasks)
        throw Error(ErrorCode::InvalidArgument,
                    "assignment has " + std::to_string(assignment.size()) + " entries, expected "
                        + std::to_string(encoding.numTasks) + " (one per task)",
                    "assignment");
    Bits bits(encoding.qubo.numVariables(), 0);
    for (std::size_t i = 0; i < assignment.size(); ++i) {
        if (assignment[i] < 0 || static_cast<std::size_t>(assignment[i]) >= encoding.numModels)
            throw Error(ErrorCode::InvalidArgument,
                        "model index " + std::to_string(assignment[i]) + " is out of range for "
                            + std::to_string(encoding.numModels) + " models",
                        indexPath("assignment", i));
        bits[i * encoding.numModels + static_cast<std::size_t>(assignment[i])] = 1;
    }
    return bits;
}

QaoaAnsatz makeLcrpXYAnsatz(const LcrpEncoding& encoding, MixerKind mixer, const std::vector<int>& assignment)
{
    const Bits basis = assignment.empty() ? Bits{} : lcrpAssignmentBits(encoding, assignment);
    return makeXYAnsatz(encoding.qubo.numVariables(), lcrpOneHotGroups(encoding), mixer, basis);
}

std::vector<double> warmStartThetas(const std::vector<double>& c, double epsilon)
{
    if (!(epsilon >= 0.0 && epsilon <= 0.5))
        throw Error(ErrorCode::InvalidArgument, "warm-start epsilon must lie in [0, 0.5]", "epsilon");
    std::vector<double> thetas(c.size());
    for (std::size_t j = 0; j < c.size(); ++j) {
        if (!(c[j] >= 0.0 && c[j] <= 1.0))
            throw Error(ErrorCode::InvalidArgument, "warm-start value must be a number in [0, 1]", indexPath("c", j));
        const double clamped = std::clamp(c[j], epsilon, 1.0 - epsilon);
        thetas[j] = 2.0 * std::asin(std::sqrt(clamped));
    }
    return thetas;
}

QaoaAnsatz makeWarmStartAnsatz(const std::vector<double>& c, double epsilon)
{
    QaoaAnsatz ansatz;
    ansatz.numQubits = c.size();
    ansatz.mixer = MixerKind::WarmStart;
    ansatz.initialState = InitialStateKind::WarmStart;
    ansatz.warmThetas = warmStartThetas(c, epsilon);
    ansatz.validate();
    return ansatz;
}

QaoaAnsatz makeWarmStartAnsatz(const Bits& x, double epsilon)
{
    std::vector<double> c(x.size());
    for (std::size_t j = 0; j < x.size(); ++j) {
        if (x[j] > 1)
            throw Error(ErrorCode::InvalidArgument, "bits must be 0 or 1", indexPath("x", j));
        c[j] = x[j];
    }
    return makeWarmStartAnsatz(c, epsilon);
}

std::vector<QubitPair> xyRingPairs(const std::vector<unsigned>& group)
{
    const std::size_t k = group.size();
    std::vector<QubitPair> pairs;
    if (k == 2)
        pairs.push_back({group[0], group[1]});
    else if (k >= 3)
        for (std::size_t a = 0; a < k; ++a)
            pairs.push_back({group[a], group[(a + 1) % k]});
    return pairs;
}

std::vector<XYRound> xyMixerRounds(const std::vector<unsigned>& group, MixerKind mixer)
{
    const std::size_t k = group.size();
    std::vector<XYRound> rounds;
    if (mixer == MixerKind::XYParityRing) {
        if (k < 2)
            return rounds;
        if (k == 2) {
            // The ring of two qubits has one edge; "odd" and "even" would apply the same pair twice.
            rounds.push_back({{group[0], group[1]}});
            return rounds;
        }
        XYRound odd;
        XYRound even;
        for (std::size_t a = 0; a + 1 < k; a += 2)
            odd.push_back({group[a], group[a + 1]});
        for (std::size_t a = 1; a + 1 < k; a += 2)
            even.push_back({group[a], group[a + 1]});
        if (k % 2 == 0)
            even.push_back({group[k - 1], group[0]});
        rounds.push_back(std::move(odd));
        rounds.push_back(std::move(even));
        if (k % 2 == 1)
            rounds.push_back({{group[k - 1], group[0]}});
        return rounds;
    }
    if (mixer == MixerKind::XYComplete) {
        if (k < 2)
            return rounds;
        // Circle method: element 0 stays, the others rotate one place per round; pairs with the dummy
        // element m - 1 (odd k) are dropped.
        const std::size_t m = k % 2 == 0 ? k : k + 1;
        std::vector<std::size_t> order(m);
        for (std::size_t t = 0; t < m; ++t)
            order[t] = t;
        for (std::size_t r = 0; r + 1 < m; ++r) {
            XYRound round;
            for (std::size_t t = 0; t < m / 2; ++t) {
                const std::size_t u = order[t];
                const std::size_t v = order[m - 1 - t];
                if (u < k && v < k)
                    round.push_back({group[std::min(u, v)], group[std::max(u, v)]});
            }
            rounds.push_back(std::move(round));
            std::rotate(order.begin() + 1, order.end() - 1, order.end());
        }
        return rounds;
    }
    throw Error(ErrorCode::InvalidArgument,
                std::string("'") + mixerKindName(mixer) + "' is not a product XY mixer (xy-parity or xy-complete)",
                "mixer");
}

} // namespace engine
