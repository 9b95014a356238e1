// AccountStore: access tokens, filters and the device-list stream (client-server-api
// "Using access tokens", "Filtering", "Syncing": device_lists).
#include "core/storage/AccountStore.h"

#include "core/crypto/Sha256.h"
#include "core/crypto/Sodium.h"
#include "core/json/Base64.h"
#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"

#include <sodium.h>

#include <array>

namespace trellis::storage {
namespace {

constexpr char kTokenPrefix[] = "trl_";
constexpr size_t kTokenRandomBytes = 32;
/// Far above any token this server issues: longer input cannot match and is not hashed.
constexpr qsizetype kMaxTokenBytes = 512;

} // namespace

// --- access tokens ---

QByteArray AccountStore::tokenHash(QByteArrayView token)
{
    return crypto::sha256Bytes(token);
}

Result<QByteArray> AccountStore::issueToken(const QString &deviceId, qint64 nowMs)
{
    if (!crypto::ensureSodium())
        return Error::crypto(QStringLiteral("no random source"));
    std::array<unsigned char, kTokenRandomBytes> random{};
    randombytes_buf(random.data(), random.size());
    const QByteArray token = QByteArrayLiteral(kTokenPrefix) +
                             base64::encode(QByteArrayView(random.data(), qsizetype(random.size())),
                                            base64::Alphabet::UrlSafe);
    sodium_memzero(random.data(), random.size());
    // INSERT ... SELECT: an unknown device inserts nothing, and nothing dangles.
    auto query = sql::run(m_db,
                          QStringLiteral("INSERT INTO access_tokens (token_hash, device_id,"
                                         " created_ts) SELECT ?, device_id, ? FROM devices"
                                         " WHERE device_id = ?"),
                          {tokenHash(token), nowMs, deviceId});
    if (!query)
        return query.error();
    if (sql::affected(*query) == 0)
        return Error::notFound(QStringLiteral("no such device"));
    return token;
}

Result<std::optional<Device>> AccountStore::deviceForToken(QByteArrayView token)
{
    if (token.isEmpty() || token.size() > kMaxTokenBytes)
        return std::optional<Device>();
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT d.device_id, d.display_name, d.created_ts,"
                                         " d.last_seen_ts, d.last_seen_ip FROM access_tokens t"
                                         " JOIN devices d ON d.device_id = t.device_id"
                                         " WHERE t.token_hash = ?"),
                          {tokenHash(token)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Device>();
    return std::optional<Device>(deviceFromRow(*query));
}

Result<bool> AccountStore::revokeToken(QByteArrayView token)
{
    if (token.isEmpty() || token.size() > kMaxTokenBytes)
        return false;
    auto query = sql::run(m_db, QStringLiteral("DELETE FROM access_tokens WHERE token_hash = ?"),
                          {tokenHash(token)});
    if (!query)
        return query.error();
    return sql::affected(*query) > 0;
}

Result<int> AccountStore::revokeDeviceTokens(const QString &deviceId)
{
    auto query =
        sql::run(m_db, QStringLiteral("DELETE FROM access_tokens WHERE device_id = ?"), {deviceId});
    if (!query)
        return query.error();
    return sql::affected(*query);
}

// --- filters ---

Result<QString> AccountStore::addFilter(const QByteArray &filterJson)
{
    if (auto ok = limits::checkBlob(filterJson, limits::kMaxFilterBytes, "filter"); !ok)
        return ok.error();
    const QByteArray digest = crypto::sha256Bytes(filterJson);
    // Look up before inserting: a conflicting INSERT would still use up an AUTOINCREMENT ID.
    auto existing =
        sql::run(m_db, QStringLiteral("SELECT filter_id FROM filters WHERE digest = ?"), {digest});
    if (!existing)
        return existing.error();
    if (existing->next())
        return QString::number(existing->value(0).toLongLong());
    auto inserted =
        sql::run(m_db, QStringLiteral("INSERT INTO filters (digest, json) VALUES (?, ?)"),
                 {digest, filterJson});
    if (!inserted)
        return inserted.error();
    return QString::number(inserted->lastInsertId().toLongLong());
}

Result<std::optional<QByteArray>> AccountStore::filter(QStringView filterId)
{
    // Only the decimal IDs addFilter hands out; anything else is simply unknown.
    if (filterId.isEmpty() || filterId.size() > 18 || filterId.startsWith(u'0'))
        return std::optional<QByteArray>();
    for (QChar c : filterId) {
        if (c < u'0' || c > u'9')
            return std::optional<QByteArray>();
    }
    auto query = sql::run(m_db, QStringLiteral("SELECT json FROM filters WHERE filter_id = ?"),
                          {filterId.toLongLong()});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query->value(0).toByteArray());
}

// --- device-list stream ---

Result<void> AccountStore::noteOwnDeviceChange()
{
    if (!m_account)
        return {};
    const QString owner = m_account->userId.toString();
    auto position = m_deviceLists.advance();
    if (!position)
        return position.error();
    return sql::exec(m_db,
                     QStringLiteral("INSERT OR REPLACE INTO device_list_changes (user_id,"
                                    " stream_pos) VALUES (?, ?)"),
                     {owner, *position});
}

Result<qint64> AccountStore::noteDeviceListChange(const QString &userId)
{
    if (auto ok = limits::checkText(userId, limits::kMaxIdBytes, "user_id"); !ok)
        return ok.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto position = m_deviceLists.advance();
    if (!position)
        return position.error();
    auto written = sql::exec(m_db,
                             QStringLiteral("INSERT OR REPLACE INTO device_list_changes"
                                            " (user_id, stream_pos) VALUES (?, ?)"),
                             {userId, *position});
    if (!written)
        return written.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_deviceLists.publish();
    return *position;
}

Result<QStringList> AccountStore::deviceListChangesAfter(qint64 position)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT user_id FROM device_list_changes"
                                         " WHERE stream_pos > ? ORDER BY stream_pos"),
                          {position});
    if (!query)
        return query.error();
    QStringList users;
    while (query->next())
        users.append(query->value(0).toString());
    return users;
}

} // namespace trellis::storage
