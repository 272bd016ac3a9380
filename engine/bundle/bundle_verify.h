// SPDX-License-Identifier: MIT
// Re-running what a bundle records and comparing every stored number with the recomputed one.
#pragma once

#include "bundle/bundle_file.h"
#include "core/run_control.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace engine {

/// Default relative tolerance of floating-point comparisons: |a - b| <= tol * max(1, |a|, |b|). The
/// recomputation runs the same code with the same seeds, so values agree to the last bit on one machine; the
/// slack covers another compiler, libm or SIMD width rounding the same sums differently.
constexpr double BUNDLE_DEFAULT_TOLERANCE = 1e-9;

/// One compared quantity.
struct BundleCheck {
    /// What was compared: "results:/expectation" (a JSON pointer into the manifest's results),
    /// "samples.json:/raw" (a counts object), "calibration.json" (the device snapshot).
    std::string quantity;
    nlohmann::json stored;      ///< the bundle's value (a summary for counts objects)
    nlohmann::json recomputed;  ///< the recomputed value (null when not compared)
    double tolerance = 0.0;     ///< relative tolerance used; 0 = exact equality
    bool compared = true;       ///< false: not reproducible by design (time-based); `note` says why
    bool ok = true;             ///< matches (always true when not compared)
    std::string note;           ///< why not compared, or what differs (first differing outcome, missing key)
};

/// The outcome of verifyBundle.
struct BundleVerifyReport {
    std::string source;                ///< the bundle's file name
    std::string kind;                  ///< the manifest's kind
    std::vector<BundleCheck> checks;   ///< in comparison order
    std::vector<std::string> notes;    ///< what was recomputed and how, in English
    bool ok = false;                   ///< every compared check is ok and at least one was compared

    std::size_t comparedCount() const;  ///< checks with compared = true
    std::size_t failedCount() const;    ///< compared checks that are not ok
};

/// Options of verifyBundle.
struct BundleVerifyOptions {
    double tolerance = BUNDLE_DEFAULT_TOLERANCE;  ///< relative tolerance of floating-point results (>= 0)
    /// Threads for the recomputation; -1 (default) uses the count the bundle recorded. Keep it: from 2^14
    /// amplitudes the simulator's OpenMP sums are split by thread count, and an optimised run can end at other
    /// angles with another count (measured: 16 qubits, COBYLA, 1 versus 2 threads). Smaller registers and
    /// rule-based angles do not depend on it.
    int threads = -1;
};

/// Recomputes the bundle's numbers from its files and settings and compares them with its results:
/// - "qaoa-run": runQaoa with the recorded options on instance.json; every results value, and samples.json's
///   raw counts (exactly);
/// - "warmstart": runWarmstartPipeline with the recorded options (and samples.json's "given" counts when the
///   run used job samples); every results value except what depends on wall-clock time (the "timing" block;
///   for time-based runs the first-success seconds and the Q-factor; for an optimum from the time-limited
///   "best_found" search the optimum, the first successes and the Q-factor), which is listed as not compared;
///   samples.json's raw, mitigated and filtered counts; calibration.json against the installed snapshot;
/// - "job": analyzeSamplerResults on job-results.json with instance.json and the recorded parameters; every
///   results value; samples.json against the decoded results.
/// Progress and cancel go to the recomputation. Throws Error(InvalidInput) naming the file and JSON pointer
/// for unusable content (bad settings, an instance that does not parse), and what the recomputation throws.
/// Cost: that of the recorded run.
BundleVerifyReport verifyBundle(const Bundle& bundle, const std::string& source,
                                const BundleVerifyOptions& options = {}, RunControl& control = RunControl::none());
/// readBundle(path) (hashes and structure; its errors propagate), then verifyBundle.
BundleVerifyReport verifyBundleFile(const std::string& path, const BundleVerifyOptions& options = {},
                                    RunControl& control = RunControl::none());

/// The report as JSON: {"source", "kind", "ok", "compared", "failed", "notes", "checks": [{"quantity",
/// "stored", "recomputed", "tolerance", "compared", "ok", "note"}]}.
nlohmann::json bundleVerifyReportJson(const BundleVerifyReport& report);

/// Compares two JSON results documents leaf by leaf (objects by key union, arrays element-wise): integers,
/// strings, booleans and null exactly, other numbers to `tolerance` relative. Appends one check per leaf
/// (quantity = `prefix` + JSON pointer), or one per missing key or array-length mismatch. `skip(pointer)`
/// returns a non-empty reason for a subtree that is not compared (one check with compared = false). Exposed
/// for tests and for the GUI.
void compareResults(const nlohmann::json& stored, const nlohmann::json& recomputed, double tolerance,
                    const std::function<std::string(const std::string& pointer)>& skip, const std::string& prefix,
                    std::vector<BundleCheck>& checks);

} // namespace engine
