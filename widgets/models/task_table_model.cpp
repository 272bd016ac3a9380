// SPDX-License-Identifier: MIT
// TaskTableModel: display, editor hints, validation and undoable edits of the task table.
#include "models/task_table_model.h"

#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "core/error.h"
#include "document/project_document.h"
#include "models/edit_value.h"
#include "models/editor_roles.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

QString formatNumber(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

TaskTableModel::TaskTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &ProjectDocument::aboutToChange, this, &TaskTableModel::onAboutToChange);
    connect(document, &ProjectDocument::changed, this, &TaskTableModel::onChanged);
}

QString TaskTableModel::complexityName(int level)
{
    switch (level) {
    case 1: return tr("trivial");
    case 2: return tr("simple");
    case 3: return tr("moderate");
    case 4: return tr("complex");
    case 5: return tr("expert");
    default: return QString::number(level);
    }
}

int TaskTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_document->instance().numTasks());
}

int TaskTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn: return tr("Task");
        case ComplexityColumn: return tr("Complexity");
        case TokensColumn: return tr("Tokens");
        case QMinColumn: return tr("Min. quality");
        case LatencySlaColumn: return tr("Latency SLA");
        case AllowedColumn: return tr("Allowed models");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn: return tr("Unique task label");
        case ComplexityColumn:
            return tr("Complexity class 1 (trivial) to 5 (expert); sets the default quality and latency "
                      "requirements");
        case TokensColumn: return tr("Estimated tokens k_i; the cost of model j is p_j k_i / 1000");
        case QMinColumn: return tr("Minimum model quality q_min; grey values are the class default");
        case LatencySlaColumn: return tr("Latency service level in ms; grey values are the class default");
        case AllowedColumn: return tr("Models meeting quality, latency and context window of this task");
        default: return {};
        }
    }
    return {};
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() != AllowedColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TaskTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const engine::LcrpInstance& instance = m_document->instance();
    const auto row = static_cast<std::size_t>(index.row());
    const engine::LcrpTask& task = instance.tasks[row];
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn: return QString::fromStdString(task.id);
        case ComplexityColumn:
            return QStringLiteral("%1 · %2").arg(task.complexity).arg(complexityName(task.complexity));
        case TokensColumn: return formatNumber(task.tokens, task.tokens == std::floor(task.tokens) ? 0 : 1);
        case QMinColumn: return formatNumber(instance.qMin(row), 2);
        case LatencySlaColumn: return tr("%1 ms").arg(formatNumber(instance.latencySlaMs(row), 0));
        case AllowedColumn: {
            int allowed = 0;
            for (std::size_t j = 0; j < instance.numModels(); ++j)
                allowed += instance.allowed(row, j) ? 1 : 0;
            return tr("%1 of %2").arg(allowed).arg(instance.numModels());
        }
        default: return {};
        }
    case Qt::EditRole:
        switch (column) {
        case IdColumn: return QString::fromStdString(task.id);
        case ComplexityColumn: return task.complexity;
        case TokensColumn: return task.tokens;
        case QMinColumn: return task.qMin ? QVariant(*task.qMin) : QVariant();
        case LatencySlaColumn: return task.latencySlaMs ? QVariant(*task.latencySlaMs) : QVariant();
        default: return {};
        }
    case Qt::TextAlignmentRole:
        return column == IdColumn || column == ComplexityColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((column == QMinColumn && !task.qMin) || (column == LatencySlaColumn && !task.latencySlaMs))
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        if (column == AllowedColumn) {
            bool any = false;
            for (std::size_t j = 0; j < instance.numModels(); ++j)
                any = any || instance.allowed(row, j);
            if (!any)
                return QBrush(QColor(0xc0, 0x20, 0x20));
        }
        return {};
    case Qt::FontRole:
        if ((column == QMinColumn && !task.qMin) || (column == LatencySlaColumn && !task.latencySlaMs)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == QMinColumn && !task.qMin)
            return tr("Default of complexity class %1").arg(task.complexity);
        if (column == LatencySlaColumn && !task.latencySlaMs)
            return tr("Default of complexity class %1").arg(task.complexity);
        if (column == AllowedColumn) {
            QStringList names;
            for (std::size_t j = 0; j < instance.numModels(); ++j)
                if (instance.allowed(row, j))
                    names << QString::fromStdString(instance.models[j].name);
            return names.isEmpty() ? tr("No model meets every requirement of this task")
                                   : names.join(QStringLiteral(", "));
        }
        return {};
    case EditorMinimumRole:
        switch (column) {
        case ComplexityColumn: return 1;
        case TokensColumn: return 1.0;
        case QMinColumn: return 0.0;
        case LatencySlaColumn: return 1.0;
        default: return {};
        }
    case EditorMaximumRole:
        switch (column) {
        case ComplexityColumn: return 5;
        case TokensColumn: return MAX_TASK_TOKENS;
        case QMinColumn: return 1.0;
        case LatencySlaColumn: return MAX_LATENCY_MS;
        default: return {};
        }
    case EditorDecimalsRole:
        return column == QMinColumn ? 2 : 0;
    case EditorStepRole:
        switch (column) {
        case TokensColumn: return 100.0;
        case QMinColumn: return 0.01;
        case LatencySlaColumn: return 100.0;
        default: return 1;
        }
    case EditorSuffixRole:
        return column == LatencySlaColumn ? tr(" ms") : QString();
    case EditorDefaultTextRole:
        return column == QMinColumn || column == LatencySlaColumn ? tr("class default") : QString();
    default:
        return {};
    }
}

bool TaskTableModel::reject(const QString& message)
{
    emit validationFailed(message);
    return false;
}

bool TaskTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount() || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int row = index.row();
    const engine::LcrpInstance& instance = m_document->instance();
    engine::LcrpTask task = instance.tasks[static_cast<std::size_t>(row)];
    const QString taskLabel = QString::fromStdString(task.id);
    double number = 0.0;

    switch (index.column()) {
    case IdColumn: {
        const std::string id = value.toString().trimmed().toStdString();
        if (id.empty())
            return reject(tr("A task needs a non-empty id."));
        for (std::size_t i = 0; i < instance.numTasks(); ++i)
            if (static_cast<int>(i) != row && instance.tasks[i].id == id)
                return reject(tr("The task id \"%1\" is already used.").arg(QString::fromStdString(id)));
        task.id = id;
        break;
    }
    case ComplexityColumn:
        if (!editValueToNumber(value, number) || number != std::floor(number) || number < 1 || number > 5)
            return reject(tr("Complexity must be a whole number from 1 to 5."));
        task.complexity = static_cast<int>(number);
        break;
    case TokensColumn:
        if (!editValueToNumber(value, number) || !(number > 0.0) || number > MAX_TASK_TOKENS)
            return reject(tr("Tokens must be a number greater than 0 and at most %1.").arg(MAX_TASK_TOKENS, 0, 'g'));
        task.tokens = number;
        break;
    case QMinColumn:
        if (editValueIsUnset(value)) {
            task.qMin.reset();
        } else {
            if (!editValueToNumber(value, number) || number < 0.0 || number > 1.0)
                return reject(tr("The minimum quality must lie between 0 and 1."));
            task.qMin = number;
        }
        break;
    case LatencySlaColumn:
        if (editValueIsUnset(value)) {
            task.latencySlaMs.reset();
        } else {
            if (!editValueToNumber(value, number) || !(number > 0.0) || number > MAX_LATENCY_MS)
                return reject(tr("The latency SLA must be a number of milliseconds greater than 0."));
            task.latencySlaMs = number;
        }
        break;
    default:
        return false;
    }

    // The field rules above mirror the engine's; its validate() on the edited copy is the final word.
    engine::LcrpInstance candidate = instance;
    candidate.tasks[static_cast<std::size_t>(row)] = task;
    try {
        candidate.validate();
    } catch (const engine::Error& e) {
        return reject(tr("Rejected: %1").arg(QString::fromStdString(e.what())));
    }

    const QString text = QCoreApplication::translate("UndoCommands", "Change Task %1").arg(taskLabel);
    switch (index.column()) {
    case IdColumn: pushChangeValue(m_document, TaskField<&engine::LcrpTask::id>{row}, task.id, text); break;
    case ComplexityColumn:
        pushChangeValue(m_document, TaskField<&engine::LcrpTask::complexity>{row}, task.complexity, text);
        break;
    case TokensColumn: pushChangeValue(m_document, TaskField<&engine::LcrpTask::tokens>{row}, task.tokens, text); break;
    case QMinColumn: pushChangeValue(m_document, TaskField<&engine::LcrpTask::qMin>{row}, task.qMin, text); break;
    case LatencySlaColumn:
        pushChangeValue(m_document, TaskField<&engine::LcrpTask::latencySlaMs>{row}, task.latencySlaMs, text);
        break;
    default: break;
    }
    return true;
}

void TaskTableModel::onAboutToChange(const ChangeEvent& event)
{
    switch (event.kind) {
    case ChangeEvent::Kind::Reset: beginResetModel(); break;
    case ChangeEvent::Kind::TaskInserted: beginInsertRows({}, event.index, event.index); break;
    case ChangeEvent::Kind::TaskRemoved: beginRemoveRows({}, event.index, event.index); break;
    default: break;
    }
}

void TaskTableModel::onChanged(const ChangeEvent& event)
{
    switch (event.kind) {
    case ChangeEvent::Kind::Reset: endResetModel(); break;
    case ChangeEvent::Kind::TaskInserted: endInsertRows(); break;
    case ChangeEvent::Kind::TaskRemoved: endRemoveRows(); break;
    case ChangeEvent::Kind::TaskChanged:
        emit dataChanged(index(event.index, 0), index(event.index, ColumnCount - 1));
        break;
    case ChangeEvent::Kind::ModelChanged:
    case ChangeEvent::Kind::ModelInserted:
    case ChangeEvent::Kind::ModelRemoved:
        // Which models a task allows depends on every model.
        if (rowCount() > 0)
            emit dataChanged(index(0, AllowedColumn), index(rowCount() - 1, AllowedColumn));
        break;
    default: break;
    }
}

} // namespace workbench
