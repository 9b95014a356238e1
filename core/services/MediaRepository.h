#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/storage/ClientDataStore.h"

#include <QFile>
#include <memory>

namespace trellis::services {

/// An uploaded file, ready to stream.
struct MediaFile
{
    storage::MediaInfo info;
    std::shared_ptr<QFile> file;
};

/// The content repository (client-server-api "Content repository"): uploaded bytes in files
/// under the media directory, their metadata in the database. A file is written completely
/// (QSaveFile: rename into place) before its metadata row exists, so a crash leaves at most
/// an orphan file, never a row without bytes.
class MediaRepository
{
public:
    MediaRepository(storage::ClientDataStore &store, QString directory, ServerName serverName,
                    qint64 maxUploadBytes);

    /// Stores an upload; its media ID.
    Result<QString> store(const QByteArray &bytes, const QString &contentType,
                          const QString &uploadName, const QString &uploader, qint64 nowMs);
    /// The file of a local media ID; M_NOT_FOUND for unknown and remote media.
    Result<MediaFile> open(const QString &origin, const QString &mediaId);

    qint64 maxUploadBytes() const { return m_maxUploadBytes; }
    const ServerName &serverName() const { return m_serverName; }

private:
    QString pathOf(const QString &mediaId) const;

    storage::ClientDataStore &m_store;
    QString m_directory;
    ServerName m_serverName;
    qint64 m_maxUploadBytes;
};

} // namespace trellis::services
