#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Receipts", "Fully read markers" and "Typing Notifications".
void registerReceiptEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
