#include "core/server/Homeserver.h"
#include "core/server/HomeserverParts.h"

#include "core/clientapi/AccountDataEndpoints.h"
#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/ClientMiscEndpoints.h"
#include "core/clientapi/DefaultPushRules.h"
#include "core/clientapi/DeviceEndpoints.h"
#include "core/clientapi/DirectoryEndpoints.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/clientapi/KeyBackupEndpoints.h"
#include "core/clientapi/KeysEndpoints.h"
#include "core/clientapi/LoginEndpoints.h"
#include "core/clientapi/MediaEndpoints.h"
#include "core/clientapi/ProfileEndpoints.h"
#include "core/clientapi/PushRulesEndpoints.h"
#include "core/clientapi/ReceiptEndpoints.h"
#include "core/clientapi/RoomEndpoints.h"
#include "core/clientapi/RoomReadEndpoints.h"
#include "core/clientapi/Router.h"
#include "core/clientapi/ServerInfoEndpoints.h"
#include "core/clientapi/SyncEndpoints.h"
#include "core/http/HttpServer.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/server/TlsFiles.h"
#include "core/services/LoginService.h"
#include "core/services/MediaRepository.h"
#include "core/services/RoomHistory.h"
#include "core/services/RoomService.h"
#include "core/services/SyncNotifier.h"
#include "core/services/SyncService.h"
#include "core/services/TypingTracker.h"
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/KeyStore.h"
#include "core/storage/RoomStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QTimer>

Q_LOGGING_CATEGORY(lcServer, "trellis.server")
// One line per answered request; off unless asked for (QT_LOGGING_RULES="trellis.requests.debug=true").
Q_LOGGING_CATEGORY(lcRequests, "trellis.requests", QtInfoMsg)

namespace trellis::server {

namespace {
qint64 wallClock() { return QDateTime::currentMSecsSinceEpoch(); }
}


Homeserver::Homeserver(HomeserverOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

Homeserver::~Homeserver() { shutDown(); }

void Homeserver::start()
{
    QElapsedTimer clock;
    clock.start();
    auto status = open();
    if (!status) {
        qCCritical(lcServer) << "cannot start:" << status.error().message << status.error().internalDetail;
        shutDown();
        Q_EMIT failed(status.error());
        return;
    }
    status->startupMillis = clock.elapsed();
    qCInfo(lcServer) << "serving" << status->serverName << "on" << status->listening << "in" << status->startupMillis << "ms";
    Q_EMIT started(*status);
}

void Homeserver::stop()
{
    shutDown();
    qCInfo(lcServer) << "stopped";
    Q_EMIT stopped();
}

void Homeserver::shutDown()
{
    if (!d)
        return;
    // Sockets first (no new work), then everything else in reverse order of construction.
    if (d->http)
        d->http->close();
    d.reset();
}

Result<ServerStatus> Homeserver::open()
{
    const ServerConfig &config = m_options.config;
    d = std::make_unique<Parts>();
    if (!QDir().mkpath(config.dataDirectory) || !QDir().mkpath(config.mediaDirectory()))
        return Error::io(QStringLiteral("cannot create the data directory %1").arg(config.dataDirectory));
    auto database = storage::Database::open(config.databasePath());
    if (!database)
        return database.error();
    d->database = std::move(*database);
    auto accounts = storage::AccountStore::open(*d->database);
    if (!accounts)
        return accounts.error();
    d->accounts = std::move(*accounts);
    auto clientData = storage::ClientDataStore::open(*d->database, *d->accounts);
    if (!clientData)
        return clientData.error();
    d->clientData = std::move(*clientData);
    auto keyBackups = storage::KeyBackupStore::open(*d->database);
    if (!keyBackups)
        return keyBackups.error();
    d->keyBackups = std::move(*keyBackups);
    auto events = storage::EventStore::open(*d->database);
    if (!events)
        return events.error();
    d->events = std::move(*events);
    auto rooms = storage::RoomStore::open(*d->database);
    if (!rooms)
        return rooms.error();
    d->rooms = std::move(*rooms);
    auto keys = storage::KeyStore::open(*d->database);
    if (!keys)
        return keys.error();
    d->keys = std::move(*keys);
    // The server's own key joins the keys it has ever used (federation publishes past ones
    // as old_verify_keys), valid for a week from each start.
    constexpr qint64 kKeyValidityMs = 7LL * 24 * 3600 * 1000;
    if (auto stored = d->keys->storeKey({config.serverName.toString(), m_options.signingKey.keyId(),
                                         m_options.signingKey.publicKey(), wallClock() + kKeyValidityMs, wallClock()});
        !stored)
        return stored.error();
    if (auto account = ensureAccount(); !account)
        return account.error();

    d->builder = std::make_unique<rooms::LocalEventBuilder>(config.serverName, m_options.signingKey);
    d->notifier = std::make_unique<services::SyncNotifier>();
    d->typing = std::make_unique<services::TypingTracker>();
    d->login = std::make_unique<services::LoginService>(*d->accounts, config.serverName);
    d->roomService = std::make_unique<services::RoomService>(*d->database, *d->events, *d->rooms, *d->accounts,
                                                             *d->builder, *d->notifier, wallClock);
    d->roomService->setDefaultRoomVersion(*config.defaultRoomVersion);
    // Whoever changed a room (a client, the GUI), the GUI's views of it refresh.
    connect(d->roomService.get(), &services::RoomService::roomChanged, this,
            [this](const RoomId &room) { Q_EMIT roomChanged(room.toString()); });
    d->sync = std::make_unique<services::SyncService>(*d->events, *d->rooms, *d->accounts, *d->clientData,
                                                      *d->typing, *d->notifier, wallClock);
    d->history = std::make_unique<services::RoomHistory>(*d->events, *d->rooms, wallClock);
    d->media = std::make_unique<services::MediaRepository>(*d->clientData, config.mediaDirectory(),
                                                           config.serverName, config.maxUploadBytes, m_options.thumbnails);
    d->api.reset(new clientapi::ClientApiServices{config.serverName, *d->database, *d->accounts, *d->clientData,
                                                  *d->keyBackups, *d->login, *d->notifier, *d->typing, *d->roomService,
                                                  *d->sync, *d->history, *d->media, wallClock});
    d->router = std::make_unique<clientapi::Router>(d->login.get());
    clientapi::ClientApiServices &api = *d->api;
    clientapi::registerServerInfoEndpoints(*d->router, *d->roomService);
    clientapi::registerLoginEndpoints(*d->router, *d->login);
    clientapi::registerSyncEndpoints(*d->router, api);
    clientapi::registerRoomEndpoints(*d->router, api);
    clientapi::registerRoomReadEndpoints(*d->router, api);
    clientapi::registerReceiptEndpoints(*d->router, api);
    clientapi::registerAccountDataEndpoints(*d->router, api);
    clientapi::registerProfileEndpoints(*d->router, api);
    clientapi::registerDirectoryEndpoints(*d->router, api);
    clientapi::registerDeviceEndpoints(*d->router, api);
    clientapi::registerKeysEndpoints(*d->router, api);
    clientapi::registerKeyBackupEndpoints(*d->router, api);
    clientapi::registerPushRulesEndpoints(*d->router, api);
    clientapi::registerMediaEndpoints(*d->router, api);
    clientapi::registerClientMiscEndpoints(*d->router, api);

    // Typing notices end by themselves: check every second and tell waiting syncs.
    d->typingExpiry.setInterval(1000);
    QObject::connect(&d->typingExpiry, &QTimer::timeout, this, [this] {
        if (d && d->typing->expire(wallClock()))
            d->notifier->notify();
    });
    d->typingExpiry.start();

    auto listening = listen();
    if (!listening)
        return listening.error();
    ServerStatus status;
    status.serverName = config.serverName.toString();
    status.userId = d->accounts->account() ? d->accounts->account()->userId.toString() : QString();
    status.listening = *listening;
    status.tls = config.tlsEnabled();
    status.certificate = d->certificate;
    status.signingKeyId = m_options.signingKey.keyId();
    status.signingPublicKey = m_options.signingKey.publicKey();
    status.defaultRoomVersion = config.defaultRoomVersion->id;
    status.dataDirectory = config.dataDirectory;
    return status;
}

Result<void> Homeserver::ensureAccount()
{
    const auto &initial = m_options.initialAccount;
    const auto &existing = d->accounts->account();
    if (!initial) {
        if (!existing)
            qCWarning(lcServer) << "no account yet: run the first-run set-up (trellis-cli serve --init)";
        return {};
    }
    auto userId = UserId::parse(QStringLiteral("@%1:%2").arg(initial->localpart.toLower(), m_options.config.serverName.toString()));
    if (!userId)
        return userId.error().prefixed(QStringLiteral("user name"));
    // appendices "User Identifiers": a new account gets a localpart of the current grammar.
    if (!userId->isCompliant())
        return Error::invalidParam(QStringLiteral("user names are made of a-z, 0-9 and . _ = - / +"));
    if (existing) {
        if (existing->userId != *userId)
            return Error::badState(QStringLiteral("this server already belongs to %1").arg(existing->userId.toString()));
        return {}; // --init again with the same owner: nothing to do
    }
    storage::Transaction transaction(*d->database);
    auto created = d->accounts->createAccount(*userId, initial->passwordHash, wallClock());
    if (!created)
        return created.error();
    // The spec's default push rules, where clients look for them in /sync.
    auto rules = d->clientData->setAccountData(QString(), QStringLiteral("m.push_rules"),
                                                clientapi::canonicalBytes(clientapi::defaultPushRules(*userId)));
    if (!rules)
        return rules.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServer) << "created the owner's account" << userId->toString();
    return {};
}

namespace {

api::CertificateInfo certificateInfo(const QSslCertificate &certificate)
{
    const auto name = [](const QStringList &commonNames, const QString &whole) {
        return commonNames.isEmpty() ? whole : commonNames.join(QStringLiteral(", "));
    };
    api::CertificateInfo info;
    info.subject = name(certificate.subjectInfo(QSslCertificate::CommonName),
                        certificate.subjectDisplayName());
    info.issuer = name(certificate.issuerInfo(QSslCertificate::CommonName),
                       certificate.issuerDisplayName());
    info.selfSigned = certificate.isSelfSigned();
    info.notAfterMs = certificate.expiryDate().toMSecsSinceEpoch();
    info.sha256 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return info;
}

} // namespace

Result<QStringList> Homeserver::listen()
{
    const ServerConfig &config = m_options.config;
    std::optional<QSslConfiguration> tls;
    if (config.tlsEnabled()) {
        auto loaded = loadTlsConfiguration(config.tlsCertificatePath, config.tlsKeyPath);
        if (!loaded)
            return loaded.error();
        tls = *loaded;
        d->certificate = certificateInfo(tls->localCertificate());
    }
    d->http = std::make_unique<http::HttpServer>(
        [router = d->router.get(), database = d->database.get()](const http::HttpRequest &request, http::Responder responder) {
            router->dispatch(request, std::move(responder));
            database->resetStatements();
        });
    connect(d->http.get(), &http::HttpServer::requestServed, this,
            [this](const QByteArray &method, const QByteArray &path, int status, qint64 micros, quint64) {
                qCDebug(lcRequests).noquote() << method << path << status << micros / 1000.0 << "ms";
                if (d->pendingLog.size() < 1000)
                    d->pendingLog.append({method, path, status, micros, wallClock()});
            });
    d->logFlush.setInterval(250);
    connect(&d->logFlush, &QTimer::timeout, this, [this] {
        if (!d)
            return;
        if (!d->pendingLog.isEmpty())
            Q_EMIT requestsServed(std::exchange(d->pendingLog, {}));
        if (const int open = d->http->connectionCount(); open != d->openConnections)
            Q_EMIT connectionsChanged(d->openConnections = open);
    });
    d->logFlush.start();
    QStringList listening;
    for (const ListenAddress &address : config.listen) {
        if (auto listened = d->http->listen(address.address, address.port, tls); !listened)
            return listened.error().prefixed(address.toString());
        ListenAddress actual = address;
        actual.port = d->http->serverPort();
        listening.append(actual.toString());
    }
    return listening;
}

} // namespace trellis::server
