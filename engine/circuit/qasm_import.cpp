// SPDX-License-Identifier: MIT
// OpenQASM 2/3 import: a recursive-descent parser over the lexer's tokens; gate definitions expand inline.
#include "circuit/qasm.h"

#include "circuit/qasm_lexer.h"
#include "core/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <numeric>
#include <unordered_map>

namespace engine {

namespace {

using detail::QasmLexer;
using detail::QasmToken;
using Kind = detail::QasmTokenKind;

constexpr std::uint64_t COUNT_CAP = std::uint64_t{1} << 62;
// A definition under a table name is multiplied out to check it; this bounds that work.
constexpr std::uint64_t MAX_CHECKED_DEFINITION_OPERATIONS = 100'000;
// Parentheses and unary signs nest by recursion; this keeps hostile input off the end of the stack.
constexpr unsigned MAX_EXPRESSION_NESTING = 200;
// A definition under a table name is compared with the table's unitary at these parameter values.
constexpr double CHECK_VALUES[3][3] = {{0.3141, -1.2718, 2.0123}, {1.7321, 0.4142, -0.6931}, {-2.2361, 2.6458, 0.5772}};

std::uint64_t addCount(std::uint64_t a, std::uint64_t b) { return std::min(a + b, COUNT_CAP); }
std::uint64_t mulCount(std::uint64_t a, std::uint64_t b)
{
    if (a == 0 || b == 0)
        return 0;
    return a > COUNT_CAP / b ? COUNT_CAP : std::min(a * b, COUNT_CAP);
}

std::string quoted(std::string_view text)
{
    std::string out = "'";
    out.append(text).append("'");
    return out;
}

std::string describe(const QasmToken& t)
{
    if (t.kind == Kind::End)
        return t.text.empty() ? "the end of the file" : quoted(t.text);  // a replayed body ends at its '}'
    return quoted(t.text);
}

bool isAsciiIdentifier(std::string_view name)
{
    if (name.empty())
        return false;
    for (std::size_t k = 0; k < name.size(); ++k) {
        const char c = name[k];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(k > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

bool isConstantName(std::string_view name)
{
    return name == "pi" || name == "π" || name == "tau" || name == "τ" || name == "euler" || name == "ℇ";
}

// Names that may never be declared: keywords, constants, functions and gates (isCircuitName's list), plus the
// Unicode constants.
bool isReservedName(std::string_view name)
{
    return isConstantName(name) || (isAsciiIdentifier(name) && name.size() <= 256 && !isCircuitName(name));
}

std::optional<GateId> importGateName(std::string_view name)
{
    if (name == "U")
        return GateId::U;
    if (name == "CX")
        return GateId::CX;
    if (name == "phase")
        return GateId::P;
    if (name == "cphase" || name == "cu1")
        return GateId::CP;
    return gateFromName(name);
}

// Gates of stdgates.inc / qelib1.inc that the table lacks: named in the error rather than called unknown.
bool isUnsupportedStandardGate(std::string_view name)
{
    constexpr std::string_view NAMES[] = {"ccx", "cswap", "cu", "cu3", "crx", "cry", "csx", "rzx", "u0",
                                          "c3x", "c4x", "rccx", "rc3x", "c3sqrtx", "mcx", "dcx", "iswap"};
    return std::find(std::begin(NAMES), std::end(NAMES), name) != std::end(NAMES);
}

bool isStatementWord(std::string_view word)
{
    constexpr std::string_view WORDS[] = {"OPENQASM", "include", "qubit", "qreg", "bit", "creg", "input",
                                          "gate", "measure", "reset", "barrier"};
    return std::find(std::begin(WORDS), std::end(WORDS), word) != std::end(WORDS);
}

bool isFunctionName(std::string_view word)
{
    constexpr std::string_view WORDS[] = {"sin", "cos", "tan", "exp", "ln", "sqrt", "arcsin", "arccos", "arctan"};
    return std::find(std::begin(WORDS), std::end(WORDS), word) != std::end(WORDS);
}

enum class StatementClass { ControlFlow, Subroutine, Modifier, Other };

std::optional<StatementClass> unsupportedKeyword(std::string_view word)
{
    constexpr std::string_view CONTROL[] = {"if", "else", "for", "while", "switch", "break", "continue", "end"};
    constexpr std::string_view SUBROUTINE[] = {"def", "extern", "return", "defcal", "cal", "defcalgrammar"};
    constexpr std::string_view MODIFIER[] = {"ctrl", "negctrl", "inv", "pow"};
    constexpr std::string_view OTHER[] = {"delay", "box", "let", "const", "output", "stretch", "duration", "int",
                                          "uint", "bool", "float", "angle", "complex", "array", "opaque", "pragma",
                                          "readonly", "mutable", "durationof", "sizeof", "void"};
    const auto in = [&](const auto& list) {
        return std::find(std::begin(list), std::end(list), word) != std::end(list);
    };
    if (in(CONTROL))
        return StatementClass::ControlFlow;
    if (in(SUBROUTINE))
        return StatementClass::Subroutine;
    if (in(MODIFIER))
        return StatementClass::Modifier;
    if (in(OTHER))
        return StatementClass::Other;
    return std::nullopt;
}

class TokenSource {
public:
    virtual ~TokenSource() = default;
    virtual QasmToken next() = 0;
};

class LexerSource final : public TokenSource {
public:
    explicit LexerSource(QasmLexer& lexer) : m_lexer(lexer) {}
    QasmToken next() override { return m_lexer.next(); }

private:
    QasmLexer& m_lexer;
};

// Replays the stored tokens of a gate body; the closing brace's position stands for its end.
class ReplaySource final : public TokenSource {
public:
    ReplaySource(const std::vector<QasmToken>& tokens, const QasmToken& close) : m_tokens(tokens), m_end(close)
    {
        m_end.kind = Kind::End;
    }
    QasmToken next() override { return m_pos < m_tokens.size() ? m_tokens[m_pos++] : m_end; }

private:
    const std::vector<QasmToken>& m_tokens;
    QasmToken m_end;
    std::size_t m_pos = 0;
};

// Two tokens of lookahead over a source.
class Cursor {
public:
    explicit Cursor(TokenSource& source) : m_source(source) {}
    const QasmToken& peek(std::size_t k = 0)
    {
        while (m_count <= k)
            m_buffer[m_count++] = m_source.next();
        return m_buffer[k];
    }
    QasmToken next()
    {
        peek(0);
        const QasmToken t = m_buffer[0];
        m_buffer[0] = m_buffer[1];
        --m_count;
        return t;
    }
    bool accept(Kind kind)
    {
        if (peek().kind != kind)
            return false;
        next();
        return true;
    }

private:
    TokenSource& m_source;
    QasmToken m_buffer[2];
    std::size_t m_count = 0;
};

struct GateDefinition {
    std::string name;
    std::vector<std::string> params;
    std::vector<std::string> qubits;
    std::vector<QasmToken> body;
    QasmToken close;               // the closing '}'
    std::uint64_t operations = 0;  // operations one call creates (saturating at COUNT_CAP)
    unsigned depth = 1;            // 1 + the deepest definition it calls
};

struct GateRef {
    enum class Type { Table, U2, GPhase, User } type = Type::Table;
    GateId id = GateId::I;
    std::size_t user = 0;  // index into m_definitions
};

enum class SymbolKind { QubitRegister, BitRegister, Input, Gate };

struct Symbol {
    SymbolKind kind = SymbolKind::QubitRegister;
    std::size_t index = 0;  // into m_qregs, m_cregs or the parameter list
    GateRef gate;           // Gate only
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct QubitRegister {
    std::string name;
    unsigned offset = 0;
    unsigned size = 0;
    bool scalar = false;  // `qubit a;`: names one qubit, not a register to broadcast over
};

struct BitRegister {
    std::string name;
    unsigned size = 0;
    bool scalar = false;
};

// Qubits named by one argument: one qubit, or a register to broadcast over.
struct QubitOperand {
    unsigned first = 0;
    unsigned count = 1;
    bool broadcast = false;
    QasmToken token;
};

struct BitOperand {
    unsigned creg = 0;
    unsigned first = 0;
    unsigned count = 1;
    bool broadcast = false;
    QasmToken token;
};

// Where the statements of a gate body resolve their names and send their operations.
struct Scope {
    const GateDefinition* gate = nullptr;
    const std::vector<ParameterExpression>* params = nullptr;  // values of the formal parameters
    const std::vector<unsigned>* qubits = nullptr;             // circuit qubits of the formal qubits
    bool lenient = false;        // numeric domain errors are not raised (dummy or sample values)
    bool counting = false;       // only count operations and nesting; do not expand called definitions
    std::uint64_t count = 0;     // counting: operations one call creates
    unsigned depth = 0;          // counting: deepest called definition
    std::vector<Operation>* out = nullptr;  // not counting: where operations go
    std::string context;         // appended to error messages raised inside this body
};

using Matrix = std::vector<std::complex<double>>;

class QasmParser {
public:
    QasmParser(std::string_view text, const std::string& sourceName)
        : m_lexer(text, sourceName), m_textSize(text.size())
    {
    }

    Circuit run();

private:
    [[noreturn]] void fail(const QasmToken& t, const std::string& detail, const Scope* scope = nullptr,
                           ErrorCode code = ErrorCode::InvalidInput) const
    {
        std::string message = detail;
        if (scope)
            message.append(scope->context);
        throw Error(code, message, m_lexer.place(t.line, t.column));
    }
    std::string placeOf(std::uint32_t line, std::uint32_t column) const
    {
        return std::to_string(line) + ":" + std::to_string(column);
    }
    QasmToken expect(Cursor& cur, Kind kind, const char* after, const Scope* scope = nullptr)
    {
        const QasmToken t = cur.next();
        if (t.kind != kind)
            fail(t, std::string("expected ") + detail::qasmTokenKindName(kind) + " " + after + ", found " + describe(t),
                 scope);
        return t;
    }
    QasmToken expectIdentifier(Cursor& cur, const char* what, const Scope* scope = nullptr)
    {
        const QasmToken t = cur.next();
        if (t.kind != Kind::Identifier)
            fail(t, std::string("expected ") + what + ", found " + describe(t), scope);
        return t;
    }
    std::uint64_t parseInteger(const QasmToken& t) const;
    double parseNumber(const QasmToken& t, const Scope* scope) const;

    // Statements.
    void parseVersion(Cursor& cur);
    void parseStatement(Cursor& cur);
    void parseInclude(Cursor& cur);
    void parseQubitDeclaration(Cursor& cur, bool legacy);
    void parseBitDeclaration(Cursor& cur, bool legacy);
    void parseInput(Cursor& cur);
    void parseGateDefinition(Cursor& cur);
    void parseGateCall(Cursor& cur, Scope* scope);
    void parseBodyStatement(Cursor& cur, Scope& scope);
    void parseMeasureArrow(Cursor& cur);
    /// Appends one measurement per qubit of `q` into the bits of `c` (both statement forms); `mismatch` is where a
    /// count mismatch is reported, `keyword` where the operation limit is.
    void appendMeasurements(const QasmToken& keyword, const QubitOperand& q, const BitOperand& c,
                            const QasmToken& mismatch);
    void parseMeasureAssign(Cursor& cur);
    void parseReset(Cursor& cur);
    void parseBarrier(Cursor& cur, Scope* scope);
    unsigned parseSize(Cursor& cur, const char* what);
    /// What a 'qreg'/'creg' (OpenQASM 2) or 'qubit'/'bit' (OpenQASM 3) declaration says before its ';'.
    struct RegisterHead {
        QasmToken keyword;
        QasmToken name;
        QasmToken sizeToken;  ///< the size, or the keyword for a scalar (where a limit error points)
        unsigned size = 1;
        bool scalar = true;
    };
    /// Parses the keyword (`legacyKeyword` when `legacy`, else `keyword`), the size and the register name.
    RegisterHead parseRegisterHead(Cursor& cur, bool legacy, const char* keyword, const char* legacyKeyword);
    /// Fails with LimitExceeded when `head` would take `total` beyond `limit` (`unit`: "qubits", "classical bits").
    void checkRegisterLimit(const RegisterHead& head, unsigned total, unsigned limit, const char* unit) const;

    // Names.
    void declare(const QasmToken& name, SymbolKind kind, std::size_t index, GateRef gate = {});
    void requireVersion3(const QasmToken& t, const char* what) const;
    GateRef resolveGate(const QasmToken& name, const Scope* scope) const;
    QubitOperand parseQubitOperand(Cursor& cur, const Scope* scope);
    BitOperand parseBitOperand(Cursor& cur);
    std::string describeQubit(unsigned q) const;

    // Expressions.
    ParameterExpression parseExpression(Cursor& cur, const Scope* scope);
    ParameterExpression parseTerm(Cursor& cur, const Scope* scope);
    ParameterExpression parseUnary(Cursor& cur, const Scope* scope);
    ParameterExpression parsePrimary(Cursor& cur, const Scope* scope);
    ParameterExpression callFunction(const QasmToken& name, const ParameterExpression& argument,
                                     const Scope* scope) const;
    void checkFinite(const ParameterExpression& e, const QasmToken& at, const Scope* scope) const;

    // Operations.
    void reserveOperations(const QasmToken& at, std::uint64_t count);
    void emit(Scope* scope, Operation op);
    void expandDefinition(const GateDefinition& def, const QasmToken& call, std::vector<ParameterExpression> params,
                          std::vector<unsigned> qubits, Scope* outer);
    void runBody(const GateDefinition& def, Scope& scope);
    void checkTableDefinition(const GateDefinition& def, GateId id, const QasmToken& name);

    QasmLexer m_lexer;
    std::size_t m_textSize = 0;
    int m_version = 3;
    std::unordered_map<std::string, Symbol> m_symbols;
    std::vector<QubitRegister> m_qregs;
    std::vector<BitRegister> m_cregs;
    std::vector<std::string> m_inputs;
    std::vector<GateDefinition> m_definitions;
    std::vector<Operation> m_ops;
    unsigned m_totalQubits = 0;
    unsigned m_totalClbits = 0;
    bool m_physical = false;
    unsigned m_maxPhysical = 0;
    std::uint64_t m_generated = 0;
    unsigned m_expressionDepth = 0;
};

std::uint64_t QasmParser::parseInteger(const QasmToken& t) const
{
    std::uint64_t value = 0;
    const auto result = std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
    if (result.ec == std::errc::result_out_of_range)
        return std::numeric_limits<std::uint64_t>::max();
    if (result.ec != std::errc() || result.ptr != t.text.data() + t.text.size())
        fail(t, "malformed integer " + describe(t));
    return value;
}

double QasmParser::parseNumber(const QasmToken& t, const Scope* scope) const
{
    double value = 0.0;
    const auto result = std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
    if (result.ec == std::errc::result_out_of_range || (result.ec == std::errc() && !std::isfinite(value)))
        fail(t, "number " + describe(t) + " is out of the range of a double", scope);
    if (result.ec != std::errc() || result.ptr != t.text.data() + t.text.size())
        fail(t, "malformed number " + describe(t), scope);
    return value;
}

Circuit QasmParser::run()
{
    // Every operation takes at least five characters of text ("x $0;"), so this never reserves more than the input
    // justifies, and a typical file needs no regrowth.
    m_ops.reserve(m_textSize / 16);
    LexerSource source(m_lexer);
    Cursor cur(source);
    parseVersion(cur);
    while (cur.peek().kind != Kind::End)
        parseStatement(cur);

    const unsigned numQubits = m_physical ? m_maxPhysical + 1 : m_totalQubits;
    Circuit circuit(numQubits, m_physical);
    circuit.reserve(m_ops.size());
    for (const std::string& name : m_inputs)
        circuit.addParameter(name);
    for (const BitRegister& reg : m_cregs)
        circuit.addRegister(reg.name, reg.size);
    for (Operation& op : m_ops) {
        if (op.kind == OperationKind::Barrier && op.qubits.size() == numQubits)
            op.qubits.clear();  // every qubit: the all-qubit barrier
        circuit.append(std::move(op));
    }
    return circuit;
}

void QasmParser::parseVersion(Cursor& cur)
{
    if (cur.peek().kind != Kind::Identifier || cur.peek().text != "OPENQASM")
        return;  // no version line: OpenQASM 3
    cur.next();
    const QasmToken version = cur.next();
    if (version.kind != Kind::Integer && version.kind != Kind::Real)
        fail(version, "expected a version number after 'OPENQASM', found " + describe(version));
    const std::string_view text = version.text;
    if (text == "2" || text == "2.0")
        m_version = 2;
    else if (text == "3" || (text.size() >= 3 && text.substr(0, 2) == "3." &&
                             std::all_of(text.begin() + 2, text.end(), [](char c) { return c >= '0' && c <= '9'; })))
        m_version = 3;
    else
        fail(version, "unsupported OpenQASM version " + describe(version) + " (2.0 and 3.x are read)");
    expect(cur, Kind::Semicolon, "after the version");
}

void QasmParser::requireVersion3(const QasmToken& t, const char* what) const
{
    if (m_version != 3)
        fail(t, std::string(what) + " need OpenQASM 3 (this file declares OPENQASM 2.0)");
}

void QasmParser::parseStatement(Cursor& cur)
{
    const QasmToken& t = cur.peek();
    if (t.kind != Kind::Identifier)
        fail(t, "expected a statement, found " + describe(t));
    const std::string_view word = t.text;
    if (word == "OPENQASM")
        fail(t, "the OPENQASM version line must be the first statement");
    if (word == "include")
        return parseInclude(cur);
    if (word == "qubit")
        return parseQubitDeclaration(cur, false);
    if (word == "qreg")
        return parseQubitDeclaration(cur, true);
    if (word == "bit")
        return parseBitDeclaration(cur, false);
    if (word == "creg")
        return parseBitDeclaration(cur, true);
    if (word == "input")
        return parseInput(cur);
    if (word == "gate")
        return parseGateDefinition(cur);
    if (word == "measure")
        return parseMeasureArrow(cur);
    if (word == "reset")
        return parseReset(cur);
    if (word == "barrier")
        return parseBarrier(cur, nullptr);
    if (const auto type = unsupportedKeyword(word)) {
        switch (*type) {
        case StatementClass::ControlFlow:
            fail(t, "classical control flow (" + quoted(word) + ") is not supported");
        case StatementClass::Subroutine:
            fail(t, "subroutines and calibrations (" + quoted(word) + ") are not supported");
        case StatementClass::Modifier: fail(t, "gate modifiers (" + quoted(word) + ") are not supported");
        case StatementClass::Other: fail(t, "unsupported statement " + quoted(word));
        }
    }
    const Kind after = cur.peek(1).kind;
    if (after == Kind::LBracket || after == Kind::Equals)
        return parseMeasureAssign(cur);
    parseGateCall(cur, nullptr);
}

void QasmParser::parseInclude(Cursor& cur)
{
    cur.next();
    const QasmToken file = cur.next();
    if (file.kind != Kind::String)
        fail(file, "expected a file name in quotes after 'include', found " + describe(file));
    const std::string_view name = file.text.substr(1, file.text.size() - 2);
    const std::string_view standard = m_version == 2 ? "qelib1.inc" : "stdgates.inc";
    if (name != standard)
        fail(file, "cannot include " + quoted(name) + ": OpenQASM " + std::to_string(m_version) +
                       " files may include only \"" + std::string(standard) + "\"");
    expect(cur, Kind::Semicolon, "after the include");
}

void QasmParser::declare(const QasmToken& name, SymbolKind kind, std::size_t index, GateRef gate)
{
    const std::string key(name.text);
    if (isReservedName(key))
        fail(name, quoted(key) +
                       " cannot be declared: it is a keyword, a built-in constant or function, or a gate name");
    const auto it = m_symbols.find(key);
    if (it != m_symbols.end())
        fail(name, quoted(key) + " is already declared at " + placeOf(it->second.line, it->second.column));
    Symbol symbol;
    symbol.kind = kind;
    symbol.index = index;
    symbol.gate = gate;
    symbol.line = name.line;
    symbol.column = name.column;
    m_symbols.emplace(key, symbol);
}

unsigned QasmParser::parseSize(Cursor& cur, const char* what)
{
    expect(cur, Kind::LBracket, what);
    const QasmToken size = cur.next();
    if (size.kind != Kind::Integer)
        fail(size, "expected an integer size, found " + describe(size));
    const std::uint64_t value = parseInteger(size);
    if (value == 0)
        fail(size, "a register needs at least one bit");
    expect(cur, Kind::RBracket, "after the size");
    return static_cast<unsigned>(std::min<std::uint64_t>(value, std::numeric_limits<unsigned>::max()));
}

QasmParser::RegisterHead QasmParser::parseRegisterHead(Cursor& cur, bool legacy, const char* keyword,
                                                       const char* legacyKeyword)
{
    RegisterHead head;
    head.keyword = cur.next();
    if (!legacy)
        requireVersion3(head.keyword, (std::string("'") + keyword + "' declarations").c_str());
    head.sizeToken = head.keyword;
    if (legacy) {
        head.name = expectIdentifier(cur, (std::string("a register name after '") + legacyKeyword + "'").c_str());
        head.sizeToken = cur.peek(1);
        head.size = parseSize(cur, "after the register name");
        head.scalar = false;
    } else {
        if (cur.peek().kind == Kind::LBracket) {
            head.sizeToken = cur.peek(1);
            head.size = parseSize(cur, (std::string("after '") + keyword + "'").c_str());
            head.scalar = false;
        }
        head.name = expectIdentifier(cur, "a register name");
    }
    return head;
}

void QasmParser::checkRegisterLimit(const RegisterHead& head, unsigned total, unsigned limit, const char* unit) const
{
    if (head.size > limit - total)
        fail(head.sizeToken,
             std::string("register ") + std::string(head.name.text) + "[" + std::string(head.sizeToken.text) +
                 "] takes the circuit beyond " + std::to_string(limit) + " " + unit,
             nullptr, ErrorCode::LimitExceeded);
}

void QasmParser::parseQubitDeclaration(Cursor& cur, bool legacy)
{
    const RegisterHead head = parseRegisterHead(cur, legacy, "qubit", "qreg");
    if (m_physical)
        fail(head.keyword, "qubit registers cannot be declared in a file that uses physical qubits ($n)");
    checkRegisterLimit(head, m_totalQubits, MAX_CIRCUIT_QUBITS, "qubits");
    expect(cur, Kind::Semicolon, "after the declaration");
    declare(head.name, SymbolKind::QubitRegister, m_qregs.size());
    m_qregs.push_back({std::string(head.name.text), m_totalQubits, head.size, head.scalar});
    m_totalQubits += head.size;
}

void QasmParser::parseBitDeclaration(Cursor& cur, bool legacy)
{
    const RegisterHead head = parseRegisterHead(cur, legacy, "bit", "creg");
    checkRegisterLimit(head, m_totalClbits, MAX_CIRCUIT_CLBITS, "classical bits");
    if (!isReservedName(head.name.text) && !isCircuitName(head.name.text))
        fail(head.name,
             "classical register names must be ASCII identifiers of at most 256 characters, not " +
                 describe(head.name));
    expect(cur, Kind::Semicolon, "after the declaration");
    declare(head.name, SymbolKind::BitRegister, m_cregs.size());
    m_cregs.push_back({std::string(head.name.text), head.size, head.scalar});
    m_totalClbits += head.size;
}

void QasmParser::parseInput(Cursor& cur)
{
    const QasmToken keyword = cur.next();
    requireVersion3(keyword, "'input' declarations");
    const QasmToken type = expectIdentifier(cur, "a type after 'input'");
    if (type.text != "float" && type.text != "angle")
        fail(type, "unsupported input type " + describe(type) + " (float[64] and angle are read)");
    if (cur.accept(Kind::LBracket)) {
        const QasmToken width = expect(cur, Kind::Integer, "as the type's width");
        const std::uint64_t bits = parseInteger(width);
        if (bits == 0 || bits > 128)
            fail(width, "unsupported width " + describe(width));
        expect(cur, Kind::RBracket, "after the width");
    }
    const QasmToken name = expectIdentifier(cur, "an input name");
    if (!isReservedName(name.text) && !isCircuitName(name.text))
        fail(name, "input names must be ASCII identifiers of at most 256 characters, not " + describe(name));
    expect(cur, Kind::Semicolon, "after the declaration");
    declare(name, SymbolKind::Input, m_inputs.size());
    m_inputs.emplace_back(name.text);
}

void QasmParser::parseGateDefinition(Cursor& cur)
{
    cur.next();
    const QasmToken name = expectIdentifier(cur, "a gate name after 'gate'");
    if (name.text == "U" || name.text == "CX" || name.text == "gphase")
        fail(name, describe(name) + " is built in and cannot be redefined");
    if (isStatementWord(name.text) || unsupportedKeyword(name.text) || isConstantName(name.text) ||
        isFunctionName(name.text))
        fail(name, describe(name) + " is a keyword, constant or function and cannot name a gate");
    const std::string key(name.text);
    if (const auto it = m_symbols.find(key); it != m_symbols.end())
        fail(name, quoted(key) + " is already declared at " + placeOf(it->second.line, it->second.column));

    GateDefinition def;
    def.name = key;
    const auto addFormal = [&](std::vector<std::string>& list, const QasmToken& t) {
        const std::string formal(t.text);
        if (isConstantName(formal))
            fail(t, quoted(formal) + " is a built-in constant and cannot name a gate argument");
        if (std::find(def.params.begin(), def.params.end(), formal) != def.params.end() ||
            std::find(def.qubits.begin(), def.qubits.end(), formal) != def.qubits.end())
            fail(t, "gate argument " + quoted(formal) + " is named twice");
        list.push_back(formal);
    };
    if (cur.accept(Kind::LParen)) {
        if (!cur.accept(Kind::RParen)) {
            do {
                addFormal(def.params, expectIdentifier(cur, "a parameter name"));
            } while (cur.accept(Kind::Comma));
            expect(cur, Kind::RParen, "after the gate's parameters");
        }
    }
    do {
        addFormal(def.qubits, expectIdentifier(cur, "a qubit argument name"));
    } while (cur.accept(Kind::Comma));
    const QasmToken open = expect(cur, Kind::LBrace, "to open the gate body");
    while (true) {
        const QasmToken t = cur.next();
        if (t.kind == Kind::End)
            fail(open, "the body of gate " + quoted(key) + " is not closed");
        if (t.kind == Kind::LBrace)
            fail(t, "'{' inside the body of gate " + quoted(key) + " (control flow is not supported)");
        if (t.kind == Kind::RBrace) {
            def.close = t;
            break;
        }
        def.body.push_back(t);
    }

    // Check the body once now, with dummy values, and count what one call creates.
    std::vector<ParameterExpression> dummyParams(def.params.size(), ParameterExpression(0.5));
    std::vector<unsigned> dummyQubits(def.qubits.size());
    std::iota(dummyQubits.begin(), dummyQubits.end(), 0u);
    Scope dry;
    dry.gate = &def;
    dry.params = &dummyParams;
    dry.qubits = &dummyQubits;
    dry.lenient = true;
    dry.counting = true;
    runBody(def, dry);
    def.operations = dry.count;
    def.depth = dry.depth + 1;

    GateRef ref;
    if (const auto id = importGateName(key)) {
        checkTableDefinition(def, *id, name);
        ref.type = GateRef::Type::Table;
        ref.id = *id;
    } else {
        ref.type = GateRef::Type::User;
        ref.user = m_definitions.size();
        m_definitions.push_back(std::move(def));
    }
    // Gate names may shadow what the importer knows (a definition of u2 or rzx), so declare without the
    // reserved-name check.
    Symbol symbol;
    symbol.kind = SymbolKind::Gate;
    symbol.gate = ref;
    symbol.line = name.line;
    symbol.column = name.column;
    m_symbols.emplace(key, symbol);
}

void QasmParser::runBody(const GateDefinition& def, Scope& scope)
{
    ReplaySource source(def.body, def.close);
    Cursor cur(source);
    while (cur.peek().kind != Kind::End)
        parseBodyStatement(cur, scope);
}

void QasmParser::parseBodyStatement(Cursor& cur, Scope& scope)
{
    const QasmToken& t = cur.peek();
    if (t.kind != Kind::Identifier)
        fail(t, "expected a gate call in the body of gate " + quoted(scope.gate->name) + ", found " + describe(t),
             &scope);
    if (t.text == "barrier")
        return parseBarrier(cur, &scope);
    if (isStatementWord(t.text) || unsupportedKeyword(t.text))
        fail(t, describe(t) + " is not allowed in a gate body (only gate calls, gphase and barrier)", &scope);
    parseGateCall(cur, &scope);
}

GateRef QasmParser::resolveGate(const QasmToken& name, const Scope* scope) const
{
    const std::string key(name.text);
    if (const auto it = m_symbols.find(key); it != m_symbols.end()) {
        switch (it->second.kind) {
        case SymbolKind::Gate: return it->second.gate;
        case SymbolKind::QubitRegister: fail(name, quoted(key) + " is a qubit register, not a gate", scope);
        case SymbolKind::BitRegister: fail(name, quoted(key) + " is a classical register, not a gate", scope);
        case SymbolKind::Input: fail(name, quoted(key) + " is an input parameter, not a gate", scope);
        }
    }
    GateRef ref;
    if (key == "gphase") {
        ref.type = GateRef::Type::GPhase;
        return ref;
    }
    if (key == "u2") {
        ref.type = GateRef::Type::U2;
        return ref;
    }
    if (const auto id = importGateName(key)) {
        ref.type = GateRef::Type::Table;
        ref.id = *id;
        return ref;
    }
    if (isUnsupportedStandardGate(key))
        fail(name,
             "gate " + quoted(key) + " is not supported: it is not in the gate table (define it with a 'gate' block)",
             scope);
    fail(name, "unknown gate " + quoted(key), scope);
}

std::string QasmParser::describeQubit(unsigned q) const
{
    if (m_physical)
        return "$" + std::to_string(q);
    for (const QubitRegister& reg : m_qregs) {
        if (q >= reg.offset && q < reg.offset + reg.size)
            return reg.scalar ? reg.name : reg.name + "[" + std::to_string(q - reg.offset) + "]";
    }
    return "qubit " + std::to_string(q);
}

QubitOperand QasmParser::parseQubitOperand(Cursor& cur, const Scope* scope)
{
    const QasmToken t = cur.next();
    QubitOperand operand;
    operand.token = t;
    if (scope) {
        if (t.kind != Kind::Identifier)
            fail(t, "expected a qubit argument of gate " + quoted(scope->gate->name) + ", found " + describe(t), scope);
        const auto& formals = scope->gate->qubits;
        const auto it = std::find(formals.begin(), formals.end(), t.text);
        if (it == formals.end())
            fail(t, describe(t) + " is not a qubit argument of gate " + quoted(scope->gate->name), scope);
        if (cur.peek().kind == Kind::LBracket)
            fail(cur.peek(), "qubit arguments cannot be indexed inside a gate body", scope);
        operand.first = (*scope->qubits)[static_cast<std::size_t>(it - formals.begin())];
        return operand;
    }
    if (t.kind == Kind::HardwareQubit) {
        requireVersion3(t, "physical qubits ($n)");
        const QasmToken digits{Kind::Integer, t.text.substr(1), t.line, t.column};
        const std::uint64_t q = parseInteger(digits);
        if (q >= MAX_CIRCUIT_QUBITS)
            fail(t, "physical qubit " + std::string(t.text) + " is beyond the limit of " +
                        std::to_string(MAX_CIRCUIT_QUBITS) + " qubits",
                 nullptr, ErrorCode::LimitExceeded);
        if (!m_qregs.empty())
            fail(t, "physical qubits ($n) cannot be mixed with declared qubit registers");
        m_physical = true;
        operand.first = static_cast<unsigned>(q);
        m_maxPhysical = std::max(m_maxPhysical, operand.first);
        return operand;
    }
    if (t.kind != Kind::Identifier)
        fail(t, "expected a qubit, found " + describe(t));
    const auto it = m_symbols.find(std::string(t.text));
    if (it == m_symbols.end())
        fail(t, "unknown qubit register " + describe(t));
    if (it->second.kind != SymbolKind::QubitRegister)
        fail(t, describe(t) + " is not a qubit register");
    const QubitRegister& reg = m_qregs[it->second.index];
    if (cur.accept(Kind::LBracket)) {
        const QasmToken index = cur.next();
        if (index.kind != Kind::Integer)
            fail(index, "expected an integer qubit index, found " + describe(index));
        const std::uint64_t k = parseInteger(index);
        if (reg.scalar || k >= reg.size)
            fail(index, "qubit " + std::string(index.text) + " out of range for register " + reg.name + "[" +
                            std::to_string(reg.size) + "]");
        expect(cur, Kind::RBracket, "after the qubit index");
        operand.first = reg.offset + static_cast<unsigned>(k);
        return operand;
    }
    operand.first = reg.offset;
    operand.count = reg.size;
    operand.broadcast = !reg.scalar;
    return operand;
}

BitOperand QasmParser::parseBitOperand(Cursor& cur)
{
    const QasmToken t = cur.next();
    BitOperand operand;
    operand.token = t;
    if (t.kind != Kind::Identifier)
        fail(t, "expected a classical bit, found " + describe(t));
    const auto it = m_symbols.find(std::string(t.text));
    if (it == m_symbols.end())
        fail(t, "unknown classical register " + describe(t));
    if (it->second.kind != SymbolKind::BitRegister)
        fail(t, describe(t) + " is not a classical register");
    const BitRegister& reg = m_cregs[it->second.index];
    operand.creg = static_cast<unsigned>(it->second.index);
    if (cur.accept(Kind::LBracket)) {
        const QasmToken index = cur.next();
        if (index.kind != Kind::Integer)
            fail(index, "expected an integer bit index, found " + describe(index));
        const std::uint64_t k = parseInteger(index);
        if (reg.scalar || k >= reg.size)
            fail(index, "bit " + std::string(index.text) + " out of range for register " + reg.name + "[" +
                            std::to_string(reg.size) + "]");
        expect(cur, Kind::RBracket, "after the bit index");
        operand.first = static_cast<unsigned>(k);
        return operand;
    }
    operand.count = reg.size;
    operand.broadcast = !reg.scalar;
    return operand;
}

void QasmParser::reserveOperations(const QasmToken& at, std::uint64_t count)
{
    if (count > MAX_CIRCUIT_OPERATIONS - std::min<std::uint64_t>(m_ops.size(), MAX_CIRCUIT_OPERATIONS))
        fail(at, "the circuit would exceed " + std::to_string(MAX_CIRCUIT_OPERATIONS) + " operations", nullptr,
             ErrorCode::LimitExceeded);
    if (count > 1) {
        m_generated = addCount(m_generated, count - 1);
        if (m_generated > MAX_QASM_GENERATED_OPERATIONS)
            fail(at,
                 "broadcasting and gate definitions would create more than " +
                     std::to_string(MAX_QASM_GENERATED_OPERATIONS) + " operations",
                 nullptr, ErrorCode::LimitExceeded);
    }
}

void QasmParser::emit(Scope* scope, Operation op)
{
    if (scope && scope->counting) {
        scope->count = addCount(scope->count, 1);
        return;
    }
    (scope ? scope->out : &m_ops)->push_back(std::move(op));
}

void QasmParser::parseGateCall(Cursor& cur, Scope* scope)
{
    const QasmToken name = cur.next();
    const GateRef ref = resolveGate(name, scope);
    std::vector<ParameterExpression> params;
    if (cur.accept(Kind::LParen)) {
        if (!cur.accept(Kind::RParen)) {
            do {
                params.push_back(parseExpression(cur, scope));
            } while (cur.accept(Kind::Comma));
            expect(cur, Kind::RParen, "after the gate's parameters", scope);
        }
    }
    if (ref.type == GateRef::Type::GPhase) {
        if (params.size() != 1)
            fail(name, "gphase takes 1 parameter, got " + std::to_string(params.size()), scope);
        if (cur.peek().kind != Kind::Semicolon)
            fail(cur.peek(), "gphase on qubits (a modifier form) is not supported", scope);
        cur.next();
        return;  // a global phase: no observable effect
    }
    std::vector<QubitOperand> operands;
    if (cur.peek().kind == Kind::Semicolon)
        fail(cur.peek(), "gate " + quoted(name.text) + " needs qubit arguments", scope);
    do {
        operands.push_back(parseQubitOperand(cur, scope));
    } while (cur.accept(Kind::Comma));
    expect(cur, Kind::Semicolon, "after the gate's qubits", scope);

    std::size_t wantParams = 0;
    std::size_t wantQubits = 0;
    const GateDefinition* def = nullptr;
    switch (ref.type) {
    case GateRef::Type::Table:
        wantParams = gateSpec(ref.id).numParams;
        wantQubits = gateSpec(ref.id).numQubits;
        break;
    case GateRef::Type::U2:
        wantParams = 2;
        wantQubits = 1;
        break;
    case GateRef::Type::User:
        def = &m_definitions[ref.user];
        wantParams = def->params.size();
        wantQubits = def->qubits.size();
        break;
    case GateRef::Type::GPhase: break;
    }
    const auto plural = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    if (params.size() != wantParams)
        fail(name, "gate " + quoted(name.text) + " takes " + plural(wantParams, "parameter") + ", got " +
                       std::to_string(params.size()),
             scope);
    if (operands.size() != wantQubits)
        fail(name, "gate " + quoted(name.text) + " acts on " + plural(wantQubits, "qubit") + ", got " +
                       std::to_string(operands.size()),
             scope);

    // Register arguments broadcast: all registers must have one size; single qubits repeat.
    unsigned length = 1;
    const QubitOperand* first = nullptr;
    for (const QubitOperand& op : operands) {
        if (!op.broadcast)
            continue;
        if (first && op.count != length)
            fail(op.token, "register " + describe(op.token) + " has " + std::to_string(op.count) + " qubits but " +
                               describe(first->token) + " has " + std::to_string(length),
                 scope);
        length = op.count;
        first = &op;
    }
    if (!scope)
        reserveOperations(name, mulCount(length, def ? def->operations : 1));

    std::vector<unsigned> qubits(operands.size());
    for (unsigned i = 0; i < length; ++i) {
        for (std::size_t k = 0; k < operands.size(); ++k) {
            qubits[k] = operands[k].first + (operands[k].broadcast ? i : 0);
            for (std::size_t j = 0; j < k; ++j) {
                if (qubits[j] == qubits[k])
                    fail(operands[k].token,
                         "qubit " + (scope ? std::string(operands[k].token.text) : describeQubit(qubits[k])) +
                             " is used twice in one gate",
                         scope);
            }
        }
        if (def) {
            if (scope && scope->counting) {
                if (def->depth + 1 > MAX_QASM_GATE_NESTING)
                    fail(name, "gate definitions are nested deeper than " + std::to_string(MAX_QASM_GATE_NESTING),
                         scope, ErrorCode::LimitExceeded);
                scope->count = addCount(scope->count, def->operations);
                scope->depth = std::max(scope->depth, def->depth);
            } else {
                expandDefinition(*def, name, params, qubits, scope);
            }
            continue;
        }
        Operation op;
        op.kind = OperationKind::Gate;
        op.qubits = qubits;
        if (ref.type == GateRef::Type::U2) {
            op.gate = GateId::U;
            op.params = {ParameterExpression(std::numbers::pi / 2), params[0], params[1]};
        } else {
            op.gate = ref.id;
            op.params = params;
        }
        emit(scope, std::move(op));
    }
}

void QasmParser::expandDefinition(const GateDefinition& def, const QasmToken& call,
                                  std::vector<ParameterExpression> params, std::vector<unsigned> qubits, Scope* outer)
{
    Scope inner;
    inner.gate = &def;
    inner.params = &params;
    inner.qubits = &qubits;
    inner.lenient = outer && outer->lenient;
    inner.out = outer ? outer->out : &m_ops;
    inner.context = " (in gate " + quoted(def.name) + " called at " + placeOf(call.line, call.column) + ")";
    runBody(def, inner);
}

void QasmParser::parseMeasureArrow(Cursor& cur)
{
    const QasmToken keyword = cur.next();
    const QubitOperand q = parseQubitOperand(cur, nullptr);
    if (cur.peek().kind == Kind::Semicolon)
        fail(cur.peek(), "a measurement must store its result ('measure q -> c;' or 'c = measure q;')");
    expect(cur, Kind::Arrow, "after the measured qubits");
    const BitOperand c = parseBitOperand(cur);
    expect(cur, Kind::Semicolon, "after the measurement");
    appendMeasurements(keyword, q, c, c.token);
}

void QasmParser::appendMeasurements(const QasmToken& keyword, const QubitOperand& q, const BitOperand& c,
                                    const QasmToken& mismatch)
{
    if (q.count != c.count)  // a one-bit register takes one qubit's result, as Qiskit writes it
        fail(mismatch, std::string("cannot store the measurement of ") + std::to_string(q.count) + " qubit(s) in " +
                           std::to_string(c.count) + " bit(s)");
    reserveOperations(keyword, q.count);
    for (unsigned i = 0; i < q.count; ++i) {
        Operation op;
        op.kind = OperationKind::Measure;
        op.qubits = {q.first + i};
        op.creg = c.creg;
        op.clbit = c.first + i;
        m_ops.push_back(std::move(op));
    }
}

void QasmParser::parseMeasureAssign(Cursor& cur)
{
    requireVersion3(cur.peek(), "measurement assignments ('c = measure q;')");
    const BitOperand c = parseBitOperand(cur);
    expect(cur, Kind::Equals, "after the classical bits");
    const QasmToken keyword = expectIdentifier(cur, "'measure'");
    if (keyword.text != "measure")
        fail(keyword, "only measurement results can be assigned to bits, found " + describe(keyword));
    const QubitOperand q = parseQubitOperand(cur, nullptr);
    expect(cur, Kind::Semicolon, "after the measurement");
    appendMeasurements(keyword, q, c, q.token);
}

void QasmParser::parseReset(Cursor& cur)
{
    const QasmToken keyword = cur.next();
    const QubitOperand q = parseQubitOperand(cur, nullptr);
    expect(cur, Kind::Semicolon, "after the reset");
    reserveOperations(keyword, q.count);
    for (unsigned i = 0; i < q.count; ++i) {
        Operation op;
        op.kind = OperationKind::Reset;
        op.qubits = {q.first + i};
        m_ops.push_back(std::move(op));
    }
}

void QasmParser::parseBarrier(Cursor& cur, Scope* scope)
{
    const QasmToken keyword = cur.next();
    Operation op;
    op.kind = OperationKind::Barrier;
    if (!cur.accept(Kind::Semicolon)) {
        std::vector<QasmToken> tokens;
        do {
            const QubitOperand q = parseQubitOperand(cur, scope);
            for (unsigned i = 0; i < q.count; ++i) {
                op.qubits.push_back(q.first + i);
                tokens.push_back(q.token);
            }
        } while (cur.accept(Kind::Comma));
        expect(cur, Kind::Semicolon, "after the barrier's qubits", scope);
        // Duplicates are an error, found in O(k log k) for wide barriers.
        std::vector<std::size_t> order(op.qubits.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return op.qubits[a] < op.qubits[b]; });
        for (std::size_t k = 1; k < order.size(); ++k) {
            if (op.qubits[order[k]] == op.qubits[order[k - 1]]) {
                const std::size_t later = std::max(order[k], order[k - 1]);
                fail(tokens[later],
                     "qubit " + (scope ? std::string(tokens[later].text) : describeQubit(op.qubits[later])) +
                         " appears twice in the barrier",
                     scope);
            }
        }
    } else if (scope) {
        // `barrier;` inside a body means the gate's own qubits.
        op.qubits = *scope->qubits;
    }
    if (!scope)
        reserveOperations(keyword, 1);
    emit(scope, std::move(op));
}

// ---- expressions ----------------------------------------------------------------------------------------------

void QasmParser::checkFinite(const ParameterExpression& e, const QasmToken& at, const Scope* scope) const
{
    if (scope && scope->lenient)
        return;
    bool finite = std::isfinite(e.constant());
    for (const auto& term : e.terms())
        finite = finite && std::isfinite(term.second);
    if (!finite)
        fail(at, "the value of this expression is out of the range of a double", scope);
}

ParameterExpression QasmParser::parseExpression(Cursor& cur, const Scope* scope)
{
    ParameterExpression value = parseTerm(cur, scope);
    while (cur.peek().kind == Kind::Plus || cur.peek().kind == Kind::Minus) {
        const QasmToken op = cur.next();
        const ParameterExpression rhs = parseTerm(cur, scope);
        if (op.kind == Kind::Plus)
            value += rhs;
        else
            value -= rhs;
        checkFinite(value, op, scope);
    }
    return value;
}

ParameterExpression QasmParser::parseTerm(Cursor& cur, const Scope* scope)
{
    ParameterExpression value = parseUnary(cur, scope);
    while (cur.peek().kind == Kind::Star || cur.peek().kind == Kind::Slash) {
        const QasmToken op = cur.next();
        const ParameterExpression rhs = parseUnary(cur, scope);
        if (op.kind == Kind::Star) {
            if (value.isConstant())
                value = rhs * value.constant();
            else if (rhs.isConstant())
                value *= rhs.constant();
            else
                fail(op, "the product of two expressions with input parameters is not affine", scope);
        } else {
            if (!rhs.isConstant())
                fail(op, "division by an expression with input parameters is not affine", scope);
            const double divisor = rhs.constant();
            if (divisor == 0.0 && !(scope && scope->lenient))
                fail(op, "division by zero", scope);
            // Divide each part (not multiply by 1/divisor) so that "pi/2" reads back as exactly pi/2.
            ParameterExpression quotient(value.constant() / divisor);
            for (const auto& [index, coefficient] : value.terms())
                quotient += ParameterExpression::parameter(index, coefficient / divisor);
            value = quotient;
        }
        checkFinite(value, op, scope);
    }
    return value;
}

ParameterExpression QasmParser::parseUnary(Cursor& cur, const Scope* scope)
{
    const Kind kind = cur.peek().kind;
    if (kind != Kind::Minus && kind != Kind::Plus)
        return parsePrimary(cur, scope);
    const QasmToken sign = cur.next();
    if (++m_expressionDepth > MAX_EXPRESSION_NESTING)
        fail(sign, "expression nested deeper than " + std::to_string(MAX_EXPRESSION_NESTING) + " levels", scope,
             ErrorCode::LimitExceeded);
    ParameterExpression value = parseUnary(cur, scope);
    --m_expressionDepth;
    return kind == Kind::Minus ? -value : value;
}

ParameterExpression QasmParser::parsePrimary(Cursor& cur, const Scope* scope)
{
    const QasmToken t = cur.next();
    switch (t.kind) {
    case Kind::Integer:
    case Kind::Real: return ParameterExpression(parseNumber(t, scope));
    case Kind::LParen: {
        if (++m_expressionDepth > MAX_EXPRESSION_NESTING)
            fail(t, "expression nested deeper than " + std::to_string(MAX_EXPRESSION_NESTING) + " levels", scope,
                 ErrorCode::LimitExceeded);
        ParameterExpression value = parseExpression(cur, scope);
        --m_expressionDepth;
        expect(cur, Kind::RParen, "to close the parenthesis", scope);
        return value;
    }
    case Kind::Identifier: break;
    default: fail(t, "expected an expression, found " + describe(t), scope);
    }

    const std::string_view name = t.text;
    if (scope) {
        const auto& formals = scope->gate->params;
        const auto it = std::find(formals.begin(), formals.end(), name);
        if (it != formals.end())
            return (*scope->params)[static_cast<std::size_t>(it - formals.begin())];
    }
    if (name == "pi" || name == "π")
        return ParameterExpression(std::numbers::pi);
    if (name == "tau" || name == "τ")
        return ParameterExpression(2.0 * std::numbers::pi);
    if (name == "euler" || name == "ℇ")
        return ParameterExpression(std::numbers::e);
    if (cur.peek().kind == Kind::LParen) {
        cur.next();
        if (++m_expressionDepth > MAX_EXPRESSION_NESTING)
            fail(t, "expression nested deeper than " + std::to_string(MAX_EXPRESSION_NESTING) + " levels", scope,
                 ErrorCode::LimitExceeded);
        const ParameterExpression argument = parseExpression(cur, scope);
        --m_expressionDepth;
        expect(cur, Kind::RParen, "after the function's argument", scope);
        return callFunction(t, argument, scope);
    }
    const auto symbol = m_symbols.find(std::string(name));
    if (symbol != m_symbols.end() && symbol->second.kind == SymbolKind::Input) {
        if (scope)
            fail(t, "input " + describe(t) + " cannot be used inside a gate body; pass it as a gate parameter", scope);
        return ParameterExpression::parameter(symbol->second.index);
    }
    if (symbol != m_symbols.end())
        fail(t, describe(t) + " is not a number or an input parameter", scope);
    fail(t, "unknown identifier " + describe(t) + " in an expression", scope);
}

ParameterExpression QasmParser::callFunction(const QasmToken& name, const ParameterExpression& argument,
                                             const Scope* scope) const
{
    using Function = double (*)(double);
    struct Entry {
        std::string_view name;
        Function function;
        double low;   // domain, inclusive
        double high;
    };
    constexpr double INF = std::numeric_limits<double>::infinity();
    static const Entry FUNCTIONS[] = {
        {"sin", [](double x) { return std::sin(x); }, -INF, INF},
        {"cos", [](double x) { return std::cos(x); }, -INF, INF},
        {"tan", [](double x) { return std::tan(x); }, -INF, INF},
        {"exp", [](double x) { return std::exp(x); }, -INF, INF},
        {"ln", [](double x) { return std::log(x); }, std::numeric_limits<double>::min(), INF},
        {"sqrt", [](double x) { return std::sqrt(x); }, 0.0, INF},
        {"arcsin", [](double x) { return std::asin(x); }, -1.0, 1.0},
        {"arccos", [](double x) { return std::acos(x); }, -1.0, 1.0},
        {"arctan", [](double x) { return std::atan(x); }, -INF, INF},
    };
    for (const Entry& entry : FUNCTIONS) {
        if (entry.name != name.text)
            continue;
        if (!argument.isConstant())
            fail(name, std::string(entry.name) + " of an expression with input parameters is not affine", scope);
        const double x = argument.constant();
        const bool lenient = scope && scope->lenient;
        if (!lenient && !(x >= entry.low && x <= entry.high))
            fail(name, "the argument of " + std::string(entry.name) + " is outside its domain", scope);
        const double y = entry.function(x);
        if (!lenient && !std::isfinite(y))
            fail(name, "the value of " + std::string(entry.name) + " is out of the range of a double", scope);
        return ParameterExpression(y);
    }
    fail(name, "unknown function " + describe(name) + " (sin, cos, tan, exp, ln, sqrt, arcsin, arccos, arctan)",
         scope);
}

// ---- checking a definition that carries a gate-table name --------------------------------------------------------

Matrix identity(unsigned dim)
{
    Matrix m(dim * dim, 0.0);
    for (unsigned k = 0; k < dim; ++k)
        m[k * dim + k] = 1.0;
    return m;
}

// m <- (gate on `qubits` of an n-qubit register) * m, with qubit 0 the least-significant index bit.
void applyGate(Matrix& m, unsigned n, const GateMatrix& g, const std::vector<unsigned>& qubits)
{
    const unsigned dim = 1u << n;
    Matrix result(m.size(), 0.0);
    for (unsigned row = 0; row < dim; ++row) {
        unsigned local = 0;
        for (std::size_t k = 0; k < qubits.size(); ++k)
            local |= ((row >> qubits[k]) & 1u) << k;
        for (unsigned other = 0; other < g.dimension; ++other) {
            const std::complex<double> factor = g.at(local, other);
            if (factor == 0.0)
                continue;
            unsigned source = row;
            for (std::size_t k = 0; k < qubits.size(); ++k)
                source = (source & ~(1u << qubits[k])) | (((other >> k) & 1u) << qubits[k]);
            for (unsigned col = 0; col < dim; ++col)
                result[row * dim + col] += factor * m[source * dim + col];
        }
    }
    m = std::move(result);
}

bool equalUpToPhase(const Matrix& a, const GateMatrix& b)
{
    std::size_t best = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (std::abs(b.m[k]) > std::abs(b.m[best]))
            best = k;
    }
    const std::complex<double> phase = a[best] / b.m[best];
    if (!(std::abs(std::abs(phase) - 1.0) <= 1e-9))
        return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (!(std::abs(a[k] - phase * b.m[k]) <= 1e-9))
            return false;
    }
    return true;
}

void QasmParser::checkTableDefinition(const GateDefinition& def, GateId id, const QasmToken& name)
{
    const GateSpec& spec = gateSpec(id);
    if (def.params.size() != spec.numParams || def.qubits.size() != spec.numQubits)
        fail(name, "gate " + quoted(def.name) + " is defined with " + std::to_string(def.params.size()) +
                       " parameter(s) and " + std::to_string(def.qubits.size()) + " qubit(s); the standard " +
                       std::string(spec.name) + " has " + std::to_string(spec.numParams) + " and " +
                       std::to_string(spec.numQubits));
    if (def.operations > MAX_CHECKED_DEFINITION_OPERATIONS)
        fail(name, "the definition of gate " + quoted(def.name) + " is too large to check against the standard gate",
             nullptr, ErrorCode::LimitExceeded);
    for (const auto& sample : CHECK_VALUES) {
        std::vector<ParameterExpression> params;
        std::vector<double> numeric;
        for (unsigned j = 0; j < spec.numParams; ++j) {
            params.emplace_back(sample[j]);
            numeric.push_back(sample[j]);
        }
        std::vector<unsigned> qubits(spec.numQubits);
        std::iota(qubits.begin(), qubits.end(), 0u);
        std::vector<Operation> ops;
        Scope scope;
        scope.gate = &def;
        scope.params = &params;
        scope.qubits = &qubits;
        scope.lenient = true;
        scope.out = &ops;
        runBody(def, scope);

        Matrix product = identity(1u << spec.numQubits);
        bool finite = true;
        for (const Operation& op : ops) {
            if (op.kind != OperationKind::Gate)
                continue;
            std::vector<double> values;
            for (const ParameterExpression& e : op.params) {
                values.push_back(e.constant());
                finite = finite && std::isfinite(e.constant());
            }
            if (!finite)
                break;
            applyGate(product, spec.numQubits, gateUnitary(op.gate, values), op.qubits);
        }
        if (!finite || !equalUpToPhase(product, gateUnitary(id, numeric)))
            fail(name, "the definition of gate " + quoted(def.name) + " does not match the standard " +
                           std::string(spec.name) + " gate (compared numerically, up to a global phase)");
    }
}

} // namespace

Circuit importQasm(std::string_view text, const std::string& sourceName)
{
    QasmParser parser(text, sourceName);
    return parser.run();
}

} // namespace engine
