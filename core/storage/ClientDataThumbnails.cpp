// ClientDataStore: metadata of generated thumbnails (client-server-api "Thumbnails"). The
// bytes live in files the MediaRepository names after the same key.
#include "core/storage/ClientDataStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"

namespace trellis::storage {

Result<void> ClientDataStore::addThumbnail(const ThumbnailInfo &info)
{
    if (info.width <= 0 || info.height <= 0 || info.size < 0)
        return Error::invalidParam(QStringLiteral("a thumbnail has a positive size"));
    if (info.method != u"crop" && info.method != u"scale")
        return Error::invalidParam(QStringLiteral("a thumbnail method is crop or scale"));
    if (auto ok = limits::checkText(info.contentType, limits::kMaxLabelBytes, "content type"); !ok)
        return ok;
    return sql::exec(m_db,
                     QStringLiteral("INSERT OR REPLACE INTO media_thumbnails (origin, media_id,"
                                    " width, height, method, content_type, size, created_ts)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {info.origin, info.mediaId, info.width, info.height, info.method,
                      info.contentType, info.size, info.createdTs});
}

Result<std::optional<ThumbnailInfo>> ClientDataStore::thumbnail(const QString &origin,
                                                                const QString &mediaId, int width,
                                                                int height, const QString &method)
{
    auto query =
        sql::run(m_db,
                 QStringLiteral("SELECT content_type, size, created_ts FROM media_thumbnails"
                                " WHERE origin = ? AND media_id = ? AND width = ?"
                                " AND height = ? AND method = ?"),
                 {origin, mediaId, width, height, method});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ThumbnailInfo>();
    return std::optional<ThumbnailInfo>(
        ThumbnailInfo{origin, mediaId, width, height, method, query->value(0).toString(),
                      query->value(1).toLongLong(), query->value(2).toLongLong()});
}

Result<int> ClientDataStore::thumbnailCount(const QString &origin, const QString &mediaId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT COUNT(*) FROM media_thumbnails"
                                         " WHERE origin = ? AND media_id = ?"),
                          {origin, mediaId});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

} // namespace trellis::storage
