#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Getting events for a room" and "Room membership" reads: state, event,
/// messages, context, members, joined_members, joined_rooms.
void registerRoomReadEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
