// SPDX-License-Identifier: MIT
// Rewrites a routed physical circuit into a device's native gates and simplifies it.
#pragma once

#include "circuit/circuit.h"
#include "transpile/device_model.h"

namespace engine {

/// Translation options.
struct BasisTranslationOptions {
    /// Use Heron's fractional rzz(theta) for ZZ terms with a bound angle in (0, pi/2] (negative angles are
    /// flipped with X gates on one qubit), writing the `gate rzz` definition on export. Only when the device
    /// supports it, and only on couplers whose rzz calibration (when the device has any) has error < 1;
    /// symbolic angles always use the cz form.
    bool fractionalRzz = false;
};

/// The same circuit (up to a global phase) in device.basisGates only (cz or ecr, rz, sx, x; measure, reset,
/// barrier kept): two-qubit gates through the gate table's expansions and the exact native identities of
/// algorithms.md section 1.4 (ecr in the device's direction), runs of one-qubit gates on a wire fused into
/// rz-sx-rz-sx-rz (fewer when exact: rz only, or one sx), symbolic rz angles merged, adjacent inverse pairs and
/// rz(0) removed. Every two-qubit gate of the input must sit on a coupler (throws Error(InvalidArgument) naming the
/// operation otherwise). O(size).
Circuit translateToBasis(const Circuit& physical, const DeviceModel& device,
                         const BasisTranslationOptions& options = {});

/// Product of (1 - error) over every gate and measurement of an ISA circuit from the device's calibration (gates
/// without calibration, rz and barriers count 1). 0 when some used coupler has error 1.
double estimateFidelity(const Circuit& isa, const DeviceModel& device);

} // namespace engine
