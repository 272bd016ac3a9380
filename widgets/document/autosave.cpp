// SPDX-License-Identifier: MIT
// AutosaveStore: autosave naming, writing, removal and the "newer than its file" test.
#include "document/autosave.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace workbench {

AutosaveStore::AutosaveStore(QString directory)
    : m_directory(std::move(directory))
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

QString AutosaveStore::pathFor(const QString& filePath) const
{
    if (filePath.isEmpty())
        return m_directory + QStringLiteral("/untitled.") + QLatin1String(PROJECT_SUFFIX);
    const QFileInfo info(filePath);
    const QByteArray hash =
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash) + QLatin1Char('-') + info.completeBaseName()
        + QLatin1Char('.') + QLatin1String(PROJECT_SUFFIX);
}

void AutosaveStore::write(const QString& filePath, const ProjectData& project) const
{
    QDir().mkpath(m_directory);
    writeProjectFile(pathFor(filePath), project);
}

void AutosaveStore::remove(const QString& filePath) const
{
    QFile::remove(pathFor(filePath));
}

QString AutosaveStore::recoverable(const QString& filePath) const
{
    const QString autosave = pathFor(filePath);
    const QFileInfo autosaveInfo(autosave);
    if (!autosaveInfo.isFile())
        return {};
    if (filePath.isEmpty())
        return autosave;
    const QFileInfo fileInfo(filePath);
    if (!fileInfo.exists() || autosaveInfo.lastModified() > fileInfo.lastModified())
        return autosave;
    return {};
}

} // namespace workbench
