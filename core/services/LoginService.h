#pragma once
#include "core/base/Result.h"
#include "core/services/Session.h"
#include "core/json/Value.h"
#include "core/services/RateLimiter.h"

#include <QHash>

namespace trellis::storage {
class AccountStore;
}

namespace trellis::services {

/// A successful login: the body POST /login answers with.
struct LoginResult
{
    QString userId;
    QString deviceId;
    QString accessToken;
};

/// Logs the owner in and out, and recognises access tokens (client-server-api "Login",
/// "Logout", "Using access tokens"). Password guessing is slowed per client address by a rate
/// limiter; tokens are looked up by hash, with known sessions cached in memory so that the
/// hot path (every request) does not reach the database.
class LoginService final : public services::TokenAuthenticator
{
public:
    LoginService(storage::AccountStore &accounts, const ServerName &serverName);

    /// POST /login with `m.login.password`. `retryAfterMs` is set with M_LIMIT_EXCEEDED.
    Result<LoginResult> login(const json::Object &body, const QString &clientAddress, qint64 nowMs,
                              qint64 &retryAfterMs);
    /// Checks the owner's password in `body` (identifier or user, and password), as /login
    /// and user-interactive authentication (m.login.password stage) do; rate limited alike.
    Result<UserId> checkPassword(const json::Object &body, const QString &clientAddress,
                                 qint64 nowMs, qint64 &retryAfterMs);
    /// Ends the session of the token the request came with (POST /logout): the device goes too.
    Result<void> logout(const services::Session &session);
    /// Ends every session of the owner (POST /logout/all).
    Result<void> logoutAll();
    /// Forgets cached sessions of a device that was deleted elsewhere (DELETE /devices).
    void forgetDevice(const QString &deviceId);

    std::optional<services::Session> authenticate(QByteArrayView token) override;
    /// Records the device's last use, at most once a minute per device: a write per request
    /// would cost every send a second transaction.
    void seen(const services::Session &session, const QString &address) override;

private:
    Result<UserId> resolveUser(const json::Object &body) const;

    storage::AccountStore &m_accounts;
    ServerName m_serverName;
    RateLimiter m_limiter;
    QHash<QByteArray, services::Session> m_sessions; ///< by token hash
    QHash<QString, std::pair<qint64, QString>> m_lastSeen; ///< device -> (ms, address) last recorded
};

} // namespace trellis::services
