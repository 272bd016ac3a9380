// SPDX-License-Identifier: MIT
// CircuitView: the zoomable, foldable diagram of an engine::Circuit, drawing only the visible part.
#pragma once

#include "circuit/circuit.h"
#include "circuit/circuit_layout.h"
#include "export/exportable_figure.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

class QFontMetricsF;
class QLabel;
class QPainter;
class QSpinBox;
class QToolButton;

namespace workbench {

/// Zoom limits (1 = the scene's pixels).
constexpr double CIRCUIT_MIN_ZOOM = 0.05;
constexpr double CIRCUIT_MAX_ZOOM = 6.0;
/// Largest fold width the editor offers (columns per row of wires).
constexpr int CIRCUIT_MAX_FOLD = 100'000;

/// Draws a circuit as the usual diagram: one horizontal wire per qubit (logical circuits: q0 … q(n-1); physical
/// ones: only the used qubits, labelled $n), gates placed in ASAP columns (an operation takes the first column in
/// which every wire between its lowest and highest qubit is free, since its vertical line crosses them), boxes with
/// the gate name and a short angle text, control dots for cx/cz/cp/crz/cy/ch, crosses for swap, one box spanning
/// both wires for rzz/rxx/ryy/ecr, a meter with the classical bit for measurements and dashed lines for barriers.
///
/// The layout (columns, widths: a CircuitLayout) is computed once per circuit in O(size x span), either here
/// (setCircuit) or on a worker thread (layoutCircuit, then setLayout, which only adds the folds in O(columns)); a
/// paint touches only the wires, columns and operations that intersect the exposed rectangle, so scrolling a
/// 10^5-gate circuit costs the same as a small one. Folding wraps the columns into several rows of wires every foldWidth() columns.
///
/// Interaction: ctrl+wheel or the +/− buttons zoom (around the cursor for the wheel), the wheel and shift+wheel
/// scroll, dragging pans, a click on a wire label highlights that qubit's wire (again: off), hovering a gate
/// shows its name, qubits and exact parameters. The whole diagram (not only the visible part) can be written to
/// PNG, SVG or PDF. All coordinates called "scene" are unzoomed pixels; the diagram is drawn on white.
class CircuitView final : public QAbstractScrollArea, public ExportableFigure {
    Q_OBJECT

public:
    explicit CircuitView(QWidget* parent = nullptr);
    ~CircuitView() override;

    /// Shows `circuit` (the view keeps a copy), laid out on the calling thread. Clears highlights, keeps zoom and
    /// fold width.
    void setCircuit(engine::Circuit circuit);
    /// Shows a circuit laid out beforehand (for example on a worker thread with layoutCircuit and fontDescription()):
    /// only the folds are computed here. Clears highlights, keeps zoom and fold width. A null layout clears.
    void setLayout(std::shared_ptr<const CircuitLayout> layout);
    /// Shows nothing (an empty logical circuit).
    void clear();
    const engine::Circuit& circuit() const { return *m_layout->circuit; }
    /// The layout shown (never null).
    const std::shared_ptr<const CircuitLayout>& layout() const { return m_layout; }
    /// The font description layoutCircuit needs to lay circuits out as this view would (QFont::toString()).
    QString fontDescription() const { return m_nameFont.toString(); }

    // --- layout, in scene coordinates -------------------------------------------------------------------------
    /// Number of ASAP columns.
    int columnCount() const { return m_layout->columnCount(); }
    /// Column of operation `op`, -1 when out of range or not drawn (a barrier on no shown wire).
    int columnOf(std::size_t op) const;
    /// Operations placed in `column`, in circuit order.
    std::vector<std::size_t> operationsInColumn(int column) const;
    /// Number of wires (rows) of one fold.
    int wireCount() const { return static_cast<int>(m_layout->wires.size()); }
    /// The qubit each wire shows, top to bottom.
    const std::vector<unsigned>& wireQubits() const { return m_layout->wires; }
    /// Wire of `qubit`, -1 when it is not shown.
    int rowOfQubit(unsigned qubit) const;
    /// "q3" for logical circuits, "$17" for physical ones.
    QString wireLabel(int row) const;
    /// Number of folds (rows of wires); 1 without folding.
    int foldCount() const { return m_foldCount; }
    /// Fold that holds operation `op`, -1 when it is not drawn.
    int foldOf(std::size_t op) const;
    /// Bounding box of operation `op` (its boxes, dots and connecting line), empty when not drawn.
    QRectF operationRect(std::size_t op) const;
    /// Rectangle of wire label `row` in fold `fold`.
    QRectF wireLabelRect(int fold, int row) const;
    /// y of wire `row` in fold `fold`.
    double wireY(int fold, int row) const;
    QSizeF sceneSize() const { return m_sceneSize; }
    /// The operation drawn at `scenePos`, if any.
    std::optional<std::size_t> operationAt(const QPointF& scenePos) const;
    /// The wire whose label is at `scenePos`, if any.
    std::optional<int> wireLabelAt(const QPointF& scenePos) const;

    /// Text drawn in (or beside) the operation's box: the display name and the short angle text, "\n"-separated
    /// ("Rzz\n24.7γ₀"); for measurements the meter carries no name and the second line is the classical bit.
    QString operationText(std::size_t op) const;
    /// Tool tip of operation `op`: gate name, qubits and every parameter's exact value (OpenQASM text).
    QString toolTipText(std::size_t op) const;

    // --- folding and zoom --------------------------------------------------------------------------------------
    /// Columns per fold; 0 = no folding.
    int foldWidth() const { return m_foldWidth; }
    void setFoldWidth(int columns);
    double zoom() const { return m_zoom; }
    /// Sets the zoom (clamped to [CIRCUIT_MIN_ZOOM, CIRCUIT_MAX_ZOOM]) keeping the viewport centre fixed.
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    /// Zoom so that one fold's full height (or the whole scene, if smaller) fits the viewport.
    void zoomToFit();
    /// Viewport position to scene position and back (current zoom and scroll).
    QPointF mapToScene(const QPointF& viewportPos) const;
    QPointF mapFromScene(const QPointF& scenePos) const;
    /// The part of the scene the viewport shows.
    QRectF visibleSceneRect() const;
    /// Scrolls so that `sceneRect` is visible (centred when it was not).
    void ensureSceneRectVisible(const QRectF& sceneRect);

    // --- highlights ---------------------------------------------------------------------------------------------
    /// Marks these operations (for example the gates of one routing step) and, when `reveal`, scrolls to them.
    /// Indices out of range are ignored.
    void highlightOperations(std::vector<std::size_t> operations, bool reveal = true);
    void clearHighlight();
    const std::vector<std::size_t>& highlightedOperations() const { return m_highlighted; }
    bool isHighlighted(std::size_t op) const;
    /// The qubit whose wire is highlighted (what a click on its label toggles).
    std::optional<unsigned> highlightedQubit() const { return m_highlightedQubit; }
    void setHighlightedQubit(std::optional<unsigned> qubit);

    // --- export ---------------------------------------------------------------------------------------------------
    /// Draws the part `sceneRect` of the diagram with `painter` set up in scene coordinates (full detail).
    void renderScene(QPainter& painter, const QRectF& sceneRect) const;
    /// Writes the whole diagram; false when the file cannot be written. PNG is scaled down when the scene exceeds
    /// MAX_EXPORT_PIXELS per side; SVG and PDF are vector drawings of the whole scene (one PDF page).
    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    bool exportPdf(const QString& path) const;
    /// By the file's suffix (png, svg, pdf; anything else: PNG).
    bool exportTo(const QString& path) const;
    /// Shows the figure export dialog and exports (the toolbar's Export button and the context menu).
    void exportWithDialog();
    static constexpr int MAX_EXPORT_PIXELS = 16000;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    /// The whole diagram scaled to fit the options' canvas (centred, aspect kept), on white in both styles; the
    /// diagram keeps its own fonts (its columns are measured with them).
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// The gate list: index, column (1-based ASAP column, empty when not drawn), kind, name, qubits (space-separated,
    /// "$n" on physical circuits), parameters (OpenQASM text, ';'-separated), bit (measurements).
    QString csvData() const override;
    /// The scene size: every gate at full detail.
    QSizeF naturalFigureSize() const override { return m_sceneSize; }
    bool usesFigureFont() const override { return false; }

    /// Operations drawn by the last paint event (a measure of the culling, for tests).
    std::size_t lastPaintedOperations() const { return m_lastPainted; }

    QToolButton* zoomInButton() const { return m_zoomIn; }
    QToolButton* zoomOutButton() const { return m_zoomOut; }
    QSpinBox* foldSpinBox() const { return m_fold; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    void zoomChanged(double zoom);
    void foldWidthChanged(int columns);
    /// A click on a wire label changed the highlighted qubit (-1: none).
    void qubitHighlighted(int qubit);
    /// A click (not a drag) on an operation.
    void operationClicked(qsizetype operation);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void applyLayout();
    void computeFolds();
    void updateScrollBars();
    void updateSummary();
    void setZoomAround(double zoom, const QPointF& viewportAnchor);
    double operationWidth(std::size_t op) const { return m_layout->width[op]; }
    void paintOperation(QPainter& painter, std::size_t op, const QRectF& column, int fold, bool text) const;
    void paintScene(QPainter& painter, const QRectF& sceneRect, bool text, std::size_t* painted) const;
    void paintStickyLabels(QPainter& painter, const QRectF& visible) const;
    std::optional<int> labelUnder(const QPointF& viewportPos) const;
    int toolbarHeight() const;

    std::shared_ptr<const CircuitLayout> m_layout;  // the circuit and its fold-independent layout; never null
    std::vector<double> m_columnX;           // left edge relative to the fold's gate area
    std::vector<double> m_foldExtent;        // width of each fold's gate area
    std::vector<char> m_highlightMask;       // per operation
    std::vector<std::size_t> m_highlighted;
    std::optional<unsigned> m_highlightedQubit;
    int m_foldWidth = 0;
    int m_foldCount = 1;
    double m_foldHeight = 0.0;
    QSizeF m_sceneSize;
    double m_zoom = 1.0;
    QFont m_nameFont;
    QFont m_paramFont;
    QFont m_labelFont;

    QWidget* m_toolbar = nullptr;
    QToolButton* m_zoomIn = nullptr;
    QToolButton* m_zoomOut = nullptr;
    QToolButton* m_fit = nullptr;
    QToolButton* m_export = nullptr;
    QSpinBox* m_fold = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_summary = nullptr;

    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_pressed = false;
    bool m_dragging = false;
    mutable std::size_t m_lastPainted = 0;
};

} // namespace workbench
