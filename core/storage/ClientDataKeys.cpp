// ClientDataStore: end-to-end encryption keys (client-server-api "End-to-End Encryption":
// POST /keys/upload, /keys/query, /keys/claim, and /sync's one-time key counts).
#include "core/storage/ClientDataStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"
#include "core/storage/AccountStore.h"

namespace trellis::storage {
namespace {

Result<void> checkKey(const OneTimeKey &key)
{
    if (auto ok = limits::checkText(key.algorithm, limits::kMaxTypeBytes, "key algorithm"); !ok)
        return ok;
    if (auto ok = limits::checkText(key.keyId, limits::kMaxIdBytes, "key ID"); !ok)
        return ok;
    return limits::checkBlob(key.json, limits::kMaxOneTimeKeyBytes, "key");
}

Result<void> checkKeys(const QList<OneTimeKey> &keys)
{
    if (keys.size() > limits::kMaxOneTimeKeysPerDevice)
        return Error::tooLarge(QStringLiteral("too many keys in one upload"));
    for (const OneTimeKey &key : keys) {
        if (auto ok = checkKey(key); !ok)
            return ok;
    }
    return {};
}

Error unknownDevice()
{
    return Error::notFound(QStringLiteral("no such device"));
}

} // namespace

// --- device keys ---

Result<void> ClientDataStore::setDeviceKeys(const QString &deviceId, const QByteArray &json)
{
    if (auto ok = limits::checkBlob(json, limits::kMaxDeviceKeysBytes, "device keys"); !ok)
        return ok;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto old = deviceKeys(deviceId);
    if (!old)
        return old.error();
    if (*old == json)
        return tx.commit(); // a client re-uploading the same keys changes nothing
    auto query = sql::run(m_db,
                          QStringLiteral("INSERT OR REPLACE INTO device_keys (device_id, json)"
                                         " SELECT device_id, ? FROM devices WHERE device_id = ?"),
                          {json, deviceId});
    if (!query)
        return query.error();
    if (sql::affected(*query) == 0)
        return unknownDevice();
    if (const auto &account = m_accounts.account()) {
        if (auto noted = m_accounts.noteDeviceListChange(account->userId.toString()); !noted)
            return noted.error();
    }
    return tx.commit();
}

Result<std::optional<QByteArray>> ClientDataStore::deviceKeys(const QString &deviceId)
{
    auto query = sql::run(m_db, QStringLiteral("SELECT json FROM device_keys WHERE device_id = ?"),
                          {deviceId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query->value(0).toByteArray());
}

Result<QMap<QString, QByteArray>> ClientDataStore::allDeviceKeys()
{
    auto query = sql::run(m_db, QStringLiteral("SELECT device_id, json FROM device_keys"));
    if (!query)
        return query.error();
    QMap<QString, QByteArray> keys;
    while (query->next())
        keys.insert(query->value(0).toString(), query->value(1).toByteArray());
    return keys;
}

// --- one-time and fallback keys ---

Result<void> ClientDataStore::addOneTimeKey(const QString &deviceId, const OneTimeKey &key)
{
    auto existing = sql::run(m_db,
                             QStringLiteral("SELECT json FROM one_time_keys WHERE device_id = ?"
                                            " AND algorithm = ? AND key_id = ?"),
                             {deviceId, key.algorithm, key.keyId});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        if (existing->value(0).toByteArray() == key.json)
            return {};
        return Error::invalidParam(
            QStringLiteral("one-time key %1:%2 already exists").arg(key.algorithm, key.keyId));
    }
    return sql::exec(m_db,
                     QStringLiteral("INSERT INTO one_time_keys (device_id, algorithm, key_id,"
                                    " json) VALUES (?, ?, ?, ?)"),
                     {deviceId, key.algorithm, key.keyId, key.json});
}

Result<void> ClientDataStore::addOneTimeKeys(const QString &deviceId, const QList<OneTimeKey> &keys)
{
    if (auto ok = checkKeys(keys); !ok)
        return ok;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto exists = deviceExists(deviceId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return unknownDevice();
    for (const OneTimeKey &key : keys) {
        if (auto added = addOneTimeKey(deviceId, key); !added)
            return added;
    }
    auto counts = oneTimeKeyCounts(deviceId);
    if (!counts)
        return counts.error();
    qint64 total = 0;
    for (int count : std::as_const(*counts))
        total += count;
    if (total > limits::kMaxOneTimeKeysPerDevice)
        return Error::tooLarge(QStringLiteral("too many unclaimed one-time keys"));
    return tx.commit();
}

Result<void> ClientDataStore::setFallbackKeys(const QString &deviceId,
                                              const QList<OneTimeKey> &keys)
{
    if (auto ok = checkKeys(keys); !ok)
        return ok;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    for (const OneTimeKey &key : keys) {
        auto query = sql::run(m_db,
                              QStringLiteral("INSERT OR REPLACE INTO fallback_keys (device_id,"
                                             " algorithm, key_id, json, used) SELECT device_id,"
                                             " ?, ?, ?, 0 FROM devices WHERE device_id = ?"),
                              {key.algorithm, key.keyId, key.json, deviceId});
        if (!query)
            return query.error();
        if (sql::affected(*query) == 0)
            return unknownDevice();
    }
    return tx.commit();
}

Result<QMap<QString, int>> ClientDataStore::oneTimeKeyCounts(const QString &deviceId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT algorithm, COUNT(*) FROM one_time_keys"
                                         " WHERE device_id = ? GROUP BY algorithm"),
                          {deviceId});
    if (!query)
        return query.error();
    QMap<QString, int> counts;
    while (query->next())
        counts.insert(query->value(0).toString(), query->value(1).toInt());
    return counts;
}

Result<QStringList> ClientDataStore::unusedFallbackKeyAlgorithms(const QString &deviceId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT algorithm FROM fallback_keys"
                                         " WHERE device_id = ? AND used = 0 ORDER BY algorithm"),
                          {deviceId});
    if (!query)
        return query.error();
    QStringList algorithms;
    while (query->next())
        algorithms.append(query->value(0).toString());
    return algorithms;
}

Result<std::optional<ClaimedKey>> ClientDataStore::claimOne(const KeyClaim &claim)
{
    auto oneTime = sql::run(m_db,
                            QStringLiteral("SELECT key_id, json FROM one_time_keys"
                                           " WHERE device_id = ? AND algorithm = ?"
                                           " ORDER BY key_id LIMIT 1"),
                            {claim.deviceId, claim.algorithm});
    if (!oneTime)
        return oneTime.error();
    if (oneTime->next()) {
        ClaimedKey key{claim.deviceId, claim.algorithm, oneTime->value(0).toString(),
                       oneTime->value(1).toByteArray(), false};
        auto removed = sql::exec(m_db,
                                 QStringLiteral("DELETE FROM one_time_keys WHERE device_id = ?"
                                                " AND algorithm = ? AND key_id = ?"),
                                 {key.deviceId, key.algorithm, key.keyId});
        if (!removed)
            return removed.error();
        return std::optional<ClaimedKey>(std::move(key));
    }
    auto fallback = sql::run(m_db,
                             QStringLiteral("SELECT key_id, json FROM fallback_keys"
                                            " WHERE device_id = ? AND algorithm = ?"),
                             {claim.deviceId, claim.algorithm});
    if (!fallback)
        return fallback.error();
    if (!fallback->next())
        return std::optional<ClaimedKey>();
    ClaimedKey key{claim.deviceId, claim.algorithm, fallback->value(0).toString(),
                   fallback->value(1).toByteArray(), true};
    auto marked = sql::exec(m_db,
                            QStringLiteral("UPDATE fallback_keys SET used = 1"
                                           " WHERE device_id = ? AND algorithm = ?"),
                            {key.deviceId, key.algorithm});
    if (!marked)
        return marked.error();
    return std::optional<ClaimedKey>(std::move(key));
}

Result<QList<ClaimedKey>> ClientDataStore::claimKeys(const QList<KeyClaim> &claims)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<ClaimedKey> claimed;
    for (const KeyClaim &claim : claims) {
        auto key = claimOne(claim);
        if (!key)
            return key.error();
        if (*key)
            claimed.append(std::move(**key));
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return claimed;
}

} // namespace trellis::storage
