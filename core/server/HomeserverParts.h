#pragma once
// Homeserver's private parts, shared by its source files (Homeserver.cpp builds them,
// HomeserverRooms.cpp serves the GUI with them). Nothing outside core/server includes this.
#include "core/api/ServerStatus.h"
#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/Router.h"
#include "core/http/HttpServer.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/server/Homeserver.h"
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
#include "core/storage/KeyBackupStore.h"
#include "core/storage/KeyStore.h"
#include "core/storage/RoomStore.h"

#include <QList>
#include <QTimer>
#include <memory>

namespace trellis::server {

/// Everything the server owns, declared in the order it is built: destroyed in reverse.
struct Homeserver::Parts
{
    std::unique_ptr<storage::Database> database;
    std::unique_ptr<storage::AccountStore> accounts;
    std::unique_ptr<storage::ClientDataStore> clientData;
    std::unique_ptr<storage::KeyBackupStore> keyBackups;
    std::unique_ptr<storage::EventStore> events;
    std::unique_ptr<storage::RoomStore> rooms;
    std::unique_ptr<storage::KeyStore> keys;
    std::unique_ptr<rooms::LocalEventBuilder> builder;
    std::unique_ptr<services::SyncNotifier> notifier;
    std::unique_ptr<services::TypingTracker> typing;
    std::unique_ptr<services::LoginService> login;
    std::unique_ptr<services::RoomService> roomService;
    std::unique_ptr<services::SyncService> sync;
    std::unique_ptr<services::RoomHistory> history;
    std::unique_ptr<services::MediaRepository> media;
    std::unique_ptr<clientapi::ClientApiServices> api;
    std::unique_ptr<clientapi::Router> router;
    std::unique_ptr<http::HttpServer> http;
    QTimer typingExpiry;
    QTimer logFlush;
    QList<api::RequestLogEntry> pendingLog;
    int openConnections = 0; ///< as last reported (connectionsChanged)
    api::CertificateInfo certificate; ///< the TLS listeners' certificate, if any
};

} // namespace trellis::server
