// SPDX-License-Identifier: MIT
// The OpenQASM 2/3 tokenizer behind importQasm: tokens with 1-based line and column, comments skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace engine::detail {

/// Kinds of OpenQASM tokens. Punctuation the importer has no use for ('@', '<', "==", "**", ...) comes back as
/// Other so that the parser can name it in its error.
enum class QasmTokenKind {
    End,            ///< end of the text (its position is just past the last character)
    Identifier,     ///< [A-Za-z_] or any non-ASCII UTF-8 character, then those and digits (π, θ, gamma_0)
    HardwareQubit,  ///< '$' followed by digits ("$12")
    Integer,        ///< digits only ("42")
    Real,           ///< digits with a '.' and/or an exponent ("1.5", ".5", "2e-3", "1.")
    String,         ///< "..." on one line; text() includes the quotes
    Semicolon,
    Comma,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Plus,
    Minus,
    Star,
    Slash,
    Equals,         ///< '='
    Arrow,          ///< "->"
    Colon,
    Other,          ///< any other ASCII punctuation: one character, or a two-character operator
};

/// A human-readable description of a kind ("';'", "an identifier", "the end of the file").
const char* qasmTokenKindName(QasmTokenKind kind) noexcept;

/// One token: a view into the lexed text (valid while that text lives), and where it starts.
struct QasmToken {
    QasmTokenKind kind = QasmTokenKind::End;
    std::string_view text;   ///< the characters of the token
    std::uint32_t line = 1;  ///< 1-based
    std::uint32_t column = 1;  ///< 1-based, counted in Unicode code points (UTF-8 continuation bytes do not count)
};

/// Splits OpenQASM text into tokens, one at a time, skipping whitespace, `//` and `/* */` comments. O(1) memory;
/// each character is looked at a bounded number of times. Throws Error(InvalidInput) with where() =
/// "<sourceName>:<line>:<column>" for an unterminated comment or string, a malformed number ("1e", "12abc"), '$'
/// without digits, a control character, or malformed UTF-8. Not thread-safe (one lexer per thread).
class QasmLexer {
public:
    QasmLexer(std::string_view text, std::string sourceName);

    /// The next token; End forever once the text is exhausted.
    QasmToken next();
    /// "<sourceName>:<line>:<column>".
    std::string place(std::uint32_t line, std::uint32_t column) const;
    const std::string& sourceName() const { return m_sourceName; }

private:
    [[noreturn]] void fail(const std::string& detail, std::uint32_t line, std::uint32_t column) const;
    void advance();                 // one byte, keeping line and column
    void skipSpaceAndComments();
    std::size_t utf8Length(std::size_t at) const;  // bytes of the well-formed UTF-8 sequence at `at`, or fails

    std::string_view m_text;
    std::string m_sourceName;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::uint32_t m_column = 1;
};

} // namespace engine::detail
