// SPDX-License-Identifier: MIT
// Startup probe: with QAOA_WORKBENCH_STARTUP_PROBE=1, prints the time from process start to the first painted window and quits.
#pragma once

#include <QByteArray>

class QWidget;

namespace workbench {

/// The environment variable that turns the probe on (any value but empty or "0").
inline constexpr const char* STARTUP_PROBE_VARIABLE = "QAOA_WORKBENCH_STARTUP_PROBE";

/// Milliseconds since this process started. On Linux from /proc/self/stat's starttime against CLOCK_BOOTTIME
/// (so dynamic loading and static initialisation count; resolution one clock tick, usually 10 ms); elsewhere
/// from the static initialisation of the workbench library. Thread-safe.
double processUptimeMs();
/// Which clock processUptimeMs() used: "proc-stat" or "static-init".
QByteArray processUptimeClock();

/// When STARTUP_PROBE_VARIABLE is set, watches `window` (a top-level widget, usually the MainWindow): on its first
/// paint event it lets that frame finish, writes "first-paint-ms <n> clock=<clock>" and a newline to stdout
/// (n from processUptimeMs(), one decimal) and quits the application with exit code 0. Without the variable it
/// does nothing. Returns whether the probe was installed. Call it once, before the window is shown.
bool installStartupProbe(QWidget* window);

} // namespace workbench
