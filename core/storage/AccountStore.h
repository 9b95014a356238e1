#pragma once
#include "core/base/UserId.h"
#include "core/storage/AccountStreamCounter.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace trellis::storage {

/// The one local account of this personal server.
struct Account
{
    UserId userId;
    QByteArray passwordHash; ///< argon2id string from crypto::hashPassword
    qint64 createdTs = 0;    ///< ms since the epoch
    QString displayName;     ///< empty when unset
    QString avatarUrl;       ///< mxc:// URI, empty when unset
};

/// One login of the owner (client-server-api "Device management").
struct Device
{
    QString deviceId;
    QString displayName; ///< empty when unset
    qint64 createdTs = 0;
    std::optional<qint64> lastSeenTs;
    QString lastSeenIp; ///< empty when unknown
};

/// The owner's account, devices, access tokens (kept only as SHA-256 digests), filters and
/// the device-list change stream. Lives on the core thread with the Database it uses.
///
/// Limits (see AccountLimits.h): device IDs and user IDs are 1..255 UTF-8 bytes, display
/// names and avatar URLs at most 1024, filters at most 64 KiB; beyond: M_TOO_LARGE, empty or
/// with NUL: M_INVALID_PARAM.
class AccountStore
{
public:
    /// Migrates the "accounts" schema and loads the account and the stream position.
    static Result<std::unique_ptr<AccountStore>> open(Database &db);

    // --- the account ---

    /// Creates the one account; M_BAD_STATE if one already exists.
    Result<Account> createAccount(const UserId &userId, const QByteArray &passwordHash,
                                  qint64 nowMs);
    /// The account, nullopt before first-run set-up (cached: no database access).
    const std::optional<Account> &account() const { return m_account; }
    Result<void> setPasswordHash(const QByteArray &passwordHash);
    /// Empty clears the value.
    Result<void> setDisplayName(const QString &displayName);
    Result<void> setAvatarUrl(const QString &avatarUrl);

    // --- devices ---

    /// Creates a device; an empty `deviceId` gets a random one (10 capital letters).
    /// M_BAD_STATE if the device exists. Records a device-list change.
    Result<Device> createDevice(const QString &deviceId, const QString &displayName, qint64 nowMs);
    /// The device if it exists (a login naming a known device_id reuses it), else as
    /// createDevice.
    Result<Device> ensureDevice(const QString &deviceId, const QString &displayName, qint64 nowMs);
    /// Every device, oldest first.
    Result<QList<Device>> devices();
    Result<std::optional<Device>> device(const QString &deviceId);
    /// M_NOT_FOUND for an unknown device. Records a device-list change.
    Result<void> setDeviceDisplayName(const QString &deviceId, const QString &displayName);
    /// Last activity (called by whatever authenticates requests, at most every few minutes).
    Result<void> touchDevice(const QString &deviceId, qint64 nowMs, const QString &ip);
    /// Deletes a device with its tokens, keys, one-time keys, to-device inbox and sendToDevice
    /// transaction IDs (the other tables cascade). M_NOT_FOUND for an unknown device.
    Result<void> deleteDevice(const QString &deviceId);
    /// Deletes several devices in one transaction; unknown ones are skipped (as
    /// POST /delete_devices does). Returns how many went.
    Result<int> deleteDevices(const QStringList &deviceIds);

    // --- access tokens ---

    /// A new access token for the device: "trl_" + 32 random bytes in unpadded base64url.
    /// Only its digest is stored; the plaintext exists only in the returned value.
    Result<QByteArray> issueToken(const QString &deviceId, qint64 nowMs);
    /// The device a token belongs to; nullopt for an unknown, revoked or malformed token.
    Result<std::optional<Device>> deviceForToken(QByteArrayView token);
    /// The digest stored for a token (for callers that cache sessions by it).
    static QByteArray tokenHash(QByteArrayView token);
    /// Whether the token existed.
    Result<bool> revokeToken(QByteArrayView token);
    /// Revokes every token of a device; how many there were.
    Result<int> revokeDeviceTokens(const QString &deviceId);

    // --- filters (client-server-api "Filtering") ---

    /// Stores a filter (canonical JSON from the caller) and returns its ID: "1", "2", ...
    /// Uploading the same bytes again returns the same ID.
    Result<QString> addFilter(const QByteArray &filterJson);
    /// nullopt for an unknown or malformed ID.
    Result<std::optional<QByteArray>> filter(QStringView filterId);

    // --- device-list stream (for /sync's device_lists.changed) ---

    qint64 currentDeviceListPosition() const { return m_deviceLists.current(); }
    /// Records that `userId`'s devices or device keys changed; the new position.
    Result<qint64> noteDeviceListChange(const QString &userId);
    /// Users whose device list changed after `position`, in order of change.
    Result<QStringList> deviceListChangesAfter(qint64 position);

private:
    explicit AccountStore(Database &db);
    Result<void> load();
    /// A Device from the columns device_id, display_name, created_ts, last_seen_ts,
    /// last_seen_ip (in that order).
    static Device deviceFromRow(const QSqlQuery &query);
    Result<void> updateAccountColumn(const QString &statement, const QVariant &value);
    Result<void> noteOwnDeviceChange();
    Result<bool> deviceExists(const QString &deviceId);
    Result<int> deleteDevicesUnlocked(const QStringList &deviceIds);

    Database &m_db;
    std::optional<Account> m_account;
    AccountStreamCounter m_deviceLists;
};

} // namespace trellis::storage
