#pragma once
#include "core/base/ServerName.h"

#include <functional>

namespace trellis::storage {
class Database;
class AccountStore;
class ClientDataStore;
class KeyBackupStore;
}
namespace trellis::services {
class LoginService;
class SyncNotifier;
class TypingTracker;
class RoomService;
class SyncService;
class RoomHistory;
class MediaRepository;
}

namespace trellis::clientapi {

/// What the endpoints work with: the homeserver's services and stores, all on the core
/// thread. The Homeserver owns them; endpoints hold this by reference.
struct ClientApiServices
{
    ServerName serverName;
    storage::Database &database;
    storage::AccountStore &accounts;
    storage::ClientDataStore &clientData;
    storage::KeyBackupStore &keyBackups;
    services::LoginService &login;
    services::SyncNotifier &notifier;
    services::TypingTracker &typing;
    services::RoomService &rooms;
    services::SyncService &sync;
    services::RoomHistory &history;
    services::MediaRepository &media;
    std::function<qint64()> nowMs; ///< the clock (tests may fix it)
};

} // namespace trellis::clientapi
