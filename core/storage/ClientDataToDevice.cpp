// ClientDataStore: to-device messages and sendToDevice transaction IDs (client-server-api
// "Send-to-Device messaging": messages stay in a device's inbox until the client syncs with
// a token past them).
#include "core/storage/ClientDataStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"

namespace trellis::storage {

Result<int> ClientDataStore::queueOne(const QString &deviceId, const QString &sender,
                                      const QString &type, const QByteArray &content)
{
    auto pending = sql::run(m_db,
                            QStringLiteral("SELECT COUNT(*) FROM to_device_messages"
                                           " WHERE device_id = ?"),
                            {deviceId});
    if (!pending)
        return pending.error();
    if (pending->next() && pending->value(0).toLongLong() >= limits::kMaxPendingToDevice)
        return 0;
    auto position = m_toDevice.advance();
    if (!position)
        return position.error();
    // INSERT ... SELECT: a message to an unknown device inserts nothing.
    auto query = sql::run(m_db,
                          QStringLiteral("INSERT INTO to_device_messages (stream_id, device_id,"
                                         " sender, type, content) SELECT ?, device_id, ?, ?, ?"
                                         " FROM devices WHERE device_id = ?"),
                          {*position, sender, type, content, deviceId});
    if (!query)
        return query.error();
    return sql::affected(*query);
}

Result<int> ClientDataStore::queueToDevice(const QString &sender, const QString &type,
                                           const QMap<QString, QByteArray> &contentByDevice)
{
    if (auto ok = limits::checkText(sender, limits::kMaxIdBytes, "sender"); !ok)
        return ok.error();
    if (auto ok = limits::checkText(type, limits::kMaxTypeBytes, "type"); !ok)
        return ok.error();
    for (const QByteArray &content : contentByDevice) {
        if (auto ok = limits::checkBlob(content, limits::kMaxToDeviceBytes, "content"); !ok)
            return ok.error();
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    int queued = 0;
    for (auto it = contentByDevice.cbegin(); it != contentByDevice.cend(); ++it) {
        QStringList targets{it.key()};
        if (it.key() == u"*") {
            auto all = sql::run(m_db, QStringLiteral("SELECT device_id FROM devices"));
            if (!all)
                return all.error();
            targets.clear();
            while (all->next())
                targets.append(all->value(0).toString());
        }
        for (const QString &deviceId : std::as_const(targets)) {
            auto added = queueOne(deviceId, sender, type, it.value());
            if (!added)
                return added.error();
            queued += *added;
        }
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_toDevice.publish();
    return queued;
}

Result<QList<ToDeviceMessage>> ClientDataStore::toDeviceMessages(const QString &deviceId,
                                                                 qint64 position, int limit)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT stream_id, sender, type, content"
                                         " FROM to_device_messages WHERE device_id = ?"
                                         " AND stream_id > ? ORDER BY stream_id LIMIT ?"),
                          {deviceId, position, qMax(0, limit)});
    if (!query)
        return query.error();
    QList<ToDeviceMessage> messages;
    while (query->next()) {
        messages.append(ToDeviceMessage{query->value(0).toLongLong(), query->value(1).toString(),
                                        query->value(2).toString(), query->value(3).toByteArray()});
    }
    return messages;
}

Result<int> ClientDataStore::deleteToDeviceUpTo(const QString &deviceId, qint64 position)
{
    auto query = sql::run(m_db,
                          QStringLiteral("DELETE FROM to_device_messages"
                                         " WHERE device_id = ? AND stream_id <= ?"),
                          {deviceId, position});
    if (!query)
        return query.error();
    return sql::affected(*query);
}

Result<bool> ClientDataStore::markTransaction(const QString &deviceId, const QString &txnId,
                                              qint64 nowMs)
{
    if (auto ok = limits::checkText(txnId, limits::kMaxIdBytes, "txn_id"); !ok)
        return ok.error();
    auto exists = deviceExists(deviceId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return Error::notFound(QStringLiteral("no such device"));
    auto query = sql::run(m_db,
                          QStringLiteral("INSERT OR IGNORE INTO to_device_txns (device_id,"
                                         " txn_id, created_ts) VALUES (?, ?, ?)"),
                          {deviceId, txnId, nowMs});
    if (!query)
        return query.error();
    return sql::affected(*query) > 0;
}

Result<int> ClientDataStore::pruneTransactions(qint64 beforeMs)
{
    auto query = sql::run(m_db, QStringLiteral("DELETE FROM to_device_txns WHERE created_ts < ?"),
                          {beforeMs});
    if (!query)
        return query.error();
    return sql::affected(*query);
}

} // namespace trellis::storage
