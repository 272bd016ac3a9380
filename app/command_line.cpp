// SPDX-License-Identifier: MIT
// The qaoa-workbench command line.
#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace app {

QString CommandLine::scanLanguage(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return {};
}

CommandLine::Result CommandLine::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "QAOA Workbench: edit LLM cascade routing problems, inspect their QUBO and solve them."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringList{QStringLiteral("screenshot")},
        QCoreApplication::translate("CommandLine", "Render the main window to a PNG <file> and exit."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption languageOption(
        QStringList{QStringLiteral("lang")},
        QCoreApplication::translate("CommandLine", "User interface language <code>, for example de or en."),
        QCoreApplication::translate("CommandLine", "code"));
    const QCommandLineOption noRecoveryOption(
        QStringList{QStringLiteral("no-recovery")},
        QCoreApplication::translate("CommandLine", "Do not offer to recover autosaved projects."));
    parser.addOption(screenshotOption);
    parser.addOption(languageOption);
    parser.addOption(noRecoveryOption);
    parser.addPositionalArgument(
        QCoreApplication::translate("CommandLine", "project"),
        QCoreApplication::translate("CommandLine", "Project file (.qwproj) to open; without it the example opens."),
        QCoreApplication::translate("CommandLine", "[project]"));

    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return Result::ExitError;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Result::ExitOk;
    }
    if (parser.isSet(versionOption)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return Result::ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "Give at most one project file.")));
        return Result::ExitError;
    }
    m_options.projectFile = positional.value(0);
    m_options.screenshotFile = parser.value(screenshotOption);
    m_options.language = parser.value(languageOption);
    m_options.noRecovery =
        parser.isSet(noRecoveryOption) || qEnvironmentVariableIntValue("QAOA_WORKBENCH_NO_RECOVERY") != 0;
    if (parser.isSet(screenshotOption) && m_options.screenshotFile.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "--screenshot needs a file name.")));
        return Result::ExitError;
    }
    return Result::Run;
}

} // namespace app
