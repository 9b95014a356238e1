#pragma once
#include "core/api/ServerStatus.h"
#include "core/crypto/SigningKey.h"
#include "core/server/ServerConfig.h"
#include "core/services/ThumbnailRenderer.h"

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
    /// Makes media thumbnails (the host's image decoder; the core has none).
    services::ThumbnailRenderer thumbnails;
};

using api::ServerStatus;

} // namespace trellis::server
