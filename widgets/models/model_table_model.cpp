// SPDX-License-Identifier: MIT
// ModelTableModel: display, editor hints, validation and undoable edits of the model-tier table.
#include "models/model_table_model.h"

#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "core/error.h"
#include "document/project_document.h"
#include "models/edit_value.h"
#include "models/editor_roles.h"
#include "models/task_table_model.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace workbench {

ModelTableModel::ModelTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &ProjectDocument::aboutToChange, this, &ModelTableModel::onAboutToChange);
    connect(document, &ProjectDocument::changed, this, &ModelTableModel::onChanged);
}

int ModelTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_document->instance().numModels());
}

int ModelTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Model");
        case CostColumn: return tr("Price per 1K tokens");
        case QualityColumn: return tr("Quality");
        case LatencyColumn: return tr("Latency");
        case ContextColumn: return tr("Context window");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn: return tr("Unique model name");
        case CostColumn: return tr("Price p_j in USD per 1000 tokens");
        case QualityColumn: return tr("Quality score q_j from 0 to 1");
        case LatencyColumn: return tr("Average latency in ms");
        case ContextColumn: return tr("Context window in tokens; a task with more tokens does not fit");
        default: return {};
        }
    }
    return {};
}

Qt::ItemFlags ModelTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant ModelTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const engine::LcrpModel& model = m_document->instance().models[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return QString::fromStdString(model.name);
        case CostColumn: return tr("$%1").arg(locale.toString(model.costPer1kUsd, 'f', 3));
        case QualityColumn: return locale.toString(model.quality, 'f', 2);
        case LatencyColumn: return tr("%1 ms").arg(locale.toString(model.latencyMs, 'f', 0));
        case ContextColumn: return locale.toString(model.contextTokens, 'f', 0);
        default: return {};
        }
    case Qt::EditRole:
        switch (column) {
        case NameColumn: return QString::fromStdString(model.name);
        case CostColumn: return model.costPer1kUsd;
        case QualityColumn: return model.quality;
        case LatencyColumn: return model.latencyMs;
        case ContextColumn: return model.contextTokens;
        default: return {};
        }
    case Qt::TextAlignmentRole:
        return column == NameColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                    : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case EditorMinimumRole:
        switch (column) {
        case CostColumn: return 0.0;
        case QualityColumn: return 0.0;
        case LatencyColumn: return 0.0;
        case ContextColumn: return 1.0;
        default: return {};
        }
    case EditorMaximumRole:
        switch (column) {
        case CostColumn: return MAX_COST_PER_1K_USD;
        case QualityColumn: return 1.0;
        case LatencyColumn: return MAX_LATENCY_MS;
        case ContextColumn: return MAX_CONTEXT_TOKENS;
        default: return {};
        }
    case EditorDecimalsRole:
        switch (column) {
        case CostColumn: return 3;
        case QualityColumn: return 2;
        default: return 0;
        }
    case EditorStepRole:
        switch (column) {
        case CostColumn: return 0.05;
        case QualityColumn: return 0.01;
        case LatencyColumn: return 50.0;
        case ContextColumn: return 1024.0;
        default: return 1;
        }
    case EditorSuffixRole:
        return column == LatencyColumn ? tr(" ms") : QString();
    default:
        return {};
    }
}

bool ModelTableModel::reject(const QString& message)
{
    emit validationFailed(message);
    return false;
}

bool ModelTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount())
        return false;
    const int row = index.row();
    const engine::LcrpInstance& instance = m_document->instance();
    engine::LcrpModel model = instance.models[static_cast<std::size_t>(row)];
    const QString modelLabel = QString::fromStdString(model.name);
    double number = 0.0;

    switch (index.column()) {
    case NameColumn: {
        const std::string name = value.toString().trimmed().toStdString();
        if (name.empty())
            return reject(tr("A model needs a non-empty name."));
        for (std::size_t j = 0; j < instance.numModels(); ++j)
            if (static_cast<int>(j) != row && instance.models[j].name == name)
                return reject(tr("The model name \"%1\" is already used.").arg(QString::fromStdString(name)));
        model.name = name;
        break;
    }
    case CostColumn:
        if (!editValueToNumber(value, number) || number < 0.0 || number > MAX_COST_PER_1K_USD)
            return reject(tr("The price must be a number of USD from 0 to %1.").arg(MAX_COST_PER_1K_USD, 0, 'g'));
        model.costPer1kUsd = number;
        break;
    case QualityColumn:
        if (!editValueToNumber(value, number) || number < 0.0 || number > 1.0)
            return reject(tr("The quality must lie between 0 and 1."));
        model.quality = number;
        break;
    case LatencyColumn:
        if (!editValueToNumber(value, number) || number < 0.0 || number > MAX_LATENCY_MS)
            return reject(tr("The latency must be a number of milliseconds, 0 or more."));
        model.latencyMs = number;
        break;
    case ContextColumn:
        if (!editValueToNumber(value, number) || !(number > 0.0) || number > MAX_CONTEXT_TOKENS)
            return reject(tr("The context window must be a number of tokens greater than 0."));
        model.contextTokens = number;
        break;
    default:
        return false;
    }

    engine::LcrpInstance candidate = instance;
    candidate.models[static_cast<std::size_t>(row)] = model;
    try {
        candidate.validate();
    } catch (const engine::Error& e) {
        return reject(tr("Rejected: %1").arg(QString::fromStdString(e.what())));
    }

    const QString text = QCoreApplication::translate("UndoCommands", "Change Model %1").arg(modelLabel);
    switch (index.column()) {
    case NameColumn: pushChangeValue(m_document, ModelField<&engine::LcrpModel::name>{row}, model.name, text); break;
    case CostColumn:
        pushChangeValue(m_document, ModelField<&engine::LcrpModel::costPer1kUsd>{row}, model.costPer1kUsd, text);
        break;
    case QualityColumn:
        pushChangeValue(m_document, ModelField<&engine::LcrpModel::quality>{row}, model.quality, text);
        break;
    case LatencyColumn:
        pushChangeValue(m_document, ModelField<&engine::LcrpModel::latencyMs>{row}, model.latencyMs, text);
        break;
    case ContextColumn:
        pushChangeValue(m_document, ModelField<&engine::LcrpModel::contextTokens>{row}, model.contextTokens, text);
        break;
    default: break;
    }
    return true;
}

void ModelTableModel::onAboutToChange(const ChangeEvent& event)
{
    switch (event.kind) {
    case ChangeEvent::Kind::Reset: beginResetModel(); break;
    case ChangeEvent::Kind::ModelInserted: beginInsertRows({}, event.index, event.index); break;
    case ChangeEvent::Kind::ModelRemoved: beginRemoveRows({}, event.index, event.index); break;
    default: break;
    }
}

void ModelTableModel::onChanged(const ChangeEvent& event)
{
    switch (event.kind) {
    case ChangeEvent::Kind::Reset: endResetModel(); break;
    case ChangeEvent::Kind::ModelInserted: endInsertRows(); break;
    case ChangeEvent::Kind::ModelRemoved: endRemoveRows(); break;
    case ChangeEvent::Kind::ModelChanged:
        emit dataChanged(index(event.index, 0), index(event.index, ColumnCount - 1));
        break;
    default: break;
    }
}

} // namespace workbench
