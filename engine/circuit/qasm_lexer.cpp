// SPDX-License-Identifier: MIT
// The OpenQASM tokenizer: one pass over the text, positions in lines and code points.
#include "circuit/qasm_lexer.h"

#include "core/error.h"

#include <cstdio>
#include <limits>

namespace engine::detail {

namespace {

bool isAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isIdentifierChar(unsigned char c) { return isAsciiAlpha(c) || isDigit(c) || c >= 0x80; }

std::string describeByte(unsigned char c)
{
    char buffer[16];
    if (c >= 0x20 && c < 0x7f)
        std::snprintf(buffer, sizeof(buffer), "'%c'", c);
    else
        std::snprintf(buffer, sizeof(buffer), "byte 0x%02X", static_cast<unsigned>(c));
    return buffer;
}

constexpr std::string_view TWO_CHAR_OPERATORS[] = {"==", "**", "!=", "<=", ">=", "&&", "||",
                                                   "<<", ">>", "+=", "-=", "*=", "/="};

} // namespace

const char* qasmTokenKindName(QasmTokenKind kind) noexcept
{
    switch (kind) {
    case QasmTokenKind::End: return "the end of the file";
    case QasmTokenKind::Identifier: return "an identifier";
    case QasmTokenKind::HardwareQubit: return "a physical qubit";
    case QasmTokenKind::Integer: return "an integer";
    case QasmTokenKind::Real: return "a number";
    case QasmTokenKind::String: return "a string";
    case QasmTokenKind::Semicolon: return "';'";
    case QasmTokenKind::Comma: return "','";
    case QasmTokenKind::LParen: return "'('";
    case QasmTokenKind::RParen: return "')'";
    case QasmTokenKind::LBracket: return "'['";
    case QasmTokenKind::RBracket: return "']'";
    case QasmTokenKind::LBrace: return "'{'";
    case QasmTokenKind::RBrace: return "'}'";
    case QasmTokenKind::Plus: return "'+'";
    case QasmTokenKind::Minus: return "'-'";
    case QasmTokenKind::Star: return "'*'";
    case QasmTokenKind::Slash: return "'/'";
    case QasmTokenKind::Equals: return "'='";
    case QasmTokenKind::Arrow: return "'->'";
    case QasmTokenKind::Colon: return "':'";
    case QasmTokenKind::Other: return "a symbol";
    }
    return "a token";
}

QasmLexer::QasmLexer(std::string_view text, std::string sourceName) : m_text(text), m_sourceName(std::move(sourceName))
{
}

std::string QasmLexer::place(std::uint32_t line, std::uint32_t column) const
{
    std::string text = m_sourceName;
    text.append(":").append(std::to_string(line)).append(":").append(std::to_string(column));
    return text;
}

void QasmLexer::fail(const std::string& detail, std::uint32_t line, std::uint32_t column) const
{
    throw Error(ErrorCode::InvalidInput, detail, place(line, column));
}

void QasmLexer::advance()
{
    const auto c = static_cast<unsigned char>(m_text[m_pos++]);
    if (c == '\n') {
        if (m_line < std::numeric_limits<std::uint32_t>::max())
            ++m_line;
        m_column = 1;
    } else if ((c & 0xC0) != 0x80 && m_column < std::numeric_limits<std::uint32_t>::max()) {
        ++m_column;
    }
}

std::size_t QasmLexer::utf8Length(std::size_t at) const
{
    const auto byte = [&](std::size_t k) -> unsigned {
        return at + k < m_text.size() ? static_cast<unsigned char>(m_text[at + k]) : 0u;
    };
    const unsigned lead = byte(0);
    std::size_t length = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;  // no overlong forms
        if (lead == 0xED)
            high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F;  // nothing above U+10FFFF
    }
    bool ok = length > 0 && byte(1) >= low && byte(1) <= high;
    for (std::size_t k = 2; ok && k < length; ++k)
        ok = byte(k) >= 0x80 && byte(k) <= 0xBF;
    if (!ok)
        fail("malformed UTF-8 (" + describeByte(static_cast<unsigned char>(lead)) + ")", m_line, m_column);
    return length;
}

void QasmLexer::skipSpaceAndComments()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            advance();
        } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
            while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                advance();
        } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '*') {
            const std::uint32_t line = m_line;
            const std::uint32_t column = m_column;
            advance();
            advance();
            while (true) {
                if (m_pos >= m_text.size())
                    fail("unterminated comment: '/*' without '*/'", line, column);
                if (m_text[m_pos] == '*' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
                    advance();
                    advance();
                    break;
                }
                advance();
            }
        } else {
            return;
        }
    }
}

QasmToken QasmLexer::next()
{
    skipSpaceAndComments();
    QasmToken token;
    token.line = m_line;
    token.column = m_column;
    const std::size_t start = m_pos;
    const auto finish = [&](QasmTokenKind kind) {
        token.kind = kind;
        token.text = m_text.substr(start, m_pos - start);
        return token;
    };
    if (m_pos >= m_text.size())
        return finish(QasmTokenKind::End);

    const auto c = static_cast<unsigned char>(m_text[m_pos]);
    const auto peek = [&](std::size_t k) -> unsigned char {
        return m_pos + k < m_text.size() ? static_cast<unsigned char>(m_text[m_pos + k]) : 0;
    };

    if (isAsciiAlpha(c) || c >= 0x80) {
        while (m_pos < m_text.size() && isIdentifierChar(static_cast<unsigned char>(m_text[m_pos]))) {
            if (static_cast<unsigned char>(m_text[m_pos]) >= 0x80) {
                const std::size_t length = utf8Length(m_pos);
                for (std::size_t k = 0; k < length; ++k)
                    advance();
            } else {
                advance();
            }
        }
        return finish(QasmTokenKind::Identifier);
    }

    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
        bool real = false;
        while (isDigit(peek(0)))
            advance();
        if (peek(0) == '.') {
            real = true;
            advance();
            while (isDigit(peek(0)))
                advance();
        }
        if (peek(0) == 'e' || peek(0) == 'E') {
            real = true;
            advance();
            if (peek(0) == '+' || peek(0) == '-')
                advance();
            if (!isDigit(peek(0)))
                fail("malformed number '" + std::string(m_text.substr(start, m_pos - start)) +
                         "': the exponent has no digits",
                     token.line, token.column);
            while (isDigit(peek(0)))
                advance();
        }
        if (m_pos < m_text.size() && isIdentifierChar(peek(0))) {
            while (m_pos < m_text.size() && isIdentifierChar(peek(0)) && (peek(0) < 0x80))
                advance();
            fail("malformed number '" + std::string(m_text.substr(start, m_pos - start)) + "'", token.line,
                 token.column);
        }
        return finish(real ? QasmTokenKind::Real : QasmTokenKind::Integer);
    }

    if (c == '$') {
        advance();
        if (!isDigit(peek(0)))
            fail("expected digits after '$'", token.line, token.column);
        while (isDigit(peek(0)))
            advance();
        if (m_pos < m_text.size() && isIdentifierChar(peek(0)))
            fail("malformed physical qubit '" + std::string(m_text.substr(start, m_pos - start + 1)) + "'",
                 token.line, token.column);
        return finish(QasmTokenKind::HardwareQubit);
    }

    if (c == '"' || c == '\'') {
        advance();
        while (true) {
            if (m_pos >= m_text.size() || m_text[m_pos] == '\n')
                fail("unterminated string", token.line, token.column);
            if (static_cast<unsigned char>(m_text[m_pos]) == c) {
                advance();
                break;
            }
            advance();
        }
        return finish(QasmTokenKind::String);
    }

    if (c == '-' && peek(1) == '>') {
        advance();
        advance();
        return finish(QasmTokenKind::Arrow);
    }
    for (std::string_view op : TWO_CHAR_OPERATORS) {
        if (c == static_cast<unsigned char>(op[0]) && peek(1) == static_cast<unsigned char>(op[1])) {
            advance();
            advance();
            return finish(QasmTokenKind::Other);
        }
    }

    QasmTokenKind kind = QasmTokenKind::Other;
    switch (c) {
    case ';': kind = QasmTokenKind::Semicolon; break;
    case ',': kind = QasmTokenKind::Comma; break;
    case '(': kind = QasmTokenKind::LParen; break;
    case ')': kind = QasmTokenKind::RParen; break;
    case '[': kind = QasmTokenKind::LBracket; break;
    case ']': kind = QasmTokenKind::RBracket; break;
    case '{': kind = QasmTokenKind::LBrace; break;
    case '}': kind = QasmTokenKind::RBrace; break;
    case '+': kind = QasmTokenKind::Plus; break;
    case '-': kind = QasmTokenKind::Minus; break;
    case '*': kind = QasmTokenKind::Star; break;
    case '/': kind = QasmTokenKind::Slash; break;
    case '=': kind = QasmTokenKind::Equals; break;
    case ':': kind = QasmTokenKind::Colon; break;
    default:
        if (c < 0x20 || c == 0x7f)
            fail("unexpected control character (" + describeByte(c) + ")", token.line, token.column);
        break;  // other printable ASCII punctuation
    }
    advance();
    return finish(kind);
}

} // namespace engine::detail
