// The owner's client-side data: account data and receipts (client-server-api "Client Config",
// "Receipts") and media metadata ("Content repository"). Keys and to-device messages are in
// ClientDataKeys.cpp and ClientDataToDevice.cpp.
#include "core/storage/ClientDataStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"
#include "core/storage/ClientDataSchema.h"

namespace trellis::storage {
namespace {

const QString kCounterTable = QStringLiteral("clientdata_streams");

Receipt receiptFromRow(const QSqlQuery &query)
{
    return Receipt{query.value(0).toString(),  query.value(1).toString(),
                   query.value(2).toString(),  query.value(3).toString(),
                   query.value(4).toString(),  query.value(5).toLongLong(),
                   query.value(6).toLongLong()};
}

const QString kReceiptColumns =
    QStringLiteral("room_id, receipt_type, user_id, thread_id, event_id, ts, stream_pos");

Result<void> checkReceipt(const Receipt &r)
{
    using namespace limits;
    for (const auto &[value, what] :
         {std::pair{&r.roomId, "room_id"}, {&r.userId, "user_id"}, {&r.eventId, "event_id"}}) {
        if (auto ok = checkText(*value, kMaxIdBytes, what); !ok)
            return ok;
    }
    if (auto ok = checkText(r.receiptType, kMaxTypeBytes, "receipt type"); !ok)
        return ok;
    return checkOptionalText(r.threadId, kMaxIdBytes, "thread_id");
}

bool isValidMediaId(QStringView id)
{
    if (id.isEmpty() || id.size() > limits::kMaxIdBytes)
        return false;
    for (QChar qc : id) {
        const char16_t c = qc.unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

Result<void> checkMedia(const MediaInfo &m)
{
    using namespace limits;
    if (auto ok = checkText(m.origin, kMaxIdBytes, "origin"); !ok)
        return ok;
    if (!isValidMediaId(m.mediaId))
        return Error::invalidParam(QStringLiteral("media_id must be 1-255 of [A-Za-z0-9_-]"));
    for (const auto &[value, what] :
         {std::pair{&m.contentType, "content type"}, {&m.uploadName, "upload name"}}) {
        if (auto ok = checkOptionalText(*value, kMaxLabelBytes, what); !ok)
            return ok;
    }
    if (auto ok = checkOptionalText(m.uploader, kMaxIdBytes, "uploader"); !ok)
        return ok;
    if (m.size < 0)
        return Error::invalidParam(QStringLiteral("negative media size"));
    if (!m.sha256.isEmpty() && m.sha256.size() != 32)
        return Error::invalidParam(QStringLiteral("a SHA-256 digest has 32 bytes"));
    return {};
}

} // namespace

ClientDataStore::ClientDataStore(Database &db, AccountStore &accounts)
    : m_db(db), m_accounts(accounts),
      m_accountData(db, kCounterTable, QStringLiteral("account_data")),
      m_receipts(db, kCounterTable, QStringLiteral("receipts")),
      m_toDevice(db, kCounterTable, QStringLiteral("to_device"))
{
}

Result<std::unique_ptr<ClientDataStore>> ClientDataStore::open(Database &db, AccountStore &accounts)
{
    if (auto migrated = db.migrate(clientDataSchema()); !migrated)
        return migrated.error();
    std::unique_ptr<ClientDataStore> store(new ClientDataStore(db, accounts));
    if (auto loaded = store->load(); !loaded)
        return loaded.error();
    return Result<std::unique_ptr<ClientDataStore>>(std::move(store));
}

Result<void> ClientDataStore::load()
{
    for (AccountStreamCounter *counter : {&m_accountData, &m_receipts, &m_toDevice}) {
        if (auto loaded = counter->load(); !loaded)
            return loaded;
    }
    return {};
}

Result<bool> ClientDataStore::deviceExists(const QString &deviceId)
{
    auto query =
        sql::run(m_db, QStringLiteral("SELECT 1 FROM devices WHERE device_id = ?"), {deviceId});
    if (!query)
        return query.error();
    return query->next();
}

// --- account data ---

Result<qint64> ClientDataStore::setAccountData(const QString &roomId, const QString &type,
                                               const QByteArray &content)
{
    if (auto ok = limits::checkOptionalText(roomId, limits::kMaxIdBytes, "room_id"); !ok)
        return ok.error();
    if (auto ok = limits::checkText(type, limits::kMaxTypeBytes, "type"); !ok)
        return ok.error();
    if (auto ok = limits::checkBlob(content, limits::kMaxAccountDataBytes, "content"); !ok)
        return ok.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto position = m_accountData.advance();
    if (!position)
        return position.error();
    auto written = sql::exec(m_db,
                             QStringLiteral("INSERT OR REPLACE INTO account_data (room_id, type,"
                                            " content, stream_pos) VALUES (?, ?, ?, ?)"),
                             {sql::nonNull(roomId), type, content, *position});
    if (!written)
        return written.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_accountData.publish();
    return *position;
}

Result<std::optional<QByteArray>> ClientDataStore::accountData(const QString &roomId,
                                                               const QString &type)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT content FROM account_data"
                                         " WHERE room_id = ? AND type = ?"),
                          {sql::nonNull(roomId), type});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query->value(0).toByteArray());
}

Result<QList<AccountDataEntry>> ClientDataStore::accountDataAfter(qint64 position)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT room_id, type, content, stream_pos"
                                         " FROM account_data WHERE stream_pos > ?"
                                         " ORDER BY stream_pos"),
                          {position});
    if (!query)
        return query.error();
    QList<AccountDataEntry> entries;
    while (query->next()) {
        entries.append(AccountDataEntry{query->value(0).toString(), query->value(1).toString(),
                                        query->value(2).toByteArray(),
                                        query->value(3).toLongLong()});
    }
    return entries;
}

// --- receipts ---

Result<qint64> ClientDataStore::setReceipt(const Receipt &receipt)
{
    if (auto ok = checkReceipt(receipt); !ok)
        return ok.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto position = m_receipts.advance();
    if (!position)
        return position.error();
    auto written =
        sql::exec(m_db,
                  QStringLiteral("INSERT OR REPLACE INTO receipts (%1)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)")
                      .arg(kReceiptColumns),
                  {receipt.roomId, receipt.receiptType, receipt.userId,
                   sql::nonNull(receipt.threadId), receipt.eventId, receipt.ts, *position});
    if (!written)
        return written.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_receipts.publish();
    return *position;
}

Result<QList<Receipt>> ClientDataStore::receiptsAfter(qint64 position)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT %1 FROM receipts WHERE stream_pos > ?"
                                         " ORDER BY stream_pos")
                              .arg(kReceiptColumns),
                          {position});
    if (!query)
        return query.error();
    QList<Receipt> receipts;
    while (query->next())
        receipts.append(receiptFromRow(*query));
    return receipts;
}

Result<QList<Receipt>> ClientDataStore::receiptsForRoom(const QString &roomId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT %1 FROM receipts WHERE room_id = ?"
                                         " ORDER BY stream_pos")
                              .arg(kReceiptColumns),
                          {roomId});
    if (!query)
        return query.error();
    QList<Receipt> receipts;
    while (query->next())
        receipts.append(receiptFromRow(*query));
    return receipts;
}

// --- media metadata ---

Result<void> ClientDataStore::addMedia(const MediaInfo &info)
{
    if (auto ok = checkMedia(info); !ok)
        return ok;
    auto query = sql::run(
        m_db,
        QStringLiteral("INSERT OR IGNORE INTO media (origin, media_id,"
                       " content_type, upload_name, size, sha256, created_ts,"
                       " uploader) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {info.origin, info.mediaId, sql::nullIfEmpty(info.contentType),
         sql::nullIfEmpty(info.uploadName), info.size,
         info.sha256.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(info.sha256),
         info.createdTs, sql::nullIfEmpty(info.uploader)});
    if (!query)
        return query.error();
    if (sql::affected(*query) == 0)
        return Error{ErrorCode::BadState, QStringLiteral("the media ID is taken"), {}};
    return {};
}

Result<std::optional<MediaInfo>> ClientDataStore::media(const QString &origin,
                                                        const QString &mediaId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT content_type, upload_name, size, sha256,"
                                         " created_ts, uploader FROM media"
                                         " WHERE origin = ? AND media_id = ?"),
                          {origin, mediaId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<MediaInfo>();
    return std::optional<MediaInfo>(MediaInfo{
        origin, mediaId, sql::optionalText(query->value(0)), sql::optionalText(query->value(1)),
        query->value(2).toLongLong(), query->value(3).toByteArray(), query->value(4).toLongLong(),
        sql::optionalText(query->value(5))});
}

Result<bool> ClientDataStore::deleteMedia(const QString &origin, const QString &mediaId)
{
    auto query =
        sql::run(m_db, QStringLiteral("DELETE FROM media WHERE origin = ? AND media_id = ?"),
                 {origin, mediaId});
    if (!query)
        return query.error();
    return sql::affected(*query) > 0;
}

} // namespace trellis::storage
