#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Room aliases" (/directory/room/{alias}, /rooms/{roomId}/aliases) and
/// "Listing rooms" (/directory/list/room/{roomId}, /publicRooms).
void registerDirectoryEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
