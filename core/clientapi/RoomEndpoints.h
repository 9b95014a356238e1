#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Rooms" writes: createRoom, sending message and state events,
/// redactions, and membership (join, invite, leave, forget, kick, ban, unban).
void registerRoomEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
