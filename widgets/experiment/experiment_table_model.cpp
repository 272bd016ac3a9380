// SPDX-License-Identifier: MIT
// ExperimentTableModel: ordered live insertion, cell texts and translated column titles.
#include "experiment/experiment_table_model.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace workbench {

ExperimentTableModel::ExperimentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ExperimentTableModel::setHeader(const engine::ExperimentHeader& header)
{
    beginResetModel();
    m_header = header;
    m_rows.clear();
    endResetModel();
}

void ExperimentTableModel::addRows(const std::vector<engine::ExperimentRow>& rows)
{
    for (const engine::ExperimentRow& row : rows) {
        const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), row, engine::experimentRowBefore);
        const int at = static_cast<int>(it - m_rows.begin());
        if (it != m_rows.end() && it->point == row.point && it->sub == row.sub) {
            *it = row;
            emit dataChanged(index(at, 0), index(at, columnCount() - 1));
            continue;
        }
        beginInsertRows({}, at, at);
        m_rows.insert(it, row);
        endInsertRows();
    }
}

void ExperimentTableModel::clearRows()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString ExperimentTableModel::columnTitle(const std::string& name)
{
    // Static table of translatable titles; QT_TRANSLATE_NOOP keeps them visible to lupdate.
    static const QHash<QString, const char*> titles{
        {QStringLiteral("p"), QT_TRANSLATE_NOOP("ExperimentTableModel", "p")},
        {QStringLiteral("mixer"), QT_TRANSLATE_NOOP("ExperimentTableModel", "mixer")},
        {QStringLiteral("tasks"), QT_TRANSLATE_NOOP("ExperimentTableModel", "tasks")},
        {QStringLiteral("shots"), QT_TRANSLATE_NOOP("ExperimentTableModel", "shots")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("ExperimentTableModel", "seed")},
        {QStringLiteral("params"), QT_TRANSLATE_NOOP("ExperimentTableModel", "angles")},
        {QStringLiteral("filter"), QT_TRANSLATE_NOOP("ExperimentTableModel", "filter")},
        {QStringLiteral("backend"), QT_TRANSLATE_NOOP("ExperimentTableModel", "backend")},
        {QStringLiteral("objective"), QT_TRANSLATE_NOOP("ExperimentTableModel", "objective")},
        {QStringLiteral("lambda_q"), QT_TRANSLATE_NOOP("ExperimentTableModel", "λ_Q")},
        {QStringLiteral("lambda_a"), QT_TRANSLATE_NOOP("ExperimentTableModel", "λ_A")},
        {QStringLiteral("lambda_b"), QT_TRANSLATE_NOOP("ExperimentTableModel", "λ_B")},
        {QStringLiteral("lambda_l"), QT_TRANSLATE_NOOP("ExperimentTableModel", "λ_L")},
        {QStringLiteral("lambda_c"), QT_TRANSLATE_NOOP("ExperimentTableModel", "λ_C")},
        {QStringLiteral("qubits"), QT_TRANSLATE_NOOP("ExperimentTableModel", "qubits")},
        {QStringLiteral("variables"), QT_TRANSLATE_NOOP("ExperimentTableModel", "variables")},
        {QStringLiteral("expectation"), QT_TRANSLATE_NOOP("ExperimentTableModel", "⟨H⟩")},
        {QStringLiteral("approximation_ratio"), QT_TRANSLATE_NOOP("ExperimentTableModel", "AR")},
        {QStringLiteral("ar_star"), QT_TRANSLATE_NOOP("ExperimentTableModel", "AR*")},
        {QStringLiteral("optimum_probability"), QT_TRANSLATE_NOOP("ExperimentTableModel", "P(optimum)")},
        {QStringLiteral("valid_rate"), QT_TRANSLATE_NOOP("ExperimentTableModel", "valid rate")},
        {QStringLiteral("random_valid_rate"), QT_TRANSLATE_NOOP("ExperimentTableModel", "random valid rate")},
        {QStringLiteral("valid_rate_exact"), QT_TRANSLATE_NOOP("ExperimentTableModel", "valid rate (exact)")},
        {QStringLiteral("feasible_rate"), QT_TRANSLATE_NOOP("ExperimentTableModel", "feasible rate")},
        {QStringLiteral("best_valid_cost_usd"), QT_TRANSLATE_NOOP("ExperimentTableModel", "best valid cost (USD)")},
        {QStringLiteral("evaluations"), QT_TRANSLATE_NOOP("ExperimentTableModel", "evaluations")},
        {QStringLiteral("seconds"), QT_TRANSLATE_NOOP("ExperimentTableModel", "seconds")},
        {QStringLiteral("q_factor"), QT_TRANSLATE_NOOP("ExperimentTableModel", "Q-factor")},
        {QStringLiteral("q_kind"), QT_TRANSLATE_NOOP("ExperimentTableModel", "Q kind")},
        {QStringLiteral("q_low"), QT_TRANSLATE_NOOP("ExperimentTableModel", "Q lower")},
        {QStringLiteral("q_high"), QT_TRANSLATE_NOOP("ExperimentTableModel", "Q upper")},
        {QStringLiteral("optimum"), QT_TRANSLATE_NOOP("ExperimentTableModel", "optimum")},
        {QStringLiteral("paper_valid_rate"), QT_TRANSLATE_NOOP("ExperimentTableModel", "paper valid rate")},
        {QStringLiteral("paper_cost_usd"), QT_TRANSLATE_NOOP("ExperimentTableModel", "paper cost (USD)")},
        {QStringLiteral("swaps"), QT_TRANSLATE_NOOP("ExperimentTableModel", "swaps")},
        {QStringLiteral("router"), QT_TRANSLATE_NOOP("ExperimentTableModel", "router")},
        {QStringLiteral("device"), QT_TRANSLATE_NOOP("ExperimentTableModel", "device")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("ExperimentTableModel", "status")},
    };
    const QString key = QString::fromStdString(name);
    const auto it = titles.constFind(key);
    return it == titles.constEnd() ? key : QCoreApplication::translate("ExperimentTableModel", it.value());
}

int ExperimentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExperimentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_header.axes.size() + m_header.metrics.size() + 1);
}

const engine::ExperimentValue* ExperimentTableModel::cell(int row, int column) const
{
    const engine::ExperimentRow& r = m_rows[static_cast<std::size_t>(row)];
    const auto c = static_cast<std::size_t>(column);
    if (c < m_header.axes.size())
        return c < r.axes.size() ? &r.axes[c] : nullptr;
    const std::size_t m = c - m_header.axes.size();
    return m < r.metrics.size() ? &r.metrics[m] : nullptr;
}

QVariant ExperimentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const engine::ExperimentRow& row = m_rows[static_cast<std::size_t>(index.row())];
    const bool statusColumn = index.column() == columnCount() - 1;
    if (statusColumn) {
        if (role == Qt::DisplayRole) {
            switch (row.status) {
            case engine::ExperimentRowStatus::Ok:
                return tr("ok");
            case engine::ExperimentRowStatus::Cancelled:
                return tr("cancelled");
            case engine::ExperimentRowStatus::Failed:
                return tr("failed");
            }
        }
        if (role == Qt::ToolTipRole && !row.error.empty())
            return QString::fromStdString(row.error);
        return {};
    }
    const engine::ExperimentValue* value = cell(index.row(), index.column());
    if (role == Qt::UserRole)
        return value ? engine::experimentValueNumber(*value) : std::numeric_limits<double>::quiet_NaN();
    if (role == Qt::TextAlignmentRole && value && std::holds_alternative<double>(*value))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole || value == nullptr)
        return {};
    if (const auto* number = std::get_if<double>(value))
        return std::isfinite(*number) ? QString::number(*number, 'g', 6) : QString();
    if (const auto* text = std::get_if<std::string>(value))
        return QString::fromStdString(*text);
    return QString();
}

QVariant ExperimentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    const auto s = static_cast<std::size_t>(section);
    if (s < m_header.axes.size())
        return columnTitle(m_header.axes[s]);
    if (s - m_header.axes.size() < m_header.metrics.size())
        return columnTitle(m_header.metrics[s - m_header.axes.size()]);
    return tr("status");
}

} // namespace workbench
