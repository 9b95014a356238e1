#include "core/clientapi/ReceiptEndpoints.h"

#include "core/auth/EventTypes.h"
#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/services/RoomService.h"
#include "core/services/SyncNotifier.h"
#include "core/services/TypingTracker.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/Database.h"

namespace trellis::clientapi {

namespace {

const QStringList kReceiptTypes = {QStringLiteral("m.read"), QStringLiteral("m.read.private")};

/// The room of the path, if the caller is joined to it (answering otherwise).
std::optional<RoomId> joinedRoom(ClientApiServices &services, const ApiRequest &request, const ApiResponder &reply)
{
    auto room = RoomId::parse(request.param(QStringLiteral("roomId")));
    if (failed(room, reply))
        return std::nullopt;
    auto membership = services.rooms.membership(*room, request.caller().userId);
    if (failed(membership, reply))
        return std::nullopt;
    if (*membership != auth::memberships::join) {
        reply.fail(Error::forbidden(QStringLiteral("you are not in this room")));
        return std::nullopt;
    }
    return *room;
}

Result<void> storeReceipt(ClientApiServices &services, const ApiRequest &request, const RoomId &room,
                          const QString &type, const QString &eventId, const QString &threadId)
{
    if (!kReceiptTypes.contains(type))
        return Error::invalidParam(QStringLiteral("unknown receipt type %1").arg(type.left(50)));
    auto id = EventId::parse(eventId);
    if (!id)
        return id.error();
    if (auto visible = services.rooms.visibleEvent(request.caller(), room, *id); !visible)
        return visible.error();
    storage::Receipt receipt{room.toString(), type, request.caller().userId.toString(), threadId, eventId, services.nowMs(), 0};
    auto stored = services.clientData.setReceipt(receipt);
    if (!stored)
        return stored.error();
    return {};
}

void receipt(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = joinedRoom(services, request, reply);
    const auto body = room ? bodyOrFail(request, reply, 65536, true) : std::nullopt;
    if (!body)
        return;
    auto thread = json::optionalString(*body, "thread_id");
    if (failed(thread, reply))
        return;
    // client-server-api "Threaded read receipts": "main" is the main timeline, any other thread
    // is named by its root event's ID; no thread_id at all is an unthreaded receipt.
    if (*thread && **thread != QLatin1String("main") && !EventId::parse(**thread)) {
        reply.fail(Error::invalidParam(QStringLiteral("thread_id must be \"main\" or an event ID")));
        return;
    }
    const QString type = request.param(QStringLiteral("receiptType"));
    // m.fully_read through this endpoint is the read marker (client-server-api "Receipts").
    if (type == QLatin1String("m.fully_read")) {
        json::Object marker;
        marker.insert("event_id", jsonText(request.param(QStringLiteral("eventId"))));
        if (failed(services.clientData.setAccountData(room->toString(), type, canonicalBytes(marker)), reply))
            return;
    } else if (failed(storeReceipt(services, request, *room, type, request.param(QStringLiteral("eventId")),
                                   thread->value_or(QString())),
                      reply)) {
        return;
    }
    services.notifier.notify();
    reply.ok({});
}

void readMarkers(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = joinedRoom(services, request, reply);
    const auto body = room ? bodyOrFail(request, reply) : std::nullopt;
    if (!body)
        return;
    auto fullyRead = json::optionalString(*body, "m.fully_read");
    auto read = json::optionalString(*body, "m.read");
    auto privateRead = json::optionalString(*body, "m.read.private");
    if (failed(fullyRead, reply) || failed(read, reply) || failed(privateRead, reply))
        return;
    storage::Transaction transaction(services.database);
    if (*fullyRead) {
        json::Object marker;
        marker.insert("event_id", jsonText(**fullyRead));
        if (failed(services.clientData.setAccountData(room->toString(), QStringLiteral("m.fully_read"), canonicalBytes(marker)), reply))
            return;
    }
    if (*read && failed(storeReceipt(services, request, *room, QStringLiteral("m.read"), **read, {}), reply))
        return;
    if (*privateRead && failed(storeReceipt(services, request, *room, QStringLiteral("m.read.private"), **privateRead, {}), reply))
        return;
    if (failed(transaction.commit(), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

void typing(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return;
    const auto room = joinedRoom(services, request, reply);
    const auto body = room ? bodyOrFail(request, reply) : std::nullopt;
    if (!body)
        return;
    auto typing = json::optionalBool(*body, "typing");
    auto timeout = json::optionalInteger(*body, "timeout");
    if (failed(typing, reply) || failed(timeout, reply))
        return;
    if (!*typing) {
        reply.fail(Error::missingParam(QStringLiteral("'typing' is required")));
        return;
    }
    if (services.typing.setTyping(room->toString(), request.caller().userId.toString(), **typing,
                                  timeout->value_or(30'000), services.nowMs()))
        services.notifier.notify();
    reply.ok({});
}

} // namespace

void registerReceiptEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto required = Router::Auth::Required;
    router.add("POST", Router::client(u"/rooms/{roomId}/receipt/{receiptType}/{eventId}"), required, bind(receipt));
    router.add("POST", Router::client(u"/rooms/{roomId}/read_markers"), required, bind(readMarkers));
    router.add("PUT", Router::client(u"/rooms/{roomId}/typing/{userId}"), required, bind(typing));
}

} // namespace trellis::clientapi
