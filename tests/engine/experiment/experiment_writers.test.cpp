// SPDX-License-Identifier: MIT
// Tests of the experiment CSV and JSON writers: columns, empty cells, quoting, statuses and errors.
#include "experiment/experiment_writers.h"

#include <QtTest>

#include <cmath>

using namespace engine;

namespace {

ExperimentHeader header()
{
    return {"qaoa", {"p", "mixer"}, {"valid_rate", "q_kind"}};
}

std::vector<ExperimentRow> rows()
{
    ExperimentRow a;
    a.point = 0;
    a.axes = {1.0, std::string("x")};
    a.metrics = {0.25, std::string("estimate")};
    ExperimentRow b;
    b.point = 1;
    b.axes = {2.0, std::string("a,\"b\"")};
    b.metrics = {ExperimentValue(), ExperimentValue()};
    b.status = ExperimentRowStatus::Failed;
    b.error = "where: bad, really";
    ExperimentRow c;
    c.point = 2;
    c.axes = {0.1, std::string("x")};
    c.metrics = {finiteValue(std::nan("")), std::string("undefined")};
    c.status = ExperimentRowStatus::Cancelled;
    return {a, b, c};
}

} // namespace

class TstExperimentWriters : public QObject {
    Q_OBJECT

private slots:
    void csv()
    {
        const std::string expected = "point,p,mixer,valid_rate,q_kind,status,error\n"
                                     "0,1,x,0.25,estimate,ok,\n"
                                     "1,2,\"a,\"\"b\"\"\",,,failed,\"where: bad, really\"\n"
                                     "2,0.1,x,,undefined,cancelled,\n";
        QCOMPARE(experimentCsv(header(), rows()), expected);
        QCOMPARE(experimentCsv(header(), {}), std::string("point,p,mixer,valid_rate,q_kind,status,error\n"));
    }

    void json()
    {
        const nlohmann::json j = experimentJson(header(), rows());
        QCOMPARE(j["kind"], nlohmann::json("qaoa"));
        QCOMPARE(j["axes"], nlohmann::json::parse(R"(["p","mixer"])"));
        QCOMPARE(j["rows"].size(), std::size_t{3});
        QCOMPARE(j["rows"][0]["valid_rate"], nlohmann::json(0.25));
        QCOMPARE(j["rows"][0]["status"], nlohmann::json("ok"));
        QVERIFY(!j["rows"][0].contains("error"));
        QVERIFY(j["rows"][1]["valid_rate"].is_null());
        QCOMPARE(j["rows"][1]["error"], nlohmann::json("where: bad, really"));
        QCOMPARE(j["rows"][2]["p"], nlohmann::json(0.1));
        QVERIFY(j["rows"][2]["valid_rate"].is_null());
    }
};

QTEST_APPLESS_MAIN(TstExperimentWriters)
#include "experiment_writers.test.moc"
