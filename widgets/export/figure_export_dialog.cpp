// SPDX-License-Identifier: MIT
// FigureExportDialog: the form, the path/format and unit synchronisation, the pixel-size read-out.
#include "export/figure_export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace workbench {

namespace {

/// Largest size the spin boxes accept (the options clamp further by DPI).
constexpr double MAX_SIZE_PX = 19200.0;

int formatIndex(FigureFormat format)
{
    return static_cast<int>(format);
}

FigureFormat formatAt(int index)
{
    return index == 1 ? FigureFormat::Svg : index == 2 ? FigureFormat::Pdf : FigureFormat::Png;
}

bool isKnownSuffix(const QString& suffix)
{
    return suffix == QLatin1String("png") || suffix == QLatin1String("svg") || suffix == QLatin1String("pdf");
}

} // namespace

FigureExportDialog::FigureExportDialog(const QString& title, const FigureOptions& options, const QString& path,
                                       const QSizeF& naturalSize, bool usesFont, QWidget* parent)
    : QDialog(parent)
    , m_naturalSize(naturalSize)
{
    setWindowTitle(tr("Export Figure: %1").arg(title));

    m_path = new QLineEdit(this);
    m_path->setToolTip(tr("The file to write; its suffix (.png, .svg, .pdf) picks the format"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image (raster, at the DPI below)"));
    m_format->addItem(tr("SVG drawing (vector)"));
    m_format->addItem(tr("PDF document (vector, one page)"));

    m_width = new QDoubleSpinBox(this);
    m_height = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* spin : {m_width, m_height}) {
        spin->setDecimals(1);
        spin->setKeyboardTracking(false);
    }
    m_unit = new QComboBox(this);
    m_unit->addItem(tr("mm"));
    m_unit->addItem(tr("px (1/96 inch)"));
    m_natural = new QPushButton(tr("Natural size"), this);
    m_natural->setToolTip(tr("The size at which every detail of the figure is shown"));
    m_natural->setVisible(!naturalSize.isEmpty());
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(FIGURE_MIN_DPI, FIGURE_MAX_DPI);
    m_dpi->setSuffix(tr(" DPI"));
    m_dpi->setToolTip(tr("Pixels per inch of a PNG; SVG and PDF are vector drawings of the physical size"));
    m_pixels = new QLabel(this);

    m_font = new QFontComboBox(this);
    m_fontSize = new QDoubleSpinBox(this);
    m_fontSize->setRange(FIGURE_MIN_POINT_SIZE, FIGURE_MAX_POINT_SIZE);
    m_fontSize->setDecimals(1);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setToolTip(tr("Size of the axis labels; tick labels and legends are a little smaller"));
    if (!usesFont) {
        const QString why = tr("This figure keeps its own fonts, which its layout depends on");
        m_font->setEnabled(false);
        m_fontSize->setEnabled(false);
        m_font->setToolTip(why);
        m_fontSize->setToolTip(why);
    }
    m_style = new QComboBox(this);
    m_style->addItem(tr("Light (as on screen)"));
    m_style->addItem(tr("Print (white, black axes, thicker lines, colour-blind safe colours)"));
    m_csv = new QCheckBox(tr("Also write the plotted data as CSV (same name, .csv)"), this);

    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(m_browse);
    auto* size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    size->addWidget(m_unit);
    size->addWidget(m_natural);
    auto* font = new QHBoxLayout;
    font->addWidget(m_font, 1);
    font->addWidget(m_fontSize);
    auto* form = new QFormLayout;
    form->addRow(tr("File:"), file);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Size:"), size);
    form->addRow(tr("Resolution:"), m_dpi);
    form->addRow(QString(), m_pixels);
    form->addRow(tr("Font:"), font);
    form->addRow(tr("Style:"), m_style);
    form->addRow(QString(), m_csv);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    setOptions(options);
    setPath(path);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &FigureExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &FigureExportDialog::onPathEdited);
    connect(m_format, &QComboBox::currentIndexChanged, this, &FigureExportDialog::onFormatChanged);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &FigureExportDialog::onUnitChanged);
    connect(m_width, &QDoubleSpinBox::valueChanged, this, &FigureExportDialog::updateSummary);
    connect(m_height, &QDoubleSpinBox::valueChanged, this, &FigureExportDialog::updateSummary);
    connect(m_dpi, &QSpinBox::valueChanged, this, &FigureExportDialog::updateSummary);
    connect(m_natural, &QPushButton::clicked, this, [this] {
        FigureOptions current = this->options();
        current.setLogicalSize(m_naturalSize);
        const QSignalBlocker blockWidth(m_width);
        const QSignalBlocker blockHeight(m_height);
        m_width->setValue(current.width);
        m_height->setValue(current.height);
        updateSummary();
    });
    onPathEdited();
}

FigureExportDialog::~FigureExportDialog() = default;

QPushButton* FigureExportDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

FigureOptions FigureExportDialog::options() const
{
    FigureOptions options;
    options.format = formatAt(m_format->currentIndex());
    options.unit = m_shownUnit;
    options.width = m_width->value();
    options.height = m_height->value();
    options.dpi = m_dpi->value();
    options.fontFamily = m_font->currentFont().family();
    options.fontPointSize = m_fontSize->value();
    options.style = m_style->currentIndex() == 1 ? FigureStyle::Print : FigureStyle::Light;
    options.writeCsv = m_csv->isChecked();
    return options.sanitized();
}

void FigureExportDialog::setOptions(const FigureOptions& requested)
{
    const FigureOptions options = requested.sanitized();
    const QSignalBlocker blockFormat(m_format);
    const QSignalBlocker blockUnit(m_unit);
    const QSignalBlocker blockWidth(m_width);
    const QSignalBlocker blockHeight(m_height);
    const QSignalBlocker blockDpi(m_dpi);
    m_format->setCurrentIndex(formatIndex(options.format));
    m_shownUnit = options.unit;
    m_unit->setCurrentIndex(options.unit == FigureUnit::Pixels ? 1 : 0);
    const double maxSide = options.unit == FigureUnit::Pixels ? MAX_SIZE_PX : MAX_SIZE_PX / FIGURE_LOGICAL_DPI * 25.4;
    for (QDoubleSpinBox* spin : {m_width, m_height})
        spin->setRange(1.0, maxSide);
    m_width->setValue(options.width);
    m_height->setValue(options.height);
    m_dpi->setValue(options.dpi);
    m_font->setCurrentFont(QFont(options.fontFamily.isEmpty() ? QApplication::font().family() : options.fontFamily));
    m_fontSize->setValue(options.fontPointSize);
    m_style->setCurrentIndex(options.style == FigureStyle::Print ? 1 : 0);
    m_csv->setChecked(options.writeCsv);
    updateSummary();
}

QString FigureExportDialog::path() const
{
    return m_path->text().trimmed();
}

void FigureExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

QString FigureExportDialog::pixelSizeText() const
{
    const FigureOptions current = options();
    const QSize pixels = current.pixelSize();
    const QSizeF mm = current.millimetreSize();
    const QLocale locale;
    return tr("= %1 × %2 px at %3 DPI (%4 × %5 mm)")
        .arg(pixels.width())
        .arg(pixels.height())
        .arg(current.dpi)
        .arg(locale.toString(mm.width(), 'f', 1), locale.toString(mm.height(), 'f', 1));
}

void FigureExportDialog::browse()
{
    const FigureFormat format = formatAt(m_format->currentIndex());
    const QString filters = tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
    QString selected = filters.split(QStringLiteral(";;")).value(formatIndex(format));
    const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), filters, &selected);
    if (chosen.isEmpty())
        return;
    QString result = chosen;
    if (QFileInfo(chosen).suffix().isEmpty())
        result += selected.contains(QLatin1String("*.svg"))   ? QStringLiteral(".svg")
                : selected.contains(QLatin1String("*.pdf")) ? QStringLiteral(".pdf")
                                                            : QStringLiteral(".png");
    setPath(result);
}

void FigureExportDialog::onPathEdited()
{
    const QString suffix = QFileInfo(path()).suffix().toLower();
    if (isKnownSuffix(suffix)) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(formatIndex(figureFormatForPath(path())));
    }
    saveButton()->setEnabled(!path().isEmpty());
    updateSummary();
}

void FigureExportDialog::onFormatChanged()
{
    const QString wanted = figureFormatSuffix(formatAt(m_format->currentIndex()));
    QString current = path();
    if (current.isEmpty())
        return;
    const QFileInfo info(current);
    if (isKnownSuffix(info.suffix().toLower()))
        current.chop(info.suffix().size() + 1);
    const QSignalBlocker block(m_path);
    m_path->setText(current + QLatin1Char('.') + wanted);
    updateSummary();
}

void FigureExportDialog::onUnitChanged()
{
    FigureOptions current;
    current.unit = m_shownUnit;
    current.width = m_width->value();
    current.height = m_height->value();
    const QSizeF inches = current.sizeInches();
    FigureOptions converted = current;
    converted.unit = m_unit->currentIndex() == 1 ? FigureUnit::Pixels : FigureUnit::Millimetres;
    converted.setLogicalSize(inches * FIGURE_LOGICAL_DPI);
    m_shownUnit = converted.unit;
    const double maxSide = converted.unit == FigureUnit::Pixels ? MAX_SIZE_PX : MAX_SIZE_PX / FIGURE_LOGICAL_DPI * 25.4;
    const QSignalBlocker blockWidth(m_width);
    const QSignalBlocker blockHeight(m_height);
    for (QDoubleSpinBox* spin : {m_width, m_height})
        spin->setRange(1.0, maxSide);
    m_width->setValue(converted.width);
    m_height->setValue(converted.height);
    updateSummary();
}

void FigureExportDialog::updateSummary()
{
    m_pixels->setText(pixelSizeText());
}

} // namespace workbench
