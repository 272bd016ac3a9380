// SPDX-License-Identifier: MIT
// Tests of IBM account resolution: CRN parsing, regional URLs, the Qiskit account file, environment, precedence.
#include "ibmq/ibm_account.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "temp_files.h"

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <filesystem>

using namespace engine;

namespace {

const std::string CRN_US = "crn:v1:bluemix:public:quantum-computing:us-east:a/abc123:inst-1::";
const std::string CRN_EU = "crn:v1:bluemix:public:quantum-computing:eu-de:a/abc123:inst-2::";

nlohmann::json entry(const char* channel, const std::string& token, const std::string& instance = {},
                     const std::string& url = {})
{
    nlohmann::json e = {{"channel", channel}, {"token", token}};
    if (!instance.empty())
        e["instance"] = instance;
    if (!url.empty())
        e["url"] = url;
    return e;
}

std::string accountFile()
{
    nlohmann::json file;
    file["old-classic"] =
        entry("ibm_quantum", "classic-token-000000", {}, "https://auth.quantum-computing.ibm.com/api");
    file["work"] = entry("ibm_quantum_platform", "work-key-0123456789abcdef", CRN_EU, "https://cloud.ibm.com");
    file["home"] = entry("ibm_quantum_platform", "home-key-fedcba9876543210", CRN_US, "https://cloud.ibm.com");
    file["home"]["is_default_account"] = true;
    file["cloud"] = entry("ibm_cloud", "cloud-key-aaaaaaaaaaaa", CRN_US, "https://cloud.ibm.com");
    file["cloud"]["private_endpoint"] = true;
    file["noinstance"] = entry("ibm_quantum_platform", "noinst-key-bbbbbbbbbbbb", {}, "https://test.cloud.ibm.com");
    return file.dump(2);
}

struct Home {
    QTemporaryDir dir;
    std::string path() const { return dir.path().toStdString(); }
    void write(const std::string& content) const
    {
        std::filesystem::create_directories(path() + "/.qiskit");
        test_support::writeRaw(path() + "/.qiskit/qiskit-ibm.json", content);
    }
};

ErrorCode errorCodeOf(const IbmAccountSources& sources, std::string* message = nullptr)
{
    try {
        loadIbmAccount(sources);
    } catch (const Error& e) {
        if (message)
            *message = e.what();
        return e.code();
    }
    throw std::runtime_error("no error");
}

} // namespace

class TstIbmAccount : public QObject {
    Q_OBJECT
private slots:
    void crnParsed();
    void badCrn_data();
    void badCrn();
    void regionalUrls();
    void masking();
    void defaultAccountFromFile();
    void namedAccount();
    void environmentBeatsFileDefault();
    void namedBeatsEnvironment();
    void urlOverrides();
    void privateEndpointAndTestCloud();
    void fallbackDefaults();
    void missingFileAndAccounts();
    void malformedFile();
    void keyNeverInMessages();
};

void TstIbmAccount::crnParsed()
{
    const InstanceCrn crn = parseInstanceCrn(CRN_EU);
    QCOMPARE(crn.region, std::string("eu-de"));
    QCOMPARE(crn.accountId, std::string("abc123"));
    QCOMPARE(crn.instanceId, std::string("inst-2"));
    IbmAccount a;
    a.instanceCrn = CRN_US;
    QCOMPARE(a.region(), std::string("us-east"));
}

void TstIbmAccount::badCrn_data()
{
    QTest::addColumn<QString>("crn");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("too few fields") << "crn:v1:bluemix:public:quantum-computing:us-east:a/x"
                                    << "fields";
    QTest::newRow("not crn") << "xrn:v1:bluemix:public:quantum-computing:us-east:a/x:i::"
                             << "crn:v1";
    QTest::newRow("wrong service") << "crn:v1:bluemix:public:cloud-object-storage:us-east:a/x:i::"
                                   << "quantum-computing";
    QTest::newRow("empty region") << "crn:v1:bluemix:public:quantum-computing::a/x:i::"
                                  << "region";
    QTest::newRow("bad region") << "crn:v1:bluemix:public:quantum-computing:US East:a/x:i::"
                                << "region";
    QTest::newRow("no a/") << "crn:v1:bluemix:public:quantum-computing:us-east:x:i::"
                           << "a/<account id>";
    QTest::newRow("no instance") << "crn:v1:bluemix:public:quantum-computing:us-east:a/x:::"
                                 << "instance id";
}

void TstIbmAccount::badCrn()
{
    QFETCH(QString, crn);
    QFETCH(QString, mentions);
    try {
        parseInstanceCrn(crn.toStdString(), "--instance");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("--instance"));
        QVERIFY2(std::string(e.what()).find(mentions.toStdString()) != std::string::npos, e.what());
    }
}

void TstIbmAccount::regionalUrls()
{
    QCOMPARE(defaultApiUrl("us-east"), std::string("https://quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(defaultApiUrl("eu-de"), std::string("https://eu-de.quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(defaultApiUrl("eu-de", true), std::string("https://private.eu-de.quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(defaultApiUrl("us-east", true), std::string("https://private.us-east.quantum.cloud.ibm.com/api/v1"));
}

void TstIbmAccount::masking()
{
    IbmAccount a;
    a.apiKey = "abcdEFGHijklMNOP";
    QCOMPARE(a.maskedKey(), std::string("abcd\xE2\x80\xA6MNOP"));
    a.apiKey = "short-key";
    QCOMPARE(a.maskedKey(), std::string("\xE2\x80\xA6"));
    a.apiKey = "";
    QCOMPARE(a.maskedKey(), std::string("\xE2\x80\xA6"));
    a.apiKey = "123456789012";
    QCOMPARE(a.maskedKey(), std::string("1234\xE2\x80\xA6"
                                        "9012"));
}

void TstIbmAccount::defaultAccountFromFile()
{
    Home home;
    home.write(accountFile());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    const IbmAccount a = loadIbmAccount(s);
    QCOMPARE(a.name, std::string("home"));
    QCOMPARE(a.apiKey, std::string("home-key-fedcba9876543210"));
    QCOMPARE(a.instanceCrn, CRN_US);
    QCOMPARE(a.apiUrl, std::string("https://quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(a.iamUrl, std::string("https://iam.cloud.ibm.com/identity/token"));
}

void TstIbmAccount::namedAccount()
{
    Home home;
    home.write(accountFile());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    s.accountName = "work";
    const IbmAccount a = loadIbmAccount(s);
    QCOMPARE(a.apiKey, std::string("work-key-0123456789abcdef"));
    QCOMPARE(a.region(), std::string("eu-de"));
    QCOMPARE(a.apiUrl, std::string("https://eu-de.quantum.cloud.ibm.com/api/v1"));

    s.accountName = "nobody";
    std::string message;
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidArgument);
    QVERIFY(message.find("nobody") != std::string::npos);
    s.accountName = "old-classic";
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidInput);
    QVERIFY(message.find("ibm_quantum") != std::string::npos);
}

void TstIbmAccount::environmentBeatsFileDefault()
{
    Home home;
    home.write(accountFile());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    s.environment = {{"QISKIT_IBM_TOKEN", "env-key-000011112222"}, {"QISKIT_IBM_INSTANCE", CRN_EU}};
    const IbmAccount a = loadIbmAccount(s);
    QCOMPARE(a.name, std::string("environment"));
    QCOMPARE(a.apiKey, std::string("env-key-000011112222"));
    QCOMPARE(a.apiUrl, std::string("https://eu-de.quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(a.iamUrl, std::string(IBM_DEFAULT_IAM_URL));

    // A token without an instance is an error, not a silent fall-back to the file.
    s.environment = {{"QISKIT_IBM_TOKEN", "env-key-000011112222"}};
    std::string message;
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidArgument);
    QVERIFY(message.find("QISKIT_IBM_INSTANCE") != std::string::npos);

    // The environment works without any file.
    IbmAccountSources bare;
    bare.environment = {{"QISKIT_IBM_TOKEN", "env-key-000011112222"}, {"QISKIT_IBM_INSTANCE", CRN_US}};
    QCOMPARE(loadIbmAccount(bare).instanceCrn, CRN_US);
    bare.environment["QISKIT_IBM_INSTANCE"] = "crn:bad";
    QCOMPARE(errorCodeOf(bare), ErrorCode::InvalidInput);
}

void TstIbmAccount::namedBeatsEnvironment()
{
    Home home;
    home.write(accountFile());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    s.accountName = "home";
    s.environment = {{"QISKIT_IBM_TOKEN", "env-key-000011112222"}, {"QISKIT_IBM_INSTANCE", CRN_EU}};
    const IbmAccount a = loadIbmAccount(s);
    QCOMPARE(a.apiKey, std::string("home-key-fedcba9876543210"));
    QCOMPARE(a.instanceCrn, CRN_US);
}

void TstIbmAccount::urlOverrides()
{
    Home home;
    home.write(accountFile());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    s.environment = {{"QAOA_IBM_URL", "http://127.0.0.1:9000/api/v1/"}, {"QAOA_IAM_URL", "http://127.0.0.1:9000/iam"}};
    IbmAccount a = loadIbmAccount(s);
    QCOMPARE(a.apiUrl, std::string("http://127.0.0.1:9000/api/v1")); // trailing slash dropped
    QCOMPARE(a.iamUrl, std::string("http://127.0.0.1:9000/iam"));
    s.apiUrl = "http://localhost:1/api/v1";
    s.iamUrl = "http://localhost:1/identity/token";
    a = loadIbmAccount(s);
    QCOMPARE(a.apiUrl, std::string("http://localhost:1/api/v1"));
    QCOMPARE(a.iamUrl, std::string("http://localhost:1/identity/token"));
}

void TstIbmAccount::privateEndpointAndTestCloud()
{
    Home home;
    home.write(accountFile());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    s.accountName = "cloud";
    IbmAccount a = loadIbmAccount(s);
    QCOMPARE(a.apiUrl, std::string("https://private.us-east.quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(a.iamUrl, std::string("https://private.iam.cloud.ibm.com/identity/token"));

    // An entry without "instance" takes QISKIT_IBM_INSTANCE; its staging URL gives the staging IAM.
    s.accountName = "noinstance";
    std::string message;
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidArgument);
    QVERIFY(message.find("instance") != std::string::npos);
    s.environment = {{"QISKIT_IBM_INSTANCE", CRN_EU}};
    a = loadIbmAccount(s);
    QCOMPARE(a.instanceCrn, CRN_EU);
    QCOMPARE(a.iamUrl, std::string("https://iam.test.cloud.ibm.com/identity/token"));
}

void TstIbmAccount::fallbackDefaults()
{
    Home home;
    // No default flag: the conventional name wins.
    home.write(
        nlohmann::json{{"a", entry("ibm_quantum_platform", "aaaa-key-11112222", CRN_EU)},
                       {"default-ibm-quantum-platform", entry("ibm_quantum_platform", "dflt-key-33334444", CRN_US)}}
            .dump());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    QCOMPARE(loadIbmAccount(s).apiKey, std::string("dflt-key-33334444"));
    QCOMPARE(loadIbmAccount(s).iamUrl, std::string(IBM_DEFAULT_IAM_URL));
    // A single usable entry is the default.
    home.write(nlohmann::json{{"only", entry("ibm_cloud", "only-key-55556666", CRN_US)}}.dump());
    QCOMPARE(loadIbmAccount(s).name, std::string("only"));
    // Several and no default: an error listing them.
    home.write(nlohmann::json{{"x", entry("ibm_cloud", "x-key-555566667777", CRN_US)},
                              {"y", entry("ibm_cloud", "y-key-555566667777", CRN_US)}}
                   .dump());
    std::string message;
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidArgument);
    QVERIFY(message.find("x, y") != std::string::npos);
}

void TstIbmAccount::missingFileAndAccounts()
{
    Home home; // empty: no .qiskit folder
    IbmAccountSources s;
    s.homeDirectory = home.path();
    std::string message;
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidArgument);
    QVERIFY(message.find("QISKIT_IBM_TOKEN") != std::string::npos);
    QVERIFY(message.find("qiskit-ibm.json") != std::string::npos);
    s.accountName = "home";
    QCOMPARE(errorCodeOf(s), ErrorCode::InvalidArgument);

    home.write(nlohmann::json{{"old", entry("ibm_quantum", "t-000000000000")}}.dump());
    s.accountName.clear();
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidArgument);
    QVERIFY(message.find("no \"ibm_quantum_platform\"") != std::string::npos);
}

void TstIbmAccount::malformedFile()
{
    Home home;
    IbmAccountSources s;
    s.homeDirectory = home.path();
    home.write("{not json");
    QCOMPARE(errorCodeOf(s), ErrorCode::InvalidInput);
    home.write("[1, 2]");
    QCOMPARE(errorCodeOf(s), ErrorCode::InvalidInput);
    home.write(nlohmann::json{{"a", {{"channel", "ibm_cloud"}, {"token", 5}, {"instance", "x"}}}}.dump());
    try {
        loadIbmAccount(s);
        QFAIL("accepted");
    } catch (const Error& e) {
        QVERIFY(e.where().find(":/a/token") != std::string::npos);
    }
    home.write(nlohmann::json{{"a", entry("ibm_cloud", "k-000000000000", CRN_US, "https://example.com")}}.dump());
    QCOMPARE(errorCodeOf(s), ErrorCode::InvalidInput);
    // An explicit account file path replaces the home lookup.
    QTemporaryDir other;
    const std::string path = other.path().toStdString() + "/accounts.json";
    test_support::writeRaw(path, nlohmann::json{{"z", entry("ibm_cloud", "z-key-000000000", CRN_EU)}}.dump());
    s.accountFile = path;
    QCOMPARE(loadIbmAccount(s).name, std::string("z"));
}

void TstIbmAccount::keyNeverInMessages()
{
    Home home;
    const std::string secret = "SECRET-KEY-9f8e7d6c5b4a";
    home.write(nlohmann::json{{"a", entry("ibm_cloud", secret, "crn:v1:bluemix:public:quantum-computing:us-east:a/x")}}
                   .dump());
    IbmAccountSources s;
    s.homeDirectory = home.path();
    std::string message;
    QCOMPARE(errorCodeOf(s, &message), ErrorCode::InvalidInput);
    QVERIFY(message.find(secret) == std::string::npos);
    s.environment = {{"QISKIT_IBM_TOKEN", secret}};
    s.accountName.clear();
    errorCodeOf(s, &message);
    QVERIFY(message.find(secret) == std::string::npos);
}

QTEST_APPLESS_MAIN(TstIbmAccount)
#include "ibm_account.test.moc"
