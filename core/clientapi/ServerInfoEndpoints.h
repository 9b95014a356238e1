#pragma once

namespace trellis::services {
class RoomService;
}

namespace trellis::clientapi {

class Router;

/// What a client asks before logging in or to learn the server's abilities:
/// GET /versions, GET /capabilities, GET /voip/turnServer.
void registerServerInfoEndpoints(Router &router, const services::RoomService &rooms);

} // namespace trellis::clientapi
