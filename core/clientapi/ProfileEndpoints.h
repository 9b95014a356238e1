#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Profiles": the owner's display name and avatar, propagated to the
/// member events of the rooms they are in.
void registerProfileEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
