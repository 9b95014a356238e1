#include "core/server/HomeserverHost.h"

#include "core/server/Homeserver.h"
#include "core/server/SigningKeyVault.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace trellis::server {

HomeserverHost::HomeserverHost(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ServerStatus>();
    qRegisterMetaType<QList<api::RequestLogEntry>>();
    qRegisterMetaType<Error>();
    qRegisterMetaType<QList<api::RoomListEntry>>();
    qRegisterMetaType<QList<api::DeviceEntry>>();
    m_thread.setObjectName(QStringLiteral("trellis-core"));
}

HomeserverHost::~HomeserverHost()
{
    if (m_thread.isRunning()) {
        Q_EMIT stopRequested();
        m_thread.quit();
        m_thread.wait();
    }
}

void HomeserverHost::start(const ServerConfig &config, std::optional<InitialAccount> initialAccount)
{
    if (m_thread.isRunning()) {
        Q_EMIT failed(Error{ErrorCode::BadState, QStringLiteral("the server is already running"), {}});
        return;
    }
    auto *vault = new SigningKeyVault(config.serverName.toString(), config.signingKeyFallbackPath(), this);
    vault->setKeychainEnabled(m_keychainEnabled);
    connect(vault, &SigningKeyVault::ready, this,
            [this, vault, config, initialAccount](const crypto::SigningKey &key) {
                vault->deleteLater();
                launch({config, key, initialAccount, m_thumbnails});
            });
    connect(vault, &SigningKeyVault::failed, this, [this, vault](const Error &error) {
        vault->deleteLater();
        Q_EMIT failed(error.prefixed(QStringLiteral("signing key")));
    });
    vault->load();
}

void HomeserverHost::launch(HomeserverOptions options)
{
    m_server = new Homeserver(std::move(options));
    m_server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_server, &Homeserver::start);
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(this, &HomeserverHost::stopRequested, m_server, &Homeserver::stop);
    connect(m_server, &Homeserver::started, this, &HomeserverHost::started);
    connect(m_server, &Homeserver::requestsServed, this, &HomeserverHost::requestsServed);
    connect(m_server, &Homeserver::roomsListed, this, &HomeserverHost::roomsListed);
    connect(m_server, &Homeserver::devicesListed, this, &HomeserverHost::devicesListed);
    connect(m_server, &Homeserver::roomDumped, this, &HomeserverHost::roomDumped);
    connect(m_server, &Homeserver::roomChanged, this, &HomeserverHost::roomChanged);
    connect(m_server, &Homeserver::roomActionFailed, this, &HomeserverHost::roomActionFailed);
    connect(m_server, &Homeserver::roomJoined, this, &HomeserverHost::roomJoined);
    connect(m_server, &Homeserver::connectionsChanged, this, &HomeserverHost::connectionsChanged);
    connect(m_server, &Homeserver::failed, this, [this](const Error &error) {
        m_thread.quit();
        m_thread.wait();
        m_server = nullptr;
        Q_EMIT failed(error);
    });
    connect(m_server, &Homeserver::stopped, this, [this] {
        m_thread.quit();
        m_thread.wait();
        m_server = nullptr;
        Q_EMIT stopped();
    });
    m_thread.start();
}

void HomeserverHost::stop()
{
    if (!m_thread.isRunning()) {
        Q_EMIT stopped();
        return;
    }
    Q_EMIT stopRequested();
}

void HomeserverHost::callServer(std::function<void(Homeserver &)> call)
{
    if (!m_server)
        return;
    // The functor runs on the server's (core) thread, after what is already queued there.
    QMetaObject::invokeMethod(m_server, [server = m_server, call = std::move(call)] { call(*server); },
                              Qt::QueuedConnection);
}

void HomeserverHost::listRooms()
{
    callServer([](Homeserver &server) { server.listRooms(); });
}

void HomeserverHost::dumpRoom(const QString &roomId)
{
    callServer([roomId](Homeserver &server) { server.dumpRoom(roomId); });
}

void HomeserverHost::createRoom(const api::NewRoom &room)
{
    callServer([room](Homeserver &server) { server.createRoom(room); });
}

void HomeserverHost::joinRoom(const QString &roomIdOrAlias)
{
    callServer([roomIdOrAlias](Homeserver &server) { server.joinRoom(roomIdOrAlias); });
}

void HomeserverHost::leaveRoom(const QString &roomId)
{
    callServer([roomId](Homeserver &server) { server.leaveRoom(roomId); });
}

void HomeserverHost::setRoomState(const QString &roomId, const QString &type, const QByteArray &content)
{
    callServer([roomId, type, content](Homeserver &server) { server.setRoomState(roomId, type, content); });
}

void HomeserverHost::listDevices()
{
    callServer([](Homeserver &server) { server.listDevices(); });
}

void HomeserverHost::sendMessage(const QString &roomId, const QByteArray &content)
{
    callServer([roomId, content](Homeserver &server) { server.sendMessage(roomId, content); });
}

} // namespace trellis::server
