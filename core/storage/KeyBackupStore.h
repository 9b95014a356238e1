#pragma once
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace trellis::storage {

/// One backup version (client-server-api "Server-side key backups"). The server never reads
/// `authData` or the keys: they are the client's, encrypted to a key only the client holds.
struct KeyBackupVersion
{
    qint64 version = 0;
    QString algorithm;
    QByteArray authData; ///< canonical JSON of the auth_data object
    qint64 etag = 0;     ///< moves whenever the stored keys change
    qint64 count = 0;    ///< how many keys the version holds
};

/// One backed-up megolm session key, as uploaded (KeyBackupData in the spec).
struct BackedUpKey
{
    QString roomId;
    QString sessionId;
    qint64 firstMessageIndex = 0;
    qint64 forwardedCount = 0;
    bool isVerified = false;
    QByteArray sessionData; ///< canonical JSON of the session_data object
};

/// Which keys of a version a read or a delete covers: all, one room's, or one session's.
struct KeySelection
{
    QString roomId;    ///< empty: every room
    QString sessionId; ///< empty: every session of the room
};

/// The owner's server-side key backups. Only the most recent version that is not deleted
/// (the current one) takes new keys; a deleted version loses its keys and reads as unknown.
///
/// Limits: IDs 1..255 UTF-8 bytes, algorithms 1..255, auth_data and one key's session_data
/// 64 KiB each.
class KeyBackupStore
{
public:
    static Result<std::unique_ptr<KeyBackupStore>> open(Database &db);

    /// Creates a version, which becomes the current one; its number.
    Result<qint64> createVersion(const QString &algorithm, const QByteArray &authData);
    /// A version that exists and is not deleted.
    Result<std::optional<KeyBackupVersion>> version(qint64 version);
    /// The current version, if any.
    Result<std::optional<KeyBackupVersion>> currentVersion();
    /// Replaces a version's auth_data; false if the version is unknown or deleted.
    Result<bool> setAuthData(qint64 version, const QByteArray &authData);
    /// Deletes a version and its keys: true if it exists or was deleted before (deleting twice
    /// succeeds), false if it never existed.
    Result<bool> deleteVersion(qint64 version);

    /// Stores keys in a version (which the caller checked is the current one), all in one
    /// transaction. Where a key for the session is already stored, the better one stays
    /// (client-server-api "Server-side key backups": a verified key over an unverified one,
    /// then the lower first_message_index, then the lower forwarded_count). The etag moves
    /// if anything changed.
    Result<void> putKeys(qint64 version, const QList<BackedUpKey> &keys);
    /// The version's keys within `selection`, by room and session.
    Result<QList<BackedUpKey>> keys(qint64 version, const KeySelection &selection);
    /// Deletes the version's keys within `selection`; the etag moves if any went.
    Result<void> deleteKeys(qint64 version, const KeySelection &selection);

private:
    explicit KeyBackupStore(Database &db) : m_db(db) {}
    Result<std::optional<BackedUpKey>> storedKey(qint64 version, const QString &roomId,
                                                 const QString &sessionId);
    Result<void> writeKey(qint64 version, const BackedUpKey &key);
    Result<void> bumpEtag(qint64 version);

    Database &m_db;
};

} // namespace trellis::storage
