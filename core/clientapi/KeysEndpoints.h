#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "End-to-End Encryption" key distribution: /keys/upload, /keys/query,
/// /keys/claim, /keys/changes, and "Send-to-Device messaging": /sendToDevice. The server
/// only stores and relays what devices publish; it never sees plaintext. Registers the
/// cross-signing endpoints too (CrossSigningEndpoints.h).
void registerKeysEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
