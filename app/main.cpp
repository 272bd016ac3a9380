// SPDX-License-Identifier: MIT
// qaoa-workbench entry point: application setup, command line, language and preferences, main window, --screenshot.
#include "command_line.h"
#include "language_manager.h"

#include "main_window.h"
#include "startup_probe.h"
#include "preferences/app_preferences.h"

#include "gnn/gnn_predictor.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    // Fractional scale factors (125 %, 150 %) as the desktop sets them, not rounded: custom painting uses the
    // device pixel ratio, so nothing gets blurry.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench"));
    QCoreApplication::setApplicationName(QStringLiteral("qaoa-workbench"));
    // Lets Wayland compositors match the windows to the installed desktop entry (and its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.qaoaworkbench.QaoaWorkbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QAOA_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qaoa-workbench.svg")));
    engine::installGnnAnglePredictor();  // the QAOA panel's "Predicted (GNN)" angles (engine::AngleMethod::Gnn)

    const QStringList arguments = QCoreApplication::arguments();
    app::LanguageManager languages;
    // --lang beats the language preference, which beats the system locale. The palette and the other
    // preferences are applied by the main window.
    const QString language = app::LanguageManager::resolveLanguage(app::CommandLine::scanLanguage(arguments),
                                                                   workbench::AppPreferences::load().language);
    if (!languages.install(language))
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "No translation for \"%1\"; using English.")
                                    .arg(language)));

    app::CommandLine commandLine;
    switch (commandLine.parse(arguments)) {
    case app::CommandLine::Result::ExitOk: return 0;
    case app::CommandLine::Result::ExitError: return 1;
    case app::CommandLine::Result::Run: break;
    }
    const app::CommandLineOptions& options = commandLine.options();
    const bool screenshot = !options.screenshotFile.isEmpty();

    workbench::MainWindowOptions windowOptions;
    windowOptions.interactive = !screenshot;
    windowOptions.offerRecovery = !options.noRecovery;
    windowOptions.persistLayout = !screenshot;
    workbench::MainWindow window(windowOptions);
    window.openInitial(options.projectFile);
    // QAOA_WORKBENCH_STARTUP_PROBE=1: print the time to the first painted frame and exit (tests/bench/gui_startup).
    workbench::installStartupProbe(&window);
    window.show();

    if (screenshot) {
        window.resize(1400, 900);
        // Give layouts, the queued heat-map rebuild and the replot time to settle before grabbing.
        QTimer::singleShot(500, &window, [&window, &options] {
            if (!window.saveScreenshot(options.screenshotFile)) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate("CommandLine", "Cannot write the screenshot to %1.")
                                            .arg(options.screenshotFile)));
                QCoreApplication::exit(2);
                return;
            }
            QCoreApplication::exit(0);
        });
    }
    return QApplication::exec();
}
