#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Client Config" (global and per-room account data) and "Filtering"
/// (POST/GET /user/{userId}/filter).
void registerAccountDataEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
