#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Server-side key backups" (end_to_end_encryption.md; key_backup.yaml):
/// /room_keys/version[/{version}] (create, read, update, delete a backup) and
/// /room_keys/keys[/{roomId}[/{sessionId}]] (store, read, delete keys).
void registerKeyBackupEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
