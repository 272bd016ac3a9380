// SPDX-License-Identifier: MIT
// Random QUBO instances.
#include "qubo/qubo_generator.h"

#include "core/error.h"

#include <cmath>
#include <random>

namespace engine {

QuboModel randomQubo(const RandomQuboOptions& options)
{
    if (!(options.density >= 0.0 && options.density <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "density must be in [0, 1]", "density");
    if (!(options.low <= options.high))
        throw Error(ErrorCode::InvalidArgument, "low must not exceed high", "low");
    if (options.integer && std::ceil(options.low) > std::floor(options.high))
        throw Error(ErrorCode::InvalidArgument, "no integer lies in [low, high]", "low");
    if (options.numVariables > MAX_RANDOM_QUBO_VARIABLES)
        throw Error(ErrorCode::LimitExceeded,
                    "at most " + std::to_string(MAX_RANDOM_QUBO_VARIABLES) + " variables can be generated",
                    "numVariables");
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> real(options.low, options.high);
    std::uniform_int_distribution<long long> integer(static_cast<long long>(std::ceil(options.low)),
                                                     static_cast<long long>(std::floor(options.high)));
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    auto draw = [&]() { return options.integer ? static_cast<double>(integer(rng)) : real(rng); };

    QuboModel qubo(options.numVariables);
    for (std::size_t i = 0; i < options.numVariables; ++i)
        qubo.addLinear(i, draw());
    for (std::size_t i = 0; i < options.numVariables; ++i)
        for (std::size_t j = i + 1; j < options.numVariables; ++j)
            if (coin(rng) < options.density)
                qubo.addQuadratic(i, j, draw());
    return qubo;
}

} // namespace engine
