// SPDX-License-Identifier: MIT
// Tests of the LCRP -> QUBO encoder by brute force over every assignment and every slack setting.
#include "lcrp/lcrp_encoder.h"

#include <QtTest>

#include "lcrp_test_instances.h"
#include "test_support.h"

#include "core/error.h"
#include "qubo/ising_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using engine::Bits;
using engine::LcrpEncoderOptions;
using engine::LcrpEncoding;
using engine::LcrpInstance;
using engine::LcrpObjectiveKind;
using test_support::label;

namespace {

const std::vector<engine::LcrpModel>& tiers() { return engine::defaultModelTiers(); }

/// 2 tasks x 3 tiers with a budget that some assignments exceed.
LcrpInstance instance2x3()
{
    LcrpInstance inst;
    inst.models.assign(tiers().begin(), tiers().begin() + 3);
    inst.tasks = {{"T-000", 3, 1700.0, {}, {}}, {"T-001", 1, 420.0, {}, {}}};
    inst.budgetUsd = 2.5;
    return inst;
}

/// 3 tasks x 3 tiers, one task beyond gemma's context window, a tight budget and a strong budget weight.
LcrpInstance instance3x3()
{
    LcrpInstance inst;
    inst.models.assign(tiers().begin(), tiers().begin() + 3);
    inst.tasks = {{"a", 2, 900.0, {}, {}}, {"b", 4, 6100.0, {}, {}}, {"c", 5, 9000.0, {}, {}}};
    inst.budgetUsd = 30.0;
    inst.penalties.budget = 60.0;
    return inst;
}

/// A random instance with N * M <= 10 assignment variables.
LcrpInstance randomInstance(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> complexity(1, 5);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::size_t m = 2 + rng() % 3;
    const std::size_t n = m == 4 ? 2 : 2 + rng() % 2;
    LcrpInstance inst;
    for (std::size_t j = 0; j < m; ++j) {
        engine::LcrpModel model = tiers()[(j + rng() % 2) % tiers().size()];
        model.name = label("m", j);
        model.costPer1kUsd *= 0.5 + unit(rng);
        inst.models.push_back(model);
    }
    double maxTotal = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        engine::LcrpTask task;
        task.id = label("t", i);
        task.complexity = complexity(rng);
        const auto& c = engine::complexityClasses()[static_cast<std::size_t>(task.complexity - 1)];
        task.tokens = std::floor(c.tokensLow + (c.tokensHigh - c.tokensLow) * unit(rng));
        inst.tasks.push_back(task);
        double rowMax = 0.0;
        for (const auto& model : inst.models)
            rowMax = std::max(rowMax, model.costPer1kUsd * task.tokens / 1000.0);
        maxTotal += rowMax;
    }
    inst.budgetUsd = std::max(0.05, maxTotal * (0.1 + 0.6 * unit(rng)));
    inst.penalties.budget = 1.0 + 80.0 * unit(rng);
    return inst;
}

double assignmentCost(const LcrpInstance& inst, const Bits& x)
{
    double cost = 0.0;
    for (std::size_t i = 0; i < inst.numTasks(); ++i)
        for (std::size_t j = 0; j < inst.numModels(); ++j)
            if (x[inst.variableIndex(i, j)])
                cost += inst.costUsd(i, j);
    return cost;
}

/// min over all 2^K slack settings of the QUBO energy, by brute force.
double bruteMinOverSlack(const LcrpEncoding& enc, const Bits& x)
{
    const std::size_t k = enc.numSlackVariables;
    double best = std::numeric_limits<double>::infinity();
    Bits full = x;
    full.resize(x.size() + k, 0);
    for (std::uint64_t s = 0; s < (std::uint64_t{1} << k); ++s) {
        for (std::size_t b = 0; b < k; ++b)
            full[x.size() + b] = static_cast<std::uint8_t>((s >> b) & 1U);
        best = std::min(best, enc.qubo.energy(full));
    }
    return best;
}

enum class Expect { Bounded, ExactF, FWithoutBudget };

/// Checks every x in {0,1}^(NM): optimal-slack energy == brute-force minimum, and its relation to F.
/// Returns the largest (energy - F) seen.
double checkAllAssignments(const LcrpInstance& inst, const LcrpEncoding& enc, Expect expect)
{
    const auto table = engine::makeObjectiveTable(inst, enc.options.objective);
    const std::size_t nx = inst.numAssignmentVariables();
    double worst = -std::numeric_limits<double>::infinity();
    for (std::uint64_t index = 0; index < (std::uint64_t{1} << nx); ++index) {
        const Bits x = engine::bitsFromIndex(index, nx);
        Bits full;
        const double e = engine::energyWithOptimalSlack(enc, x, &full);
        const double brute = bruteMinOverSlack(enc, x);
        const double f = table.ofBits(x);
        const double scale = std::max({1.0, std::abs(e), std::abs(f)});
        if (!test_support::near(e, brute, 1e-9)) {
            qWarning("x = %s: optimal-slack energy %.17g, brute-force minimum %.17g", engine::bitsToString(x).c_str(),
                     e, brute);
            return std::numeric_limits<double>::quiet_NaN();
        }
        if (full.size() != nx + enc.numSlackVariables || !std::equal(x.begin(), x.end(), full.begin())
            || enc.qubo.energy(full) != e) {
            qWarning("x = %s: returned full bitstring is inconsistent", engine::bitsToString(x).c_str());
            return std::numeric_limits<double>::quiet_NaN();
        }
        double target = f;
        if (expect == Expect::FWithoutBudget)
            target = f - table.budgetPenalty(assignmentCost(inst, x));
        if (expect != Expect::Bounded && !test_support::near(e, target, 1e-9)) {
            qWarning("x = %s: energy %.17g, expected %.17g", engine::bitsToString(x).c_str(), e, target);
            return std::numeric_limits<double>::quiet_NaN();
        }
        if (e < f - 1e-9 * scale || e > f + enc.budgetMaxError + 1e-9 * scale) {
            if (expect != Expect::FWithoutBudget) {
                qWarning("x = %s: energy %.17g outside [F, F + %.6g] with F = %.17g", engine::bitsToString(x).c_str(),
                         e, enc.budgetMaxError, f);
                return std::numeric_limits<double>::quiet_NaN();
            }
        }
        worst = std::max(worst, e - f);
    }
    return worst;
}

} // namespace

class TstLcrpEncoder : public QObject {
    Q_OBJECT

private slots:
    void layoutAndNames();
    void slackUnitAndErrorBound();
    void minOverSlackWithinBound_data();
    void minOverSlackWithinBound();
    void randomInstances();
    void exactWhenCostsOnSlackGrid();
    void exactWhenBudgetWeightZero();
    void budgetLeftOutWithoutSlack();
    void referenceV2();
    void isingAgreesWithQubo();
    void optionalOutputArgument();
    void largeInstanceWithoutBudget();
    void errors();
};

void TstLcrpEncoder::layoutAndNames()
{
    const LcrpInstance inst = instance2x3();
    LcrpEncoderOptions o;
    o.budgetSlackBits = 4;
    const LcrpEncoding enc = engine::encodeLcrp(inst, o);
    QCOMPARE(enc.numTasks, std::size_t{2});
    QCOMPARE(enc.numModels, std::size_t{3});
    QCOMPARE(enc.numSlackVariables, std::size_t{4});
    QCOMPARE(enc.numAssignmentVariables(), std::size_t{6});
    QCOMPARE(enc.qubo.numVariables(), std::size_t{10});
    QVERIFY(enc.budgetInQubo);
    QCOMPARE(enc.options.budgetSlackBits, 4);
    QCOMPARE(enc.qubo.variableName(0), std::string("x[T-000,gemma2-2b]"));
    QCOMPARE(enc.qubo.variableName(5), std::string("x[T-001,sonnet]"));
    QCOMPARE(enc.qubo.variableName(6), std::string("slack[0]"));
    QCOMPARE(enc.qubo.variableName(9), std::string("slack[3]"));
    // One-hot couplings 2 lambda_A inside a row (plus the budget product); none between gemma (cost 0) and
    // anything of another row.
    QAOA_COMPARE_NEAR(enc.qubo.quadratic(0, 1), 100.0, 1e-15);
    QCOMPARE(enc.qubo.quadratic(0, 3), 0.0);
    QVERIFY(enc.qubo.quadratic(1, 4) > 0.0);  // budget couples rows
}

void TstLcrpEncoder::slackUnitAndErrorBound()
{
    const LcrpInstance inst = instance2x3();
    for (int k : {1, 3, 6, 10}) {
        LcrpEncoderOptions o;
        o.budgetSlackBits = k;
        const LcrpEncoding enc = engine::encodeLcrp(inst, o);
        const double unit = 2.5 / (std::pow(2.0, k) - 1.0);
        QAOA_COMPARE_NEAR(enc.slackUnitUsd, unit, 1e-15);
        QAOA_COMPARE_NEAR(enc.budgetMaxError, 5.0 * (unit / 2) * (unit / 2) / (2.5 * 2.5), 1e-15);
        // Slack bit k is worth 2^k units: its coupling with slack bit 0 is 2 lambda_B / B^2 * unit * 2^k unit.
        if (k >= 2)
            QAOA_COMPARE_NEAR(enc.qubo.quadratic(6, 6 + static_cast<std::size_t>(k) - 1),
                              2.0 * 5.0 / (2.5 * 2.5) * unit * std::ldexp(unit, k - 1), 1e-12);
    }
}

void TstLcrpEncoder::minOverSlackWithinBound_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("slackBits");
    QTest::newRow("2x3 K=1") << 0 << 1;
    QTest::newRow("2x3 K=3") << 0 << 3;
    QTest::newRow("2x3 K=6") << 0 << 6;
    QTest::newRow("3x3 K=2") << 1 << 2;
    QTest::newRow("3x3 K=6") << 1 << 6;
}

void TstLcrpEncoder::minOverSlackWithinBound()
{
    QFETCH(int, which);
    QFETCH(int, slackBits);
    const LcrpInstance inst = which == 0 ? instance2x3() : instance3x3();
    LcrpEncoderOptions o;
    o.budgetSlackBits = slackBits;
    const LcrpEncoding enc = engine::encodeLcrp(inst, o);
    const double worst = checkAllAssignments(inst, enc, Expect::Bounded);
    QVERIFY(!std::isnan(worst));
    // The bound is attained up to rounding somewhere only when slack rounding matters; it is never exceeded.
    QVERIFY(worst <= enc.budgetMaxError * (1 + 1e-9) + 1e-9);
}

void TstLcrpEncoder::randomInstances()
{
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const LcrpInstance inst = randomInstance(seed);
        inst.validate();
        LcrpEncoderOptions o;
        o.budgetSlackBits = 1 + static_cast<int>(seed % 6);
        const LcrpEncoding enc = engine::encodeLcrp(inst, o);
        const double worst = checkAllAssignments(inst, enc, Expect::Bounded);
        QVERIFY2(!std::isnan(worst), qPrintable(QStringLiteral("seed %1").arg(seed)));
    }
}

void TstLcrpEncoder::exactWhenCostsOnSlackGrid()
{
    // Prices 0, 0.25, 3 USD per 1K and tokens in multiples of 400 make every cost a multiple of 0.1 USD; a
    // 6.3 USD budget with K = 6 has slack unit 6.3 / 63 = 0.1 USD, so B - cost is always on the grid.
    LcrpInstance inst;
    inst.models.assign(tiers().begin(), tiers().begin() + 3);
    inst.tasks = {{"a", 2, 400.0, {}, {}}, {"b", 3, 1200.0, {}, {}}, {"c", 4, 2000.0, {}, {}}};
    inst.budgetUsd = 6.3;
    inst.penalties.budget = 25.0;
    LcrpEncoderOptions o;
    o.budgetSlackBits = 6;
    const LcrpEncoding enc = engine::encodeLcrp(inst, o);
    QAOA_COMPARE_NEAR(enc.slackUnitUsd, 0.1, 1e-15);
    QVERIFY(!std::isnan(checkAllAssignments(inst, enc, Expect::ExactF)));

    // Control: the same instance with a budget off the grid is not exact everywhere (the test can fail).
    inst.budgetUsd = 6.35;
    const LcrpEncoding off = engine::encodeLcrp(inst, o);
    const double worst = checkAllAssignments(inst, off, Expect::Bounded);
    QVERIFY(!std::isnan(worst));
    QVERIFY(worst > 1e-6 * off.budgetMaxError);
}

void TstLcrpEncoder::exactWhenBudgetWeightZero()
{
    LcrpInstance inst = instance3x3();
    inst.penalties.budget = 0.0;
    const LcrpEncoding enc = engine::encodeLcrp(inst);
    QCOMPARE(enc.budgetMaxError, 0.0);
    QVERIFY(!std::isnan(checkAllAssignments(inst, enc, Expect::ExactF)));
}

void TstLcrpEncoder::budgetLeftOutWithoutSlack()
{
    const LcrpInstance inst = instance3x3();
    LcrpEncoderOptions o;
    o.budgetSlackBits = 0;
    const LcrpEncoding enc = engine::encodeLcrp(inst, o);
    QVERIFY(!enc.budgetInQubo);
    QCOMPARE(enc.numSlackVariables, std::size_t{0});
    QCOMPARE(enc.slackUnitUsd, 0.0);
    QCOMPARE(enc.qubo.numVariables(), std::size_t{9});
    QVERIFY(!std::isnan(checkAllAssignments(inst, enc, Expect::FWithoutBudget)));
}

void TstLcrpEncoder::referenceV2()
{
    // Task c overflows gemma's context: Exact penalises it, ReferenceV2 does not.
    const LcrpInstance inst = instance3x3();
    LcrpEncoderOptions o;
    o.objective = LcrpObjectiveKind::ReferenceV2;
    o.budgetSlackBits = 6;  // ignored: the reference QUBO has no budget term
    const LcrpEncoding enc = engine::encodeLcrp(inst, o);
    QVERIFY(!enc.budgetInQubo);
    QCOMPARE(enc.numSlackVariables, std::size_t{0});
    QCOMPARE(enc.qubo.numVariables(), std::size_t{9});
    const auto table = engine::makeObjectiveTable(inst, LcrpObjectiveKind::ReferenceV2);
    for (std::uint64_t index = 0; index < 512; ++index) {
        const Bits x = engine::bitsFromIndex(index, 9);
        QAOA_COMPARE_NEAR(enc.qubo.energy(x), table.ofBits(x) - table.budgetPenalty(assignmentCost(inst, x)), 1e-9);
    }
    // Gemma for c: quality 40 * 10 in both objectives, context 50 * 10 only in Exact.
    const Bits gemmaForC = engine::bitsFromString("010" "001" "100");
    const LcrpEncoding exact = engine::encodeLcrp(inst, LcrpEncoderOptions{LcrpObjectiveKind::Exact, 0});
    QAOA_COMPARE_NEAR(exact.qubo.energy(gemmaForC) - enc.qubo.energy(gemmaForC), 500.0, 1e-9);
}

void TstLcrpEncoder::isingAgreesWithQubo()
{
    const LcrpInstance inst = instance2x3();
    LcrpEncoderOptions o;
    o.budgetSlackBits = 4;
    const LcrpEncoding enc = engine::encodeLcrp(inst, o);
    const engine::IsingModel ising = engine::toIsing(enc.qubo);
    const std::size_t n = enc.qubo.numVariables();
    for (std::uint64_t index = 0; index < (std::uint64_t{1} << n); ++index) {
        const Bits bits = engine::bitsFromIndex(index, n);
        QAOA_COMPARE_NEAR(ising.energyOfBits(bits), enc.qubo.energy(bits), 1e-9);
    }
}

void TstLcrpEncoder::optionalOutputArgument()
{
    const LcrpInstance inst = instance2x3();
    const LcrpEncoding enc = engine::encodeLcrp(inst);
    const Bits x = engine::bitsFromString("010100");
    Bits full;
    const double withFull = engine::energyWithOptimalSlack(enc, x, &full);
    QCOMPARE(engine::energyWithOptimalSlack(enc, x), withFull);
    // Cost 0.25 * 1.7 + 0 = 0.425 USD under a 2.5 USD budget: slack integer round((2.5 - 0.425) / unit).
    const double unit = 2.5 / 63.0;
    const auto slack = static_cast<std::uint64_t>(std::llround((2.5 - 0.425) / unit));
    QCOMPARE(engine::bitsToIndex(Bits(full.begin() + 6, full.end())), slack);
    // Over budget: the slack is zero.
    const Bits expensive = engine::bitsFromString("001001");
    engine::energyWithOptimalSlack(enc, expensive, &full);
    QCOMPARE(engine::bitsToIndex(Bits(full.begin() + 6, full.end())), std::uint64_t{0});
}

void TstLcrpEncoder::largeInstanceWithoutBudget()
{
    // Without the budget only the rows couple: N M (M - 1) / 2 pairs, and large batches encode quickly.
    LcrpInstance inst;
    inst.models = tiers();
    for (std::size_t i = 0; i < 20000; ++i)
        inst.tasks.push_back({label("t", i), 1 + static_cast<int>(i % 5), 100.0 + static_cast<double>(i), {}, {}});
    const LcrpEncoding enc = engine::encodeLcrp(inst, LcrpEncoderOptions{LcrpObjectiveKind::Exact, 0});
    QCOMPARE(enc.qubo.numVariables(), std::size_t{100000});
    QCOMPARE(enc.qubo.numQuadraticTerms(), std::size_t{200000});
    const LcrpEncoding ref = engine::encodeLcrp(inst, LcrpEncoderOptions{LcrpObjectiveKind::ReferenceV2, 6});
    QCOMPARE(ref.qubo.numQuadraticTerms(), std::size_t{200000});
    // With the budget every priced pair couples: refused instead of allocating billions of entries.
    try {
        engine::encodeLcrp(inst);
        QFAIL("encoded 100006 budget-coupled variables");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
}

void TstLcrpEncoder::errors()
{
    LcrpInstance inst = instance2x3();
    for (int k : {-1, 31}) {
        try {
            engine::encodeLcrp(inst, LcrpEncoderOptions{LcrpObjectiveKind::Exact, k});
            QFAIL("accepted a bad slack bit count");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
            QCOMPARE(e.where(), std::string("budgetSlackBits"));
        }
    }
    QCOMPARE(engine::encodeLcrp(inst, LcrpEncoderOptions{LcrpObjectiveKind::Exact, 30}).numSlackVariables,
             std::size_t{30});

    inst.tasks[1].tokens = -5.0;
    try {
        engine::encodeLcrp(inst);
        QFAIL("accepted an invalid instance");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("/tasks/1/tokens"));
    }

    const LcrpEncoding enc = engine::encodeLcrp(instance2x3());
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::energyWithOptimalSlack(enc, Bits(5, 0)));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::energyWithOptimalSlack(enc, Bits(12, 0)));
}

QTEST_APPLESS_MAIN(TstLcrpEncoder)
#include "lcrp_encoder.test.moc"
