// SPDX-License-Identifier: MIT
// Canonical representatives of QAOA angles under the symmetries of the X-mixer ansatz (training labels).
#pragma once

#include "qaoa/qaoa_angles.h"
#include "qubo/ising_model.h"

namespace engine {

/// True when the Ising form has no field larger than 1e-12 times its largest coefficient: then the global spin
/// flip commutes with H and every beta_k is only defined modulo pi/2 (otherwise modulo pi).
bool isSpinFlipSymmetric(const IsingModel& model);

/// The canonical representative of `angles` for the X mixer from |+>^n on a real diagonal H, where the
/// expectation is invariant under
///   (gamma, beta) -> (-gamma, -beta)            (complex conjugation of the state; all layers at once),
///   beta_k -> beta_k + pi                       (exp(-i pi sum X) = +-1; each layer on its own),
///   beta_k -> beta_k + pi/2 if spinFlipSymmetric (the inserted X^n commutes with H; each layer on its own).
/// The representative has gamma_1 <= 0 (the first non-zero gamma; if every gamma is 0, the first non-zero
/// beta after wrapping is made positive) and every beta_k in [-T/2, T/2) with T the beta period. Equivalent
/// angles map to one label, which makes optima from different starts comparable. O(p).
QaoaAngles canonicalQaoaAngles(const QaoaAngles& angles, bool spinFlipSymmetric);

} // namespace engine
