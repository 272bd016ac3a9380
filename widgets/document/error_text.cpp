// SPDX-License-Identifier: MIT
// Translated headlines for engine error codes.
#include "document/error_text.h"

#include <QCoreApplication>

namespace workbench {

QString errorCodeText(engine::ErrorCode code)
{
    const auto text = [](const char* sentence) { return QCoreApplication::translate("Errors", sentence); };
    switch (code) {
    case engine::ErrorCode::InvalidArgument: return text(QT_TRANSLATE_NOOP("Errors", "An option is out of range."));
    case engine::ErrorCode::InvalidInput:
        return text(QT_TRANSLATE_NOOP("Errors", "The data break a rule of the format."));
    case engine::ErrorCode::Io: return text(QT_TRANSLATE_NOOP("Errors", "The file could not be read or written."));
    case engine::ErrorCode::LimitExceeded:
        return text(QT_TRANSLATE_NOOP("Errors", "The problem exceeds a size limit."));
    case engine::ErrorCode::Infeasible:
        return text(QT_TRANSLATE_NOOP("Errors", "The problem has no feasible solution."));
    case engine::ErrorCode::SolverFailure: return text(QT_TRANSLATE_NOOP("Errors", "The solver failed."));
    }
    return text(QT_TRANSLATE_NOOP("Errors", "Unknown error."));
}

QString errorMessage(const engine::Error& error)
{
    return errorCodeText(error.code()) + QLatin1Char('\n') + QString::fromStdString(error.what());
}

} // namespace workbench
