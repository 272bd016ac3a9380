// SPDX-License-Identifier: MIT
// Tests of the dimod BQM export: document layout and energies recomputed from the exported arrays.
#include "io/bqm_format.h"

#include <QtTest>

#include "test_support.h"

#include "qubo/qubo_generator.h"

using nlohmann::json;
using engine::Bits;
using engine::QuboModel;

namespace {

// What dimod computes for a BINARY model: offset + sum linear_i x_i + sum_k bias_k x_head x_tail.
double dimodEnergy(const json& bqm, const Bits& x)
{
    double energy = bqm.at("offset").get<double>();
    const json& linear = bqm.at("linear_biases");
    for (std::size_t i = 0; i < linear.size(); ++i)
        energy += linear[i].get<double>() * x[i];
    const json& head = bqm.at("quadratic_head");
    const json& tail = bqm.at("quadratic_tail");
    const json& biases = bqm.at("quadratic_biases");
    for (std::size_t k = 0; k < biases.size(); ++k)
        energy += biases[k].get<double>() * x[head[k].get<std::size_t>()] * x[tail[k].get<std::size_t>()];
    return energy;
}

} // namespace

class TstBqmFormat : public QObject {
    Q_OBJECT

private slots:
    void documentLayout();
    void energiesMatchForAllBitstrings();
    void namedVariablesBecomeLabels();
    void clashingNamesFallBackToIndices();
};

void TstBqmFormat::documentLayout()
{
    QuboModel q(3);
    q.addLinear(0, 1.5);
    q.addQuadratic(2, 0, -2.0);
    q.addQuadratic(1, 2, 0.0);  // a stored zero is not an interaction
    q.addOffset(4.0);
    const json bqm = engine::quboToBqmJson(q);
    QCOMPARE(bqm.at("type").get<std::string>(), std::string("BinaryQuadraticModel"));
    QCOMPARE(bqm.at("version"), (json{{"bqm_schema", "3.0.0"}}));
    QCOMPARE(bqm.at("use_bytes"), json(false));
    QCOMPARE(bqm.at("variable_type").get<std::string>(), std::string("BINARY"));
    QCOMPARE(bqm.at("index_type").get<std::string>(), std::string("int32"));
    QCOMPARE(bqm.at("bias_type").get<std::string>(), std::string("float64"));
    QCOMPARE(bqm.at("num_variables").get<int>(), 3);
    QCOMPARE(bqm.at("num_interactions").get<int>(), 1);
    QCOMPARE(bqm.at("variable_labels"), (json{0, 1, 2}));
    QCOMPARE(bqm.at("linear_biases"), (json{1.5, 0.0, 0.0}));
    QCOMPARE(bqm.at("quadratic_head"), (json{0}));
    QCOMPARE(bqm.at("quadratic_tail"), (json{2}));
    QCOMPARE(bqm.at("quadratic_biases"), (json{-2.0}));
    QCOMPARE(bqm.at("offset").get<double>(), 4.0);
    QCOMPARE(bqm.at("info"), json::object());
}

void TstBqmFormat::energiesMatchForAllBitstrings()
{
    engine::RandomQuboOptions options;
    options.numVariables = 8;
    options.density = 0.6;
    options.seed = 31;
    QuboModel q = engine::randomQubo(options);
    q.addOffset(-0.75);
    // Through text, as a consumer would see it.
    const json bqm = json::parse(engine::quboToBqmJson(q).dump());
    for (std::uint64_t index = 0; index < 256; ++index) {
        const Bits x = engine::bitsFromIndex(index, 8);
        QAOA_COMPARE_NEAR(dimodEnergy(bqm, x), q.energy(x), 1e-12);
    }
}

void TstBqmFormat::namedVariablesBecomeLabels()
{
    QuboModel q(2);
    q.setVariableName(0, "x[T-000,haiku]");
    q.setVariableName(1, "slack[0]");
    QCOMPARE(engine::quboToBqmJson(q).at("variable_labels"), (json{"x[T-000,haiku]", "slack[0]"}));
}

void TstBqmFormat::clashingNamesFallBackToIndices()
{
    // Variable 1 has no name and so is called "x1", like variable 0: dimod labels must be unique.
    QuboModel q(2);
    q.setVariableName(0, "x1");
    QCOMPARE(engine::quboToBqmJson(q).at("variable_labels"), (json{0, 1}));
}

QTEST_APPLESS_MAIN(TstBqmFormat)
#include "bqm_format.test.moc"
