// SPDX-License-Identifier: MIT
// Internal: how the fused QAOA layer cuts a state into cache-sized blocks and tiles (defined in qaoa_kernels.cpp).
#pragma once

#include "sim/qaoa_kernels.h"

namespace engine::detail {

/// The cut of one X-mixer layer. Pass 1 walks blocks of 2^blockBits consecutive amplitudes (cost phase, global
/// factor and qubits 0..blockBits-1 while the block is in cache). Later passes apply the remaining qubits in
/// groups of at most tileBits: a tile is 2^tileBits lines of 2^lineBits consecutive amplitudes, one line per value
/// of the group's qubits, so the whole group is applied while the tile is in cache.
struct MixerLayout {
    unsigned blockBits = 14;  ///< log2 amplitudes per pass-1 block
    unsigned tileBits = 12;   ///< most qubits per later pass
    unsigned lineBits = 3;    ///< log2 amplitudes per tile line (at least one split unit of the kernels)
};

/// The layout the public kernels use for n qubits (blocks and tiles of a few hundred KiB).
MixerLayout defaultMixerLayout(unsigned numQubits, Precision precision);

/// applyCostPhase (mix = false, diagonal given), applyXMixer (diagonal null) or applyQaoaLayer (both) with an
/// explicit layout, so tests can force small blocks and tiles. Fields are clamped to what the kernels accept
/// (blocks and lines of at least one split unit, i.e. two SIMD vectors; lines of at most a block). O(2^n) memory
/// passes: 1 + ceil((n - blockBits) / tileBits).
template <typename Real>
void applyLayerWithLayout(StateVector<Real>& state, const EnergyDiagonal<Real>* diagonal, double gamma, bool mix,
                          double beta, const MixerLayout& layout, int threads);

extern template void applyLayerWithLayout<double>(StateVector<double>&, const EnergyDiagonal<double>*, double, bool,
                                                  double, const MixerLayout&, int);
extern template void applyLayerWithLayout<float>(StateVector<float>&, const EnergyDiagonal<float>*, double, bool,
                                                 double, const MixerLayout&, int);

} // namespace engine::detail
