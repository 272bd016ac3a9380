// SPDX-License-Identifier: MIT
// GraphView: the QGraphicsView of the graph editor (zoom with the wheel, fit, rubber-band selection).
#pragma once

#include <QGraphicsView>

namespace workbench {

class GraphScene;

/// Shows a GraphScene antialiased, zooms around the cursor with the wheel (clamped to [MIN_ZOOM, MAX_ZOOM]),
/// pans with the middle button and selects with a rubber band in select mode.
class GraphView final : public QGraphicsView {
    Q_OBJECT

public:
    static constexpr double MIN_ZOOM = 0.02;
    static constexpr double MAX_ZOOM = 20.0;

    explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);

    GraphScene* graphScene() const { return m_scene; }
    /// Current scale (1 = one scene unit per pixel).
    double zoom() const;
    /// Multiplies the scale by `factor`, clamped.
    void zoomBy(double factor);
    /// Fits the whole graph into the viewport (never zooming in beyond 2). While the view is hidden the fit waits
    /// for the first show, when the viewport has its real size.
    void fitGraph();
    /// Follows the scene's mode: rubber band in select mode, no drag otherwise.
    void updateDragMode();

protected:
    void showEvent(QShowEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    GraphScene* m_scene;
    bool m_panning = false;
    bool m_fitPending = false;
    QPoint m_panLast;
};

} // namespace workbench
