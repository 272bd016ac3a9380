// SPDX-License-Identifier: MIT
// Tests of QAOA ansatz descriptions: XY pair schedules, LCRP groups, warm-start angles, validation and names.
#include "qaoa/qaoa_ansatz.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp_test_instances.h"
#include "sim/state_vector.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <utility>

using namespace engine;

namespace {

std::vector<unsigned> iota(unsigned k, unsigned first = 0)
{
    std::vector<unsigned> group(k);
    for (unsigned t = 0; t < k; ++t)
        group[t] = first + t;
    return group;
}

std::vector<std::pair<unsigned, unsigned>> asPairs(const XYRound& round)
{
    std::vector<std::pair<unsigned, unsigned>> pairs;
    for (const QubitPair& p : round)
        pairs.emplace_back(p.a, p.b);
    return pairs;
}

using PairList = std::vector<std::pair<unsigned, unsigned>>;

// Expects `call` to throw engine::Error with `code`.
template <typename F>
bool throwsError(F&& call, ErrorCode code)
{
    try {
        call();
    } catch (const Error& e) {
        return e.code() == code;
    }
    return false;
}

} // namespace

class TstQaoaAnsatz : public QObject {
    Q_OBJECT

private slots:
    void parityRoundsFollowHadfield()
    {
        // algorithms.md section 3 examples, 1-based there, 0-based here.
        auto rounds = xyMixerRounds(iota(3), MixerKind::XYParityRing);
        QCOMPARE(rounds.size(), std::size_t{3});
        QCOMPARE(asPairs(rounds[0]), (PairList{{0, 1}}));
        QCOMPARE(asPairs(rounds[1]), (PairList{{1, 2}}));
        QCOMPARE(asPairs(rounds[2]), (PairList{{2, 0}}));

        rounds = xyMixerRounds(iota(4), MixerKind::XYParityRing);
        QCOMPARE(rounds.size(), std::size_t{2});
        QCOMPARE(asPairs(rounds[0]), (PairList{{0, 1}, {2, 3}}));
        QCOMPARE(asPairs(rounds[1]), (PairList{{1, 2}, {3, 0}}));

        rounds = xyMixerRounds(iota(5), MixerKind::XYParityRing);
        QCOMPARE(rounds.size(), std::size_t{3});
        QCOMPARE(asPairs(rounds[0]), (PairList{{0, 1}, {2, 3}}));
        QCOMPARE(asPairs(rounds[1]), (PairList{{1, 2}, {3, 4}}));
        QCOMPARE(asPairs(rounds[2]), (PairList{{4, 0}}));

        rounds = xyMixerRounds(iota(6), MixerKind::XYParityRing);
        QCOMPARE(rounds.size(), std::size_t{2});
        QCOMPARE(asPairs(rounds[0]), (PairList{{0, 1}, {2, 3}, {4, 5}}));
        QCOMPARE(asPairs(rounds[1]), (PairList{{1, 2}, {3, 4}, {5, 0}}));

        // Two qubits: the single pair once; one qubit: nothing. Qubit ids are the group's, not positions.
        rounds = xyMixerRounds({7, 3}, MixerKind::XYParityRing);
        QCOMPARE(rounds.size(), std::size_t{1});
        QCOMPARE(asPairs(rounds[0]), (PairList{{7, 3}}));
        QVERIFY(xyMixerRounds({4}, MixerKind::XYParityRing).empty());
    }

    void parityRoundsCoverTheRing()
    {
        // For k >= 3 the union of all rounds is exactly the ring edge set, each edge once, rounds disjoint.
        for (unsigned k = 3; k <= 9; ++k) {
            const auto group = iota(k, 10);
            std::multiset<std::pair<unsigned, unsigned>> used;
            for (const XYRound& round : xyMixerRounds(group, MixerKind::XYParityRing)) {
                std::set<unsigned> touched;
                for (const QubitPair& p : round) {
                    QVERIFY(touched.insert(p.a).second);
                    QVERIFY(touched.insert(p.b).second);
                    used.insert(std::minmax(p.a, p.b));
                }
            }
            std::multiset<std::pair<unsigned, unsigned>> ring;
            for (const QubitPair& p : xyRingPairs(group))
                ring.insert(std::minmax(p.a, p.b));
            QCOMPARE(used, ring);
            QCOMPARE(ring.size(), std::size_t{k});
        }
    }

    void completeRoundsAreARoundRobin()
    {
        for (unsigned k = 1; k <= 9; ++k) {
            const auto group = iota(k, 5);
            const auto rounds = xyMixerRounds(group, MixerKind::XYComplete);
            const std::size_t expectedRounds = k < 2 ? 0 : (k % 2 == 0 ? k - 1 : k);
            QCOMPARE(rounds.size(), expectedRounds);
            std::set<std::pair<unsigned, unsigned>> used;
            for (const XYRound& round : rounds) {
                std::set<unsigned> touched;
                QCOMPARE(round.size(), std::size_t{k / 2});
                for (const QubitPair& p : round) {
                    QVERIFY(p.a < p.b);
                    QVERIFY(p.a >= 5 && p.b < 5 + k);
                    QVERIFY(touched.insert(p.a).second);
                    QVERIFY(touched.insert(p.b).second);
                    QVERIFY(used.insert({p.a, p.b}).second);  // each pair once
                }
            }
            QCOMPARE(used.size(), std::size_t{k * (k - 1) / 2});
        }
    }

    void ringPairs()
    {
        QVERIFY(xyRingPairs({3}).empty());
        QCOMPARE(xyRingPairs({3, 8}).size(), std::size_t{1});
        const auto pairs = xyRingPairs({2, 4, 6, 8});
        QCOMPARE(pairs.size(), std::size_t{4});
        QCOMPARE(pairs[3].a, 8u);
        QCOMPARE(pairs[3].b, 2u);
        QVERIFY(throwsError([] { xyMixerRounds({0, 1, 2}, MixerKind::XYRing); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { xyMixerRounds({0, 1, 2}, MixerKind::X); }, ErrorCode::InvalidArgument));
    }

    void lcrpGroupsAndAssignments()
    {
        // 3 tasks x 3 models with 2 budget slack bits: groups {0,1,2}, {3,4,5}, {6,7,8}, slack 9, 10 ungrouped.
        const LcrpInstance instance = test_support::referenceLcrpInstance(3, 3, 15.0);
        LcrpEncoderOptions options;
        options.budgetSlackBits = 2;
        const LcrpEncoding encoding = encodeLcrp(instance, options);
        QCOMPARE(encoding.qubo.numVariables(), std::size_t{11});

        const auto groups = lcrpOneHotGroups(encoding);
        QCOMPARE(groups, (std::vector<std::vector<unsigned>>{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}));

        const Bits bits = lcrpAssignmentBits(encoding, {2, 0, 1});
        QCOMPARE(bitsToString(bits), std::string("00110001000"));

        const QaoaAnsatz w = makeLcrpXYAnsatz(encoding, MixerKind::XYParityRing);
        QCOMPARE(w.initialState, InitialStateKind::WState);
        QCOMPARE(w.numQubits, std::size_t{11});
        QCOMPARE(w.ungroupedQubits(), (std::vector<unsigned>{9, 10}));
        QVERIFY(w.usesGroups());

        const QaoaAnsatz basis = makeLcrpXYAnsatz(encoding, MixerKind::XYRing, {2, 0, 1});
        QCOMPARE(basis.initialState, InitialStateKind::BasisState);
        QCOMPARE(basis.basisBits, bits);

        QVERIFY(throwsError([&] { lcrpAssignmentBits(encoding, {0, 1}); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([&] { lcrpAssignmentBits(encoding, {0, 3, 1}); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([&] { lcrpAssignmentBits(encoding, {0, -1, 1}); }, ErrorCode::InvalidArgument));
    }

    void warmStartThetasFollowEgger_data()
    {
        QTest::addColumn<double>("c");
        QTest::addColumn<double>("epsilon");
        QTest::addColumn<double>("clamped");
        QTest::newRow("half") << 0.5 << 0.25 << 0.5;
        QTest::newRow("zero-bit") << 0.0 << 0.25 << 0.25;
        QTest::newRow("one-bit") << 1.0 << 0.25 << 0.75;
        QTest::newRow("inside") << 0.3 << 0.1 << 0.3;
        QTest::newRow("below") << 0.05 << 0.1 << 0.1;
        QTest::newRow("no-regularisation") << 1.0 << 0.0 << 1.0;
        QTest::newRow("eps-half") << 0.9 << 0.5 << 0.5;
    }

    void warmStartThetasFollowEgger()
    {
        QFETCH(double, c);
        QFETCH(double, epsilon);
        QFETCH(double, clamped);
        const auto thetas = warmStartThetas({c}, epsilon);
        QCOMPARE(thetas.size(), std::size_t{1});
        // P(x = 1) of RY(theta)|0> is sin^2(theta/2): it must equal the clamped value.
        QAOA_COMPARE_NEAR(std::pow(std::sin(thetas[0] / 2.0), 2), clamped, 1e-14);
        QAOA_COMPARE_NEAR(thetas[0], 2.0 * std::asin(std::sqrt(clamped)), 1e-15);
    }

    void warmStartAnsatz()
    {
        const QaoaAnsatz a = makeWarmStartAnsatz(Bits{1, 0, 1});
        QCOMPARE(a.mixer, MixerKind::WarmStart);
        QCOMPARE(a.initialState, InitialStateKind::WarmStart);
        QCOMPARE(a.numQubits, std::size_t{3});
        QAOA_COMPARE_NEAR(a.warmThetas[0], 2.0 * std::numbers::pi / 3.0, 1e-14);  // asin(sqrt(3/4)) = pi/3
        QAOA_COMPARE_NEAR(a.warmThetas[1], std::numbers::pi / 3.0, 1e-14);        // asin(1/2) = pi/6
        QVERIFY(a.ungroupedQubits() == (std::vector<unsigned>{0, 1, 2}));
        const QaoaAnsatz half = makeWarmStartAnsatz(std::vector<double>{0.5, 0.5});
        QAOA_COMPARE_NEAR(half.warmThetas[1], std::numbers::pi / 2.0, 1e-15);

        QVERIFY(throwsError([] { warmStartThetas({0.5}, -0.1); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { warmStartThetas({0.5}, 0.6); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { warmStartThetas({1.5}, 0.2); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { warmStartThetas({std::nan("")}, 0.2); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { makeWarmStartAnsatz(Bits{0, 2}); }, ErrorCode::InvalidArgument));
    }

    void validationRejectsBadDescriptions_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("where");
        QTest::newRow("no qubits") << 0 << "numQubits";
        QTest::newRow("x with w state") << 1 << "initialState";
        QTest::newRow("xy without groups") << 2 << "groups";
        QTest::newRow("out of range") << 3 << "groups/1/0";
        QTest::newRow("overlap") << 4 << "groups/1/1";
        QTest::newRow("empty group") << 5 << "groups/0";
        QTest::newRow("basis size") << 6 << "basisBits";
        QTest::newRow("basis not one-hot") << 7 << "basisBits";
        QTest::newRow("warm thetas size") << 8 << "warmThetas";
        QTest::newRow("warm theta range") << 9 << "warmThetas/1";
        QTest::newRow("groups with x") << 10 << "groups";
        QTest::newRow("warm with uniform") << 11 << "initialState";
    }

    void validationRejectsBadDescriptions()
    {
        QFETCH(int, variant);
        QFETCH(QString, where);
        QaoaAnsatz a;
        a.numQubits = 6;
        a.mixer = MixerKind::XYComplete;
        a.initialState = InitialStateKind::WState;
        a.groups = {{0, 1, 2}, {3, 4}};
        a.validate();  // the base description is valid
        switch (variant) {
        case 0: a.numQubits = 0; break;
        case 1: a.mixer = MixerKind::X; a.groups.clear(); break;
        case 2: a.groups.clear(); break;
        case 3: a.groups[1][0] = 6; break;
        case 4: a.groups[1][1] = 2; break;
        case 5: a.groups[0].clear(); break;
        case 6: a.initialState = InitialStateKind::BasisState; a.basisBits = {1, 0, 0, 1, 0}; break;
        case 7: a.initialState = InitialStateKind::BasisState; a.basisBits = {1, 0, 0, 1, 1, 0}; break;
        case 8: a = makeWarmStartAnsatz(std::vector<double>{0.5, 0.5}); a.warmThetas.pop_back(); break;
        case 9: a = makeWarmStartAnsatz(std::vector<double>{0.5, 0.5}); a.warmThetas[1] = 4.0; break;
        case 10: a.mixer = MixerKind::X; a.initialState = InitialStateKind::Uniform; break;
        case 11: a = makeWarmStartAnsatz(std::vector<double>{0.5, 0.5}); a.initialState = InitialStateKind::Uniform;
            break;
        default: QFAIL("unknown variant");
        }
        try {
            a.validate();
            QFAIL("validate() accepted an invalid ansatz");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QCOMPARE(QString::fromStdString(e.where()), where);
        }
    }

    void exactRingGroupLimit()
    {
        std::vector<std::vector<unsigned>> big{iota(MAX_EXACT_XY_GROUP_SIZE + 1)};
        QVERIFY(throwsError([&] { makeXYAnsatz(MAX_EXACT_XY_GROUP_SIZE + 1, big, MixerKind::XYRing); },
                            ErrorCode::LimitExceeded));
        // The product mixers have no such limit.
        QCOMPARE(makeXYAnsatz(MAX_EXACT_XY_GROUP_SIZE + 1, big, MixerKind::XYParityRing).groups.size(),
                 std::size_t{1});
        QVERIFY(throwsError([] { makeXYAnsatz(4, {{0, 1}}, MixerKind::X); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { makeXAnsatz(MAX_STATE_VECTOR_QUBITS + 1); }, ErrorCode::LimitExceeded));
    }

    void namesRoundTrip()
    {
        for (MixerKind kind : {MixerKind::X, MixerKind::XYRing, MixerKind::XYComplete, MixerKind::XYParityRing,
                               MixerKind::WarmStart})
            QCOMPARE(mixerKindFromName(mixerKindName(kind)), kind);
        for (InitialStateKind kind : {InitialStateKind::Uniform, InitialStateKind::WState,
                                      InitialStateKind::BasisState, InitialStateKind::WarmStart})
            QCOMPARE(initialStateKindFromName(initialStateKindName(kind)), kind);
        QCOMPARE(std::string(mixerKindName(MixerKind::XYParityRing)), std::string("xy-parity"));
        QVERIFY(throwsError([] { mixerKindFromName("xy"); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { initialStateKindFromName("plus"); }, ErrorCode::InvalidArgument));
    }
};

QTEST_APPLESS_MAIN(TstQaoaAnsatz)
#include "qaoa_ansatz.test.moc"
