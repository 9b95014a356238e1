#pragma once
#include "core/clientapi/ApiRequest.h"
#include "core/clientapi/ApiResponder.h"

namespace trellis::clientapi {

struct ClientApiServices;

/// User-interactive authentication with one stage, the owner's password (client-server-api
/// "User-Interactive Authentication API"), for endpoints that must re-check who is there
/// (deleting devices, uploading cross-signing keys). Without `auth` in the body, or with a
/// wrong password, answers 401 with the flows and a session; true when the stage passed.
bool passUserInteractiveAuth(ClientApiServices &services, const ApiRequest &request,
                             const json::Object &body, const ApiResponder &reply);

} // namespace trellis::clientapi
