// SPDX-License-Identifier: MIT
// ExperimentTableModel: the rows of a running or finished experiment as a table that grows live.
#pragma once

#include "experiment/experiment_row.h"

#include <QAbstractTableModel>

#include <vector>

namespace workbench {

/// Columns: the header's axes, then its metrics, then the status. Rows stay in (point, sub) order whatever order
/// they arrive in: each new row is inserted at its place (beginInsertRows). Display texts are numbers with six
/// significant digits (rates as they are, not as percentages); Qt::UserRole gives the cell as a double (NaN when
/// empty or a text) for sorting and plots; the status column's tool tip is a failed row's error.
class ExperimentTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit ExperimentTableModel(QObject* parent = nullptr);

    /// Sets the columns and removes every row (model reset).
    void setHeader(const engine::ExperimentHeader& header);
    /// Inserts `rows` at their places; a row with a (point, sub) already present replaces it.
    void addRows(const std::vector<engine::ExperimentRow>& rows);
    /// Removes every row (the columns stay).
    void clearRows();

    const engine::ExperimentHeader& header() const { return m_header; }
    const std::vector<engine::ExperimentRow>& rows() const { return m_rows; }

    /// The translated title of a column name ("valid_rate" -> "valid rate"); unknown names as they are.
    static QString columnTitle(const std::string& name);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const engine::ExperimentValue* cell(int row, int column) const;

    engine::ExperimentHeader m_header;
    std::vector<engine::ExperimentRow> m_rows;
};

} // namespace workbench
