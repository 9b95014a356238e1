#include "core/room/RoomScript.h"

#include "core/json/QtStrings.h"
#include "core/room/RoomBuilder.h"

namespace trellis::room {
namespace {

Error scriptError(qsizetype index, const QString &what)
{
    return Error::badJson(QStringLiteral("script event %1: %2").arg(index).arg(what));
}

const events::RoomVersion *scriptVersion(const json::Object &script)
{
    QString id = json::toQString(script["room_version"].toString());
    if (id.isEmpty()) {
        for (const json::Value &event : script["events"].toArray()) {
            if (event.toObject()["type"].toString() == "m.room.create")
                id = json::toQString(event.toObject()["content"].toObject()["room_version"].toString());
        }
    }
    return events::RoomVersion::find(id.isEmpty() ? QStringLiteral("1") : id);
}

} // namespace

Result<BuiltRoom> buildRoom(const json::Object &script, const crypto::SigningKey *key)
{
    BuiltRoom room;
    room.version = scriptVersion(script);
    if (!room.version)
        return Error{ErrorCode::UnsupportedRoomVersion, QStringLiteral("unknown room version in script"), {}};
    const events::RoomVersion &version = *room.version;
    const json::Array &steps = script["events"].toArray();
    if (steps.empty())
        return Error::badJson(QStringLiteral("a script needs 'events'"));

    RoomBuilder builder(version, key, script["start_ts"].toInteger(1700000000000), script["room_id"].toString());
    for (qsizetype i = 0; i < qsizetype(steps.size()); ++i) {
        const json::Object &step = steps[size_t(i)].toObject();
        RoomBuilder::Event event;
        event.name = step.contains("name") ? json::toQString(step["name"].toString()) : QStringLiteral("event%1").arg(i);
        if (room.ids.contains(event.name))
            return scriptError(i, QStringLiteral("the name '%1' is used twice").arg(event.name));
        const auto named = [&](const json::Value &list) -> Result<QList<EventId>> {
            QList<EventId> out;
            for (const json::Value &entry : list.toArray()) {
                const QString target = json::toQString(entry.toString());
                if (!room.ids.contains(target))
                    return scriptError(i, QStringLiteral("'%1' names no earlier event").arg(target));
                out.append(room.ids.value(target));
            }
            return out;
        };
        if (!step["type"].isString() || !step["sender"].isString())
            return scriptError(i, QStringLiteral("an event needs a 'type' and a 'sender'"));
        event.type = json::toQString(step["type"].toString());
        event.sender = json::toQString(step["sender"].toString());
        if (const std::string *stateKey = step["state_key"].asString())
            event.stateKey = json::toQString(*stateKey);
        event.content = step["content"].toObject();
        // A version's create event names it (absent means "1"), so that the dump reads back
        // as the version the script asked for.
        if (event.type == QStringLiteral("m.room.create") && !event.content.contains("room_version")
            && version.id != QStringLiteral("1"))
            event.content.insert("room_version", json::toUtf8(version.id));
        if (step.contains("prev")) {
            auto prev = named(step["prev"]);
            if (!prev)
                return prev.error();
            event.prev = *prev;
        }
        if (step.contains("auth")) {
            auto auth = named(step["auth"]);
            if (!auth)
                return auth.error();
            event.auth = *auth;
        }
        if (step["ts"].isInteger())
            event.ts = step["ts"].toInteger();
        if (step["depth"].isInteger())
            event.depth = step["depth"].toInteger();
        if (const std::string *redacts = step["redacts"].asString()) {
            if (!room.ids.contains(json::toQString(*redacts)))
                return scriptError(i, QStringLiteral("'redacts' names no earlier event"));
            event.redacts = room.ids.value(json::toQString(*redacts));
        }
        auto pdu = builder.add(event);
        if (!pdu)
            return scriptError(i, pdu.error().message);
        room.ids.insert(event.name, pdu->eventId());
        room.events.append(*pdu);
    }
    return room;
}

} // namespace trellis::room
