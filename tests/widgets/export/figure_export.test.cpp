// SPDX-License-Identifier: MIT
// Tests of the shared figure export: writing with the CSV beside, failures, file stems, finding the focused figure.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way
#include "export/figure_export.h"

#include <QtTest>

#include "export/exportable_figure.h"
#include "export/figure_export_dialog.h"
#include "plots/qaoa_trace_plots.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>

using namespace workbench;

namespace {

/// A figure that records what it was asked to write.
class FakeFigure final : public QWidget, public ExportableFigure {
public:
    QString figureTitle() const override { return QStringLiteral("Fake: figure / 1"); }
    bool writeFigure(const QString& path, const FigureOptions& options) const override
    {
        lastOptions = options;
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("picture") == 7;
    }
    QString csvData() const override { return QStringLiteral("x,y\r\n1,2\r\n"); }

    mutable FigureOptions lastOptions;
};

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstFigureExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_figure_export"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void csvIsWrittenBesideWhenAsked()
    {
        FakeFigure figure;
        FigureOptions options;
        options.format = FigureFormat::Svg;
        const QString path = m_dir.filePath(QStringLiteral("plot.v1.svg"));
        QVERIFY(exportFigureTo(figure, path, options));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("plot.v1.csv"))));
        options.writeCsv = true;
        QVERIFY(exportFigureTo(figure, path, options));
        QCOMPARE(contents(path), QByteArray("picture"));
        QCOMPARE(contents(m_dir.filePath(QStringLiteral("plot.v1.csv"))), QByteArray("x,y\r\n1,2\r\n"));
        QCOMPARE(figure.lastOptions, options);
    }

    void failureNamesTheFile()
    {
        FakeFigure figure;
        QString error;
        QVERIFY(!exportFigureTo(figure, m_dir.filePath(QStringLiteral("none/p.png")), FigureOptions{}, &error));
        QVERIFY(error.contains(QStringLiteral("p.png")));
    }

    void fileStemsAreSafe()
    {
        QCOMPARE(figureFileStem(QStringLiteral("Fake: figure / 1")), QStringLiteral("fake-figure-1"));
        QCOMPARE(figureFileStem(QStringLiteral("Routing on ibm_fez")), QStringLiteral("routing-on-ibm_fez"));
        QCOMPARE(figureFileStem(QStringLiteral("F_opt(T)")), QStringLiteral("f_opt-t"));
        QCOMPARE(figureFileStem(QStringLiteral(" / ")), QStringLiteral("figure"));
    }

    void figureIsFoundAboveAChild()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* plot = new ValidRatePlot(&window);
        auto* other = new QLineEdit(&window);
        layout->addWidget(plot);
        layout->addWidget(other);
        QCOMPARE(exportableFigureAt(plot->customPlot()), static_cast<ExportableFigure*>(plot));
        QCOMPARE(exportableFigureAt(other), nullptr);
        QCOMPARE(exportableFigureAt(nullptr), nullptr);
    }

    void focusedFigureOpensTheDialog()
    {
        QMainWindow window;
        auto* central = new QWidget(&window);
        auto* layout = new QVBoxLayout(central);
        auto* plot = new QaoaConvergencePlot(central);
        auto* edit = new QLineEdit(central);
        layout->addWidget(plot);
        layout->addWidget(edit);
        window.setCentralWidget(central);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCursor::setPos(window.mapToGlobal(QPoint(-50, -50)));  // nothing exportable under the pointer

        edit->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(edit));
        QVERIFY(!exportFocusedFigure(&window));

        // A click gives the plot the focus; the action then finds it and shows the dialog (closed here).
        QTest::mouseClick(plot->customPlot(), Qt::LeftButton);
        QTRY_VERIFY(plot->isAncestorOf(QApplication::focusWidget()));
        QString title;
        QTimer::singleShot(0, this, [&title] {
            if (auto* dialog = qobject_cast<FigureExportDialog*>(QApplication::activeModalWidget())) {
                title = dialog->windowTitle();
                dialog->reject();
            }
        });
        QVERIFY(exportFocusedFigure(&window));
        QVERIFY(title.contains(plot->figureTitle()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TstFigureExport)
#include "figure_export.test.moc"
