#include "core/clientapi/ServerInfoEndpoints.h"

#include "core/clientapi/Router.h"
#include "core/events/RoomVersion.h"
#include "core/json/QtStrings.h"
#include "core/services/RoomService.h"

namespace trellis::clientapi {

namespace {

json::Object versions()
{
    // client-server-api "GET /_matrix/client/versions". r0 releases are listed too: several
    // clients still look for them before using the r0 paths this server also serves.
    json::Array list;
    for (const char *version : {"r0.5.0", "r0.6.0", "r0.6.1"})
        list.emplace_back(version);
    for (int minor = 1; minor <= 12; ++minor)
        list.emplace_back("v1." + std::to_string(minor));
    json::Object body;
    body.insert("versions", json::Value(std::move(list)));
    body.insert("unstable_features", json::Value(json::Object{}));
    return body;
}

json::Object flag(bool enabled)
{
    json::Object object;
    object.insert("enabled", json::Value(enabled));
    return object;
}

json::Object capabilities(const events::RoomVersion &defaultVersion)
{
    // client-server-api "Capabilities negotiation".
    json::Object available;
    for (const events::RoomVersion *version : events::RoomVersion::all())
        available.insert(json::toUtf8(version->id), json::Value("stable"));
    json::Object roomVersions;
    roomVersions.insert("default", json::Value(json::toUtf8(defaultVersion.id)));
    roomVersions.insert("available", json::Value(std::move(available)));

    json::Object capabilities;
    capabilities.insert("m.room_versions", json::Value(std::move(roomVersions)));
    capabilities.insert("m.change_password", json::Value(flag(false)));
    capabilities.insert("m.set_displayname", json::Value(flag(true)));
    capabilities.insert("m.set_avatar_url", json::Value(flag(true)));
    // A single-user server has no third-party identifiers and no login tokens to hand out.
    capabilities.insert("m.3pid_changes", json::Value(flag(false)));
    capabilities.insert("m.get_login_token", json::Value(flag(false)));
    json::Object body;
    body.insert("capabilities", json::Value(std::move(capabilities)));
    return body;
}

} // namespace

void registerServerInfoEndpoints(Router &router, const services::RoomService &rooms)
{
    router.add("GET", {QStringLiteral("/_matrix/client/versions")}, Router::Auth::None,
               [](ApiRequest &, const ApiResponder &reply) { reply.ok(versions()); });
    router.add("GET", Router::client(u"/capabilities"), Router::Auth::Required,
               [&rooms](ApiRequest &, const ApiResponder &reply) {
                   reply.ok(capabilities(rooms.defaultRoomVersion()));
               });
    // client-server-api "Voice over IP": this server knows no TURN server; an empty object
    // tells clients to use none rather than fail.
    router.add("GET", Router::client(u"/voip/turnServer"), Router::Auth::Required,
               [](ApiRequest &, const ApiResponder &reply) { reply.ok(json::Object{}); });
}

} // namespace trellis::clientapi
