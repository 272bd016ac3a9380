// SPDX-License-Identifier: MIT
// The qaoa-workbench command line (QCommandLineParser): project file, --screenshot, --lang, --no-recovery.
#pragma once

#include <QString>
#include <QStringList>

namespace app {

/// What the command line asks for.
struct CommandLineOptions {
    QString projectFile;     ///< positional; empty: open the bundled example
    QString screenshotFile;  ///< --screenshot FILE: render the window to this PNG and exit
    QString language;        ///< --lang CODE ("de", "en"); empty: the system locale
    bool noRecovery = false; ///< --no-recovery (or QAOA_WORKBENCH_NO_RECOVERY=1): never offer an autosave
};

/// Parses the arguments. Help and version are printed here; errors go to stderr.
class CommandLine {
public:
    enum class Result { Run, ExitOk, ExitError };

    /// Parses `arguments` (argv as strings, program name first).
    Result parse(const QStringList& arguments);
    const CommandLineOptions& options() const { return m_options; }

    /// The value of --lang (or --lang=CODE) found by a plain scan, so translators can be installed before the
    /// translated help text is built. Empty when absent.
    static QString scanLanguage(const QStringList& arguments);

private:
    CommandLineOptions m_options;
};

} // namespace app
