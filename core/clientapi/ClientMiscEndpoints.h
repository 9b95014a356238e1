#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// Small endpoints common clients call at start-up or in the room list: room tags
/// (client-server-api "Room Tagging", kept as the room account data `m.tag`), presence of the
/// owner (in memory), third-party identifiers (none on a single-user server) and protocols.
void registerClientMiscEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
