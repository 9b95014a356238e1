// A room as the server would keep it, in memory, for the rooms engine's tests: its events,
// its forward extremities with their states after, built with LocalEventBuilder.
#pragma once
#include "core/crypto/KeyRing.h"
#include "core/events/EventSigning.h"
#include "core/json/QtStrings.h"
#include "core/json/Reader.h"
#include "core/room/RoomReplay.h"
#include "core/rooms/CreateRoomPlan.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/rooms/StateBeforeResolver.h"

#include <QTest>

namespace testrooms {

using namespace trellis;

inline const ServerName kServer = *ServerName::parse(u"trellis.test");
inline const UserId kOwner = *UserId::parse(u"@owner:trellis.test");
inline const UserId kHelper = *UserId::parse(u"@helper:trellis.test");
inline const UserId kRemote = *UserId::parse(u"@friend:remote.test");
inline constexpr qint64 kNow = 1700000000000;

inline json::Object object(std::string_view text)
{
    auto parsed = json::parseObject(text);
    if (!parsed)
        qFatal("bad test JSON: %s", qPrintable(parsed.error().message));
    return *parsed;
}

/// The errcode of a failed result, or "success" (never UB on a result that succeeded).
template <typename T> QString errcodeOf(const Result<T> &result)
{
    return result ? QStringLiteral("success") : result.error().errcode();
}

struct LocalRoom
{
    const events::RoomVersion *version = nullptr;
    std::optional<RoomId> roomId;
    stateres::MapEventProvider events;
    QList<events::Pdu> order;
    QHash<EventId, stateres::StateSet> extremities; ///< forward extremities -> state after

    /// The head on every extremity (resolved); the room's current state.
    Result<rooms::RoomHead> head() const
    {
        return rooms::StateBeforeResolver::head(*version, *roomId, extremities, events);
    }
    /// Builds `event` on `head` and adds it: its prev events stop being extremities.
    Result<rooms::BuiltEvent> add(const rooms::LocalEventBuilder &builder,
                                  const rooms::RoomHead &at, const rooms::LocalEvent &event)
    {
        auto built = builder.build(at, event, events);
        if (!built)
            return built.error();
        events.add(built->pdu);
        order.append(built->pdu);
        for (const EventId &prev : built->pdu.prevEvents())
            extremities.remove(prev);
        extremities.insert(built->pdu.eventId(), built->stateAfter);
        if (!roomId)
            roomId = built->pdu.roomId();
        return built;
    }
    /// Builds `event` on all the room's extremities.
    Result<rooms::BuiltEvent> send(const rooms::LocalEventBuilder &builder,
                                   const rooms::LocalEvent &event)
    {
        auto at = head();
        if (!at)
            return at.error();
        return add(builder, *at, event);
    }
    stateres::StateSet state() const
    {
        auto at = head();
        return at ? at->stateBefore : stateres::StateSet();
    }
    const events::Pdu *stateEvent(const QString &type, const QString &key = {}) const
    {
        const stateres::StateSet current = state();
        const auto it = current.constFind(auth::StateKey(type, key));
        return it == current.constEnd() ? nullptr : events.event(*it);
    }
};

/// A room made from a createRoom body through the plan, as the server makes it.
inline Result<LocalRoom> createRoom(const rooms::LocalEventBuilder &builder,
                                    const events::RoomVersion &version, std::string_view body)
{
    json::Object request = object(body);
    request.insert("room_version", json::Value(json::toUtf8(version.id)));
    auto plan = rooms::CreateRoomPlan::parse(request, kOwner, kServer,
                                             object(R"({"displayname":"Owner"})"), kNow);
    if (!plan)
        return plan.error();
    auto built = plan->build(builder);
    if (!built)
        return built.error();
    LocalRoom room;
    room.version = plan->version;
    room.roomId = built->first().pdu.roomId();
    for (const rooms::BuiltEvent &event : std::as_const(*built)) {
        room.events.add(event.pdu);
        room.order.append(event.pdu);
    }
    room.extremities.insert(built->last().pdu.eventId(), built->last().stateAfter);
    return room;
}

inline rooms::LocalEvent message(const UserId &sender, const char *body, qint64 ts = kNow + 1000)
{
    json::Object content;
    content.insert("msgtype", json::Value("m.text"));
    content.insert("body", json::Value(body));
    return {QStringLiteral("m.room.message"), sender, std::nullopt, content, std::nullopt, ts};
}

inline rooms::LocalEvent stateEvent(const UserId &sender, const char *type,
                                    std::string_view content, qint64 ts = kNow + 1000)
{
    return {QString::fromLatin1(type), sender, QString(), object(content), std::nullopt, ts};
}

} // namespace testrooms
