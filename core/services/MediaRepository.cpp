#include "core/services/MediaRepository.h"

#include "core/crypto/Sha256.h"
#include "core/services/ThumbnailRenderer.h"

#include <QDir>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcMedia, "trellis.media")

namespace trellis::services {

namespace {

QString newMediaId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 24; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return id;
}

/// client-server-api "Security considerations" of the content repository: media IDs are
/// opaque, but only these characters may reach the file system.
bool isSafeMediaId(const QString &id)
{
    if (id.isEmpty() || id.size() > 255)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
    });
}

} // namespace

MediaRepository::MediaRepository(storage::ClientDataStore &store, QString directory,
                                 ServerName serverName, qint64 maxUploadBytes, ThumbnailRenderer renderer)
    : m_store(store), m_directory(std::move(directory)), m_serverName(std::move(serverName)),
      m_maxUploadBytes(maxUploadBytes), m_renderer(std::move(renderer)),
      m_renderContext(std::make_unique<QObject>())
{
    m_renderPool.setMaxThreadCount(2);
}

MediaRepository::~MediaRepository()
{
    // Queued renders are dropped; a running one is waited for (it only reads a file).
    m_renderPool.clear();
    m_renderPool.waitForDone();
    m_renderContext.reset();
}

QString MediaRepository::pathOf(const QString &mediaId) const
{
    // Two levels of fan-out keep directories small on servers with many files.
    return QDir(m_directory).filePath(mediaId.left(2) + u'/' + mediaId);
}

Result<QString> MediaRepository::store(const QByteArray &bytes, const QString &contentType,
                                       const QString &uploadName, const QString &uploader, qint64 nowMs)
{
    if (bytes.size() > m_maxUploadBytes)
        return Error::tooLarge(QStringLiteral("uploads are limited to %1 bytes").arg(m_maxUploadBytes));
    const QString mediaId = newMediaId();
    const QString path = pathOf(mediaId);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::io(QStringLiteral("cannot store the upload"), QStringLiteral("mkpath failed for %1").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::io(QStringLiteral("cannot store the upload"), file.errorString());
    storage::MediaInfo info;
    info.origin = m_serverName.toString();
    info.mediaId = mediaId;
    info.contentType = contentType.left(255);
    info.uploadName = uploadName.left(255);
    info.size = bytes.size();
    info.sha256 = crypto::sha256Bytes(bytes);
    info.createdTs = nowMs;
    info.uploader = uploader;
    if (auto added = m_store.addMedia(info); !added) {
        QFile::remove(path);
        return added.error();
    }
    return mediaId;
}

Result<MediaFile> MediaRepository::open(const QString &origin, const QString &mediaId)
{
    const Error notFound = Error::notFound(QStringLiteral("no such media"));
    if (origin != m_serverName.toString() || !isSafeMediaId(mediaId))
        return notFound;
    auto info = m_store.media(origin, mediaId);
    if (!info)
        return info.error();
    if (!*info)
        return notFound;
    auto file = std::make_shared<QFile>(pathOf(mediaId));
    if (!file->open(QIODevice::ReadOnly))
        return notFound;
    return MediaFile{**info, std::move(file)};
}

QString MediaRepository::thumbnailPathOf(const storage::ThumbnailInfo &key) const
{
    // Media IDs are checked safe (isSafeMediaId) and the rest are numbers and a method name.
    return QDir(m_directory).filePath(QStringLiteral("thumbnails/%1/%2-%3x%4-%5")
                                          .arg(key.mediaId.left(2), key.mediaId)
                                          .arg(key.width)
                                          .arg(key.height)
                                          .arg(key.method));
}

Result<std::optional<ThumbnailData>> MediaRepository::cachedThumbnail(const storage::ThumbnailInfo &key)
{
    auto info = m_store.thumbnail(key.origin, key.mediaId, key.width, key.height, key.method);
    if (!info)
        return info.error();
    if (!*info)
        return std::optional<ThumbnailData>();
    auto file = std::make_shared<QFile>(thumbnailPathOf(key));
    if (!file->open(QIODevice::ReadOnly))
        return std::optional<ThumbnailData>(); // a lost file is rendered again
    return std::optional<ThumbnailData>(ThumbnailData{(*info)->contentType, {}, std::move(file)});
}

void MediaRepository::keepThumbnail(storage::ThumbnailInfo key, const QByteArray &bytes)
{
    auto count = m_store.thumbnailCount(key.origin, key.mediaId);
    if (!count || *count >= kMaxCachedThumbnailsPerFile)
        return;
    const QString path = thumbnailPathOf(key);
    QSaveFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)
        || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcMedia) << "cannot cache a thumbnail:" << file.errorString();
        return;
    }
    key.size = bytes.size();
    if (auto added = m_store.addThumbnail(key); !added)
        qCWarning(lcMedia) << "cannot record a thumbnail:" << added.error().message;
}

void MediaRepository::thumbnail(const QString &origin, const QString &mediaId,
                                const ThumbnailRequest &request, qint64 nowMs, ThumbnailReply reply)
{
    auto media = open(origin, mediaId);
    if (!media) {
        reply(media.error());
        return;
    }
    storage::ThumbnailInfo key{origin, mediaId, request.size.width(), request.size.height(),
                               thumbnailMethodName(request.method), {}, 0, nowMs};
    auto cached = cachedThumbnail(key);
    if (!cached) {
        reply(cached.error());
        return;
    }
    if (*cached) {
        reply(std::move(**cached));
        return;
    }
    if (!m_renderer) {
        reply(Error{ErrorCode::BadRequest, QStringLiteral("Cannot generate thumbnails for the requested content"),
                    QStringLiteral("this server has no image decoder")});
        return;
    }
    // QFuture wants a default-constructible result: the Result travels in a shared_ptr.
    using Outcome = std::shared_ptr<Result<RenderedThumbnail>>;
    const QString path = media->file->fileName();
    auto *watcher = new QFutureWatcher<Outcome>(m_renderContext.get());
    QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, watcher,
                     [this, watcher, key, original = media->file, reply = std::move(reply)]() mutable {
                         watcher->deleteLater();
                         const Outcome outcome = watcher->result();
                         if (!*outcome) {
                             reply(outcome->error());
                             return;
                         }
                         RenderedThumbnail &rendered = **outcome;
                         if (rendered.useOriginal) {
                             reply(ThumbnailData{rendered.contentType, {}, std::move(original)});
                             return;
                         }
                         key.contentType = rendered.contentType;
                         keepThumbnail(key, rendered.bytes);
                         reply(ThumbnailData{rendered.contentType, std::move(rendered.bytes), nullptr});
                     });
    watcher->setFuture(QtConcurrent::run(&m_renderPool, [renderer = m_renderer, path, request] {
        return std::make_shared<Result<RenderedThumbnail>>(renderer(path, request));
    }));
}

} // namespace trellis::services
