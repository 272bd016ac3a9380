// SPDX-License-Identifier: MIT
// FigureExportDialog: file, format, size, resolution, font, style and CSV choice for one figure export.
#pragma once

#include "export/figure_options.h"

#include <QDialog>
#include <QSizeF>
#include <QString>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace workbench {

/// Edits a FigureOptions and the target path. The format follows the path's suffix (png, svg, pdf) and the format
/// combo rewrites the suffix; changing the unit converts width and height; the line under the size shows the PNG's
/// pixels. "Natural size" (shown when the figure has one) sets the size that shows all of the figure's detail.
/// The font controls are disabled for figures that keep their own fonts. Save is enabled when a path is given.
class FigureExportDialog final : public QDialog {
    Q_OBJECT

public:
    /// `naturalSize`: in logical pixels, empty for none; `usesFont`: whether the font controls apply.
    FigureExportDialog(const QString& title, const FigureOptions& options, const QString& path,
                       const QSizeF& naturalSize, bool usesFont, QWidget* parent = nullptr);
    ~FigureExportDialog() override;

    /// The options as edited (format from the combo, which follows the path), sanitized.
    FigureOptions options() const;
    void setOptions(const FigureOptions& options);
    QString path() const;
    void setPath(const QString& path);

    QLineEdit* pathEdit() const { return m_path; }
    QComboBox* formatCombo() const { return m_format; }
    QComboBox* unitCombo() const { return m_unit; }
    QDoubleSpinBox* widthSpin() const { return m_width; }
    QDoubleSpinBox* heightSpin() const { return m_height; }
    QSpinBox* dpiSpin() const { return m_dpi; }
    QFontComboBox* fontCombo() const { return m_font; }
    QDoubleSpinBox* fontSizeSpin() const { return m_fontSize; }
    QComboBox* styleCombo() const { return m_style; }
    QCheckBox* csvCheck() const { return m_csv; }
    QPushButton* naturalSizeButton() const { return m_natural; }
    QPushButton* saveButton() const;
    /// "= 1890 × 1181 px at 300 DPI" for the current size.
    QString pixelSizeText() const;

private:
    void browse();
    void onPathEdited();
    void onFormatChanged();
    void onUnitChanged();
    void updateSummary();

    QSizeF m_naturalSize;
    FigureUnit m_shownUnit = FigureUnit::Millimetres;
    QLineEdit* m_path = nullptr;
    QPushButton* m_browse = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_unit = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_height = nullptr;
    QPushButton* m_natural = nullptr;
    QSpinBox* m_dpi = nullptr;
    QLabel* m_pixels = nullptr;
    QFontComboBox* m_font = nullptr;
    QDoubleSpinBox* m_fontSize = nullptr;
    QComboBox* m_style = nullptr;
    QCheckBox* m_csv = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace workbench
