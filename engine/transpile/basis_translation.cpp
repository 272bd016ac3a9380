// SPDX-License-Identifier: MIT
// Rewrites a routed physical circuit into a device's native gates and simplifies it.
#include "transpile/basis_translation.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <map>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace engine {

namespace {

using Complex = std::complex<double>;
constexpr double PI = std::numbers::pi;

// Angles closer than this to a special value are treated as that value. Fused matrices carry rounding of order
// 1e-15, so this only catches rounding, while changing a gate by at most ~1e-10 in operator norm.
constexpr double ANGLE_EPS = 1e-10;
// Constant angles this close to a multiple of pi/8 are snapped to it, so exported files print "pi/2".
constexpr double SNAP_EPS = 1e-12;
// Expansion rules of the gate table are one level deep; a chain longer than this is a table bug.
constexpr int MAX_EXPANSION_DEPTH = 16;

/// A 2x2 matrix [[a, b], [c, d]].
struct Mat2 {
    Complex a{1.0, 0.0};
    Complex b{0.0, 0.0};
    Complex c{0.0, 0.0};
    Complex d{1.0, 0.0};
};

/// x * y (matrix order: y acts first).
Mat2 operator*(const Mat2& x, const Mat2& y)
{
    return {x.a * y.a + x.b * y.c, x.a * y.b + x.b * y.d, x.c * y.a + x.d * y.c, x.c * y.b + x.d * y.d};
}

Mat2 rzMatrix(double t)
{
    return {std::polar(1.0, -t / 2), 0.0, 0.0, std::polar(1.0, t / 2)};
}

const Mat2 SX_MATRIX{{0.5, 0.5}, {0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}};
const Mat2 X_MATRIX{0.0, 1.0, 1.0, 0.0};

/// Angles of M = e^{i alpha} RZ(phi) RY(theta) RZ(lambda), theta in [0, pi].
struct Zyz {
    double theta = 0.0;
    double phi = 0.0;
    double lambda = 0.0;
};

Zyz zyzAngles(const Mat2& m)
{
    // Dividing by sqrt(det) leaves an SU(2) matrix up to a sign; the sign only shifts phi by 2 pi (a global
    // phase), so phi + lambda = 2 arg(d) and phi - lambda = 2 arg(c) are consistent. Where |d| or |c| vanish their
    // argument is arbitrary, but then only the other combination matters.
    const Complex s = std::sqrt(m.a * m.d - m.b * m.c);
    const Complex c = m.c / s;
    const Complex d = m.d / s;
    Zyz z;
    z.theta = 2.0 * std::atan2(std::abs(c), std::abs(d));
    const double sum = 2.0 * std::arg(d);
    const double difference = 2.0 * std::arg(c);
    z.phi = 0.5 * (sum + difference);
    z.lambda = 0.5 * (sum - difference);
    return z;
}

bool isDiagonal(const Mat2& m)
{
    return zyzAngles(m).theta < ANGLE_EPS;
}

/// The RZ angle of a diagonal matrix (up to global phase).
double diagonalAngle(const Mat2& m)
{
    return std::arg(m.d) - std::arg(m.a);
}

/// An angle in (-pi, pi], snapped to a multiple of pi/8 when within rounding of one.
double normalisedAngle(double t)
{
    double r = std::remainder(t, 2.0 * PI);
    if (r <= -PI)
        r += 2.0 * PI;
    const double eighths = std::round(r / (PI / 8.0));
    if (std::abs(r - eighths * (PI / 8.0)) < SNAP_EPS)
        r = eighths * (PI / 8.0);
    if (r <= -PI)
        r += 2.0 * PI;
    return r;
}

/// The same expression with its constant reduced as normalisedAngle does (RZ(t + 2 pi) = -RZ(t), a global phase).
ParameterExpression normalisedExpression(const ParameterExpression& e)
{
    return e + ParameterExpression(normalisedAngle(e.constant()) - e.constant());
}

/// One element of a wire's run of one-qubit gates: a fused numeric matrix, or a symbolic rz.
struct WireItem {
    bool symbolic = false;
    Mat2 matrix;                 ///< numeric items
    ParameterExpression angle;   ///< symbolic items: the rz angle (has parameter terms)
};

WireItem numericItem(const Mat2& m)
{
    WireItem item;
    item.matrix = m;
    return item;
}

WireItem rzItem(const ParameterExpression& angle)
{
    if (angle.isConstant())
        return numericItem(rzMatrix(angle.constant()));
    WireItem item;
    item.symbolic = true;
    item.angle = angle;
    return item;
}

/// Appends U3(theta, phi, lambda) ~ RZ(phi + pi) SX RZ(theta + pi) SX RZ(lambda) (algorithms.md 1.4), circuit
/// order rz(lambda), sx, rz(theta + pi), sx, rz(phi + pi): exact for symbolic angles because every angle enters
/// an rz only.
void appendU3Items(std::vector<WireItem>& items, const ParameterExpression& theta, const ParameterExpression& phi,
                   const ParameterExpression& lambda)
{
    items.push_back(rzItem(lambda));
    items.push_back(numericItem(SX_MATRIX));
    items.push_back(rzItem(theta + ParameterExpression(PI)));
    items.push_back(numericItem(SX_MATRIX));
    items.push_back(rzItem(phi + ParameterExpression(PI)));
}

Mat2 toMat2(const GateMatrix& g)
{
    return {g.at(0, 0), g.at(0, 1), g.at(1, 0), g.at(1, 1)};
}

/// The wire items of a one-qubit gate operation.
void appendGateItems(std::vector<WireItem>& items, const Operation& op)
{
    const bool numeric = std::all_of(op.params.begin(), op.params.end(),
                                     [](const ParameterExpression& e) { return e.isConstant(); });
    if (numeric) {
        std::vector<double> values;
        values.reserve(op.params.size());
        for (const ParameterExpression& e : op.params)
            values.push_back(e.constant());
        items.push_back(numericItem(toMat2(gateUnitary(op.gate, values))));
        return;
    }
    switch (op.gate) {
    case GateId::RZ:
    case GateId::P:  // P(t) = e^{it/2} RZ(t)
        items.push_back(rzItem(op.params[0]));
        return;
    case GateId::RX:  // RX(t) = U3(t, -pi/2, pi/2) exactly
        appendU3Items(items, op.params[0], ParameterExpression(-PI / 2), ParameterExpression(PI / 2));
        return;
    case GateId::RY:  // RY(t) = U3(t, 0, 0) exactly
        appendU3Items(items, op.params[0], ParameterExpression(0.0), ParameterExpression(0.0));
        return;
    case GateId::U:
        appendU3Items(items, op.params[0], op.params[1], op.params[2]);
        return;
    default:
        throw std::logic_error(std::string("basis translation: no symbolic rule for one-qubit gate ")
                               + std::string(gateSpec(op.gate).name));
    }
}

/// Merges a run until nothing changes: neighbouring numeric matrices multiply, neighbouring symbolic rz's add,
/// a diagonal matrix next to a symbolic rz is absorbed into it (they commute), and a symbolic rz whose parameter
/// terms cancelled becomes numeric. Each merge shortens the run, so this ends.
void simplifyRun(std::vector<WireItem>& items)
{
    for (;;) {
        std::vector<WireItem> merged;
        merged.reserve(items.size());
        for (WireItem item : items) {
            if (item.symbolic && item.angle.isConstant())
                item = numericItem(rzMatrix(item.angle.constant()));
            if (!merged.empty()) {
                WireItem& last = merged.back();
                if (!last.symbolic && !item.symbolic) {
                    last.matrix = item.matrix * last.matrix;
                    continue;
                }
                if (last.symbolic && item.symbolic) {
                    last.angle += item.angle;
                    continue;
                }
                if (last.symbolic && isDiagonal(item.matrix)) {
                    last.angle += ParameterExpression(diagonalAngle(item.matrix));
                    continue;
                }
                if (item.symbolic && isDiagonal(last.matrix)) {
                    item.angle += ParameterExpression(diagonalAngle(last.matrix));
                    last = item;
                    continue;
                }
            }
            merged.push_back(std::move(item));
        }
        const bool shorter = merged.size() < items.size();
        items = std::move(merged);
        const bool constantSymbol = std::any_of(items.begin(), items.end(), [](const WireItem& w) {
            return w.symbolic && w.angle.isConstant();
        });
        if (!shorter && !constantSymbol)
            return;
    }
}

/// One native one-qubit gate before it becomes an Operation.
struct NativeOne {
    GateId gate = GateId::RZ;     ///< RZ, SX or X
    ParameterExpression angle;    ///< RZ only
};

/// The shortest exact native form of a numeric matrix (up to global phase), circuit order: a diagonal is one rz,
/// theta = pi is rz + x, theta = pi/2 is rz-sx-rz, anything else rz-sx-rz-sx-rz (U3 of algorithms.md 1.4 with
/// U3(theta, phi, lambda) ~ RZ(phi) RY(theta) RZ(lambda)).
void appendNativeMatrix(std::vector<NativeOne>& out, const Mat2& m)
{
    const Zyz z = zyzAngles(m);
    auto rz = [&](double t) { out.push_back({GateId::RZ, ParameterExpression(t)}); };
    if (z.theta < ANGLE_EPS) {
        rz(z.phi + z.lambda);
    } else if (z.theta > PI - ANGLE_EPS) {
        // RZ(phi) RY(pi) RZ(lambda) ~ RZ(phi) X RZ(pi + lambda) = X RZ(pi + lambda - phi)
        rz(PI + z.lambda - z.phi);
        out.push_back({GateId::X, {}});
    } else if (std::abs(z.theta - PI / 2) < ANGLE_EPS) {
        // RY(pi/2) = RZ(pi/2) RX(pi/2) RZ(-pi/2) and SX = e^{i pi/4} RX(pi/2)
        rz(z.lambda - PI / 2);
        out.push_back({GateId::SX, {}});
        rz(z.phi + PI / 2);
    } else {
        rz(z.lambda);
        out.push_back({GateId::SX, {}});
        rz(z.theta + PI);
        out.push_back({GateId::SX, {}});
        rz(z.phi + PI);
    }
}

bool isZeroAngle(const ParameterExpression& e)
{
    return e.isConstant() && normalisedAngle(e.constant()) == 0.0;
}

/// Everything the passes need to know about the device.
class Translator {
public:
    Translator(const DeviceModel& device, const BasisTranslationOptions& options, unsigned numQubits)
        : m_device(device), m_numQubits(numQubits)
    {
        const std::string& native = device.twoQubitGate;
        if (native == "cz")
            m_native = GateId::CZ;
        else if (native == "ecr")
            m_native = GateId::ECR;
        else if (native == "cx")
            m_native = GateId::CX;
        else
            throw Error(ErrorCode::InvalidArgument,
                        "device " + device.name + " has two-qubit gate '" + native
                            + "'; basis translation supports cz, ecr and cx",
                        "device");
        auto listed = [&](const char* name) {
            return std::find(device.basisGates.begin(), device.basisGates.end(), name) != device.basisGates.end();
        };
        if (!listed("rz") || !listed("sx"))
            throw Error(ErrorCode::InvalidArgument,
                        "device " + device.name + " does not list rz and sx among its basis gates", "device");
        m_hasX = listed("x");
        m_directed = device.directedTwoQubitGate;
        m_fractional = options.fractionalRzz && device.supportsFractionalRzz;
        for (const auto& [a, b] : device.couplingMap)
            m_listed.insert(key(a, b));
        // Calibration snapshots list rzz per coupler and mark the couplers where it is not offered with error 1;
        // a device without rzz entries (generated) offers it everywhere.
        for (const GateCalibration& g : device.gates) {
            if (g.name != "rzz" || g.qubits.size() != 2)
                continue;
            m_rzzCalibrated = true;
            if (!(g.error >= 1.0)) {
                m_rzzUsable.insert(key(g.qubits[0], g.qubits[1]));
                m_rzzUsable.insert(key(g.qubits[1], g.qubits[0]));
            }
        }
        m_graph = device.couplingGraph(false);
    }

    unsigned numQubits() const { return m_numQubits; }

    /// Throws Error(InvalidArgument) naming the first two-qubit gate of `input` that is not on a coupler.
    void checkCouplers(const Circuit& input) const
    {
        const auto& ops = input.operations();
        for (std::size_t k = 0; k < ops.size(); ++k) {
            const Operation& op = ops[k];
            if (op.kind != OperationKind::Gate || op.qubits.size() != 2
                || m_graph.areCoupled(op.qubits[0], op.qubits[1]))
                continue;
            throw Error(ErrorCode::InvalidArgument,
                        std::string(gateSpec(op.gate).name) + " on qubits " + std::to_string(op.qubits[0]) + ", "
                            + std::to_string(op.qubits[1]) + " does not sit on a coupler of " + m_device.name,
                        indexedPlace("operations", k));
        }
    }

    /// Rewrites every two-qubit gate into native two-qubit gates and one-qubit gates (fused later).
    std::vector<Operation> lower(const std::vector<Operation>& ops) const
    {
        std::vector<Operation> out;
        out.reserve(ops.size() * 2);
        for (const Operation& op : ops) {
            if (op.kind != OperationKind::Gate || op.qubits.size() != 2)
                out.push_back(op);
            else
                lowerTwoQubit(out, op.gate, op.qubits[0], op.qubits[1], op.params, 0);
        }
        return out;
    }

    /// Fuses every run of one-qubit gates into its native form.
    std::vector<Operation> fuse(const std::vector<Operation>& ops) const
    {
        std::vector<std::vector<WireItem>> pending(m_numQubits);
        std::vector<Operation> out;
        out.reserve(ops.size());
        auto flush = [&](unsigned q) {
            if (!pending[q].empty()) {
                emitRun(out, pending[q], q);
                pending[q].clear();
            }
        };
        for (const Operation& op : ops) {
            if (op.kind == OperationKind::Gate && op.qubits.size() == 1) {
                appendGateItems(pending[op.qubits[0]], op);
                continue;
            }
            if (op.kind == OperationKind::Barrier && op.qubits.empty()) {
                for (unsigned q = 0; q < m_numQubits; ++q)
                    flush(q);
            } else {
                for (unsigned q : op.qubits)
                    flush(q);
            }
            out.push_back(op);
        }
        for (unsigned q = 0; q < m_numQubits; ++q)
            flush(q);
        return out;
    }

    /// Removes pairs of equal self-inverse two-qubit gates with nothing between them on either wire and, when
    /// `mergeRotations`, adds the angles of neighbouring equal two-qubit rotations (crz, cp, rzz, rxx, ryy: each
    /// is exp of a fixed generator times its angle), dropping those that reach exactly 0. Returns whether
    /// anything changed; every change removes a two-qubit gate.
    bool cancelPairs(std::vector<Operation>& ops, bool mergeRotations) const
    {
        std::vector<std::vector<std::size_t>> last(m_numQubits);
        std::vector<char> removed(ops.size(), 0);
        bool any = false;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const Operation& op = ops[i];
            if (op.kind == OperationKind::Gate && op.qubits.size() == 2) {
                const unsigned a = op.qubits[0];
                const unsigned b = op.qubits[1];
                if (!last[a].empty() && !last[b].empty() && last[a].back() == last[b].back()) {
                    const std::size_t j = last[a].back();
                    Operation& prev = ops[j];
                    const bool sameOrder = prev.qubits[0] == a && prev.qubits[1] == b;
                    const bool same = prev.kind == OperationKind::Gate && prev.gate == op.gate
                                      && (sameOrder || gateSpec(op.gate).symmetric);
                    if (same && isSelfInverse(op.gate)) {
                        removed[i] = 1;
                        removed[j] = 1;
                        last[a].pop_back();
                        last[b].pop_back();
                        any = true;
                        continue;
                    }
                    if (same && mergeRotations && isAdditiveRotation(op.gate)) {
                        prev.params[0] += op.params[0];
                        removed[i] = 1;
                        any = true;
                        if (prev.params[0].isConstant() && std::abs(prev.params[0].constant()) < SNAP_EPS) {
                            removed[j] = 1;
                            last[a].pop_back();
                            last[b].pop_back();
                        }
                        continue;
                    }
                }
            }
            if (op.kind == OperationKind::Barrier && op.qubits.empty()) {
                for (auto& stack : last)
                    stack.push_back(i);
            } else {
                for (unsigned q : op.qubits)
                    last[q].push_back(i);
            }
        }
        if (any) {
            std::size_t kept = 0;
            for (std::size_t i = 0; i < ops.size(); ++i) {
                if (removed[i])
                    continue;
                if (kept != i)  // a self-move would empty the operation
                    ops[kept] = std::move(ops[i]);
                ++kept;
            }
            ops.resize(kept);
        }
        return any;
    }

private:
    static std::uint64_t key(unsigned a, unsigned b) { return (std::uint64_t{a} << 32) | b; }
    bool isListed(unsigned a, unsigned b) const { return m_listed.count(key(a, b)) != 0; }

    static bool isSelfInverse(GateId id)
    {
        return id == GateId::CZ || id == GateId::CX || id == GateId::ECR || id == GateId::CY || id == GateId::CH
               || id == GateId::SWAP;
    }
    static bool isAdditiveRotation(GateId id)
    {
        return id == GateId::CRZ || id == GateId::CP || id == GateId::RZZ || id == GateId::RXX || id == GateId::RYY;
    }

    static Operation gateOp(GateId id, std::vector<unsigned> qubits, std::vector<ParameterExpression> params = {})
    {
        Operation op;
        op.kind = OperationKind::Gate;
        op.gate = id;
        op.qubits = std::move(qubits);
        op.params = std::move(params);
        return op;
    }

    /// A symmetric gate in a listed direction when the device lists only one (any order otherwise).
    std::vector<unsigned> oriented(unsigned a, unsigned b) const
    {
        if (!isListed(a, b) && isListed(b, a))
            return {b, a};
        return {a, b};
    }

    void hadamard(std::vector<Operation>& out, unsigned q) const { out.push_back(gateOp(GateId::H, {q})); }

    /// CX(a -> b) in native gates.
    void lowerCx(std::vector<Operation>& out, unsigned a, unsigned b, int depth) const
    {
        if (m_native == GateId::CX) {
            if (!m_directed || isListed(a, b)) {
                out.push_back(gateOp(GateId::CX, {a, b}));
            } else {
                // CX(a -> b) = (H x H) CX(b -> a) (H x H)
                hadamard(out, a);
                hadamard(out, b);
                out.push_back(gateOp(GateId::CX, {b, a}));
                hadamard(out, a);
                hadamard(out, b);
            }
        } else if (m_native == GateId::CZ) {
            // CX(a -> b) = (I x H) CZ (I x H), algorithms.md 1.4
            hadamard(out, b);
            out.push_back(gateOp(GateId::CZ, oriented(a, b)));
            hadamard(out, b);
        } else if (isListed(a, b) || !m_directed) {
            // CX(a -> b) = ECR(a, b) . (SX on b) . (X RZ(pi/2) on a), exactly (no phase), with the gate table's ECR
            // matrix; circuit order rz(pi/2) a, x a, sx b, ecr a, b. Checked by the basis translation test
            // cxFromEcrIdentity against gateUnitary.
            out.push_back(gateOp(GateId::RZ, {a}, {ParameterExpression(PI / 2)}));
            out.push_back(gateOp(GateId::X, {a}));
            out.push_back(gateOp(GateId::SX, {b}));
            out.push_back(gateOp(GateId::ECR, {a, b}));
        } else {
            if (depth > MAX_EXPANSION_DEPTH)
                throw std::logic_error("basis translation: CX direction flip did not terminate");
            hadamard(out, a);
            hadamard(out, b);
            lowerCx(out, b, a, depth + 1);
            hadamard(out, a);
            hadamard(out, b);
        }
    }

    /// RZZ(theta) with a bound angle as Heron's fractional rzz(r), r in (0, pi/2]: RZZ(theta) = RZZ(r) RZZ(k pi)
    /// with RZZ(pi) ~ Z x Z, and X_a RZZ(r) X_a = RZZ(-r) for negative r.
    void lowerFractionalRzz(std::vector<Operation>& out, unsigned a, unsigned b, double theta) const
    {
        const double k = std::ceil(theta / PI - 0.5);
        const double r = theta - k * PI;
        if (std::fmod(std::abs(k), 2.0) == 1.0) {
            out.push_back(gateOp(GateId::RZ, {a}, {ParameterExpression(PI)}));
            out.push_back(gateOp(GateId::RZ, {b}, {ParameterExpression(PI)}));
        }
        if (std::abs(r) < SNAP_EPS)
            return;
        if (r > 0) {
            out.push_back(gateOp(GateId::RZZ, oriented(a, b), {ParameterExpression(r)}));
        } else {
            out.push_back(gateOp(GateId::X, {a}));
            out.push_back(gateOp(GateId::RZZ, oriented(a, b), {ParameterExpression(-r)}));
            out.push_back(gateOp(GateId::X, {a}));
        }
    }

    void lowerTwoQubit(std::vector<Operation>& out, GateId id, unsigned a, unsigned b,
                       const std::vector<ParameterExpression>& params, int depth) const
    {
        if (depth > MAX_EXPANSION_DEPTH)
            throw std::logic_error("basis translation: gate expansion did not terminate");
        if (id == GateId::RZZ && m_fractional && params[0].isConstant()
            && (!m_rzzCalibrated || m_rzzUsable.count(key(a, b)) != 0)) {
            lowerFractionalRzz(out, a, b, params[0].constant());
            return;
        }
        if (id == GateId::CX) {
            lowerCx(out, a, b, depth);
            return;
        }
        if (id == m_native) {
            if (id == GateId::CZ) {
                out.push_back(gateOp(GateId::CZ, oriented(a, b)));
                return;
            }
            if (id == GateId::ECR && (!m_directed || isListed(a, b))) {
                out.push_back(gateOp(GateId::ECR, {a, b}));
                return;
            }
        }
        if (id == GateId::CZ) {
            // CZ = (I x H) CX (I x H)
            hadamard(out, b);
            lowerCx(out, a, b, depth + 1);
            hadamard(out, b);
            return;
        }
        const std::vector<GateCall> calls = gateExpansion(id);
        if (calls.size() == 1 && calls[0].id == id)
            throw std::logic_error(std::string("basis translation: gate table has no expansion of ")
                                   + std::string(gateSpec(id).name));
        const unsigned operands[2] = {a, b};
        for (const GateCall& call : calls) {
            const GateSpec& spec = gateSpec(call.id);
            std::vector<ParameterExpression> callParams;
            callParams.reserve(spec.numParams);
            for (unsigned j = 0; j < spec.numParams; ++j) {
                ParameterExpression e(call.params[j].offset);
                for (std::size_t s = 0; s < params.size() && s < 3; ++s)
                    if (call.params[j].scale[s] != 0.0)
                        e += params[s] * call.params[j].scale[s];
                callParams.push_back(std::move(e));
            }
            if (spec.numQubits == 1)
                out.push_back(gateOp(call.id, {operands[call.operands[0]]}, std::move(callParams)));
            else
                lowerTwoQubit(out, call.id, operands[call.operands[0]], operands[call.operands[1]], callParams,
                              depth + 1);
        }
    }

    /// Appends the native form of one wire's run, merging the rz's where the pieces meet.
    void emitRun(std::vector<Operation>& out, std::vector<WireItem>& items, unsigned q) const
    {
        simplifyRun(items);
        std::vector<NativeOne> native;
        for (const WireItem& item : items) {
            if (item.symbolic)
                native.push_back({GateId::RZ, item.angle});
            else
                appendNativeMatrix(native, item.matrix);
        }
        std::vector<NativeOne> merged;
        for (NativeOne& g : native) {
            if (g.gate == GateId::RZ && !merged.empty() && merged.back().gate == GateId::RZ) {
                merged.back().angle += g.angle;
                continue;
            }
            merged.push_back(std::move(g));
        }
        for (NativeOne& g : merged) {
            if (g.gate == GateId::RZ) {
                if (isZeroAngle(g.angle))
                    continue;
                out.push_back(gateOp(GateId::RZ, {q}, {normalisedExpression(g.angle)}));
            } else if (g.gate == GateId::X && !m_hasX) {
                out.push_back(gateOp(GateId::SX, {q}));
                out.push_back(gateOp(GateId::SX, {q}));
            } else {
                out.push_back(gateOp(g.gate, {q}));
            }
        }
    }

    const DeviceModel& m_device;
    unsigned m_numQubits = 0;
    GateId m_native = GateId::CZ;
    bool m_directed = false;
    bool m_hasX = true;
    bool m_fractional = false;
    std::unordered_set<std::uint64_t> m_listed;
    bool m_rzzCalibrated = false;
    std::unordered_set<std::uint64_t> m_rzzUsable;  ///< directed keys, both directions
    CouplingGraph m_graph;
};

} // namespace

Circuit translateToBasis(const Circuit& physical, const DeviceModel& device, const BasisTranslationOptions& options)
{
    if (physical.numQubits() > device.numQubits)
        throw Error(ErrorCode::InvalidArgument,
                    "the circuit has " + std::to_string(physical.numQubits()) + " qubits but " + device.name
                        + " has " + std::to_string(device.numQubits),
                    "circuit");
    const Translator translator(device, options, physical.numQubits());
    translator.checkCouplers(physical);
    // First simplify in the input's own gates (a cx pair cancels there, while its ecr forms would not), then in
    // native gates; each round of either loop removes a two-qubit gate, so both end.
    std::vector<Operation> ops = translator.fuse(physical.operations());
    while (translator.cancelPairs(ops, true))
        ops = translator.fuse(ops);
    ops = translator.fuse(translator.lower(ops));
    while (translator.cancelPairs(ops, false))
        ops = translator.fuse(ops);

    Circuit out(physical.numQubits(), true);
    for (const std::string& name : physical.parameters())
        out.addParameter(name);
    for (const ClassicalRegister& reg : physical.registers())
        out.addRegister(reg.name, reg.size);
    for (Operation& op : ops)
        out.append(std::move(op));
    return out;
}

double estimateFidelity(const Circuit& isa, const DeviceModel& device)
{
    // One lookup table instead of a scan of the calibration per operation: (name, qubits) -> error. The
    // DeviceModel accessors' rules apply: symmetric gates in either order, the native two-qubit gate in either
    // listed direction.
    std::map<std::pair<std::string, std::vector<unsigned>>, double> errors;
    for (const GateCalibration& g : device.gates)
        if (!std::isnan(g.error))
            errors.emplace(std::make_pair(g.name, g.qubits), g.error);
    auto lookup = [&](const std::string& name, const std::vector<unsigned>& qubits) -> std::optional<double> {
        if (const auto it = errors.find({name, qubits}); it != errors.end())
            return it->second;
        if (qubits.size() == 2) {
            const std::optional<GateId> id = gateFromName(name);
            if ((id && gateSpec(*id).symmetric) || name == device.twoQubitGate) {
                if (const auto it = errors.find({name, {qubits[1], qubits[0]}}); it != errors.end())
                    return it->second;
            }
        }
        return std::nullopt;
    };

    double fidelity = 1.0;
    auto apply = [&](std::optional<double> error) {
        if (!error || !std::isfinite(*error))
            return true;
        if (*error >= 1.0)
            return false;
        fidelity *= 1.0 - std::max(0.0, *error);
        return true;
    };
    for (const Operation& op : isa.operations()) {
        switch (op.kind) {
        case OperationKind::Gate:
            if (op.gate == GateId::RZ || op.gate == GateId::I)
                break;  // virtual on IBM hardware
            if (!apply(lookup(std::string(gateSpec(op.gate).name), op.qubits)))
                return 0.0;
            break;
        case OperationKind::Measure: {
            const unsigned q = op.qubits[0];
            const bool calibrated = q < device.qubits.size() && std::isfinite(device.qubits[q].readoutError);
            if (!apply(calibrated ? std::optional<double>(device.qubits[q].readoutError) : lookup("measure", {q})))
                return 0.0;
            break;
        }
        case OperationKind::Reset:
            if (!apply(lookup("reset", op.qubits)))
                return 0.0;
            break;
        case OperationKind::Barrier:
            break;
        }
    }
    return fidelity;
}

} // namespace engine
