// SPDX-License-Identifier: MIT
// Generated devices: IBM heavy-hex maps (Heron r2 and r1, Eagle r3), square grids and lines, with drawing positions.
#pragma once

#include "transpile/device_model.h"

namespace engine {

/// Heron r2, 156 qubits, 176 couplers (algorithms.md 8.1; ibm_fez, ibm_marrakesh, ibm_kingston); cz basis.
DeviceModel heavyHexHeronR2();
/// Heron r1, 133 qubits, 150 couplers (algorithms.md 8.2; ibm_torino); cz basis.
DeviceModel heavyHexHeronR1();
/// Eagle r3, 127 qubits, 144 couplers (algorithms.md 8.3; ibm_brisbane, ibm_sherbrooke); ecr basis, directed as
/// the generator defines (the snapshots fix the real directions).
DeviceModel heavyHexEagle();
/// rows x cols square grid, qubit r * cols + c, cx basis, snake path row by row. Throws Error(InvalidArgument)
/// for 0 or a product above MAX_DEVICE_QUBITS.
DeviceModel squareGrid(unsigned rows, unsigned cols);
/// n qubits in a line, cx basis.
DeviceModel lineDevice(unsigned n);

/// Positions and a snake path for a device whose coupling map is one of the heavy-hex families (matched edge for
/// edge); returns false and leaves `device` unchanged otherwise. Used for calibration snapshots, which carry no
/// geometry.
bool attachHeavyHexGeometry(DeviceModel& device);

} // namespace engine
