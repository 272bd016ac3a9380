// SPDX-License-Identifier: MIT
// QuboHeatmapPlot: encoding the document, filling the QCPColorMap, hover read-out.
#include "plots/qubo_heatmap_plot.h"

#include "core/error.h"
#include "document/project_document.h"
#include "export/csv_export.h"
#include "export/figure_export.h"
#include "export/plot_export.h"
#include "plots/plot_style.h"
#include "lcrp/lcrp_encoder.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace workbench {

QuboHeatmapPlot::QuboHeatmapPlot(ProjectDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(240, 240);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    installScreenStyle(m_plot);
    installFigureExportMenu(m_plot, this, this);
    m_plot->axisRect()->setupFullAxesBox(true);
    m_plot->xAxis->setLabel(tr("variable j"));
    m_plot->yAxis->setLabel(tr("variable i"));
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis2->setRangeReversed(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);

    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->axis()->setLabel(tr("coefficient Q_ij"));
    m_map->setColorScale(m_scale);
    // Diverging blue-white-red: zero is white, so the sparse structure stands out (gpPolar has black at zero).
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0x08, 0x30, 0x6b));
    gradient.setColorStopAt(0.25, QColor(0x42, 0x92, 0xc6));
    gradient.setColorStopAt(0.5, QColor(0xff, 0xff, 0xff));
    gradient.setColorStopAt(0.75, QColor(0xef, 0x65, 0x48));
    gradient.setColorStopAt(1.0, QColor(0x99, 0x00, 0x0d));
    gradient.setLevelCount(256);
    m_map->setGradient(gradient);
    // Keep the colour bar exactly as tall as the matrix.
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_hover = new QLabel(this);
    m_hover->setText(tr("Point at a cell to read its coefficient."));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_hover);

    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &QuboHeatmapPlot::rebuild);
    connect(document, &ProjectDocument::changed, this, [this] { m_timer.start(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, &QuboHeatmapPlot::onMouseMove);
    // Square cells: once the layout knows the axis rect's size, widen the axis that has pixels to spare.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        const QRect rect = m_plot->axisRect()->rect();
        if (rect.width() <= 0 || rect.height() <= 0)
            return;
        if (rect.width() >= rect.height())
            m_plot->xAxis->setScaleRatio(m_plot->yAxis, 1.0);
        else
            m_plot->yAxis->setScaleRatio(m_plot->xAxis, 1.0);
    });

    rebuild();
}

QuboHeatmapPlot::~QuboHeatmapPlot() = default;

int QuboHeatmapPlot::mapSize() const
{
    return m_names.empty() ? 0 : m_map->data()->keySize();
}

double QuboHeatmapPlot::mapCell(int j, int i) const
{
    return m_map->data()->cell(j, i);
}

double QuboHeatmapPlot::mapRangeUpper() const
{
    return m_map->dataRange().upper;
}

QString QuboHeatmapPlot::summaryText() const
{
    return m_summary->text();
}

void QuboHeatmapPlot::clearMap()
{
    m_names.clear();
    m_map->data()->clear();
    m_plot->clearItems();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void QuboHeatmapPlot::rebuild()
{
    m_timer.stop();
    ++m_rebuildCount;
    const engine::LcrpInstance& instance = m_document->instance();
    const WorkbenchSettings& settings = m_document->settings();

    engine::LcrpEncoding encoding;
    try {
        const std::size_t n = instance.numAssignmentVariables() + static_cast<std::size_t>(settings.budgetSlackBits);
        if (n > MAX_HEATMAP_VARIABLES) {
            m_summary->setText(tr("%1 variables: too many to draw (at most %2).").arg(n).arg(MAX_HEATMAP_VARIABLES));
            clearMap();
            return;
        }
        engine::LcrpEncoderOptions options;
        options.objective = settings.objective;
        options.budgetSlackBits = settings.budgetSlackBits;
        encoding = engine::encodeLcrp(instance, options);
    } catch (const engine::Error& e) {
        m_summary->setText(tr("Cannot encode the instance: %1").arg(QString::fromStdString(e.what())));
        clearMap();
        return;
    }

    const engine::QuboModel& qubo = encoding.qubo;
    const int n = static_cast<int>(qubo.numVariables());
    m_names.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        m_names[static_cast<std::size_t>(i)] = qubo.variableName(static_cast<std::size_t>(i));

    QCPColorMapData* data = m_map->data();
    data->setSize(n, n);
    data->setRange(QCPRange(0, std::max(n - 1, 1)), QCPRange(0, std::max(n - 1, 1)));
    data->fill(0.0);
    for (int i = 0; i < n; ++i)
        data->setCell(i, i, qubo.linear(static_cast<std::size_t>(i)));
    for (const engine::QuadraticTerm& term : qubo.quadraticTerms()) {
        data->setCell(static_cast<int>(term.j), static_cast<int>(term.i), term.value);
        data->setCell(static_cast<int>(term.i), static_cast<int>(term.j), term.value);
    }
    const double range = qubo.maxAbsCoefficient() > 0.0 ? qubo.maxAbsCoefficient() : 1.0;
    m_map->setDataRange(QCPRange(-range, range));

    // Ticks name the task blocks (M variables each) and the slack block instead of all n variables.
    const int tasks = static_cast<int>(encoding.numTasks);
    const int models = static_cast<int>(encoding.numModels);
    const int slack = static_cast<int>(encoding.numSlackVariables);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int every = std::max(1, tasks / 24);
    for (int t = 0; t < tasks; t += every)
        ticker->addTick(t * models + (models - 1) / 2.0,
                        QString::fromStdString(instance.tasks[static_cast<std::size_t>(t)].id));
    if (slack > 0)
        ticker->addTick(tasks * models + (slack - 1) / 2.0, tr("slack"));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTicker(ticker);
        axis->setSubTicks(false);
        axis->setRange(-0.5, n - 0.5);
    }
    m_plot->xAxis->setTickLabelRotation(tasks > 6 ? 90 : 0);

    m_plot->clearItems();
    const QPen separator(QColor(0, 0, 0, 90), 1, Qt::DashLine);
    for (int b = 1; b <= tasks; ++b) {
        if (b == tasks && slack == 0)
            break;
        const double at = b * models - 0.5;
        auto* vertical = new QCPItemStraightLine(m_plot);
        vertical->point1->setCoords(at, 0);
        vertical->point2->setCoords(at, 1);
        vertical->setPen(separator);
        auto* horizontal = new QCPItemStraightLine(m_plot);
        horizontal->point1->setCoords(0, at);
        horizontal->point2->setCoords(1, at);
        horizontal->setPen(separator);
    }

    const QLocale locale;
    m_summary->setText(tr("%1 variables (%2 assignment, %3 budget slack), %4 couplings, largest |Q_ij| %5")
                           .arg(n)
                           .arg(encoding.numAssignmentVariables())
                           .arg(slack)
                           .arg(qubo.numQuadraticTerms())
                           .arg(locale.toString(range, 'g', 4)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString QuboHeatmapPlot::figureTitle() const
{
    return tr("QUBO matrix");
}

bool QuboHeatmapPlot::writeFigure(const QString& path, const FigureOptions& options) const
{
    return writePlotFigure(m_plot, path, options, figureTitle());
}

QString QuboHeatmapPlot::csvData() const
{
    CsvWriter csv;
    QStringList header{QStringLiteral("variable")};
    for (const std::string& name : m_names)
        header << QString::fromStdString(name);
    csv.addRow(header);
    const int n = mapSize();
    for (int i = 0; i < n; ++i) {
        QStringList row{QString::fromStdString(m_names[static_cast<std::size_t>(i)])};
        for (int j = 0; j < n; ++j)
            row << CsvWriter::number(m_map->data()->cell(j, i));
        csv.addRow(row);
    }
    return csv.text();
}

void QuboHeatmapPlot::onMouseMove(QMouseEvent* event)
{
    const int n = static_cast<int>(m_names.size());
    if (n == 0)
        return;
    const int j = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(event->position().x())));
    const int i = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(event->position().y())));
    if (i < 0 || j < 0 || i >= n || j >= n)
        return;
    const double value = m_map->data()->cell(j, i);
    m_hover->setText(tr("Q[%1, %2] = %3")
                         .arg(QString::fromStdString(m_names[static_cast<std::size_t>(i)]),
                              QString::fromStdString(m_names[static_cast<std::size_t>(j)]),
                              QLocale().toString(value, 'g', 6)));
}

} // namespace workbench
