// SPDX-License-Identifier: MIT
// Translated headlines for engine error codes (the engine's own text is English detail for the log).
#pragma once

#include "core/error.h"

#include <QString>

namespace workbench {

/// A short translated sentence for `code`, e.g. "The file could not be read or written."
QString errorCodeText(engine::ErrorCode code);

/// Headline plus the engine's place-and-detail text, for message boxes.
QString errorMessage(const engine::Error& error);

} // namespace workbench
