#pragma once

namespace trellis::services {
class LoginService;
}

namespace trellis::clientapi {

class Router;

/// client-server-api "Client Authentication": GET/POST /login, /logout, /logout/all,
/// /account/whoami, and /register, which this single-user server refuses.
void registerLoginEndpoints(Router &router, services::LoginService &login);

} // namespace trellis::clientapi
