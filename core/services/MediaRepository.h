#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/services/ThumbnailRenderer.h"
#include "core/storage/ClientDataStore.h"

#include <QFile>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace trellis::services {

/// An uploaded file, ready to stream.
struct MediaFile
{
    storage::MediaInfo info;
    std::shared_ptr<QFile> file;
};

/// A thumbnail ready to send: bytes just rendered, or a file (a cached thumbnail, or the
/// original when it is small enough to serve as its own thumbnail).
struct ThumbnailData
{
    QString contentType;
    QByteArray bytes;
    std::shared_ptr<QFile> file; ///< when set, the body instead of `bytes`
};

/// The content repository (client-server-api "Content repository"): uploaded bytes in files
/// under the media directory, their metadata in the database. A file is written completely
/// (QSaveFile: rename into place) before its metadata row exists, so a crash leaves at most
/// an orphan file, never a row without bytes.
class MediaRepository
{
public:
    MediaRepository(storage::ClientDataStore &store, QString directory, ServerName serverName,
                    qint64 maxUploadBytes, ThumbnailRenderer renderer = {});

    /// Stores an upload; its media ID.
    Result<QString> store(const QByteArray &bytes, const QString &contentType,
                          const QString &uploadName, const QString &uploader, qint64 nowMs);
    /// The file of a local media ID; M_NOT_FOUND for unknown and remote media.
    Result<MediaFile> open(const QString &origin, const QString &mediaId);

    using ThumbnailReply = std::function<void(Result<ThumbnailData>)>;
    /// client-server-api "Thumbnails": answers from the thumbnail cache at once, or renders
    /// the thumbnail on a pool thread (the ThumbnailRenderer), stores it (file, then metadata row) and
    /// answers later, on this thread. `reply` is never called after the repository is gone.
    void thumbnail(const QString &origin, const QString &mediaId, const ThumbnailRequest &request,
                   qint64 nowMs, ThumbnailReply reply);

    qint64 maxUploadBytes() const { return m_maxUploadBytes; }
    const ServerName &serverName() const { return m_serverName; }

    ~MediaRepository();
    MediaRepository(const MediaRepository &) = delete;
    MediaRepository &operator=(const MediaRepository &) = delete;

    /// Each file keeps at most this many cached thumbnails; further sizes are rendered on
    /// every request (clients ask for a handful of sizes; a hostile one must not fill the disk).
    static constexpr int kMaxCachedThumbnailsPerFile = 16;

private:
    QString pathOf(const QString &mediaId) const;
    QString thumbnailPathOf(const storage::ThumbnailInfo &key) const;
    Result<std::optional<ThumbnailData>> cachedThumbnail(const storage::ThumbnailInfo &key);
    /// Writes a rendered thumbnail and its row; failures only cost the cache.
    void keepThumbnail(storage::ThumbnailInfo key, const QByteArray &bytes);

    storage::ClientDataStore &m_store;
    QString m_directory;
    ServerName m_serverName;
    qint64 m_maxUploadBytes;
    /// Rendering is CPU and memory heavy: two at a time at most, whatever the global pool does.
    ThumbnailRenderer m_renderer;
    QThreadPool m_renderPool;
    /// Parent of the watchers of running renders: destroying it drops their answers.
    std::unique_ptr<QObject> m_renderContext;
};

} // namespace trellis::services
