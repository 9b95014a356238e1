#pragma once
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QList>
#include <memory>
#include <optional>

namespace trellis::storage {

/// A server's published verify key as the server last saw it (server-server-api
/// "Retrieving server keys"), this server's own included.
struct ServerKey
{
    QString serverName;
    QString keyId;          ///< "ed25519:abc"
    QByteArray verifyKey;   ///< the 32 raw bytes
    qint64 validUntilTs = 0;
    qint64 fetchedTs = 0;
};

/// Server signing keys: the server's own current and past keys, and those fetched from other
/// servers to check their events (table server_keys of the "rooms" schema).
class KeyStore
{
public:
    static Result<std::unique_ptr<KeyStore>> open(Database &db);

    /// Inserts or refreshes a key; a later valid_until never moves backwards.
    Result<void> storeKey(const ServerKey &key);
    Result<std::optional<ServerKey>> key(const QString &serverName, const QString &keyId);
    /// Every key known for the server, newest validity first.
    Result<QList<ServerKey>> keys(const QString &serverName);

private:
    explicit KeyStore(Database &db) : m_db(db) {}
    Database &m_db;
};

} // namespace trellis::storage
