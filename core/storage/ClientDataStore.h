#pragma once
#include "core/storage/AccountStreamCounter.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace trellis::storage {

class AccountStore;

/// One account data value (client-server-api "Client Config"). JSON travels as bytes the
/// caller has already validated (canonical JSON of an object).
struct AccountDataEntry
{
    QString roomId; ///< empty for global account data
    QString type;
    QByteArray content;
    qint64 position = 0; ///< where it last changed on the account data stream
};

/// The latest receipt of one user of one type in one room and thread
/// (client-server-api "Receipts", "Threaded read receipts").
struct Receipt
{
    QString roomId;
    QString receiptType; ///< m.read, m.read.private, ...
    QString userId;
    QString threadId; ///< empty for an unthreaded receipt
    QString eventId;
    qint64 ts = 0;
    qint64 position = 0; ///< set by the store
};

/// A one-time or fallback key as uploaded: `algorithm:keyId` -> `json`.
struct OneTimeKey
{
    QString algorithm; ///< e.g. signed_curve25519
    QString keyId;
    QByteArray json;
};

/// One device's request in POST /keys/claim.
struct KeyClaim
{
    QString deviceId;
    QString algorithm;
};

struct ClaimedKey
{
    QString deviceId;
    QString algorithm;
    QString keyId;
    QByteArray json;
    bool fallback = false; ///< no one-time key was left: the (reusable) fallback key
};

/// A to-device message waiting in a device's inbox (client-server-api "Send-to-Device
/// messaging").
struct ToDeviceMessage
{
    qint64 streamId = 0;
    QString sender;
    QString type;
    QByteArray content;
};

/// What the server knows about a stored file (its bytes live on disk, kept elsewhere).
struct MediaInfo
{
    QString origin;  ///< server name of the mxc:// URI
    QString mediaId; ///< [A-Za-z0-9_-], at most 255 characters
    QString contentType;
    QString uploadName;
    qint64 size = 0;
    QByteArray sha256; ///< 32 bytes, or empty when unknown
    qint64 createdTs = 0;
    QString uploader; ///< user ID, empty for remote media
};

/// A cross-signing key as uploaded (client-server-api "Cross-signing"), already validated.
struct CrossSigningKeyRecord
{
    QString userId;
    QString usage;     ///< master, self_signing or user_signing
    QString publicKey; ///< unpadded base64 ed25519 public key
    QByteArray json;   ///< canonical JSON of the key object
};

/// One signature added to a key by POST /keys/signatures/upload.
struct KeySignature
{
    QString userId;       ///< whose key is signed
    QString target;       ///< a device ID, or the public key of a master key
    QString signerUserId; ///< who signed
    QString signerKeyId;  ///< "ed25519:<key>"
    QString signature;    ///< unpadded base64
};

/// A user's presence (client-server-api "Presence").
struct PresenceState
{
    QString userId;
    QString presence; ///< online, unavailable or offline
    QString statusMsg;
    qint64 lastActiveTs = 0;
    bool currentlyActive = false;
    qint64 position = 0; ///< where it last visibly changed (set by the store)
};

/// A generated thumbnail of a stored file (its bytes live on disk, named after this key).
struct ThumbnailInfo
{
    QString origin;
    QString mediaId;
    int width = 0;  ///< as requested
    int height = 0; ///< as requested
    QString method; ///< crop or scale
    QString contentType;
    qint64 size = 0;
    qint64 createdTs = 0;
};

/// The owner's client-side data: account data, receipts, end-to-end keys, to-device
/// messages, sendToDevice transaction IDs and media metadata. Three streams feed /sync
/// (account data, receipts, to-device); their current positions are cached in memory.
/// Presence changes take their positions from the account data stream: the sync token then
/// covers them without a part of their own, and both are the owner's own settings.
///
/// Limits (AccountLimits.h): IDs 1..255 UTF-8 bytes, types and algorithms 1..255, account
/// data 1 MiB, device keys 64 KiB, one key 4 KiB, a to-device message 64 KiB, 10000 unclaimed
/// one-time keys and 10000 undelivered to-device messages per device.
class ClientDataStore
{
public:
    /// Migrates the "clientdata" schema (after `accounts` opened: its devices are referenced)
    /// and loads the stream positions. `accounts` must outlive the store.
    static Result<std::unique_ptr<ClientDataStore>> open(Database &db, AccountStore &accounts);

    // --- account data ---

    /// Sets global (`roomId` empty) or per-room account data; the new stream position.
    Result<qint64> setAccountData(const QString &roomId, const QString &type,
                                  const QByteArray &content);
    Result<std::optional<QByteArray>> accountData(const QString &roomId, const QString &type);
    /// Values that changed after `position` (0: all), in stream order.
    Result<QList<AccountDataEntry>> accountDataAfter(qint64 position);
    qint64 currentAccountDataPosition() const { return m_accountData.current(); }

    // --- receipts (read markers themselves are room account data, m.fully_read) ---

    /// Replaces the user's receipt of that type in that room and thread; the new position.
    Result<qint64> setReceipt(const Receipt &receipt);
    /// Receipts that changed after `position`, in stream order.
    Result<QList<Receipt>> receiptsAfter(qint64 position);
    Result<QList<Receipt>> receiptsForRoom(const QString &roomId);
    qint64 currentReceiptPosition() const { return m_receipts.current(); }

    // --- device keys, one-time keys, fallback keys ---

    /// Stores the device's signed device keys; a change is a device-list change.
    /// M_NOT_FOUND for an unknown device.
    Result<void> setDeviceKeys(const QString &deviceId, const QByteArray &json);
    Result<std::optional<QByteArray>> deviceKeys(const QString &deviceId);
    /// Device ID -> device keys, for every device that uploaded some.
    Result<QMap<QString, QByteArray>> allDeviceKeys();
    /// Adds one-time keys in one transaction. Re-uploading a key unchanged is a no-op;
    /// changing it is M_INVALID_PARAM (the spec forbids reusing key IDs).
    Result<void> addOneTimeKeys(const QString &deviceId, const QList<OneTimeKey> &keys);
    /// Replaces the device's fallback key of each algorithm given (marked unused again).
    Result<void> setFallbackKeys(const QString &deviceId, const QList<OneTimeKey> &keys);
    /// Unclaimed one-time keys per algorithm (sync's device_one_time_keys_count).
    Result<QMap<QString, int>> oneTimeKeyCounts(const QString &deviceId);
    /// Algorithms whose fallback key is unused (sync's device_unused_fallback_key_types).
    Result<QStringList> unusedFallbackKeyAlgorithms(const QString &deviceId);
    /// Claims one key per request, all in one transaction: a one-time key is removed, and
    /// when none is left the fallback key is returned (and marked used, not removed).
    /// Requests with no key at all are left out of the answer.
    Result<QList<ClaimedKey>> claimKeys(const QList<KeyClaim> &claims);

    // --- cross-signing (ClientDataCrossSigning.cpp) ---

    /// The user's keys by usage.
    Result<QMap<QString, CrossSigningKeyRecord>> crossSigningKeys(const QString &userId);
    /// Stores keys (replacing those of the same user and usage) in one transaction; a key
    /// that changed drops the signatures it made and is a device-list change of its user.
    Result<void> setCrossSigningKeys(const QList<CrossSigningKeyRecord> &keys);
    /// Adds (or replaces) signatures in one transaction; a device-list change of each
    /// signed user.
    Result<void> addKeySignatures(const QList<KeySignature> &signatures);
    /// Every signature added to the user's keys.
    Result<QList<KeySignature>> keySignatures(const QString &userId);

    // --- presence (ClientDataPresence.cpp) ---

    Result<std::optional<PresenceState>> presence(const QString &userId);
    /// Records the state. Only a change of presence, status message or currently_active
    /// moves the stream (and the state's position); a new last-active time alone does not
    /// (client-server-api "Last active ago"). Returns whether the stream moved.
    Result<bool> setPresence(const PresenceState &state);
    /// States that visibly changed after `position`.
    Result<QList<PresenceState>> presenceAfter(qint64 position);

    // --- to-device messages ---

    /// Queues `type` from `sender` for local devices: device ID ("*": every device) ->
    /// content. Unknown devices and full inboxes are skipped (a message to a device that
    /// is gone is dropped, as the spec allows). Returns how many messages were queued.
    Result<int> queueToDevice(const QString &sender, const QString &type,
                              const QMap<QString, QByteArray> &contentByDevice);
    /// Up to `limit` messages of the device after `position`, in order. When the answer is
    /// full, the next since-position is the last message's streamId, not the current one.
    Result<QList<ToDeviceMessage>> toDeviceMessages(const QString &deviceId, qint64 position,
                                                    int limit);
    /// Deletes the device's messages up to `position` (the client acknowledged them by
    /// syncing with a later token); how many went.
    Result<int> deleteToDeviceUpTo(const QString &deviceId, qint64 position);
    qint64 currentToDevicePosition() const { return m_toDevice.current(); }
    /// Records a sendToDevice transaction ID: true the first time, false for a retry (which
    /// must not queue anything again). Use in the same Transaction as queueToDevice.
    Result<bool> markTransaction(const QString &deviceId, const QString &txnId, qint64 nowMs);
    /// Forgets transaction IDs recorded before `beforeMs`; how many.
    Result<int> pruneTransactions(qint64 beforeMs);

    // --- media metadata ---

    /// M_BAD_STATE if (origin, mediaId) exists.
    Result<void> addMedia(const MediaInfo &info);
    Result<std::optional<MediaInfo>> media(const QString &origin, const QString &mediaId);
    /// Whether it existed.
    Result<bool> deleteMedia(const QString &origin, const QString &mediaId);

    // --- thumbnails (ClientDataThumbnails.cpp) ---

    /// Records a generated thumbnail (replacing a previous record of the same key).
    Result<void> addThumbnail(const ThumbnailInfo &info);
    Result<std::optional<ThumbnailInfo>> thumbnail(const QString &origin, const QString &mediaId,
                                                   int width, int height, const QString &method);
    /// How many thumbnails of one file are recorded.
    Result<int> thumbnailCount(const QString &origin, const QString &mediaId);

private:
    ClientDataStore(Database &db, AccountStore &accounts);
    Result<void> load();
    Result<int> queueOne(const QString &deviceId, const QString &sender, const QString &type,
                         const QByteArray &content);
    Result<std::optional<ClaimedKey>> claimOne(const KeyClaim &claim);
    Result<void> addOneTimeKey(const QString &deviceId, const OneTimeKey &key);
    Result<bool> deviceExists(const QString &deviceId);

    Database &m_db;
    AccountStore &m_accounts;
    AccountStreamCounter m_accountData;
    AccountStreamCounter m_receipts;
    AccountStreamCounter m_toDevice;
};

} // namespace trellis::storage
