// KeyBackupStore: client-server-api "Server-side key backups" (end_to_end_encryption.md), the
// storage behind /room_keys/version and /room_keys/keys. The endpoints parse and validate;
// this file keeps versions and keys and applies the spec's rule for which key of a session
// stays.
#include "core/storage/KeyBackupStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"
#include "core/storage/KeyBackupSchema.h"

namespace trellis::storage {
namespace {

constexpr qsizetype kMaxBackupJsonBytes = 64 * 1024;

Result<void> checkKey(const BackedUpKey &key)
{
    if (auto ok = limits::checkText(key.roomId, limits::kMaxIdBytes, "room_id"); !ok)
        return ok;
    if (auto ok = limits::checkText(key.sessionId, limits::kMaxIdBytes, "session_id"); !ok)
        return ok;
    if (key.firstMessageIndex < 0 || key.forwardedCount < 0)
        return Error::invalidParam(
            QStringLiteral("first_message_index and forwarded_count must not be negative"));
    return limits::checkBlob(key.sessionData, kMaxBackupJsonBytes, "session_data");
}

/// "Server-side key backups": whether `incoming` replaces the stored key of its session.
bool replaces(const BackedUpKey &incoming, const BackedUpKey &stored)
{
    if (incoming.isVerified != stored.isVerified)
        return incoming.isVerified; // keep the verified one
    if (incoming.firstMessageIndex != stored.firstMessageIndex)
        return incoming.firstMessageIndex < stored.firstMessageIndex; // then the lower index
    return incoming.forwardedCount < stored.forwardedCount;           // then the fewer forwards
}

/// "WHERE version = ? [AND room_id = ? [AND session_id = ?]]" and its bindings.
QString selectionClause(qint64 version, const KeySelection &selection, QVariantList &bindings)
{
    QString clause = QStringLiteral(" WHERE version = ?");
    bindings = {version};
    if (!selection.roomId.isEmpty()) {
        clause += QStringLiteral(" AND room_id = ?");
        bindings.append(selection.roomId);
        if (!selection.sessionId.isEmpty()) {
            clause += QStringLiteral(" AND session_id = ?");
            bindings.append(selection.sessionId);
        }
    }
    return clause;
}

BackedUpKey keyFrom(const QSqlQuery &query)
{
    return {query.value(0).toString(),   query.value(1).toString(), query.value(2).toLongLong(),
            query.value(3).toLongLong(), query.value(4).toBool(),   query.value(5).toByteArray()};
}

} // namespace

Result<std::unique_ptr<KeyBackupStore>> KeyBackupStore::open(Database &db)
{
    if (auto migrated = db.migrate(keyBackupSchema()); !migrated)
        return migrated.error();
    return std::unique_ptr<KeyBackupStore>(new KeyBackupStore(db));
}

Result<qint64> KeyBackupStore::createVersion(const QString &algorithm, const QByteArray &authData)
{
    if (auto ok = limits::checkText(algorithm, limits::kMaxTypeBytes, "algorithm"); !ok)
        return ok.error();
    if (auto ok = limits::checkBlob(authData, kMaxBackupJsonBytes, "auth_data"); !ok)
        return ok.error();
    auto query = sql::run(m_db,
                          QStringLiteral("INSERT INTO key_backup_versions (algorithm, auth_data)"
                                         " VALUES (?, ?)"),
                          {algorithm, authData});
    if (!query)
        return query.error();
    return query->lastInsertId().toLongLong();
}

Result<std::optional<KeyBackupVersion>> KeyBackupStore::version(qint64 version)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT v.version, v.algorithm, v.auth_data, v.etag,"
                                         " (SELECT COUNT(*) FROM key_backup_keys k"
                                         "  WHERE k.version = v.version)"
                                         " FROM key_backup_versions v"
                                         " WHERE v.version = ? AND v.deleted = 0"),
                          {version});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<KeyBackupVersion>();
    return std::optional<KeyBackupVersion>(KeyBackupVersion{
        query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toByteArray(),
        query->value(3).toLongLong(), query->value(4).toLongLong()});
}

Result<std::optional<KeyBackupVersion>> KeyBackupStore::currentVersion()
{
    auto query = sql::run(m_db, QStringLiteral("SELECT MAX(version) FROM key_backup_versions"
                                               " WHERE deleted = 0"));
    if (!query)
        return query.error();
    if (!query->next() || query->value(0).isNull())
        return std::optional<KeyBackupVersion>();
    return version(query->value(0).toLongLong());
}

Result<bool> KeyBackupStore::setAuthData(qint64 version, const QByteArray &authData)
{
    if (auto ok = limits::checkBlob(authData, kMaxBackupJsonBytes, "auth_data"); !ok)
        return ok.error();
    auto query = sql::run(m_db,
                          QStringLiteral("UPDATE key_backup_versions SET auth_data = ?"
                                         " WHERE version = ? AND deleted = 0"),
                          {authData, version});
    if (!query)
        return query.error();
    return sql::affected(*query) > 0;
}

Result<bool> KeyBackupStore::deleteVersion(qint64 version)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto marked = sql::run(m_db,
                           QStringLiteral("UPDATE key_backup_versions SET deleted = 1"
                                          " WHERE version = ?"),
                           {version});
    if (!marked)
        return marked.error();
    if (sql::affected(*marked) == 0)
        return false;
    if (auto gone = sql::exec(m_db, QStringLiteral("DELETE FROM key_backup_keys WHERE version = ?"),
                              {version});
        !gone)
        return gone.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

// Both run once per key of an upload (thousands at once): prepared once, kept (Database::cached).
Result<std::optional<BackedUpKey>> KeyBackupStore::storedKey(qint64 version, const QString &roomId,
                                                             const QString &sessionId)
{
    QSqlQuery &query = m_db.cached(QStringLiteral(
        "SELECT room_id, session_id, first_message_index, forwarded_count, is_verified,"
        " session_data FROM key_backup_keys WHERE version = ? AND room_id = ? AND session_id = ?"));
    if (auto ran = m_db.exec(query, {version, roomId, sessionId}); !ran)
        return ran.error();
    std::optional<BackedUpKey> found;
    if (query.next())
        found = keyFrom(query);
    query.finish();
    return found;
}

Result<void> KeyBackupStore::writeKey(qint64 version, const BackedUpKey &key)
{
    QSqlQuery &query = m_db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO key_backup_keys (version, room_id, session_id,"
        " first_message_index, forwarded_count, is_verified, session_data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return m_db.exec(query, {version, key.roomId, key.sessionId, key.firstMessageIndex,
                             key.forwardedCount, key.isVerified ? 1 : 0, key.sessionData});
}

Result<void> KeyBackupStore::bumpEtag(qint64 version)
{
    return sql::exec(m_db,
                     QStringLiteral("UPDATE key_backup_versions SET etag = etag + 1"
                                    " WHERE version = ?"),
                     {version});
}

Result<void> KeyBackupStore::putKeys(qint64 version, const QList<BackedUpKey> &keys)
{
    for (const BackedUpKey &key : keys) {
        if (auto ok = checkKey(key); !ok)
            return ok;
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    bool changed = false;
    for (const BackedUpKey &key : keys) {
        auto stored = storedKey(version, key.roomId, key.sessionId);
        if (!stored)
            return stored.error();
        if (*stored && !replaces(key, **stored))
            continue;
        if (auto written = writeKey(version, key); !written)
            return written;
        changed = true;
    }
    if (changed) {
        if (auto bumped = bumpEtag(version); !bumped)
            return bumped;
    }
    return tx.commit();
}

Result<QList<BackedUpKey>> KeyBackupStore::keys(qint64 version, const KeySelection &selection)
{
    QVariantList bindings;
    const QString where = selectionClause(version, selection, bindings);
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT room_id, session_id, first_message_index,"
                                         " forwarded_count, is_verified, session_data"
                                         " FROM key_backup_keys") +
                              where + QStringLiteral(" ORDER BY room_id, session_id"),
                          bindings);
    if (!query)
        return query.error();
    QList<BackedUpKey> found;
    while (query->next())
        found.append(keyFrom(*query));
    return found;
}

Result<void> KeyBackupStore::deleteKeys(qint64 version, const KeySelection &selection)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QVariantList bindings;
    const QString where = selectionClause(version, selection, bindings);
    auto deleted = sql::run(m_db, QStringLiteral("DELETE FROM key_backup_keys") + where, bindings);
    if (!deleted)
        return deleted.error();
    if (sql::affected(*deleted) > 0) {
        if (auto bumped = bumpEtag(version); !bumped)
            return bumped;
    }
    return tx.commit();
}

} // namespace trellis::storage
