// SPDX-License-Identifier: MIT
// Tests of the OpenQASM tokenizer: kinds, texts, positions in code points, comments and malformed input.
#include "circuit/qasm_lexer.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

using engine::detail::QasmLexer;
using engine::detail::QasmToken;
using Kind = engine::detail::QasmTokenKind;

namespace {

std::vector<QasmToken> lexAll(std::string_view text)
{
    QasmLexer lexer(text, "t.qasm");
    std::vector<QasmToken> tokens;
    while (true) {
        tokens.push_back(lexer.next());
        if (tokens.back().kind == Kind::End)
            return tokens;
    }
}

} // namespace

class TstQasmLexer : public QObject {
    Q_OBJECT

private slots:
    void tokensOfAStatementSequence()
    {
        const std::string text = "OPENQASM 3.0;\n"
                                 "include \"stdgates.inc\"; // comment\n"
                                 "  rz(2*gamma_0 - .5e-3) $12, q[0];\n"
                                 "measure q -> c[1];";
        const std::vector<QasmToken> t = lexAll(text);
        struct Want {
            Kind kind;
            const char* text;
            std::uint32_t line;
            std::uint32_t column;
        };
        const std::vector<Want> want = {
            {Kind::Identifier, "OPENQASM", 1, 1}, {Kind::Real, "3.0", 1, 10},      {Kind::Semicolon, ";", 1, 13},
            {Kind::Identifier, "include", 2, 1},  {Kind::String, "\"stdgates.inc\"", 2, 9},
            {Kind::Semicolon, ";", 2, 23},        {Kind::Identifier, "rz", 3, 3},   {Kind::LParen, "(", 3, 5},
            {Kind::Integer, "2", 3, 6},           {Kind::Star, "*", 3, 7},          {Kind::Identifier, "gamma_0", 3, 8},
            {Kind::Minus, "-", 3, 16},            {Kind::Real, ".5e-3", 3, 18},     {Kind::RParen, ")", 3, 23},
            {Kind::HardwareQubit, "$12", 3, 25},  {Kind::Comma, ",", 3, 28},        {Kind::Identifier, "q", 3, 30},
            {Kind::LBracket, "[", 3, 31},         {Kind::Integer, "0", 3, 32},      {Kind::RBracket, "]", 3, 33},
            {Kind::Semicolon, ";", 3, 34},        {Kind::Identifier, "measure", 4, 1},
            {Kind::Identifier, "q", 4, 9},        {Kind::Arrow, "->", 4, 11},       {Kind::Identifier, "c", 4, 14},
            {Kind::LBracket, "[", 4, 15},         {Kind::Integer, "1", 4, 16},      {Kind::RBracket, "]", 4, 17},
            {Kind::Semicolon, ";", 4, 18},        {Kind::End, "", 4, 19},
        };
        QCOMPARE(t.size(), want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            QCOMPARE(static_cast<int>(t[k].kind), static_cast<int>(want[k].kind));
            QCOMPARE(std::string(t[k].text), std::string(want[k].text));
            QCOMPARE(t[k].line, want[k].line);
            QCOMPARE(t[k].column, want[k].column);
        }
    }

    void endRepeats()
    {
        QasmLexer lexer("  // only a comment", "x");
        QCOMPARE(static_cast<int>(lexer.next().kind), static_cast<int>(Kind::End));
        QCOMPARE(static_cast<int>(lexer.next().kind), static_cast<int>(Kind::End));
        QCOMPARE(lexer.place(3, 4), std::string("x:3:4"));
    }

    void unicodeIdentifiersAndColumns()
    {
        // Columns count code points: π is one column (two bytes), ℇ one column (three bytes).
        const std::vector<QasmToken> t = lexAll("rz(π/2) θ1, ℇ;\n/* é\n */ x");
        QCOMPARE(std::string(t[2].text), std::string("π"));
        QCOMPARE(static_cast<int>(t[2].kind), static_cast<int>(Kind::Identifier));
        QCOMPARE(t[3].column, 5u);  // '/'
        QCOMPARE(std::string(t[6].text), std::string("θ1"));
        QCOMPARE(t[6].column, 9u);
        QCOMPARE(std::string(t[8].text), std::string("ℇ"));
        QCOMPARE(t[8].column, 13u);
        QCOMPARE(t[9].column, 14u);
        QCOMPARE(std::string(t[10].text), std::string("x"));
        QCOMPARE(t[10].line, 3u);
        QCOMPARE(t[10].column, 5u);
    }

    void numbersAndOperators()
    {
        const std::vector<QasmToken> t = lexAll("1 1.5 1. 1E+10 7e3 @ == ** < 'a b'");
        const std::vector<Kind> kinds = {Kind::Integer, Kind::Real,  Kind::Real,  Kind::Real,
                                         Kind::Real,    Kind::Other, Kind::Other, Kind::Other,
                                         Kind::Other,   Kind::String, Kind::End};
        QCOMPARE(t.size(), kinds.size());
        for (std::size_t k = 0; k < kinds.size(); ++k)
            QCOMPARE(static_cast<int>(t[k].kind), static_cast<int>(kinds[k]));
        QCOMPARE(std::string(t[6].text), std::string("=="));
        QCOMPARE(std::string(t[7].text), std::string("**"));
        for (int k = 0; k <= static_cast<int>(Kind::Other); ++k)
            QVERIFY(std::string(engine::detail::qasmTokenKindName(static_cast<Kind>(k))).size() > 2);
    }

    void malformedInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unterminated comment") << QByteArray("h q;\n  /* open\n") << "t.qasm:2:3"
                                              << "unterminated comment";
        QTest::newRow("unterminated string") << QByteArray("include \"stdgates.inc;\nx") << "t.qasm:1:9"
                                             << "unterminated string";
        QTest::newRow("exponent without digits") << QByteArray("rz(1e) q;") << "t.qasm:1:4"
                                                 << "the exponent has no digits";
        QTest::newRow("letters after digits") << QByteArray("rz(12abc) q;") << "t.qasm:1:4"
                                              << "malformed number '12abc'";
        QTest::newRow("dollar without digits") << QByteArray("x $q;") << "t.qasm:1:3" << "expected digits after '$'";
        QTest::newRow("dollar with letters") << QByteArray("x $1a;") << "t.qasm:1:3" << "malformed physical qubit";
        QTest::newRow("control character") << QByteArray("x q;\n\x01") << "t.qasm:2:1" << "control character";
        QTest::newRow("bad utf-8") << QByteArray("x \xff;") << "t.qasm:1:3" << "malformed UTF-8";
        QTest::newRow("truncated utf-8") << QByteArray("x \xcf") << "t.qasm:1:3" << "malformed UTF-8";
        QTest::newRow("overlong utf-8") << QByteArray("x \xe0\x80\x80;") << "t.qasm:1:3" << "malformed UTF-8";
    }
    void malformedInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, fragment);
        try {
            (void)lexAll(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(static_cast<int>(e.code()), static_cast<int>(engine::ErrorCode::InvalidInput));
            QCOMPARE(QString::fromStdString(e.where()), where);
            QVERIFY2(QString::fromStdString(e.detail()).contains(fragment), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TstQasmLexer)
#include "qasm_lexer.test.moc"
