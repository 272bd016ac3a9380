// SPDX-License-Identifier: MIT
// Tests of SHA-256: the FIPS 180-2 example vectors, padding boundaries, and incremental against one-shot hashing.
#include "bundle/sha256.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <random>

using engine::sha256Hex;

class TstSha256 : public QObject {
    Q_OBJECT

private slots:
    void fipsVectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("digest");
        // FIPS 180-2 appendix B and the NIST example values.
        QTest::newRow("empty") << QByteArray("")
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                  << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("896 bits")
            << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
                          "rsmnopqrstnopqrstu")
            << QByteArray("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void fipsVectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, digest);
        QCOMPARE(sha256Hex(std::string_view(message.constData(), static_cast<std::size_t>(message.size()))),
                 digest.toStdString());
    }

    // Messages of 0..200 bytes cross every padding case (55, 56, 63, 64 bytes in the last block); feeding them
    // one byte at a time and in random pieces must give the one-shot digest.
    void incrementalMatchesOneShot()
    {
        std::mt19937_64 rng(7);
        std::string message;
        for (std::size_t length = 0; length <= 200; ++length) {
            const std::string expected = sha256Hex(message);
            engine::Sha256 bytewise;
            for (char c : message)
                bytewise.update(std::string_view(&c, 1));
            QCOMPARE(engine::digestHex(bytewise.digest()), expected);
            engine::Sha256 pieces;
            for (std::size_t at = 0; at < message.size();) {
                const std::size_t take = std::min<std::size_t>(message.size() - at, rng() % 70);
                pieces.update(std::string_view(message).substr(at, take));
                at += take;
            }
            QCOMPARE(engine::digestHex(pieces.digest()), expected);
            message.push_back(static_cast<char>(rng() & 0xff));
        }
    }

    void distinctMessagesDiffer()
    {
        QVERIFY(sha256Hex("abc") != sha256Hex("abd"));
        QVERIFY(sha256Hex(std::string(64, '\0')) != sha256Hex(std::string(65, '\0')));
    }

    void spentObjectRefusesMoreInput()
    {
        engine::Sha256 hash;
        hash.update("abc");
        (void)hash.digest();
        QVERIFY_THROWS_EXCEPTION(engine::Error, hash.update("d"));
        QVERIFY_THROWS_EXCEPTION(engine::Error, hash.digest());
    }
};

QTEST_APPLESS_MAIN(TstSha256)
#include "sha256.test.moc"
