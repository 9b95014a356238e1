#pragma once
#include "core/clientapi/ApiRequest.h"
#include "core/clientapi/ApiResponder.h"
#include "core/base/RoomId.h"
#include "core/clientapi/Router.h"
#include "core/json/QtStrings.h"
#include "core/services/ClientEvent.h"
#include "core/services/SyncFilter.h"

#include <QByteArray>

namespace trellis::clientapi {

// Small helpers the endpoint files share.

using services::ClientEventExtras;
using services::EventFilter;
using services::SyncFilter;
using services::toClientEvent;

struct ClientApiServices;

/// An endpoint written as a free function of the services.
using EndpointHandler = void (*)(ClientApiServices &, ApiRequest &, const ApiResponder &);
inline Router::Handler bindEndpoint(ClientApiServices &services, EndpointHandler handler)
{
    return [&services, handler](ApiRequest &request, const ApiResponder &reply) {
        handler(services, request, reply);
    };
}

inline json::Value jsonText(const QString &value) { return json::Value(json::toUtf8(value)); }

/// Fails the request unless the path's user ID is the caller's own (client-server-api: a
/// user may only read and change their own account data, filters and profile). True if ok.
bool requireSelf(const ApiRequest &request, const QString &pathUserId, const ApiResponder &reply);

/// The body as a JSON object (replying with the error otherwise).
std::optional<json::Object> bodyOrFail(const ApiRequest &request, const ApiResponder &reply,
                                       qsizetype maxBytes = 65536, bool emptyIsObject = false);

/// The path's `roomId` parameter, or nullopt after answering M_INVALID_PARAM.
std::optional<RoomId> roomOf(const ApiRequest &request, const ApiResponder &reply);

/// Replies with the error of a failed Result and returns true; false on success.
template <typename T>
bool failed(const Result<T> &result, const ApiResponder &reply)
{
    if (result)
        return false;
    reply.fail(result.error());
    return true;
}

/// Canonical JSON bytes of an object (for storing client-supplied JSON).
QByteArray canonicalBytes(const json::Object &object);
/// Stored JSON bytes back as an object (an empty object if they were damaged).
json::Object objectFromBytes(const QByteArray &bytes);

} // namespace trellis::clientapi
