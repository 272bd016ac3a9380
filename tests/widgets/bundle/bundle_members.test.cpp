// SPDX-License-Identifier: MIT
// Tests of the member listing: verified members of a decoded bundle, and the lenient inspection that marks a
// changed, missing or unlisted member of a bundle the strict reader refuses.
#include "bundle/bundle_members.h"

#include <QtTest>

#include "temp_files.h"

#include "bundle_fixtures.h"

#include "bundle/sha256.h"

#include <QTemporaryDir>

using namespace workbench;

namespace {

const BundleMemberStatus* findMember(const std::vector<BundleMemberStatus>& members, const std::string& path)
{
    for (const BundleMemberStatus& m : members)
        if (m.path == path)
            return &m;
    return nullptr;
}

} // namespace

class TstBundleMembers : public QObject {
    Q_OBJECT

private slots:
    void decodedBundleMembersAreVerified()
    {
        const engine::Bundle bundle = bundle_fixtures::jobBundle();
        const std::vector<BundleMemberStatus> members = verifiedMembers(bundle);
        QCOMPARE(members.size(), bundle.files.size());
        for (std::size_t k = 0; k < members.size(); ++k) {
            QCOMPARE(members[k].path, bundle.files[k].path);
            QCOMPARE(members[k].role, bundle.files[k].role);
            QCOMPARE(members[k].bytes, std::uint64_t{bundle.files[k].content.size()});
            QCOMPARE(members[k].actualSha256, engine::sha256Hex(bundle.files[k].content));
            QCOMPARE(members[k].listedSha256, members[k].actualSha256);
            QCOMPARE(members[k].state, BundleMemberState::Verified);
        }
    }

    void inspectionMarksEachKindOfProblem()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle = bundle_fixtures::jobBundle();
        const std::string bytes = bundle_fixtures::editMembers(engine::encodeBundle(bundle), [](auto& members) {
            for (auto it = members.begin(); it != members.end();) {
                if (it->path == "job-results.json")
                    it->content += " ";  // changed
                if (it->path == "circuits/pub0.qasm") {
                    it = members.erase(it);  // missing
                    continue;
                }
                ++it;
            }
            members.push_back({"extra.txt", "x"});  // unlisted
        });
        const std::string path = dir.filePath(QStringLiteral("b.qwbundle")).toStdString();
        test_support::writeRaw(path, bytes);
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::readBundle(path));
        const std::vector<BundleMemberStatus> members = inspectMembers(path);
        QCOMPARE(members.size(), bundle.files.size() + 1);
        QCOMPARE(findMember(members, "instance.json")->state, BundleMemberState::Verified);
        QCOMPARE(findMember(members, "job-results.json")->state, BundleMemberState::Mismatch);
        QVERIFY(findMember(members, "job-results.json")->actualSha256 != findMember(members, "job-results.json")->listedSha256);
        QCOMPARE(findMember(members, "circuits/pub0.qasm")->state, BundleMemberState::Missing);
        QVERIFY(findMember(members, "circuits/pub0.qasm")->actualSha256.empty());
        QCOMPARE(findMember(members, "extra.txt")->state, BundleMemberState::Unlisted);
        QCOMPARE(findMember(members, "extra.txt")->bytes, std::uint64_t{1});
    }

    void unreadableFilesGiveNoMembers()
    {
        QTemporaryDir dir;
        const std::string garbage = dir.filePath(QStringLiteral("g.qwbundle")).toStdString();
        test_support::writeRaw(garbage, "plain text");
        QVERIFY(inspectMembers(garbage).empty());
        QVERIFY(inspectMembers(dir.filePath(QStringLiteral("absent")).toStdString()).empty());
        // An archive whose first member is not the manifest.
        const std::string wrongFirst = dir.filePath(QStringLiteral("w.qwbundle")).toStdString();
        test_support::writeRaw(wrongFirst, engine::gzipCompress(engine::writeUstar({{"a.txt", "a"}})));
        QVERIFY(inspectMembers(wrongFirst).empty());
    }
};

QTEST_GUILESS_MAIN(TstBundleMembers)
#include "bundle_members.test.moc"
