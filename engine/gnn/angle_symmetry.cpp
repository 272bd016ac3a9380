// SPDX-License-Identifier: MIT
// Canonical representatives of QAOA angles under the symmetries of the X-mixer ansatz.
#include "gnn/angle_symmetry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace engine {

bool isSpinFlipSymmetric(const IsingModel& model)
{
    double largest = 0.0;
    for (double h : model.h)
        largest = std::max(largest, std::abs(h));
    for (const QuadraticTerm& t : model.J)
        largest = std::max(largest, std::abs(t.value));
    if (largest == 0.0)
        return true;
    return std::all_of(model.h.begin(), model.h.end(), [&](double h) { return std::abs(h) <= 1e-12 * largest; });
}

namespace {

/// x wrapped into [-period/2, period/2).
double wrapCentered(double x, double period)
{
    double y = std::fmod(x + period / 2.0, period);
    if (y < 0.0)
        y += period;
    return y - period / 2.0;
}

} // namespace

QaoaAngles canonicalQaoaAngles(const QaoaAngles& angles, bool spinFlipSymmetric)
{
    const double period = spinFlipSymmetric ? std::numbers::pi / 2.0 : std::numbers::pi;
    QaoaAngles out = angles;
    double sign = 0.0;
    for (double g : out.gammas)
        if (g != 0.0) {
            sign = g > 0.0 ? -1.0 : 1.0;
            break;
        }
    if (sign == 0.0) {
        sign = 1.0;
        for (double b : out.betas) {
            const double w = wrapCentered(b, period);
            if (w != 0.0) {
                sign = w < 0.0 ? -1.0 : 1.0;
                break;
            }
        }
    }
    for (double& g : out.gammas)
        g *= sign;
    for (double& b : out.betas)
        b = wrapCentered(sign * b, period);
    return out;
}

} // namespace engine
