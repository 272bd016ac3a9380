// SPDX-License-Identifier: MIT
// Tests of the routing benchmark protocol: row order, skipped sizes, CSV, the summary against a hand computation.
#include "transpile/routing_benchmark.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"

#include <map>
#include <sstream>
#include <string>
#include <tuple>

using engine::RouterKind;
using engine::RoutingBenchmarkOptions;
using engine::RoutingBenchmarkRow;
using routing_test::codeOf;

namespace {

RoutingBenchmarkOptions smallProtocol()
{
    RoutingBenchmarkOptions options;
    options.devices = {"grid:4x4", "line:12"};
    options.degrees = {3};
    options.sizes = {8, 10, 20};  // 20 fits neither device and is skipped
    options.graphsPerSize = 2;
    options.layout = engine::LayoutMethod::Qap;
    return options;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

std::vector<std::string> fields(const std::string& line)
{
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, ',');)
        out.push_back(field);
    return out;
}

} // namespace

class TstRoutingBenchmark : public QObject {
    Q_OBJECT

private slots:
    void rowsFollowTheProtocol()
    {
        const auto options = smallProtocol();
        const auto rows = engine::runRoutingBenchmark(options);
        // 2 devices x 2 sizes x 2 graphs x 3 routers.
        QCOMPARE(rows.size(), std::size_t{24});
        std::size_t i = 0;
        for (const std::string& device : options.devices) {
            for (unsigned n : {8u, 10u}) {
                for (unsigned graph = 0; graph < 2; ++graph) {
                    for (RouterKind router : options.routers) {
                        const RoutingBenchmarkRow& row = rows[i++];
                        QCOMPARE(row.device, device);
                        QCOMPARE(row.degree, 3u);
                        QCOMPARE(row.vertices, n);
                        QCOMPARE(row.graphIndex, graph);
                        QCOMPARE(row.router, router);
                        QVERIFY(row.seconds >= 0.0);
                        QVERIFY(row.twoQubitGates >= 2 * std::size_t{n * 3 / 2} + row.swaps);
                    }
                }
            }
        }
        // Reproducible: the same options give the same swap counts.
        const auto again = engine::runRoutingBenchmark(options);
        for (std::size_t k = 0; k < rows.size(); ++k)
            QCOMPARE(again[k].swaps, rows[k].swaps);
    }

    void csvHasOneLinePerRow()
    {
        auto options = smallProtocol();
        options.devices = {"grid:4x4"};
        const auto rows = engine::runRoutingBenchmark(options);
        const auto csv = lines(engine::routingBenchmarkCsv(rows));
        QCOMPARE(csv.front(), std::string("device,degree,vertices,graph,router,swaps,depth,two_qubit_gates,seconds"));
        QCOMPARE(csv.size(), rows.size() + 1);
        const auto first = fields(csv[1]);
        QCOMPARE(first.size(), std::size_t{9});
        QCOMPARE(first[0], std::string("grid:4x4"));
        QCOMPARE(first[4], std::string("greedy"));
        QCOMPARE(first[5], std::to_string(rows[0].swaps));
    }

    void summaryMatchesHandComputation()
    {
        // Hand-made rows: the summary's means and savings computed independently here.
        std::vector<RoutingBenchmarkRow> rows;
        auto add = [&](const char* device, unsigned graph, RouterKind router, std::size_t swaps, std::size_t depth) {
            RoutingBenchmarkRow r;
            r.device = device;
            r.degree = 3;
            r.vertices = 10;
            r.graphIndex = graph;
            r.router = router;
            r.swaps = swaps;
            r.depth = depth;
            rows.push_back(r);
        };
        add("a", 0, RouterKind::Greedy, 10, 5);
        add("a", 0, RouterKind::AStar, 8, 7);
        add("a", 1, RouterKind::Greedy, 20, 9);
        add("a", 1, RouterKind::AStar, 15, 9);
        add("a", 2, RouterKind::Greedy, 0, 1);  // no saving can be defined against zero swaps
        add("a", 2, RouterKind::AStar, 0, 1);
        add("b", 0, RouterKind::Greedy, 4, 2);
        add("b", 0, RouterKind::AStar, 5, 3);
        const auto summary = lines(engine::routingBenchmarkSummaryCsv(rows, RouterKind::Greedy));
        QCOMPARE(summary.size(), std::size_t{5});
        QCOMPARE(summary[0], std::string("device,router,instances,mean_swaps,mean_depth,mean_saving_vs_greedy"));
        const auto aGreedy = fields(summary[1]);
        QCOMPARE(aGreedy[0], std::string("a"));
        QCOMPARE(aGreedy[1], std::string("greedy"));
        QCOMPARE(aGreedy[2], std::string("3"));
        QAOA_COMPARE_NEAR(std::stod(aGreedy[3]), 10.0, 1e-3);
        QAOA_COMPARE_NEAR(std::stod(aGreedy[4]), 5.0, 1e-3);
        QAOA_COMPARE_NEAR(std::stod(aGreedy[5]), 0.0, 1e-4);
        const auto aStar = fields(summary[2]);
        QCOMPARE(aStar[1], std::string("astar"));
        QAOA_COMPARE_NEAR(std::stod(aStar[3]), 23.0 / 3.0, 1e-3);
        QAOA_COMPARE_NEAR(std::stod(aStar[5]), ((1.0 - 8.0 / 10.0) + (1.0 - 15.0 / 20.0)) / 2.0, 1e-4);
        const auto bStar = fields(summary[4]);
        QCOMPARE(bStar[0], std::string("b"));
        QAOA_COMPARE_NEAR(std::stod(bStar[5]), 1.0 - 5.0 / 4.0, 1e-4);
    }

    void progressAndCancel()
    {
        auto options = smallProtocol();
        engine::RunControl control;
        double lastTotal = 0.0;
        int reports = 0;
        control.setProgressCallback([&](double, double total, std::string_view stage) {
            if (stage != "routing benchmark")
                return;
            lastTotal = total;
            if (++reports == 3)
                control.requestCancel();
        });
        const auto rows = engine::runRoutingBenchmark(options, control);
        QCOMPARE(lastTotal, 8.0);  // instances: 2 devices x 2 sizes x 2 graphs
        QCOMPARE(rows.size(), std::size_t{3 * 3});
    }

    void rejectsBadOptions()
    {
        auto options = smallProtocol();
        options.graphsPerSize = 1000000;
        QCOMPARE(codeOf([&] { engine::runRoutingBenchmark(options); }), engine::ErrorCode::LimitExceeded);
        auto unknown = smallProtocol();
        unknown.devices = {"torus:3"};
        QCOMPARE(codeOf([&] { engine::runRoutingBenchmark(unknown); }), engine::ErrorCode::InvalidArgument);
    }
};

QTEST_APPLESS_MAIN(TstRoutingBenchmark)
#include "routing_benchmark.test.moc"
