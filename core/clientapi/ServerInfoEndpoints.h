#pragma once

namespace trellis::clientapi {

class Router;

/// What a client asks before logging in or to learn the server's abilities:
/// GET /versions, GET /capabilities, GET /voip/turnServer.
void registerServerInfoEndpoints(Router &router);

} // namespace trellis::clientapi
