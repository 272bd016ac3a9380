// SPDX-License-Identifier: MIT
// RoutingView: a device in its real geometry coloured by calibration, with a step-through of a routed QAOA circuit.
#pragma once

#include "export/exportable_figure.h"
#include "transpile/device_model.h"
#include "transpile/swap_routing.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QTimer>
#include <QWidget>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

class QLabel;
class QPainter;
class QSlider;
class QToolButton;

namespace workbench {

/// Errors at or below this are drawn in the scale's first colour, at or above ROUTING_ERROR_HIGH in its last; the
/// scale is logarithmic in between (IBM's readout and two-qubit errors spread over two decades).
constexpr double ROUTING_ERROR_LOW = 1e-3;
constexpr double ROUTING_ERROR_HIGH = 1e-1;

/// Draws a DeviceModel with its qubits at DeviceModel::positions (a square arrangement when there are none):
/// qubits filled by readout error, couplers by the native two-qubit gate's error (grey without calibration,
/// dashed dark red for unusable couplers), with a colour-scale legend. Over it, the routing of a transpiled QAOA
/// circuit can be stepped through: the time steps (RoutingStep::timeStep) of all layers one after another, with
/// a slider and a play/pause button. Position 0 is the initial layout; position k shows time step k-1: its swaps
/// as double arrows on highlighted couplers, its executed terms as highlighted couplers, and the layout after
/// it (the logical qubit on each physical qubit, replayed from the initial layout through every earlier swap).
class RoutingView final : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    /// Time between two steps while playing.
    static constexpr int PLAY_INTERVAL_MS = 600;
    /// A layout snapshot is kept every this many time steps; other positions are replayed from the nearest one.
    static constexpr int CHECKPOINT_INTERVAL = 64;

    explicit RoutingView(QWidget* parent = nullptr);
    ~RoutingView() override;

    /// Shows `device` and forgets any routing.
    void setDevice(engine::DeviceModel device);
    const engine::DeviceModel& device() const { return m_device; }
    /// Steps through `layers` (executed one after another) starting from `initialLayout` (logical -> physical;
    /// entries outside the device are ignored). Goes to position 0. Steps on qubits outside the device are skipped.
    void setRouting(std::vector<engine::RoutedLayer> layers, engine::QubitLayout initialLayout);
    /// Forgets the routing (the device stays).
    void clearRouting();
    /// Forgets device and routing.
    void clear();

    /// Number of time steps over all layers (the slider runs from 0 to this).
    int stepCount() const { return static_cast<int>(m_timeStart.size()) - 1; }
    int currentStep() const { return m_position; }
    /// Clamped to [0, stepCount()]; emits currentStepChanged when it changes.
    void setCurrentStep(int position);
    /// The routing steps of the time step shown at `position` (empty at 0), in execution order.
    std::vector<engine::RoutingStep> stepsAt(int position) const;
    /// Global indices (into all layers' steps concatenated) of the steps of the time step shown at `position`.
    std::vector<std::size_t> stepIndicesAt(int position) const;
    /// (layer, time step within that layer) shown at `position`; (-1, -1) at 0.
    std::pair<int, int> layerAndTimeStep(int position) const;
    /// logical -> physical after `position` time steps.
    engine::QubitLayout layoutAt(int position) const;
    /// The logical qubit on each physical qubit after `position` time steps (-1: none).
    std::vector<int> occupancyAt(int position) const;
    const std::vector<engine::RoutedLayer>& layers() const { return m_layers; }

    bool isPlaying() const { return m_playTimer.isActive(); }
    /// Plays from the current position (from 0 when at the end).
    void play();
    void pause();

    /// Colour of an error value on the legend's scale; grey for NaN.
    static QColor errorColour(double error);
    /// Centre of physical qubit `q` in canvas coordinates (current canvas size), or nothing when out of range.
    std::optional<QPointF> qubitCentre(unsigned q) const;
    /// The physical qubit drawn at canvas position `pos`, if any.
    std::optional<unsigned> qubitAt(const QPointF& pos) const;
    /// Tool tip text of physical qubit `q` (index, logical qubit at the current position, calibration).
    QString qubitToolTip(unsigned q) const;

    /// Draws the device, the current routing state, a caption naming both, and the legend into `target`.
    void render(QPainter& painter, const QRectF& target) const;
    /// Writes the current picture (EXPORT_WIDTH pixels wide for PNG); false when the file cannot be written.
    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    bool exportPdf(const QString& path) const;
    /// By suffix (png, svg, pdf; anything else: PNG).
    bool exportTo(const QString& path) const;
    /// Shows the figure export dialog and exports (the Export button and the context menu).
    void exportWithDialog();
    static constexpr int EXPORT_WIDTH = 1600;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    /// The current picture (device, routing state, caption, legend) fitted into the options' canvas on white; the
    /// picture keeps its own fonts.
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// The swap layers: one row per routing step in execution order: position (the slider position that shows
    /// it), layer, time_step (within the layer), kind (swap, term, swap_and_term), physical_a, physical_b, term
    /// (index, empty for swaps), then the initial layout as rows of kind "layout" (logical in term, physical in
    /// physical_a).
    QString csvData() const override;
    /// The picture at 1000 logical pixels wide, tall enough for the lattice.
    QSizeF naturalFigureSize() const override;
    bool usesFigureFont() const override { return false; }

    QWidget* canvas() const { return m_canvas; }
    QSlider* slider() const { return m_slider; }
    QToolButton* playButton() const { return m_play; }
    QLabel* stepLabel() const { return m_stepLabel; }

signals:
    /// The shown position changed (slider, play, setCurrentStep).
    void currentStepChanged(int position);

private:
    friend class RoutingCanvas;

    struct Placement {
        QRectF device;      // where the qubits go
        QRectF legend;      // the colour scale
        double scale = 1.0; // pixels per lattice unit
        double radius = 10.0;
    };

    void rebuildTimeline();
    void updateControls();
    void advance();
    Placement placement(const QRectF& target) const;
    QPointF qubitPoint(const Placement& placement, unsigned q) const;
    void renderPicture(QPainter& painter, const QRectF& target, bool stepCaption) const;
    void paintDevice(QPainter& painter, const QRectF& target, bool stepCaption) const;
    void paintLegend(QPainter& painter, const QRectF& area) const;
    QString couplerToolTip(unsigned a, unsigned b) const;
    std::optional<std::pair<unsigned, unsigned>> couplerAt(const QPointF& pos) const;
    bool canvasToolTip(const QPoint& pos, const QPoint& globalPos);

    engine::DeviceModel m_device;
    std::vector<QPointF> m_positions;  // lattice units, one per physical qubit
    QRectF m_bounds;                   // of m_positions
    std::vector<std::pair<unsigned, unsigned>> m_couplers;  // undirected, a < b
    std::vector<engine::RoutedLayer> m_layers;
    engine::QubitLayout m_initialLayout;
    std::vector<std::pair<std::size_t, std::size_t>> m_flatSteps;  // (layer, step) in global order
    std::vector<std::size_t> m_timeStart;   // steps of global time step t: m_timeSteps[m_timeStart[t] .. [t+1])
    std::vector<std::size_t> m_timeSteps;   // indices into m_flatSteps
    std::vector<std::pair<int, int>> m_timeOrigin;  // (layer, time step) of each global time step
    std::vector<std::vector<int>> m_checkpoints;     // occupancy after k * CHECKPOINT_INTERVAL time steps
    int m_position = 0;

    QWidget* m_canvas = nullptr;
    QSlider* m_slider = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_stepLabel = nullptr;
    QTimer m_playTimer;
};

} // namespace workbench
