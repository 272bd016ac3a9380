// SPDX-License-Identifier: MIT
// RoutingView: device geometry, calibration colours, the replayed layout per time step, playback and export.
#include "routing/routing_view.h"

#include "export/csv_export.h"
#include "export/figure_export.h"
#include "export/painted_figure.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSlider>
#include <QStringList>
#include <QStyle>
#include <QSvgGenerator>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace workbench {

namespace {

constexpr double CAPTION_HEIGHT = 24.0;
constexpr double LEGEND_HEIGHT = 64.0;
constexpr double MARGIN = 10.0;
const QColor NO_CALIBRATION(196, 196, 196);
const QColor UNUSABLE(120, 20, 20);
const QColor TERM_HALO(30, 100, 220, 170);
const QColor SWAP_HALO(255, 140, 0, 170);
const QColor SWAP_ARROW(220, 100, 0);

bool isSwap(engine::RoutingStep::Kind kind)
{
    return kind == engine::RoutingStep::Kind::Swap || kind == engine::RoutingStep::Kind::SwapAndTerm;
}

bool isTerm(engine::RoutingStep::Kind kind)
{
    return kind == engine::RoutingStep::Kind::Term || kind == engine::RoutingStep::Kind::SwapAndTerm;
}

QString percentText(double error)
{
    return QLocale().toString(error * 100.0, 'g', 3) + QStringLiteral(" %");
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

/// Black or white, whichever reads better on `fill`.
QColor textOn(const QColor& fill)
{
    const double luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

void drawArrowHead(QPainter& p, const QPointF& tip, const QPointF& from, double size)
{
    const QPointF d = tip - from;
    const double length = std::hypot(d.x(), d.y());
    if (length <= 0.0)
        return;
    const QPointF u = d / length;
    const QPointF n(-u.y(), u.x());
    QPolygonF head;
    head << tip << tip - u * size + n * size * 0.5 << tip - u * size - n * size * 0.5;
    p.drawPolygon(head);
}

} // namespace

/// The drawing surface: paints through the view and asks it for tool tips.
class RoutingCanvas final : public QWidget {
public:
    explicit RoutingCanvas(RoutingView* view)
        : QWidget(view)
        , m_view(view)
    {
        setMinimumSize(240, 200);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    QSize sizeHint() const override { return {640, 520}; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        m_view->renderPicture(painter, QRectF(rect()), false);
    }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip) {
            const auto* help = static_cast<QHelpEvent*>(event);
            if (!m_view->canvasToolTip(help->pos(), help->globalPos())) {
                QToolTip::hideText();
                event->ignore();
            }
            return true;
        }
        return QWidget::event(event);
    }

private:
    RoutingView* m_view;
};

RoutingView::RoutingView(QWidget* parent)
    : QWidget(parent)
{
    m_canvas = new RoutingCanvas(this);
    m_play = new QToolButton(this);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play the routing step by step"));
    m_play->setAutoRaise(true);
    auto* back = new QToolButton(this);
    back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    back->setToolTip(tr("Previous time step"));
    back->setAutoRaise(true);
    auto* forward = new QToolButton(this);
    forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    forward->setToolTip(tr("Next time step"));
    forward->setAutoRaise(true);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, 0);
    m_slider->setPageStep(1);
    m_slider->setToolTip(tr("Time step of the routing (0: the initial layout)"));
    m_export = new QToolButton(this);
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the picture as PNG, SVG or PDF, or the swap layers as CSV"));
    m_export->setAutoRaise(true);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(back);
    controls->addWidget(m_play);
    controls->addWidget(forward);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(controls);
    layout->addWidget(m_stepLabel);

    m_playTimer.setInterval(PLAY_INTERVAL_MS);
    connect(&m_playTimer, &QTimer::timeout, this, &RoutingView::advance);
    connect(m_slider, &QSlider::valueChanged, this, &RoutingView::setCurrentStep);
    connect(m_play, &QToolButton::clicked, this, [this] {
        if (isPlaying())
            pause();
        else
            play();
    });
    connect(back, &QToolButton::clicked, this, [this] {
        pause();
        setCurrentStep(m_position - 1);
    });
    connect(forward, &QToolButton::clicked, this, [this] {
        pause();
        setCurrentStep(m_position + 1);
    });
    connect(m_export, &QToolButton::clicked, this, &RoutingView::exportWithDialog);
    installFigureExportMenu(m_canvas, this, this);
    rebuildTimeline();
}

RoutingView::~RoutingView() = default;

void RoutingView::setDevice(engine::DeviceModel device)
{
    m_device = std::move(device);
    const unsigned n = m_device.numQubits;
    m_positions.assign(n, QPointF());
    if (m_device.positions.size() == n) {
        for (unsigned q = 0; q < n; ++q)
            m_positions[q] = QPointF(m_device.positions[q].x, m_device.positions[q].y);
    } else {
        // No geometry: a square arrangement in qubit order still shows every qubit and coupler.
        const auto side = static_cast<unsigned>(std::ceil(std::sqrt(static_cast<double>(std::max(1u, n)))));
        for (unsigned q = 0; q < n; ++q)
            m_positions[q] = QPointF(q % side, q / side);
    }
    // QRectF::united ignores empty rectangles, and single points are empty, so the bounds are taken by hand.
    m_bounds = QRectF();
    if (!m_positions.empty()) {
        double left = m_positions[0].x();
        double right = left;
        double top = m_positions[0].y();
        double bottom = top;
        for (const QPointF& p : m_positions) {
            left = std::min(left, p.x());
            right = std::max(right, p.x());
            top = std::min(top, p.y());
            bottom = std::max(bottom, p.y());
        }
        m_bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
    }
    m_couplers.clear();
    for (const auto& [a, b] : m_device.couplingMap)
        if (a != b && a < n && b < n)
            m_couplers.emplace_back(std::min(a, b), std::max(a, b));
    std::sort(m_couplers.begin(), m_couplers.end());
    m_couplers.erase(std::unique(m_couplers.begin(), m_couplers.end()), m_couplers.end());
    clearRouting();
}

void RoutingView::setRouting(std::vector<engine::RoutedLayer> layers, engine::QubitLayout initialLayout)
{
    pause();
    m_layers = std::move(layers);
    m_initialLayout = std::move(initialLayout);
    rebuildTimeline();
}

void RoutingView::clearRouting()
{
    setRouting({}, {});
}

void RoutingView::clear()
{
    setDevice(engine::DeviceModel());
}

void RoutingView::rebuildTimeline()
{
    const unsigned n = m_device.numQubits;
    m_flatSteps.clear();
    m_timeOrigin.clear();
    std::vector<std::vector<std::size_t>> buckets;
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
        const auto& steps = m_layers[layer].steps;
        // Time steps are ranked per layer, so a schedule with gaps (or huge values) still gives one position per
        // occupied time step and nothing is allocated from the values themselves.
        std::map<unsigned, std::size_t> rank;
        for (const engine::RoutingStep& step : steps)
            rank.emplace(step.timeStep, 0);
        for (auto& [timeStep, index] : rank) {
            index = m_timeOrigin.size();
            m_timeOrigin.emplace_back(static_cast<int>(layer), static_cast<int>(timeStep));
        }
        buckets.resize(m_timeOrigin.size());
        for (std::size_t k = 0; k < steps.size(); ++k) {
            buckets[rank[steps[k].timeStep]].push_back(m_flatSteps.size());
            m_flatSteps.emplace_back(layer, k);
        }
    }
    m_timeStart.assign(1, 0);
    m_timeSteps.clear();
    for (const auto& bucket : buckets) {
        m_timeSteps.insert(m_timeSteps.end(), bucket.begin(), bucket.end());
        m_timeStart.push_back(m_timeSteps.size());
    }

    std::vector<int> occupancy(n, -1);
    for (std::size_t logical = 0; logical < m_initialLayout.size(); ++logical)
        if (m_initialLayout[logical] < n)
            occupancy[m_initialLayout[logical]] = static_cast<int>(logical);
    m_checkpoints.assign(1, occupancy);
    const int total = stepCount();
    for (int t = 0; t < total; ++t) {
        for (std::size_t k = m_timeStart[static_cast<std::size_t>(t)]; k < m_timeStart[static_cast<std::size_t>(t) + 1];
             ++k) {
            const auto [layer, index] = m_flatSteps[m_timeSteps[k]];
            const engine::RoutingStep& step = m_layers[layer].steps[index];
            if (isSwap(step.kind) && step.physA < n && step.physB < n)
                std::swap(occupancy[step.physA], occupancy[step.physB]);
        }
        if ((t + 1) % CHECKPOINT_INTERVAL == 0)
            m_checkpoints.push_back(occupancy);
    }
    m_position = 0;
    updateControls();
    emit currentStepChanged(0);
}

void RoutingView::setCurrentStep(int position)
{
    position = std::clamp(position, 0, stepCount());
    if (position == m_position) {
        if (m_slider->value() != position)
            m_slider->setValue(position);
        return;
    }
    m_position = position;
    updateControls();
    emit currentStepChanged(position);
}

std::vector<std::size_t> RoutingView::stepIndicesAt(int position) const
{
    if (position <= 0 || position > stepCount())
        return {};
    const auto t = static_cast<std::size_t>(position - 1);
    return {m_timeSteps.begin() + static_cast<std::ptrdiff_t>(m_timeStart[t]),
            m_timeSteps.begin() + static_cast<std::ptrdiff_t>(m_timeStart[t + 1])};
}

std::vector<engine::RoutingStep> RoutingView::stepsAt(int position) const
{
    std::vector<engine::RoutingStep> steps;
    for (std::size_t flat : stepIndicesAt(position)) {
        const auto [layer, index] = m_flatSteps[flat];
        steps.push_back(m_layers[layer].steps[index]);
    }
    return steps;
}

std::pair<int, int> RoutingView::layerAndTimeStep(int position) const
{
    if (position <= 0 || position > stepCount())
        return {-1, -1};
    return m_timeOrigin[static_cast<std::size_t>(position - 1)];
}

std::vector<int> RoutingView::occupancyAt(int position) const
{
    position = std::clamp(position, 0, stepCount());
    const int checkpoint = position / CHECKPOINT_INTERVAL;
    std::vector<int> occupancy = m_checkpoints[static_cast<std::size_t>(checkpoint)];
    const unsigned n = m_device.numQubits;
    for (int t = checkpoint * CHECKPOINT_INTERVAL; t < position; ++t) {
        for (std::size_t k = m_timeStart[static_cast<std::size_t>(t)]; k < m_timeStart[static_cast<std::size_t>(t) + 1];
             ++k) {
            const auto [layer, index] = m_flatSteps[m_timeSteps[k]];
            const engine::RoutingStep& step = m_layers[layer].steps[index];
            if (isSwap(step.kind) && step.physA < n && step.physB < n)
                std::swap(occupancy[step.physA], occupancy[step.physB]);
        }
    }
    return occupancy;
}

engine::QubitLayout RoutingView::layoutAt(int position) const
{
    engine::QubitLayout layout = m_initialLayout;
    const std::vector<int> occupancy = occupancyAt(position);
    for (std::size_t physical = 0; physical < occupancy.size(); ++physical)
        if (occupancy[physical] >= 0)
            layout[static_cast<std::size_t>(occupancy[physical])] = static_cast<unsigned>(physical);
    return layout;
}

void RoutingView::play()
{
    if (stepCount() == 0)
        return;
    if (m_position >= stepCount())
        setCurrentStep(0);
    m_playTimer.start();
    updateControls();
}

void RoutingView::pause()
{
    if (!m_playTimer.isActive())
        return;
    m_playTimer.stop();
    updateControls();
}

void RoutingView::advance()
{
    if (m_position >= stepCount()) {
        pause();
        return;
    }
    setCurrentStep(m_position + 1);
    if (m_position >= stepCount())
        pause();
}

void RoutingView::updateControls()
{
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, stepCount());
        m_slider->setValue(m_position);
    }
    m_slider->setEnabled(stepCount() > 0);
    m_play->setEnabled(stepCount() > 0);
    m_play->setIcon(style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(isPlaying() ? tr("Pause") : tr("Play the routing step by step"));
    if (m_layers.empty()) {
        m_stepLabel->setText(m_device.numQubits == 0 ? tr("No device") : tr("No routing"));
    } else if (m_position == 0) {
        m_stepLabel->setText(tr("Initial layout · %n time step(s) in all", nullptr, stepCount()));
    } else {
        int swaps = 0;
        int terms = 0;
        for (const engine::RoutingStep& step : stepsAt(m_position)) {
            swaps += isSwap(step.kind) ? 1 : 0;
            terms += isTerm(step.kind) ? 1 : 0;
        }
        const auto [layer, timeStep] = layerAndTimeStep(m_position);
        m_stepLabel->setText(tr("Time step %1 of %2 · layer %3, step %4 · %5 swaps, %6 terms")
                                 .arg(m_position)
                                 .arg(stepCount())
                                 .arg(layer + 1)
                                 .arg(timeStep + 1)
                                 .arg(swaps)
                                 .arg(terms));
    }
    m_canvas->update();
}

QColor RoutingView::errorColour(double error)
{
    if (!std::isfinite(error))
        return NO_CALIBRATION;
    const double low = std::log10(ROUTING_ERROR_LOW);
    const double high = std::log10(ROUTING_ERROR_HIGH);
    const double t = std::clamp((std::log10(std::max(error, 1e-300)) - low) / (high - low), 0.0, 1.0);
    static const QColor GOOD(26, 150, 65);
    static const QColor FAIR(250, 205, 60);
    static const QColor BAD(215, 48, 39);
    return t < 0.5 ? mix(GOOD, FAIR, t * 2.0) : mix(FAIR, BAD, (t - 0.5) * 2.0);
}

// --- geometry ----------------------------------------------------------------------------------------------------

RoutingView::Placement RoutingView::placement(const QRectF& target) const
{
    Placement placement;
    const QRectF inner = target.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN);
    placement.legend = QRectF(inner.left(), inner.bottom() - LEGEND_HEIGHT, inner.width(), LEGEND_HEIGHT);
    const QRectF area(inner.left(), inner.top() + CAPTION_HEIGHT, inner.width(),
                      std::max(1.0, inner.height() - CAPTION_HEIGHT - LEGEND_HEIGHT));
    // One lattice unit of room around the outermost qubits for their circles and labels.
    const double width = m_bounds.width() + 1.2;
    const double height = m_bounds.height() + 1.2;
    placement.scale = std::max(1.0, std::min(area.width() / width, area.height() / height));
    placement.radius = std::clamp(placement.scale * 0.36, 4.0, 24.0);
    const QSizeF used(width * placement.scale, height * placement.scale);
    placement.device = QRectF(area.center() - QPointF(used.width() / 2.0, used.height() / 2.0), used);
    return placement;
}

QPointF RoutingView::qubitPoint(const Placement& placement, unsigned q) const
{
    const QPointF lattice = m_positions[q] - m_bounds.topLeft() + QPointF(0.6, 0.6);
    return placement.device.topLeft() + lattice * placement.scale;
}

std::optional<QPointF> RoutingView::qubitCentre(unsigned q) const
{
    if (q >= m_positions.size())
        return std::nullopt;
    return qubitPoint(placement(QRectF(m_canvas->rect())), q);
}

std::optional<unsigned> RoutingView::qubitAt(const QPointF& pos) const
{
    const Placement place = placement(QRectF(m_canvas->rect()));
    for (unsigned q = 0; q < m_positions.size(); ++q) {
        const QPointF d = qubitPoint(place, q) - pos;
        if (std::hypot(d.x(), d.y()) <= place.radius + 1.0)
            return q;
    }
    return std::nullopt;
}

std::optional<std::pair<unsigned, unsigned>> RoutingView::couplerAt(const QPointF& pos) const
{
    const Placement place = placement(QRectF(m_canvas->rect()));
    for (const auto& [a, b] : m_couplers) {
        const QPointF pa = qubitPoint(place, a);
        const QPointF pb = qubitPoint(place, b);
        const QPointF d = pb - pa;
        const double length2 = d.x() * d.x() + d.y() * d.y();
        if (length2 <= 0.0)
            continue;
        const double t = std::clamp(QPointF::dotProduct(pos - pa, d) / length2, 0.0, 1.0);
        const QPointF nearest = pa + d * t;
        if (std::hypot(pos.x() - nearest.x(), pos.y() - nearest.y()) <= std::max(4.0, place.radius * 0.35))
            return std::pair{a, b};
    }
    return std::nullopt;
}

QString RoutingView::qubitToolTip(unsigned q) const
{
    if (q >= m_device.numQubits)
        return {};
    QStringList lines;
    lines << tr("Physical qubit %1").arg(q);
    const std::vector<int> occupancy = occupancyAt(m_position);
    if (q < occupancy.size() && occupancy[q] >= 0)
        lines << tr("Holds logical qubit %1").arg(occupancy[q]);
    bool calibrated = false;
    if (q < m_device.qubits.size()) {
        const engine::QubitCalibration& c = m_device.qubits[q];
        if (std::isfinite(c.readoutError))
            lines << tr("Readout error %1").arg(percentText(c.readoutError));
        if (std::isfinite(c.t1Us))
            lines << tr("T1 %1 µs").arg(QLocale().toString(c.t1Us, 'f', 1));
        if (std::isfinite(c.t2Us))
            lines << tr("T2 %1 µs").arg(QLocale().toString(c.t2Us, 'f', 1));
        calibrated = std::isfinite(c.readoutError) || std::isfinite(c.t1Us) || std::isfinite(c.t2Us);
        if (!c.operational)
            lines << tr("Marked faulty");
    }
    if (!calibrated)
        lines << tr("No calibration data");
    return lines.join(QLatin1Char('\n'));
}

QString RoutingView::couplerToolTip(unsigned a, unsigned b) const
{
    QString text = tr("Coupler %1–%2").arg(a).arg(b);
    const std::optional<double> error = m_device.twoQubitError(a, b);
    if (error && std::isfinite(*error))
        text += QLatin1Char('\n') + (*error >= 1.0 ? tr("Unusable (error 1)")
                                                   : tr("%1 error %2")
                                                         .arg(QString::fromStdString(m_device.twoQubitGate),
                                                              percentText(*error)));
    else
        text += QLatin1Char('\n') + tr("No calibration data");
    return text;
}

bool RoutingView::canvasToolTip(const QPoint& pos, const QPoint& globalPos)
{
    if (const std::optional<unsigned> q = qubitAt(QPointF(pos))) {
        QToolTip::showText(globalPos, qubitToolTip(*q), m_canvas);
        return true;
    }
    if (const auto coupler = couplerAt(QPointF(pos))) {
        QToolTip::showText(globalPos, couplerToolTip(coupler->first, coupler->second), m_canvas);
        return true;
    }
    return false;
}

// --- painting ----------------------------------------------------------------------------------------------------

void RoutingView::render(QPainter& painter, const QRectF& target) const
{
    renderPicture(painter, target, true);
}

void RoutingView::renderPicture(QPainter& painter, const QRectF& target, bool stepCaption) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(target, Qt::white);
    if (m_device.numQubits == 0) {
        painter.setPen(Qt::darkGray);
        painter.drawText(target, Qt::AlignCenter, tr("No device"));
        painter.restore();
        return;
    }
    paintDevice(painter, target, stepCaption);
    painter.restore();
}

void RoutingView::paintDevice(QPainter& p, const QRectF& target, bool stepCaption) const
{
    const Placement place = placement(target);
    const double r = place.radius;

    // Caption: the device and what the current position shows.
    QFont captionFont = font();
    captionFont.setPixelSize(14);
    p.setFont(captionFont);
    p.setPen(Qt::black);
    QString caption = QString::fromStdString(m_device.name);
    if (!m_device.calibrationDate.empty())
        caption += QStringLiteral(" · ")
            + tr("calibration of %1").arg(QString::fromStdString(m_device.calibrationDate));
    if (stepCaption && !m_layers.empty())
        caption += QStringLiteral(" — ") + m_stepLabel->text();
    p.drawText(QRectF(target.left() + MARGIN, target.top() + MARGIN, target.width() - 2 * MARGIN, CAPTION_HEIGHT),
               Qt::AlignLeft | Qt::AlignVCenter, caption);

    const std::vector<engine::RoutingStep> active = stepsAt(m_position);
    // Halos of the active couplers go under the couplers so their calibration colour stays visible.
    for (const engine::RoutingStep& step : active) {
        if (step.physA >= m_device.numQubits || step.physB >= m_device.numQubits)
            continue;
        const QPointF a = qubitPoint(place, step.physA);
        const QPointF b = qubitPoint(place, step.physB);
        if (isTerm(step.kind)) {
            p.setPen(QPen(TERM_HALO, r * 1.3, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(a, b);
        }
        if (isSwap(step.kind)) {
            p.setPen(QPen(SWAP_HALO, isTerm(step.kind) ? r * 0.8 : r * 1.3, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(a, b);
        }
    }

    const double couplerWidth = std::max(2.0, r * 0.45);
    for (const auto& [a, b] : m_couplers) {
        const std::optional<double> error = m_device.twoQubitError(a, b);
        QPen pen(error ? errorColour(*error) : NO_CALIBRATION, couplerWidth, Qt::SolidLine, Qt::RoundCap);
        if (error && *error >= 1.0) {
            pen.setColor(UNUSABLE);
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(couplerWidth * 0.6);
        }
        p.setPen(pen);
        p.drawLine(qubitPoint(place, a), qubitPoint(place, b));
    }

    // Swaps: a double arrow bowed to one side of the coupler.
    p.setBrush(SWAP_ARROW);
    for (const engine::RoutingStep& step : active) {
        if (!isSwap(step.kind) || step.physA >= m_device.numQubits || step.physB >= m_device.numQubits)
            continue;
        const QPointF a = qubitPoint(place, step.physA);
        const QPointF b = qubitPoint(place, step.physB);
        const QPointF d = b - a;
        const double length = std::hypot(d.x(), d.y());
        if (length <= r)
            continue;
        const QPointF u = d / length;
        const QPointF n(-u.y(), u.x());
        // From beside one qubit to beside the other, bowed away from the coupler, heads pointing at the qubits.
        const QPointF start = a + n * (r * 1.05) + u * (r * 0.45);
        const QPointF end = b + n * (r * 1.05) - u * (r * 0.45);
        const QPointF control = (a + b) / 2.0 + n * (r * 2.4);
        QPainterPath path(start);
        path.quadTo(control, end);
        p.setPen(QPen(SWAP_ARROW, std::max(1.5, r * 0.16)));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(SWAP_ARROW);
        p.setPen(Qt::NoPen);
        drawArrowHead(p, start, control, r * 0.6);
        drawArrowHead(p, end, control, r * 0.6);
    }

    std::vector<char> busy(m_device.numQubits, 0);
    for (const engine::RoutingStep& step : active) {
        if (step.physA < busy.size())
            busy[step.physA] = 1;
        if (step.physB < busy.size())
            busy[step.physB] = 1;
    }
    const std::vector<int> occupancy = occupancyAt(m_position);
    QFont logicalFont = font();
    logicalFont.setPixelSize(std::max(6, static_cast<int>(r * 0.95)));
    logicalFont.setBold(true);
    QFont physicalFont = font();
    physicalFont.setPixelSize(std::max(5, static_cast<int>(r * 0.6)));
    for (unsigned q = 0; q < m_device.numQubits; ++q) {
        const QPointF c = qubitPoint(place, q);
        const double readout = q < m_device.qubits.size() ? m_device.qubits[q].readoutError
                                                          : std::numeric_limits<double>::quiet_NaN();
        const QColor fill = errorColour(readout);
        const bool occupied = occupancy[q] >= 0;
        if (busy[q]) {
            p.setPen(QPen(QColor(30, 30, 30), 1.0));
            p.setBrush(QColor(255, 255, 255, 0));
            p.drawEllipse(c, r * 1.35, r * 1.35);
        }
        p.setPen(occupied ? QPen(Qt::black, std::max(1.5, r * 0.16)) : QPen(QColor(110, 110, 110), 1.0));
        p.setBrush(fill);
        p.drawEllipse(c, r, r);
        if (q < m_device.qubits.size() && !m_device.qubits[q].operational) {
            p.setPen(QPen(UNUSABLE, 2.0));
            p.drawLine(c + QPointF(-r, -r) * 0.7, c + QPointF(r, r) * 0.7);
            p.drawLine(c + QPointF(-r, r) * 0.7, c + QPointF(r, -r) * 0.7);
        }
        const QRectF box(c.x() - r, c.y() - r, 2.0 * r, 2.0 * r);
        if (occupied) {
            p.setFont(logicalFont);
            p.setPen(textOn(fill));
            p.drawText(box, Qt::AlignCenter, QString::number(occupancy[q]));
            p.setFont(physicalFont);
            p.setPen(QColor(90, 90, 90));
            p.drawText(QRectF(c.x() + r * 0.6, c.y() + r * 0.55, 3.0 * r, r), Qt::AlignLeft | Qt::AlignTop,
                       QString::number(q));
        } else {
            p.setFont(physicalFont);
            p.setPen(textOn(fill) == Qt::black ? QColor(70, 70, 70) : QColor(Qt::white));
            p.drawText(box, Qt::AlignCenter, QString::number(q));
        }
    }
    paintLegend(p, place.legend);
}

void RoutingView::paintLegend(QPainter& p, const QRectF& area) const
{
    QFont small = font();
    small.setPixelSize(11);
    p.setFont(small);
    const double barWidth = std::min(260.0, area.width() * 0.45);
    const QRectF bar(area.left() + 24.0, area.top() + 6.0, barWidth, 12.0);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    constexpr int STOPS = 16;
    const double low = std::log10(ROUTING_ERROR_LOW);
    const double high = std::log10(ROUTING_ERROR_HIGH);
    for (int k = 0; k <= STOPS; ++k) {
        const double t = static_cast<double>(k) / STOPS;
        gradient.setColorAt(t, errorColour(std::pow(10.0, low + t * (high - low))));
    }
    p.setPen(QPen(QColor(80, 80, 80), 0.8));
    p.setBrush(gradient);
    p.drawRect(bar);
    p.setPen(Qt::black);
    for (int decade = 0; decade <= 2; ++decade) {
        const double t = decade / 2.0;
        const double x = bar.left() + t * bar.width();
        p.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 3.0));
        const double value = std::pow(10.0, low + t * (high - low));
        p.drawText(QRectF(x - 30.0, bar.bottom() + 3.0, 60.0, 14.0), Qt::AlignHCenter | Qt::AlignTop,
                   percentText(value));
    }
    const QRectF swatch(bar.right() + 14.0, bar.top(), 14.0, 12.0);
    p.setPen(QPen(QColor(80, 80, 80), 0.8));
    p.setBrush(NO_CALIBRATION);
    p.drawRect(swatch);
    p.setPen(Qt::black);
    p.drawText(QRectF(swatch.right() + 4.0, swatch.top() - 2.0, area.right() - swatch.right() - 4.0, 16.0),
               Qt::AlignLeft | Qt::AlignVCenter, tr("no calibration"));
    p.drawText(QRectF(area.left(), bar.bottom() + 18.0, area.width(), area.bottom() - bar.bottom() - 18.0),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               tr("Error: qubits by readout, couplers by the two-qubit gate; blue: terms, orange: swaps of the step"));
}

// --- export --------------------------------------------------------------------------------------------------------

namespace {

/// A picture size for the device: EXPORT_WIDTH wide, tall enough for the lattice's aspect ratio.
QSizeF exportSize(const QRectF& bounds, double width)
{
    const double aspect = (bounds.height() + 1.2) / (bounds.width() + 1.2);
    const double height = std::clamp((width - 2.0 * MARGIN) * aspect, 200.0, 3.0 * width)
        + CAPTION_HEIGHT + LEGEND_HEIGHT + 2.0 * MARGIN;
    return {width, height};
}

} // namespace

bool RoutingView::exportPng(const QString& path) const
{
    const QSizeF size = exportSize(m_bounds, EXPORT_WIDTH);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        render(painter, QRectF(QPointF(0, 0), size));
    }
    return image.save(path, "PNG");
}

bool RoutingView::exportSvg(const QString& path) const
{
    const QSizeF size = exportSize(m_bounds, 1000.0);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(tr("Routing on %1").arg(QString::fromStdString(m_device.name)));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    render(painter, QRectF(QPointF(0, 0), size));
    return painter.end() && QFileInfo(path).size() > 0;
}

bool RoutingView::exportPdf(const QString& path) const
{
    const QSizeF size = exportSize(m_bounds, 1000.0);
    QPdfWriter writer(path);
    setUpFigurePdf(writer, tr("Routing on %1").arg(QString::fromStdString(m_device.name)), size);
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    render(painter, QRectF(QPointF(0, 0), size));
    return painter.end() && QFileInfo(path).size() > 0;
}

bool RoutingView::exportTo(const QString& path) const
{
    switch (figureFormatForPath(path)) {
    case FigureFormat::Svg: return exportSvg(path);
    case FigureFormat::Pdf: return exportPdf(path);
    case FigureFormat::Png: break;
    }
    return exportPng(path);
}

void RoutingView::exportWithDialog()
{
    exportFigureWithDialog(this, *this);
}

QString RoutingView::figureTitle() const
{
    return tr("Routing on %1").arg(QString::fromStdString(m_device.name));
}

QSizeF RoutingView::naturalFigureSize() const
{
    return exportSize(m_bounds, 1000.0);
}

bool RoutingView::writeFigure(const QString& path, const FigureOptions& options) const
{
    const QSizeF natural = naturalFigureSize();
    return writePaintedFigure(path, options, figureTitle(), Qt::white, [this, natural](QPainter& painter,
                                                                                      const QRectF& canvas) {
        // The picture lays itself out for any rectangle; keep its natural aspect so the lattice is not squeezed.
        render(painter, fittedRect(natural, canvas));
    });
}

QString RoutingView::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("position"), QStringLiteral("layer"), QStringLiteral("time_step"),
                QStringLiteral("kind"), QStringLiteral("physical_a"), QStringLiteral("physical_b"),
                QStringLiteral("term")});
    for (int position = 1; position <= stepCount(); ++position) {
        const auto [layer, timeStep] = layerAndTimeStep(position);
        for (const engine::RoutingStep& step : stepsAt(position)) {
            const QString kind = step.kind == engine::RoutingStep::Kind::Swap ? QStringLiteral("swap")
                               : step.kind == engine::RoutingStep::Kind::Term ? QStringLiteral("term")
                                                                              : QStringLiteral("swap_and_term");
            csv.addRow({QString::number(position), QString::number(layer), QString::number(timeStep), kind,
                        QString::number(step.physA), QString::number(step.physB),
                        step.term >= 0 ? QString::number(step.term) : QString()});
        }
    }
    for (std::size_t logical = 0; logical < m_initialLayout.size(); ++logical)
        csv.addRow({QStringLiteral("0"), QString(), QString(), QStringLiteral("layout"),
                    QString::number(m_initialLayout[logical]), QString(), QString::number(logical)});
    return csv.text();
}

} // namespace workbench
