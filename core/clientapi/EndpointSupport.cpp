#include "core/clientapi/EndpointSupport.h"

#include "core/json/Fields.h"
#include "core/json/Writer.h"

namespace trellis::clientapi {

bool requireSelf(const ApiRequest &request, const QString &pathUserId, const ApiResponder &reply)
{
    if (pathUserId == request.caller().userId.toString())
        return true;
    reply.fail(Error::forbidden(QStringLiteral("you may only act for yourself (%1)")
                                    .arg(request.caller().userId.toString())));
    return false;
}

std::optional<json::Object> bodyOrFail(const ApiRequest &request, const ApiResponder &reply,
                                       qsizetype maxBytes, bool emptyIsObject)
{
    auto body = request.jsonBody(maxBytes, emptyIsObject);
    if (!body) {
        reply.fail(body.error());
        return std::nullopt;
    }
    return std::move(*body);
}

std::optional<RoomId> roomOf(const ApiRequest &request, const ApiResponder &reply)
{
    auto room = RoomId::parse(request.param(QStringLiteral("roomId")));
    if (!room) {
        reply.fail(room.error());
        return std::nullopt;
    }
    return *room;
}

QByteArray canonicalBytes(const json::Object &object)
{
    return json::toCanonicalBytes(json::Value(object));
}

json::Object objectFromBytes(const QByteArray &bytes)
{
    return json::storedObject(bytes);
}

} // namespace trellis::clientapi
