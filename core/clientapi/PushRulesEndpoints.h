#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Push Rules: API": the owner's push rules (the spec's defaults until
/// changed), kept as the global account data `m.push_rules` so that clients also see them in
/// /sync as the spec's "Push Rules: Events" describes.
void registerPushRulesEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
