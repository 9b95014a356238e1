#pragma once
#include "core/crypto/SigningKey.h"
#include "core/server/ServerConfig.h"

#include <QStringList>
#include <optional>

namespace trellis::server {

/// The owner's account, created on first run (single-user server).
struct InitialAccount
{
    QString localpart;
    QByteArray passwordHash; ///< argon2id, from crypto::hashPassword
};

/// Everything a Homeserver needs to start; prepared on the host's thread (the signing key
/// comes from the keychain, whose jobs belong there).
struct HomeserverOptions
{
    ServerConfig config;
    crypto::SigningKey signingKey;
    std::optional<InitialAccount> initialAccount;
};

/// What a started server tells its host (an immutable value crossing threads).
struct ServerStatus
{
    QString serverName;
    QString userId;          ///< the owner, empty until an account exists
    QStringList listening;   ///< "127.0.0.1:8008", one per listener, with the real port
    bool tls = false;
    QString signingKeyId;
    qint64 startupMillis = 0;
};

} // namespace trellis::server

Q_DECLARE_METATYPE(trellis::server::ServerStatus)
