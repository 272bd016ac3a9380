// SPDX-License-Identifier: MIT
// The gate table: one row per gate, unitaries in closed form, inverse and expansion rules as affine gate calls.
#include "circuit/gate_table.h"

#include "core/error.h"

#include <cmath>
#include <numbers>
#include <string>

namespace engine {

namespace {

using C = std::complex<double>;
constexpr double PI = std::numbers::pi;
constexpr double INV_SQRT2 = 0.70710678118654752440;

// Definitions written in stdgates.inc gates. Every body is exact (not only up to a global phase): stdgates' rz is
// exp(-i t Z/2), and sxdg = X SX, ecr = X_0 exp(-i pi/4 Z_0 X_1), rxx/ryy are rzz conjugated by H / RX(pi/2).
constexpr std::string_view DEF3_SXDG = "x _gate_q_0; sx _gate_q_0;";
constexpr std::string_view DEF3_ECR = "h _gate_q_1; cx _gate_q_0, _gate_q_1; rz(pi/2) _gate_q_1; "
                                      "cx _gate_q_0, _gate_q_1; h _gate_q_1; x _gate_q_0;";
constexpr std::string_view DEF3_RZZ = "cx _gate_q_0, _gate_q_1; rz(p0) _gate_q_1; cx _gate_q_0, _gate_q_1;";
constexpr std::string_view DEF3_RXX = "h _gate_q_0; h _gate_q_1; cx _gate_q_0, _gate_q_1; rz(p0) _gate_q_1; "
                                      "cx _gate_q_0, _gate_q_1; h _gate_q_1; h _gate_q_0;";
constexpr std::string_view DEF3_RYY = "rx(pi/2) _gate_q_0; rx(pi/2) _gate_q_1; cx _gate_q_0, _gate_q_1; "
                                      "rz(p0) _gate_q_1; cx _gate_q_0, _gate_q_1; rx(-pi/2) _gate_q_0; "
                                      "rx(-pi/2) _gate_q_1;";

// clang-format off
constexpr std::array<GateSpec, GATE_COUNT> GATE_TABLE = {{
    //  id             name    qubits params stdgates qelib1 symmetric definition
    {GateId::I,    "id",   1, 0, true,  true,  false, {}},
    {GateId::X,    "x",    1, 0, true,  true,  false, {}},
    {GateId::Y,    "y",    1, 0, true,  true,  false, {}},
    {GateId::Z,    "z",    1, 0, true,  true,  false, {}},
    {GateId::H,    "h",    1, 0, true,  true,  false, {}},
    {GateId::S,    "s",    1, 0, true,  true,  false, {}},
    {GateId::Sdg,  "sdg",  1, 0, true,  true,  false, {}},
    {GateId::T,    "t",    1, 0, true,  true,  false, {}},
    {GateId::Tdg,  "tdg",  1, 0, true,  true,  false, {}},
    {GateId::SX,   "sx",   1, 0, true,  false, false, {}},
    {GateId::SXdg, "sxdg", 1, 0, false, false, false, DEF3_SXDG},
    {GateId::RX,   "rx",   1, 1, true,  true,  false, {}},
    {GateId::RY,   "ry",   1, 1, true,  true,  false, {}},
    {GateId::RZ,   "rz",   1, 1, true,  true,  false, {}},
    {GateId::P,    "p",    1, 1, true,  true,  false, {}},
    {GateId::U,    "u",    1, 3, true,  true,  false, {}},
    {GateId::CX,   "cx",   2, 0, true,  true,  false, {}},
    {GateId::CY,   "cy",   2, 0, true,  true,  false, {}},
    {GateId::CZ,   "cz",   2, 0, true,  true,  true,  {}},
    {GateId::CH,   "ch",   2, 0, true,  true,  false, {}},
    {GateId::SWAP, "swap", 2, 0, true,  false, true,  {}},
    {GateId::ECR,  "ecr",  2, 0, false, false, false, DEF3_ECR},
    {GateId::CRZ,  "crz",  2, 1, true,  true,  false, {}},
    {GateId::CP,   "cp",   2, 1, true,  true,  true,  {}},
    {GateId::RZZ,  "rzz",  2, 1, false, false, true,  DEF3_RZZ},
    {GateId::RXX,  "rxx",  2, 1, false, false, true,  DEF3_RXX},
    {GateId::RYY,  "ryy",  2, 1, false, false, true,  DEF3_RYY},
}};
// clang-format on

constexpr bool tableIsInOrder()
{
    for (std::size_t k = 0; k < GATE_COUNT; ++k) {
        if (static_cast<std::size_t>(GATE_TABLE[k].id) != k)
            return false;
    }
    return true;
}
static_assert(tableIsInOrder(), "GATE_TABLE rows must follow the order of GateId");

GateMatrix matrix2(C a, C b, C c, C d)
{
    GateMatrix g;
    g.dimension = 2;
    g.m[0] = a;
    g.m[1] = b;
    g.m[2] = c;
    g.m[3] = d;
    return g;
}

GateMatrix matrix4()
{
    GateMatrix g;
    g.dimension = 4;
    return g;
}

void set(GateMatrix& g, unsigned r, unsigned c, C v) { g.m[4 * r + c] = v; }

// A gate on the two-qubit basis k = 2*b1 + b0 that applies the 2x2 matrix u to operand 1 when operand 0 is 1.
GateMatrix controlled(const GateMatrix& u)
{
    GateMatrix g = matrix4();
    set(g, 0, 0, 1.0);
    set(g, 2, 2, 1.0);
    set(g, 1, 1, u.at(0, 0));
    set(g, 1, 3, u.at(0, 1));
    set(g, 3, 1, u.at(1, 0));
    set(g, 3, 3, u.at(1, 1));
    return g;
}

C phase(double angle) { return std::polar(1.0, angle); }

// Builders of gate-call rules.
GateCall::Param constant(double value) { return {value, {}}; }
GateCall::Param scaled(unsigned j, double scale)
{
    GateCall::Param p;
    p.scale[j] = scale;
    return p;
}

GateCall call(GateId id, unsigned q0, unsigned q1 = 0, std::initializer_list<GateCall::Param> params = {})
{
    GateCall c;
    c.id = id;
    c.operands = {q0, q1};
    std::size_t k = 0;
    for (const auto& p : params)
        c.params[k++] = p;
    return c;
}

GateCall call1(GateId id, unsigned q, std::initializer_list<GateCall::Param> params = {})
{
    return call(id, q, 0, params);
}

// The gate itself on its own operands with its own parameters.
GateCall identityCall(GateId id)
{
    const GateSpec& spec = gateSpec(id);
    GateCall c;
    c.id = id;
    c.operands = {0, spec.numQubits > 1 ? 1u : 0u};
    for (unsigned j = 0; j < spec.numParams; ++j)
        c.params[j] = scaled(j, 1.0);
    return c;
}

} // namespace

const GateSpec& gateSpec(GateId id)
{
    const auto index = static_cast<std::size_t>(id);
    if (index >= GATE_COUNT)
        throw Error(ErrorCode::InvalidArgument, "unknown gate id " + std::to_string(index), "id");
    return GATE_TABLE[index];
}

std::optional<GateId> gateFromName(std::string_view name)
{
    for (const GateSpec& spec : GATE_TABLE) {
        if (spec.name == name)
            return spec.id;
    }
    if (name == "u3")
        return GateId::U;
    if (name == "u1")
        return GateId::P;
    if (name == "cnot")
        return GateId::CX;
    return std::nullopt;
}

GateMatrix gateUnitary(GateId id, std::span<const double> params)
{
    const GateSpec& spec = gateSpec(id);
    if (params.size() != spec.numParams)
        throw Error(ErrorCode::InvalidArgument,
                    "gate " + std::string(spec.name) + " takes " + std::to_string(spec.numParams) +
                        " parameters, got " + std::to_string(params.size()),
                    "params");
    const C i(0.0, 1.0);
    const double h = INV_SQRT2;
    const double t = spec.numParams > 0 ? params[0] : 0.0;
    const double c = std::cos(t / 2);
    const double s = std::sin(t / 2);
    switch (id) {
    case GateId::I: return matrix2(1.0, 0.0, 0.0, 1.0);
    case GateId::X: return matrix2(0.0, 1.0, 1.0, 0.0);
    case GateId::Y: return matrix2(0.0, -i, i, 0.0);
    case GateId::Z: return matrix2(1.0, 0.0, 0.0, -1.0);
    case GateId::H: return matrix2(h, h, h, -h);
    case GateId::S: return matrix2(1.0, 0.0, 0.0, i);
    case GateId::Sdg: return matrix2(1.0, 0.0, 0.0, -i);
    case GateId::T: return matrix2(1.0, 0.0, 0.0, C(h, h));
    case GateId::Tdg: return matrix2(1.0, 0.0, 0.0, C(h, -h));
    case GateId::SX: return matrix2(C(0.5, 0.5), C(0.5, -0.5), C(0.5, -0.5), C(0.5, 0.5));
    case GateId::SXdg: return matrix2(C(0.5, -0.5), C(0.5, 0.5), C(0.5, 0.5), C(0.5, -0.5));
    case GateId::RX: return matrix2(c, -i * s, -i * s, c);
    case GateId::RY: return matrix2(c, -s, s, c);
    case GateId::RZ: return matrix2(phase(-t / 2), 0.0, 0.0, phase(t / 2));
    case GateId::P: return matrix2(1.0, 0.0, 0.0, phase(t));
    case GateId::U: {
        const double phi = params[1];
        const double lambda = params[2];
        // e^{i phi} e^{i lambda}, not e^{i (phi + lambda)}: the rounded sum of two large angles would cost
        // unitarity.
        return matrix2(c, -phase(lambda) * s, phase(phi) * s, phase(phi) * phase(lambda) * c);
    }
    case GateId::CX: return controlled(gateUnitary(GateId::X, {}));
    case GateId::CY: return controlled(gateUnitary(GateId::Y, {}));
    case GateId::CZ: return controlled(gateUnitary(GateId::Z, {}));
    case GateId::CH: return controlled(gateUnitary(GateId::H, {}));
    case GateId::CRZ: return controlled(gateUnitary(GateId::RZ, params));
    case GateId::CP: return controlled(gateUnitary(GateId::P, params));
    case GateId::SWAP: {
        GateMatrix g = matrix4();
        set(g, 0, 0, 1.0);
        set(g, 1, 2, 1.0);
        set(g, 2, 1, 1.0);
        set(g, 3, 3, 1.0);
        return g;
    }
    case GateId::ECR: {
        // Qiskit's ECRGate, (IX - XY)/sqrt(2) with operand 0 the less significant (right) factor.
        GateMatrix g = matrix4();
        set(g, 0, 1, h);
        set(g, 0, 3, i * h);
        set(g, 1, 0, h);
        set(g, 1, 2, -i * h);
        set(g, 2, 1, i * h);
        set(g, 2, 3, h);
        set(g, 3, 0, -i * h);
        set(g, 3, 2, h);
        return g;
    }
    case GateId::RZZ: {
        // Z Z is +1 on k = 0, 3 and -1 on k = 1, 2.
        GateMatrix g = matrix4();
        set(g, 0, 0, phase(-t / 2));
        set(g, 1, 1, phase(t / 2));
        set(g, 2, 2, phase(t / 2));
        set(g, 3, 3, phase(-t / 2));
        return g;
    }
    case GateId::RXX: {
        // X X maps k to 3 - k.
        GateMatrix g = matrix4();
        for (unsigned k = 0; k < 4; ++k) {
            set(g, k, k, c);
            set(g, k, 3 - k, -i * s);
        }
        return g;
    }
    case GateId::RYY: {
        // Y Y maps |00> -> -|11>, |11> -> -|00>, |01> <-> |10>.
        GateMatrix g = matrix4();
        for (unsigned k = 0; k < 4; ++k)
            set(g, k, k, c);
        set(g, 0, 3, i * s);
        set(g, 3, 0, i * s);
        set(g, 1, 2, -i * s);
        set(g, 2, 1, -i * s);
        return g;
    }
    }
    throw Error(ErrorCode::InvalidArgument, "unknown gate id", "id");
}

std::vector<GateCall> gateInverse(GateId id)
{
    switch (id) {
    case GateId::S: return {call1(GateId::Sdg, 0)};
    case GateId::Sdg: return {call1(GateId::S, 0)};
    case GateId::T: return {call1(GateId::Tdg, 0)};
    case GateId::Tdg: return {call1(GateId::T, 0)};
    case GateId::SX: return {call1(GateId::SXdg, 0)};
    case GateId::SXdg: return {call1(GateId::SX, 0)};
    case GateId::RX:
    case GateId::RY:
    case GateId::RZ:
    case GateId::P: return {call1(id, 0, {scaled(0, -1.0)})};
    case GateId::U:
        // U(t, p, l)^dagger = U(-t, -l, -p) exactly.
        return {call1(GateId::U, 0, {scaled(0, -1.0), scaled(2, -1.0), scaled(1, -1.0)})};
    case GateId::CRZ:
    case GateId::CP:
    case GateId::RZZ:
    case GateId::RXX:
    case GateId::RYY: return {call(id, 0, 1, {scaled(0, -1.0)})};
    case GateId::I:
    case GateId::X:
    case GateId::Y:
    case GateId::Z:
    case GateId::H:
    case GateId::CX:
    case GateId::CY:
    case GateId::CZ:
    case GateId::CH:
    case GateId::SWAP:
    case GateId::ECR: return {identityCall(id)};  // Hermitian and unitary: its own inverse
    }
    throw Error(ErrorCode::InvalidArgument, "unknown gate id", "id");
}

std::vector<GateCall> gateExpansion(GateId id)
{
    const GateSpec& spec = gateSpec(id);
    if (spec.numQubits == 1 || id == GateId::CX)
        return {identityCall(id)};
    switch (id) {
    case GateId::CY:
        return {call1(GateId::P, 1, {constant(-PI / 2)}), call(GateId::CX, 0, 1),
                call1(GateId::P, 1, {constant(PI / 2)})};
    case GateId::CZ: return {call1(GateId::H, 1), call(GateId::CX, 0, 1), call1(GateId::H, 1)};
    case GateId::CH:
        // RY(-pi/4) X RY(pi/4) = (X + Z)/sqrt(2) = H on the target, and the identity when the control is 0.
        return {call1(GateId::RY, 1, {constant(PI / 4)}), call(GateId::CX, 0, 1),
                call1(GateId::RY, 1, {constant(-PI / 4)})};
    case GateId::SWAP: return {call(GateId::CX, 0, 1), call(GateId::CX, 1, 0), call(GateId::CX, 0, 1)};
    case GateId::ECR:
        // exp(-i pi/4 Z0 X1) = e^{i pi/4} CX RZ0(pi/2) RX1(pi/2), and ECR = X0 exp(-i pi/4 Z0 X1).
        return {call1(GateId::RZ, 0, {constant(PI / 2)}), call1(GateId::RX, 1, {constant(PI / 2)}),
                call(GateId::CX, 0, 1), call1(GateId::X, 0)};
    case GateId::CRZ:
        return {call1(GateId::RZ, 1, {scaled(0, 0.5)}), call(GateId::CX, 0, 1), call1(GateId::RZ, 1, {scaled(0, -0.5)}),
                call(GateId::CX, 0, 1)};
    case GateId::CP:
        return {call1(GateId::P, 0, {scaled(0, 0.5)}), call(GateId::CX, 0, 1), call1(GateId::P, 1, {scaled(0, -0.5)}),
                call(GateId::CX, 0, 1), call1(GateId::P, 1, {scaled(0, 0.5)})};
    case GateId::RZZ:
        return {call(GateId::CX, 0, 1), call1(GateId::RZ, 1, {scaled(0, 1.0)}), call(GateId::CX, 0, 1)};
    case GateId::RXX:
        return {call1(GateId::H, 0), call1(GateId::H, 1), call(GateId::CX, 0, 1),
                call1(GateId::RZ, 1, {scaled(0, 1.0)}), call(GateId::CX, 0, 1), call1(GateId::H, 0),
                call1(GateId::H, 1)};
    case GateId::RYY:
        // RX(-pi/2) Z RX(pi/2) = -Y on each qubit, so the conjugated ZZ is YY.
        return {call1(GateId::RX, 0, {constant(PI / 2)}), call1(GateId::RX, 1, {constant(PI / 2)}),
                call(GateId::CX, 0, 1), call1(GateId::RZ, 1, {scaled(0, 1.0)}), call(GateId::CX, 0, 1),
                call1(GateId::RX, 0, {constant(-PI / 2)}), call1(GateId::RX, 1, {constant(-PI / 2)})};
    default: break;
    }
    throw Error(ErrorCode::InvalidArgument, "no expansion for gate " + std::string(spec.name), "id");
}

std::string_view gateQasm3Name(GateId id)
{
    return id == GateId::U ? std::string_view("U") : gateSpec(id).name;
}

std::string_view gateQasm2Name(GateId id)
{
    switch (id) {
    case GateId::U: return "u3";
    case GateId::P: return "u1";
    case GateId::CP: return "cu1";
    default: return gateSpec(id).name;
    }
}

std::string_view gateQasm2Definition(GateId id)
{
    switch (id) {
    case GateId::SX: return "sdg a; h a; sdg a;";
    case GateId::SXdg: return "s a; h a; s a;";
    case GateId::SWAP: return "cx a,b; cx b,a; cx a,b;";
    case GateId::ECR: return "h b; cx a,b; u1(pi/2) b; cx a,b; h b; x a;";
    case GateId::RZZ: return "cx a,b; u1(p0) b; cx a,b;";
    case GateId::RXX: return "h a; h b; cx a,b; u1(p0) b; cx a,b; h b; h a;";
    case GateId::RYY:
        return "rx(pi/2) a; rx(pi/2) b; cx a,b; u1(p0) b; cx a,b; rx(-pi/2) a; rx(-pi/2) b;";
    default: return {};
    }
}

} // namespace engine
