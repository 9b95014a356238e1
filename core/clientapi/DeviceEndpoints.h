#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Device management": list, read, rename and delete the owner's devices.
void registerDeviceEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
