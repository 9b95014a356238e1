#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Syncing": GET /sync (long-polling, since tokens, filters inline, by ID
/// or absent).
void registerSyncEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
