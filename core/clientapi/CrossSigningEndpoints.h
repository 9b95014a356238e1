#pragma once
#include "core/base/Result.h"
#include "core/json/Value.h"

#include <QString>

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Cross-signing": POST /keys/device_signing/upload (behind
/// user-interactive auth unless it is the first upload or changes nothing) and POST
/// /keys/signatures/upload. Both verify every signature before storing anything.
void registerCrossSigningEndpoints(Router &router, ClientApiServices &services);

/// What /keys/query adds for one of this server's users (keys.yaml): the user's master and
/// self-signing keys with the signatures uploaded for them, and the user-signing key when
/// the user asks about themself. Absent keys are left out.
struct CrossSigningAnswer
{
    std::optional<json::Object> master;
    std::optional<json::Object> selfSigning;
    std::optional<json::Object> userSigning;
};
Result<CrossSigningAnswer> crossSigningForQuery(ClientApiServices &services, const QString &userId,
                                                const QString &requester);

/// Adds the signatures uploaded for the user's devices to their device keys (device ID ->
/// device keys object, as /keys/query answers).
Result<void> addDeviceSignatures(ClientApiServices &services, const QString &userId,
                                 json::Object &deviceKeysById);

} // namespace trellis::clientapi
