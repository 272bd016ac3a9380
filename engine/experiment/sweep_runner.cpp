// SPDX-License-Identifier: MIT
// The sweep runner's worker loop: take a point, run it under its own RunControl, deliver its rows.
#include "experiment/sweep_runner.h"

#include "core/error.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

namespace engine {

SweepRunner::SweepRunner(ExperimentPlan plan, int threads)
    : m_plan(std::move(plan))
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::clamp(threads, 1, MAX_SWEEP_THREADS);
    m_threads = static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(threads),
                                                                                  m_plan.points.size())));
}

void SweepRunner::pause()
{
    m_paused.store(true);
}

void SweepRunner::resume()
{
    {
        const std::lock_guard lock(m_pauseMutex);
        m_paused.store(false);
    }
    m_resumed.notify_all();
}

void SweepRunner::cancel()
{
    {
        const std::lock_guard lock(m_pauseMutex);
        m_cancelled.store(true);
    }
    m_resumed.notify_all();
}

void SweepRunner::reportProgress(RunControl& control)
{
    const std::lock_guard lock(m_progressMutex);
    double running = 0.0;
    for (double f : m_fractions)
        running += f;
    control.reportProgress(static_cast<double>(m_done.load()) + running, static_cast<double>(m_plan.points.size()),
                           "points");
}

void SweepRunner::worker(RunControl& control, std::size_t slot)
{
    for (;;) {
        {
            std::unique_lock lock(m_pauseMutex);
            // NOTE: a paused runner still notices an outer cancel (a GUI bridge) at this coarse interval.
            while (m_paused.load() && !m_cancelled.load()) {
                m_resumed.wait_for(lock, std::chrono::milliseconds(50));
                if (control.isCancelled())
                    m_cancelled.store(true);
            }
        }
        if (m_cancelled.load() || control.isCancelled()) {
            m_cancelled.store(true);
            return;
        }
        const std::size_t index = m_next.fetch_add(1);
        if (index >= m_plan.points.size())
            return;
        const ExperimentPoint& point = m_plan.points[index];
        RunControl pointControl;
        pointControl.setCancelCallback([this, &control] { return m_cancelled.load() || control.isCancelled(); });
        pointControl.setProgressCallback([this, &control, slot](double done, double total, std::string_view) {
            if (!(total > 0.0))
                return;
            {
                const std::lock_guard lock(m_progressMutex);
                m_fractions[slot] = std::clamp(done / total, 0.0, 1.0);
            }
            reportProgress(control);
        });
        std::vector<ExperimentRow> rows;
        bool stopped = false;  // read right after the run: a cancel that comes later does not mark its rows
        try {
            rows = point.run(pointControl);
            stopped = pointControl.isCancelled();
        } catch (const std::exception& e) {
            ExperimentRow failed;
            failed.axes = point.axisValues;
            failed.axes.resize(m_plan.header.axes.size());
            failed.metrics.resize(m_plan.header.metrics.size());
            failed.status = ExperimentRowStatus::Failed;
            failed.error = e.what();
            rows = {std::move(failed)};
        }
        for (std::size_t k = 0; k < rows.size(); ++k) {
            rows[k].point = index;
            rows[k].sub = k;
            rows[k].axes.resize(m_plan.header.axes.size());
            rows[k].metrics.resize(m_plan.header.metrics.size());
            if (rows[k].status == ExperimentRowStatus::Ok && stopped)
                rows[k].status = ExperimentRowStatus::Cancelled;
        }
        {
            const std::lock_guard lock(m_rowMutex);
            for (const ExperimentRow& row : rows) {
                m_rows.push_back(row);
                if (m_onRow)
                    m_onRow(row);
            }
        }
        {
            const std::lock_guard lock(m_progressMutex);
            m_fractions[slot] = 0.0;
            m_done.fetch_add(1);
        }
        reportProgress(control);
    }
}

std::vector<ExperimentRow> SweepRunner::run(RunControl& control)
{
    m_rows.clear();
    m_next.store(0);
    m_done.store(0);
    m_fractions.assign(static_cast<std::size_t>(m_threads), 0.0);
    reportProgress(control);
    if (m_threads == 1) {
        worker(control, 0);
    } else {
        std::vector<std::thread> threads;
        threads.reserve(static_cast<std::size_t>(m_threads));
        for (int t = 0; t < m_threads; ++t)
            threads.emplace_back([this, &control, t] { worker(control, static_cast<std::size_t>(t)); });
        for (std::thread& t : threads)
            t.join();
    }
    std::vector<ExperimentRow> rows = std::move(m_rows);
    m_rows.clear();
    std::sort(rows.begin(), rows.end(), experimentRowBefore);
    return rows;
}

} // namespace engine
