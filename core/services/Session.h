#pragma once
#include "core/base/UserId.h"

#include <QString>

namespace trellis::services {

/// Who is calling: the user and the device (login) whose access token came with the request.
struct Session
{
    UserId userId;
    QString deviceId;
    QByteArray accessToken; ///< as presented, for /logout; never logged or stored
};

/// Looks up access tokens (the account store behind it keeps only their hashes).
class TokenAuthenticator
{
public:
    virtual ~TokenAuthenticator() = default;
    /// The session the token belongs to, or nullopt if the token is unknown or revoked.
    virtual std::optional<Session> authenticate(QByteArrayView token) = 0;
    /// The session's device was just used from `address` (for its last_seen_ts and
    /// last_seen_ip, client-server-api "Device management").
    virtual void seen(const Session &session, const QString &address)
    {
        Q_UNUSED(session);
        Q_UNUSED(address);
    }
};

} // namespace trellis::services
