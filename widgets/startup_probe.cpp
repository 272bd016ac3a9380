// SPDX-License-Identifier: MIT
// Startup probe: with QAOA_WORKBENCH_STARTUP_PROBE=1, prints the time from process start to the first painted window and quits.
#include "startup_probe.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QMetaObject>
#include <QWidget>

#include <cstdio>
#include <ctime>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

namespace workbench {

namespace {

/// Started when the library's static objects are built, before main(): the fallback clock.
const QElapsedTimer& staticInitTimer()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}
[[maybe_unused]] const QElapsedTimer& STATIC_INIT_TOUCH = staticInitTimer();

/// The process start in milliseconds after boot, from field 22 of /proc/self/stat; nothing off Linux or when it
/// cannot be read.
std::optional<double> processStartAfterBootMs()
{
#if defined(Q_OS_LINUX)
    static const std::optional<double> start = []() -> std::optional<double> {
        QFile stat(QStringLiteral("/proc/self/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            return std::nullopt;
        const QByteArray line = stat.readAll();
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            return std::nullopt;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        constexpr int STARTTIME_AFTER_PAREN = 22 - 3;  // field 22, counted from field 3
        if (fields.size() <= STARTTIME_AFTER_PAREN)
            return std::nullopt;
        bool ok = false;
        const qulonglong ticks = fields[STARTTIME_AFTER_PAREN].toULongLong(&ok);
        const long ticksPerSecond = sysconf(_SC_CLK_TCK);
        if (!ok || ticksPerSecond <= 0)
            return std::nullopt;
        return 1000.0 * static_cast<double>(ticks) / static_cast<double>(ticksPerSecond);
    }();
    return start;
#else
    return std::nullopt;
#endif
}

double bootTimeNowMs()
{
#if defined(Q_OS_LINUX)
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return 1000.0 * static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e6;
#else
    return 0.0;
#endif
}

/// Waits for the watched window's first paint event, then reports after that frame is done.
class StartupProbe final : public QObject {
public:
    explicit StartupProbe(QWidget* window) : QObject(window) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Paint || m_seen)
            return QObject::eventFilter(watched, event);
        m_seen = true;
        // NOTE: the filter runs before the paint; a queued call runs once the whole frame is painted and flushed.
        QMetaObject::invokeMethod(this, &StartupProbe::report, Qt::QueuedConnection);
        return QObject::eventFilter(watched, event);
    }

private:
    void report()
    {
        std::printf("first-paint-ms %.1f clock=%s\n", processUptimeMs(), processUptimeClock().constData());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    bool m_seen = false;
};

} // namespace

double processUptimeMs()
{
    if (const std::optional<double> start = processStartAfterBootMs())
        return bootTimeNowMs() - *start;
    return static_cast<double>(staticInitTimer().nsecsElapsed()) / 1e6;
}

QByteArray processUptimeClock()
{
    return processStartAfterBootMs() ? QByteArrayLiteral("proc-stat") : QByteArrayLiteral("static-init");
}

bool installStartupProbe(QWidget* window)
{
    const QByteArray value = qgetenv(STARTUP_PROBE_VARIABLE);
    if (window == nullptr || value.isEmpty() || value == "0")
        return false;
    window->installEventFilter(new StartupProbe(window));
    return true;
}

} // namespace workbench
