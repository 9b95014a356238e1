#include "core/services/MediaRepository.h"

#include "core/crypto/Sha256.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSaveFile>

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
                                 ServerName serverName, qint64 maxUploadBytes)
    : m_store(store), m_directory(std::move(directory)), m_serverName(std::move(serverName)),
      m_maxUploadBytes(maxUploadBytes)
{
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

} // namespace trellis::services
