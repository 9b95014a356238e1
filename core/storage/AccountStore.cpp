// The owner's account and logins (client-server-api "Login", "Device management",
// "Using access tokens", "Filtering").
#include "core/storage/AccountStore.h"

#include "core/crypto/Sodium.h"
#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSchema.h"
#include "core/storage/AccountSql.h"

#include <sodium.h>

namespace trellis::storage {
namespace {

constexpr int kGeneratedDeviceIdLength = 10;

const QString kDeviceColumns =
    QStringLiteral("device_id, display_name, created_ts, last_seen_ts, last_seen_ip");

QString randomDeviceId()
{
    crypto::ensureSodium();
    QString id;
    for (int i = 0; i < kGeneratedDeviceIdLength; ++i)
        id.append(QLatin1Char(char('A' + randombytes_uniform(26))));
    return id;
}

Result<void> checkDeviceId(const QString &deviceId)
{
    return limits::checkText(deviceId, limits::kMaxIdBytes, "device_id");
}

} // namespace

AccountStore::AccountStore(Database &db)
    : m_db(db), m_deviceLists(db, QStringLiteral("account_streams"), QStringLiteral("device_lists"))
{
}

Result<std::unique_ptr<AccountStore>> AccountStore::open(Database &db)
{
    if (auto migrated = db.migrate(accountSchema()); !migrated)
        return migrated.error();
    std::unique_ptr<AccountStore> store(new AccountStore(db));
    if (auto loaded = store->load(); !loaded)
        return loaded.error();
    return Result<std::unique_ptr<AccountStore>>(std::move(store));
}

Result<void> AccountStore::load()
{
    if (auto counter = m_deviceLists.load(); !counter)
        return counter.error();
    auto query = sql::run(m_db, QStringLiteral("SELECT user_id, password_hash, created_ts,"
                                               " displayname, avatar_url FROM account"));
    if (!query)
        return query.error();
    if (!query->next())
        return {};
    auto userId = UserId::parse(query->value(0).toString());
    if (!userId)
        return Error::io(QStringLiteral("the stored account is damaged"), userId.error().message);
    m_account = Account{*userId, query->value(1).toByteArray(), query->value(2).toLongLong(),
                        sql::optionalText(query->value(3)), sql::optionalText(query->value(4))};
    return {};
}

// --- the account ---

Result<Account> AccountStore::createAccount(const UserId &userId, const QByteArray &passwordHash,
                                            qint64 nowMs)
{
    if (m_account)
        return Error{ErrorCode::BadState, QStringLiteral("the account already exists"), {}};
    if (auto ok = limits::checkText(userId.toString(), limits::kMaxIdBytes, "user_id"); !ok)
        return ok.error();
    if (auto ok = limits::checkBlob(passwordHash, limits::kMaxLabelBytes, "password hash"); !ok)
        return ok.error();
    auto inserted = sql::exec(m_db,
                              QStringLiteral("INSERT INTO account (id, user_id, password_hash,"
                                             " created_ts) VALUES (1, ?, ?, ?)"),
                              {userId.toString(), passwordHash, nowMs});
    if (!inserted)
        return inserted.error();
    m_account = Account{userId, passwordHash, nowMs, {}, {}};
    return *m_account;
}

Result<void> AccountStore::updateAccountColumn(const QString &statement, const QVariant &value)
{
    if (!m_account)
        return Error{ErrorCode::BadState, QStringLiteral("there is no account yet"), {}};
    return sql::exec(m_db, statement, {value});
}

Result<void> AccountStore::setPasswordHash(const QByteArray &passwordHash)
{
    if (auto ok = limits::checkBlob(passwordHash, limits::kMaxLabelBytes, "password hash"); !ok)
        return ok;
    auto updated = updateAccountColumn(
        QStringLiteral("UPDATE account SET password_hash = ? WHERE id = 1"), passwordHash);
    if (updated)
        m_account->passwordHash = passwordHash;
    return updated;
}

Result<void> AccountStore::setDisplayName(const QString &displayName)
{
    if (auto ok = limits::checkOptionalText(displayName, limits::kMaxLabelBytes, "displayname");
        !ok)
        return ok;
    auto updated =
        updateAccountColumn(QStringLiteral("UPDATE account SET displayname = ? WHERE id = 1"),
                            sql::nullIfEmpty(displayName));
    if (updated)
        m_account->displayName = displayName;
    return updated;
}

Result<void> AccountStore::setAvatarUrl(const QString &avatarUrl)
{
    if (auto ok = limits::checkOptionalText(avatarUrl, limits::kMaxLabelBytes, "avatar_url"); !ok)
        return ok;
    auto updated =
        updateAccountColumn(QStringLiteral("UPDATE account SET avatar_url = ? WHERE id = 1"),
                            sql::nullIfEmpty(avatarUrl));
    if (updated)
        m_account->avatarUrl = avatarUrl;
    return updated;
}

// --- devices ---

Device AccountStore::deviceFromRow(const QSqlQuery &query)
{
    Device device;
    device.deviceId = query.value(0).toString();
    device.displayName = sql::optionalText(query.value(1));
    device.createdTs = query.value(2).toLongLong();
    if (!query.value(3).isNull())
        device.lastSeenTs = query.value(3).toLongLong();
    device.lastSeenIp = sql::optionalText(query.value(4));
    return device;
}

Result<bool> AccountStore::deviceExists(const QString &deviceId)
{
    auto query =
        sql::run(m_db, QStringLiteral("SELECT 1 FROM devices WHERE device_id = ?"), {deviceId});
    if (!query)
        return query.error();
    return query->next();
}

Result<Device> AccountStore::createDevice(const QString &deviceId, const QString &displayName,
                                          qint64 nowMs)
{
    const QString id = deviceId.isEmpty() ? randomDeviceId() : deviceId;
    if (auto ok = checkDeviceId(id); !ok)
        return ok.error();
    if (auto ok = limits::checkOptionalText(displayName, limits::kMaxLabelBytes, "display_name");
        !ok)
        return ok.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto exists = deviceExists(id);
    if (!exists)
        return exists.error();
    if (*exists)
        return Error{ErrorCode::BadState, QStringLiteral("the device already exists"), {}};
    auto inserted = sql::exec(m_db,
                              QStringLiteral("INSERT INTO devices (device_id, display_name,"
                                             " created_ts) VALUES (?, ?, ?)"),
                              {id, sql::nullIfEmpty(displayName), nowMs});
    if (!inserted)
        return inserted.error();
    if (auto noted = noteOwnDeviceChange(); !noted)
        return noted.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_deviceLists.publish();
    return Device{id, displayName, nowMs, std::nullopt, {}};
}

Result<Device> AccountStore::ensureDevice(const QString &deviceId, const QString &displayName,
                                          qint64 nowMs)
{
    if (!deviceId.isEmpty()) {
        if (auto ok = checkDeviceId(deviceId); !ok)
            return ok.error();
        auto existing = device(deviceId);
        if (!existing)
            return existing.error();
        if (*existing)
            return **existing;
    }
    return createDevice(deviceId, displayName, nowMs);
}

Result<QList<Device>> AccountStore::devices()
{
    auto query = sql::run(m_db, QStringLiteral("SELECT %1 FROM devices ORDER BY created_ts,"
                                               " device_id")
                                    .arg(kDeviceColumns));
    if (!query)
        return query.error();
    QList<Device> result;
    while (query->next())
        result.append(deviceFromRow(*query));
    return result;
}

Result<std::optional<Device>> AccountStore::device(const QString &deviceId)
{
    auto query = sql::run(
        m_db, QStringLiteral("SELECT %1 FROM devices WHERE device_id = ?").arg(kDeviceColumns),
        {deviceId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Device>();
    return std::optional<Device>(deviceFromRow(*query));
}

Result<void> AccountStore::setDeviceDisplayName(const QString &deviceId, const QString &displayName)
{
    if (auto ok = limits::checkOptionalText(displayName, limits::kMaxLabelBytes, "display_name");
        !ok)
        return ok;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto query =
        sql::run(m_db, QStringLiteral("UPDATE devices SET display_name = ? WHERE device_id = ?"),
                 {sql::nullIfEmpty(displayName), deviceId});
    if (!query)
        return query.error();
    if (sql::affected(*query) == 0)
        return Error::notFound(QStringLiteral("no such device"));
    if (auto noted = noteOwnDeviceChange(); !noted)
        return noted;
    if (auto committed = tx.commit(); !committed)
        return committed;
    m_deviceLists.publish();
    return {};
}

Result<void> AccountStore::touchDevice(const QString &deviceId, qint64 nowMs, const QString &ip)
{
    // A client address is not client-chosen text, but bound it anyway (proxies forward
    // whatever they are told).
    const QString boundedIp = ip.left(limits::kMaxTypeBytes);
    return sql::exec(m_db,
                     QStringLiteral("UPDATE devices SET last_seen_ts = ?, last_seen_ip = ?"
                                    " WHERE device_id = ?"),
                     {nowMs, sql::nullIfEmpty(boundedIp), deviceId});
}

Result<int> AccountStore::deleteDevicesUnlocked(const QStringList &deviceIds)
{
    int deleted = 0;
    for (const QString &id : deviceIds) {
        // Tokens, keys, to-device inbox and transaction IDs go with it (ON DELETE CASCADE).
        auto query =
            sql::run(m_db, QStringLiteral("DELETE FROM devices WHERE device_id = ?"), {id});
        if (!query)
            return query.error();
        deleted += sql::affected(*query);
    }
    if (deleted > 0) {
        if (auto noted = noteOwnDeviceChange(); !noted)
            return noted.error();
    }
    return deleted;
}

Result<void> AccountStore::deleteDevice(const QString &deviceId)
{
    auto deleted = deleteDevices({deviceId});
    if (!deleted)
        return deleted.error();
    if (*deleted == 0)
        return Error::notFound(QStringLiteral("no such device"));
    return {};
}

Result<int> AccountStore::deleteDevices(const QStringList &deviceIds)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto deleted = deleteDevicesUnlocked(deviceIds);
    if (!deleted)
        return deleted.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_deviceLists.publish();
    return *deleted;
}

} // namespace trellis::storage
