// SPDX-License-Identifier: MIT
// QuboMatrixView: a live heat map of the QUBO a GraphDocument encodes, rebuilt (debounced) after its changes.
#pragma once

#include "qubo/qubo_model.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace workbench {

class GraphDocument;

/// Above this many variables the matrix is not drawn (the summary still is).
constexpr std::size_t MAX_MATRIX_VIEW_VARIABLES = 4000;

/// Shows Q of GraphDocument::data().qubo(): a_i on the diagonal, b_ij mirrored to both triangles, one pixel per
/// cell scaled to the widget (nearest neighbour), row 0 at the top, blue for negative, white for zero and red for
/// positive, the colour range symmetric around zero. Document changes restart a REBUILD_DELAY_MS single-shot
/// timer, so a drag or a burst of edits costs one encode. Moving the mouse over a cell shows its value.
class QuboMatrixView final : public QWidget {
    Q_OBJECT

public:
    static constexpr int REBUILD_DELAY_MS = 120;

    explicit QuboMatrixView(GraphDocument* document, QWidget* parent = nullptr);

    /// Encodes the document and redraws now (normally called by the timer).
    void rebuild();
    bool isRebuildPending() const { return m_timer.isActive(); }
    int rebuildCount() const { return m_rebuildCount; }
    /// The QUBO shown (empty after an encoding error).
    const engine::QuboModel& qubo() const { return m_qubo; }
    /// Q_ij as drawn: a_i for i == j, b_ij otherwise.
    double cell(int i, int j) const;
    QString summaryText() const;
    QString hoverText() const;
    /// The rendered matrix image (n x n pixels; null when nothing is drawn).
    const QImage& image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect matrixRect() const;

    GraphDocument* m_document;
    engine::QuboModel m_qubo;
    QImage m_image;
    QLabel* m_summary;
    QLabel* m_hover;
    QTimer m_timer;
    int m_rebuildCount = 0;
};

} // namespace workbench
