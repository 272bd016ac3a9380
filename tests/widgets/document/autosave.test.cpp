// SPDX-License-Identifier: MIT
// Tests of AutosaveStore: naming per document identity, atomic writing, and the "newer than its file" rule.
#include "document/autosave.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"

#include <QTemporaryDir>

using namespace workbench;

class TstAutosave : public QObject {
    Q_OBJECT

private slots:
    void pathsDependOnIdentity();
    void writeRecoverRemove();
    void olderAutosaveIsNotOffered();
};

void TstAutosave::pathsDependOnIdentity()
{
    const AutosaveStore store(QStringLiteral("/tmp/autosave-test"));
    const QString untitled = store.pathFor(QString());
    const QString a = store.pathFor(QStringLiteral("/x/a/project.qwproj"));
    const QString b = store.pathFor(QStringLiteral("/x/b/project.qwproj"));
    QVERIFY(untitled.endsWith(QStringLiteral("/untitled.qwproj")));
    QVERIFY(a != b);  // same name in different folders must not share an autosave
    QVERIFY(a.startsWith(QStringLiteral("/tmp/autosave-test/")));
    QVERIFY(a.endsWith(QStringLiteral("-project.qwproj")));
    QCOMPARE(store.pathFor(QStringLiteral("/x/a/project.qwproj")), a);
    QVERIFY(!AutosaveStore().directory().isEmpty());
}

void TstAutosave::writeRecoverRemove()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const AutosaveStore store(dir.filePath(QStringLiteral("autosave")));  // created on first write
    QVERIFY(store.recoverable(QString()).isEmpty());

    ProjectData data = ProjectDocument::newProjectData();
    data.instance.tasks[0].tokens = 4321.0;
    store.write(QString(), data);
    QCOMPARE(store.recoverable(QString()), store.pathFor(QString()));
    QCOMPARE(readProjectFile(store.recoverable(QString())).instance.tasks[0].tokens, 4321.0);

    // A saved file that no longer exists: its autosave is all there is.
    const QString gone = dir.filePath(QStringLiteral("gone.qwproj"));
    store.write(gone, data);
    QCOMPARE(store.recoverable(gone), store.pathFor(gone));

    store.remove(QString());
    store.remove(gone);
    QVERIFY(store.recoverable(QString()).isEmpty());
    QVERIFY(store.recoverable(gone).isEmpty());
}

void TstAutosave::olderAutosaveIsNotOffered()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const AutosaveStore store(dir.filePath(QStringLiteral("autosave")));
    const QString file = dir.filePath(QStringLiteral("project.qwproj"));
    const ProjectData data = ProjectDocument::newProjectData();
    writeProjectFile(file, data);
    store.write(file, data);

    QFile autosave(store.pathFor(file));
    QVERIFY(autosave.open(QIODevice::ReadWrite));
    const QDateTime fileTime = QFileInfo(file).lastModified();
    QVERIFY(autosave.setFileTime(fileTime.addSecs(-60), QFileDevice::FileModificationTime));
    autosave.close();
    QVERIFY(store.recoverable(file).isEmpty());

    QVERIFY(autosave.open(QIODevice::ReadWrite));
    QVERIFY(autosave.setFileTime(fileTime.addSecs(60), QFileDevice::FileModificationTime));
    autosave.close();
    QCOMPARE(store.recoverable(file), store.pathFor(file));
}

QTEST_MAIN(TstAutosave)
#include "autosave.test.moc"
