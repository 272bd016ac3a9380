// SPDX-License-Identifier: MIT
// Autosave files: where a document's autosave lives, writing it atomically, and finding one to recover.
#pragma once

#include "document/project_file.h"

#include <QString>

namespace workbench {

/// One folder of autosave files, one per document identity: a saved file maps to
/// "<sha1 of its absolute path, 16 hex>-<base name>.qwproj", untitled documents to "untitled.qwproj".
/// Autosaves are ordinary project files written through writeProjectFile (atomic).
class AutosaveStore {
public:
    /// `directory` empty: QStandardPaths::AppDataLocation + "/autosave".
    explicit AutosaveStore(QString directory = {});

    QString directory() const { return m_directory; }
    /// The autosave path for a document saved at `filePath` (empty: untitled).
    QString pathFor(const QString& filePath) const;
    /// Writes `project` as the autosave of `filePath`, creating the folder. Throws engine::Error(Io).
    void write(const QString& filePath, const ProjectData& project) const;
    /// Deletes the autosave of `filePath` if there is one.
    void remove(const QString& filePath) const;
    /// The autosave of `filePath` when it exists and is newer than the file (or the file is gone, or the
    /// document is untitled); empty otherwise.
    QString recoverable(const QString& filePath) const;

private:
    QString m_directory;
};

} // namespace workbench
