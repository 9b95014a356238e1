#include "core/services/LoginService.h"

#include "core/crypto/PasswordHash.h"
#include "core/json/Fields.h"
#include "core/storage/AccountStore.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLogin, "trellis.login")

namespace trellis::services {

namespace {

// Password guessing from one address: a few attempts at once, then one every five seconds.
constexpr double kLoginsPerSecond = 0.2;
constexpr double kLoginBurst = 8;

Error wrongCredentials() { return Error::forbidden(QStringLiteral("Invalid username or password")); }

} // namespace

LoginService::LoginService(storage::AccountStore &accounts, const ServerName &serverName)
    : m_accounts(accounts), m_serverName(serverName), m_limiter(kLoginsPerSecond, kLoginBurst)
{
}

Result<UserId> LoginService::resolveUser(const json::Object &body) const
{
    // client-server-api "Identifier types": m.id.user (the deprecated top-level `user` too).
    QString user;
    auto identifier = json::optionalObject(body, "identifier");
    if (!identifier)
        return identifier.error();
    if (*identifier) {
        auto type = json::requiredString(**identifier, "type");
        if (!type)
            return type.error().prefixed(QStringLiteral("identifier"));
        if (*type != QLatin1String("m.id.user"))
            return Error{ErrorCode::BadRequest, QStringLiteral("this server knows users by user ID only"), {}};
        auto name = json::requiredString(**identifier, "user");
        if (!name)
            return name.error().prefixed(QStringLiteral("identifier"));
        user = *name;
    } else {
        auto name = json::requiredString(body, "user");
        if (!name)
            return name.error();
        user = *name;
    }
    const auto &account = m_accounts.account();
    if (!account)
        return wrongCredentials();
    const bool matches = user.startsWith(u'@')
                             ? user == account->userId.toString()
                             : user.toLower() == account->userId.localpart().toString();
    if (!matches)
        return wrongCredentials();
    return account->userId;
}

Result<UserId> LoginService::checkPassword(const json::Object &body, const QString &clientAddress,
                                           qint64 nowMs, qint64 &retryAfterMs)
{
    retryAfterMs = m_limiter.take(clientAddress, nowMs);
    if (retryAfterMs > 0)
        return Error{ErrorCode::LimitExceeded, QStringLiteral("too many login attempts"), {}};
    auto password = json::requiredString(body, "password");
    if (!password)
        return password.error();
    auto user = resolveUser(body);
    if (!user)
        return user.error();
    if (!crypto::verifyPassword(*password, m_accounts.account()->passwordHash)) {
        qCInfo(lcLogin) << "wrong password from" << clientAddress;
        return wrongCredentials();
    }
    return user;
}

Result<LoginResult> LoginService::login(const json::Object &body, const QString &clientAddress,
                                        qint64 nowMs, qint64 &retryAfterMs)
{
    retryAfterMs = -1;
    auto type = json::requiredString(body, "type");
    if (!type)
        return type.error();
    if (*type != QLatin1String("m.login.password"))
        return Error{ErrorCode::BadRequest, QStringLiteral("unknown login type %1").arg(type->left(100)), {}};
    auto deviceId = json::optionalString(body, "device_id");
    if (!deviceId)
        return deviceId.error();
    auto displayName = json::optionalString(body, "initial_device_display_name");
    if (!displayName)
        return displayName.error();
    auto user = checkPassword(body, clientAddress, nowMs, retryAfterMs);
    if (!user)
        return user.error();
    auto device = m_accounts.ensureDevice(deviceId->value_or(QString()), displayName->value_or(QString()), nowMs);
    if (!device)
        return device.error();
    auto token = m_accounts.issueToken(device->deviceId, nowMs);
    if (!token)
        return token.error();
    qCInfo(lcLogin) << "login of device" << device->deviceId << "from" << clientAddress;
    return LoginResult{user->toString(), device->deviceId, QString::fromLatin1(*token)};
}

Result<void> LoginService::logout(const Session &session)
{
    // client-server-api "POST /logout": the token goes, and its device with it.
    forgetDevice(session.deviceId);
    auto deleted = m_accounts.deleteDevice(session.deviceId);
    if (!deleted && deleted.error().code != ErrorCode::NotFound)
        return deleted.error();
    return {};
}

Result<void> LoginService::logoutAll()
{
    auto devices = m_accounts.devices();
    if (!devices)
        return devices.error();
    QStringList ids;
    for (const auto &device : *devices)
        ids.append(device.deviceId);
    m_sessions.clear();
    auto deleted = m_accounts.deleteDevices(ids);
    if (!deleted)
        return deleted.error();
    return {};
}

void LoginService::forgetDevice(const QString &deviceId)
{
    m_sessions.removeIf([&](const auto &entry) { return entry.value().deviceId == deviceId; });
}

std::optional<Session> LoginService::authenticate(QByteArrayView token)
{
    const QByteArray hash = storage::AccountStore::tokenHash(token);
    if (const auto it = m_sessions.constFind(hash); it != m_sessions.cend())
        return *it;
    auto device = m_accounts.deviceForToken(token);
    if (!device || !*device || !m_accounts.account())
        return std::nullopt;
    Session session{m_accounts.account()->userId, (*device)->deviceId, {}};
    // A personal server has a handful of devices; a hostile stream of valid tokens cannot
    // exist, so the cache needs no eviction beyond logouts.
    m_sessions.insert(hash, session);
    return session;
}

void LoginService::seen(const Session &session, const QString &address)
{
    constexpr qint64 kRecordEveryMs = 60'000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto last = m_lastSeen.constFind(session.deviceId);
    if (last != m_lastSeen.cend() && now - last->first < kRecordEveryMs && last->second == address)
        return;
    if (m_accounts.touchDevice(session.deviceId, now, address))
        m_lastSeen.insert(session.deviceId, {now, address});
}

} // namespace trellis::services
