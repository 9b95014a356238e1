#include "core/storage/KeyStore.h"

#include "core/storage/RoomSchema.h"

namespace trellis::storage {

Result<std::unique_ptr<KeyStore>> KeyStore::open(Database &db)
{
    if (auto migrated = db.migrate(roomSchema()); !migrated)
        return migrated.error();
    return std::unique_ptr<KeyStore>(new KeyStore(db));
}

Result<void> KeyStore::storeKey(const ServerKey &key)
{
    if (key.verifyKey.size() != 32 || key.serverName.isEmpty() || !key.keyId.startsWith(QLatin1String("ed25519:")))
        return Error::invalidParam(QStringLiteral("not an ed25519 verify key"));
    QSqlQuery &upsert = m_db.cached(QStringLiteral(
        "INSERT INTO server_keys (server_name, key_id, verify_key, valid_until_ts, fetched_ts) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (server_name, key_id) DO UPDATE SET verify_key = excluded.verify_key,"
        " valid_until_ts = max(valid_until_ts, excluded.valid_until_ts), fetched_ts = excluded.fetched_ts"));
    return m_db.exec(upsert, {key.serverName, key.keyId, key.verifyKey, key.validUntilTs, key.fetchedTs});
}

namespace {

ServerKey keyFrom(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toString(), query.value(2).toByteArray(),
            query.value(3).toLongLong(), query.value(4).toLongLong()};
}

} // namespace

Result<std::optional<ServerKey>> KeyStore::key(const QString &serverName, const QString &keyId)
{
    QSqlQuery &query = m_db.cached(QStringLiteral(
        "SELECT server_name, key_id, verify_key, valid_until_ts, fetched_ts FROM server_keys WHERE server_name = ? AND key_id = ?"));
    if (auto ran = m_db.exec(query, {serverName, keyId}); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<ServerKey>();
    return std::optional<ServerKey>(keyFrom(query));
}

Result<QList<ServerKey>> KeyStore::keys(const QString &serverName)
{
    QSqlQuery &query = m_db.cached(QStringLiteral(
        "SELECT server_name, key_id, verify_key, valid_until_ts, fetched_ts FROM server_keys WHERE server_name = ?"
        " ORDER BY valid_until_ts DESC, key_id"));
    if (auto ran = m_db.exec(query, {serverName}); !ran)
        return ran.error();
    QList<ServerKey> keys;
    while (query.next())
        keys.append(keyFrom(query));
    return keys;
}

} // namespace trellis::storage
