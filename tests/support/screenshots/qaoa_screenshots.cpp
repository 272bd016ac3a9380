// SPDX-License-Identifier: MIT
// qaoa-screenshots: drives a MainWindow on the example project through its main views and writes a PNG of each.
//
// Usage: qaoa-screenshots OUTPUT_FOLDER [--size WxH]
// Writes overview.png (the whole window: task and model tables, QUBO heat map, the solve panel after simulated
// annealing), qaoa.png (the QAOA panel after a run), transpile-circuit.png and transpile-routing.png (the transpile
// panel on fez: the ISA circuit and the routing view), warmstart.png (the warm-start panel's energy histogram after
// a pipeline run) and jobs.png (the jobs panel with finished local:ideal and local:fez jobs). Each panel is shown floating at the full size so it is
// readable. Runs offscreen or under a virtual X server (packaging/screenshots.sh). Exit code 0 when every picture
// was written and is not blank, 1 otherwise (the failing view is named on stderr).
#include "main_window.h"

#include "circuit/circuit_view.h"
#include "document/project_document.h"
#include "jobs/qaoa_job.h"
#include "jobs/solve_job.h"
#include "jobs/transpile_job.h"
#include "jobs/warmstart_job.h"
#include "models/job_table_model.h"
#include "panels/jobs_panel.h"
#include "panels/qaoa_panel.h"
#include "panels/solve_panel.h"
#include "panels/transpile_panel.h"
#include "panels/warmstart_panel.h"
#include "plots/qubo_heatmap_plot.h"
#include "plots/warmstart_plots.h"
#include "routing/routing_view.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>

using namespace workbench;

namespace {

const QString EXAMPLE = QStringLiteral(QAOA_SOURCE_DIR "/resources/examples/paper-4x3.qwproj");
constexpr int JOB_TIMEOUT_MS = 120'000;
constexpr int SETTLE_MS = 400;  // queued replots and layouts after a result is shown

/// A picture that is not blank has many distinct colours.
bool looksRendered(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return colours.size() > 20;
}

/// Makes every tab page that holds `widget` the current page of its tab widget.
void bringToFront(QWidget* widget)
{
    for (QWidget* child = widget; child != nullptr; child = child->parentWidget())
        if (auto* tabs = qobject_cast<QTabWidget*>(child->parentWidget() ? child->parentWidget()->parentWidget() : nullptr))
            if (tabs->indexOf(child) >= 0)
                tabs->setCurrentWidget(child);
}

class Shooter {
public:
    Shooter(MainWindow& window, QString folder, QSize size) : m_window(window), m_folder(std::move(folder)), m_size(size)
    {
    }

    /// Waits for `done` (event loop running), then SETTLE_MS more; false after JOB_TIMEOUT_MS.
    bool waitFor(const char* what, const std::function<bool()>& done)
    {
        if (!QTest::qWaitFor(done, JOB_TIMEOUT_MS)) {
            std::fprintf(stderr, "qaoa-screenshots: %s did not finish within %d s\n", what, JOB_TIMEOUT_MS / 1000);
            m_ok = false;
            return false;
        }
        QTest::qWait(SETTLE_MS);
        return true;
    }

    /// Grabs `widget` into `name`.png.
    void save(QWidget* widget, const char* name)
    {
        const QString path = QDir(m_folder).filePath(QString::fromLatin1(name) + QStringLiteral(".png"));
        const QImage image = widget->grab().toImage();
        // Quality 0 is the PNG writer's strongest compression (lossless either way).
        if (!looksRendered(image) || !image.save(path, "PNG", 0)) {
            std::fprintf(stderr, "qaoa-screenshots: cannot write a picture of the %s view to %s\n", name,
                         qPrintable(path));
            m_ok = false;
            return;
        }
        std::printf("%s (%dx%d)\n", qPrintable(path), image.width(), image.height());
    }

    /// Shows `dock` floating at the picture size, grabs it, and puts it back.
    void saveDock(QDockWidget* dock, const char* name)
    {
        dock->show();
        dock->setFloating(true);
        dock->resize(m_size);
        QTest::qWait(SETTLE_MS);
        save(dock, name);
        dock->setFloating(false);
        dock->raise();
        QTest::qWait(50);
    }

    bool ok() const { return m_ok; }

private:
    MainWindow& m_window;
    QString m_folder;
    QSize m_size;
    bool m_ok = true;
};

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);  // settings and recent files stay out of the user's
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench"));
    QCoreApplication::setApplicationName(QStringLiteral("qaoa-screenshots"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: qaoa-screenshots OUTPUT_FOLDER [--size WxH]\n");
        return 1;
    }
    const QString folder = args[1];
    QSize size(1280, 800);
    if (args.size() >= 4 && args[2] == QStringLiteral("--size")) {
        const QStringList parts = args[3].split(QLatin1Char('x'));
        if (parts.size() == 2 && parts[0].toInt() >= 400 && parts[1].toInt() >= 300)
            size = QSize(parts[0].toInt(), parts[1].toInt());
    }
    if (!QDir().mkpath(folder)) {
        std::fprintf(stderr, "qaoa-screenshots: cannot create %s\n", qPrintable(folder));
        return 1;
    }
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return 1;

    MainWindowOptions options;
    options.interactive = false;
    options.persistLayout = false;
    options.autosaveDirectory = scratch.filePath(QStringLiteral("autosave"));
    options.examplePath = EXAMPLE;
    options.jobStorePath = scratch.filePath(QStringLiteral("jobs.sqlite"));
    MainWindow window(options);
    if (!window.openInitial(QString())) {
        std::fprintf(stderr, "qaoa-screenshots: cannot open %s\n", qPrintable(EXAMPLE));
        return 1;
    }
    window.resize(size);
    window.show();
    Shooter shooter(window, folder, size);

    // The overview: tables, heat map and the solve panel with a simulated-annealing result.
    SolvePanel* solve = window.solvePanel();
    if (auto* solveDock = window.findChild<QDockWidget*>(QStringLiteral("SolveDock")))
        solveDock->raise();
    solve->runButton()->click();
    if (shooter.waitFor("the solver", [&] { return !solve->job()->isRunning() && !window.heatmap()->isRebuildPending(); }))
        shooter.save(&window, "overview");

    // QAOA on the example (18 qubits), p = 1, two optimiser restarts.
    QaoaPanel* qaoa = window.qaoaPanel();
    QaoaSettings qaoaSettings;
    qaoaSettings.restarts = 2;
    qaoaSettings.iterations = 40;
    qaoaSettings.shots = 4000;
    qaoa->setSettings(qaoaSettings);
    qaoa->runButton()->click();
    if (shooter.waitFor("QAOA", [&] { return !qaoa->job()->isRunning(); }))
        shooter.saveDock(window.qaoaDock(), "qaoa");

    // Transpile for fez: the ISA circuit, then the routing step-through half way.
    TranspilePanel* transpile = window.transpilePanel();
    transpile->runButton()->click();
    if (shooter.waitFor("transpiling", [&] { return !transpile->job()->isRunning() && transpile->hasResult(); })) {
        bringToFront(transpile->isaView());
        shooter.saveDock(window.transpileDock(), "transpile-circuit");
        bringToFront(transpile->routingView());
        shooter.saveDock(window.transpileDock(), "transpile-routing");
    }

    // The warm-start pipeline on a 16-vertex 3-regular graph, sampled on local:ideal: the energy histogram.
    WarmstartPanel* warm = window.warmstartPanel();
    warm->sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::Generated));
    warm->familyBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::GraphFamily::Regular3));
    warm->verticesBox()->setValue(16);
    warm->graphSeedBox()->setValue(3);
    warm->depthBox()->setValue(2);
    warm->backendBox()->setCurrentIndex(warm->backendBox()->findText(QStringLiteral("local:ideal")));
    warm->shotsBox()->setValue(1000);
    warm->runsBox()->setValue(100);
    warm->iterationCapBox()->setValue(2000);
    warm->seedBox()->setValue(7);
    warm->runButton()->click();
    if (shooter.waitFor("the warm-start pipeline", [&] { return !warm->job()->isRunning(); }))
    {
        bringToFront(warm->histogramPlot());
        shooter.saveDock(window.warmstartDock(), "warmstart");
    }

    // Two jobs of the example submitted through the jobs panel: local:ideal at p = 2, then local:fez (shown).
    JobsPanel* jobs = window.jobsPanel();
    qint64 id = 0;
    QObject::connect(jobs, &JobsPanel::jobSubmitted, jobs, [&id](qint64 localId) { id = localId; });
    engine::JobSubmission submission;
    submission.instance = window.document()->instance();
    submission.lcrpEncoding.budgetSlackBits = window.document()->settings().budgetSlackBits;
    submission.backend = "local:fez";
    submission.p = 1;
    submission.shots = 2000;
    submission.instanceName = "paper-4x3";
    const auto completed = [&] {
        const int row = id > 0 ? jobs->model()->rowOf(id) : -1;
        return row >= 0
               && jobs->model()->data(jobs->model()->index(row, JobTableModel::StatusColumn)).toString()
                      == QStringLiteral("Completed");
    };
    engine::JobSubmission ideal = submission;
    ideal.backend = "local:ideal";
    ideal.p = 2;
    jobs->submit(ideal);
    if (shooter.waitFor("the local:ideal job", completed)) {
        id = 0;
        jobs->submit(submission);
        if (shooter.waitFor("the local:fez job", completed))
            shooter.saveDock(window.jobsDock(), "jobs");
    }

    return shooter.ok() ? 0 : 1;
}
