#include "core/room/RoomScript.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/stateres/Resolver.h"
#include "core/room/RoomReplay.h"

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

// A reference to another event as the version writes it: an ID, or [ID, hashes] in v1/v2.
json::Value reference(const events::Pdu &target, const events::RoomVersion &version)
{
    const std::string id = json::toUtf8(target.eventId().toString());
    if (!version.referencesWithHashes)
        return id;
    json::Object hashes;
    hashes.insert("sha256", target.json()["hashes"].toObject()["sha256"]);
    return json::Array{json::Value(id), json::Value(std::move(hashes))};
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

    const qint64 startTs = script["start_ts"].toInteger(1700000000000);
    std::string roomId = script["room_id"].toString();
    QHash<QString, events::Pdu> byName;
    RoomReplay replay(version, RoomReplay::KeepStates::All);

    for (qsizetype i = 0; i < qsizetype(steps.size()); ++i) {
        const json::Object &step = steps[size_t(i)].toObject();
        const QString name = step.contains("name") ? json::toQString(step["name"].toString())
                                                   : QStringLiteral("event%1").arg(i);
        if (byName.contains(name))
            return scriptError(i, QStringLiteral("the name '%1' is used twice").arg(name));
        const auto named = [&](const json::Value &list, QList<events::Pdu> &out) -> std::optional<Error> {
            for (const json::Value &entry : list.toArray()) {
                const QString target = json::toQString(entry.toString());
                if (!byName.contains(target))
                    return scriptError(i, QStringLiteral("'%1' names no earlier event").arg(target));
                out.append(byName.value(target));
            }
            return std::nullopt;
        };

        json::Object event;
        for (std::string_view field : {"type", "sender", "state_key", "content"}) {
            if (const json::Value *value = step.find(field))
                event.insert(field, *value);
        }
        if (!event.contains("content"))
            event.insert("content", json::Object());
        auto parsedSender = UserId::parse(json::toQString(event["sender"].toString()));
        if (!parsedSender)
            return scriptError(i, parsedSender.error().message);
        const UserId sender = *parsedSender;
        const bool isCreate = event["type"].toString() == "m.room.create";

        QList<events::Pdu> prev;
        if (step.contains("prev")) {
            if (auto error = named(step["prev"], prev))
                return *error;
        } else if (i > 0) {
            prev.append(room.events.last());
        }
        qint64 depth = 0;
        json::Array prevRefs;
        for (const events::Pdu &p : std::as_const(prev)) {
            depth = std::max(depth, p.depth());
            prevRefs.push_back(reference(p, version));
        }
        event.insert("prev_events", std::move(prevRefs));
        event.insert("depth", step["depth"].isInteger() ? step["depth"].toInteger() : depth + 1);
        event.insert("origin_server_ts", step["ts"].isInteger() ? step["ts"].toInteger() : startTs + 1000 * i);
        if (version.eventIdFormat == events::EventIdFormat::Field)
            event.insert("event_id", json::toUtf8(QStringLiteral("$%1:%2").arg(name, sender.serverName().toString())));
        if (!isCreate || version.roomIdFormat == events::RoomIdFormat::WithDomain) {
            if (roomId.empty() && version.roomIdFormat == events::RoomIdFormat::WithDomain)
                roomId = json::toUtf8(QStringLiteral("!room:") + sender.serverName().toString());
            if (!roomId.empty())
                event.insert("room_id", roomId);
        }
        if (const std::string *redacts = step["redacts"].asString()) {
            if (!byName.contains(json::toQString(*redacts)))
                return scriptError(i, QStringLiteral("'redacts' names no earlier event"));
            const std::string target = json::toUtf8(byName.value(json::toQString(*redacts)).eventId().toString());
            if (version.redactsInContent)
                event.find("content")->asObject()->insert("redacts", target);
            else
                event.insert("redacts", target);
        }

        QList<events::Pdu> authEvents;
        if (step.contains("auth")) {
            if (auto error = named(step["auth"], authEvents))
                return *error;
        } else if (!isCreate) {
            // What a server would cite: the selected keys of the state before this event.
            stateres::StateSet before;
            QList<stateres::StateSet> prevStates;
            for (const events::Pdu &p : std::as_const(prev)) {
                if (auto state = replay.stateAfter(p.eventId()))
                    prevStates.append(*state);
            }
            if (prevStates.size() == 1) {
                before = prevStates.first();
            } else if (prevStates.size() > 1) {
                auto resolved = stateres::resolve(version, prevStates, replay.events());
                if (!resolved)
                    return resolved.error();
                before = *resolved;
            }
            const std::optional<QString> stateKey =
                event.contains("state_key") ? std::optional<QString>(json::toQString(event["state_key"].toString()))
                                            : std::nullopt;
            const auth::EventShape shape{json::toQString(event["type"].toString()), stateKey,
                                         sender.toString(), &event["content"].toObject()};
            for (const auth::StateKey &wanted : auth::authEventKeys(shape, version)) {
                if (before.contains(wanted))
                    authEvents.append(*replay.events().event(before.value(wanted)));
            }
        }
        json::Array authRefs;
        for (const events::Pdu &a : std::as_const(authEvents))
            authRefs.push_back(reference(a, version));
        event.insert("auth_events", std::move(authRefs));

        if (key) {
            events::hashAndSignEvent(event, version, sender.serverName().toString(), *key);
        } else {
            json::Object hashes;
            hashes.insert("sha256", base64::encodeToString(crypto::digestView(events::contentHash(event))));
            event.insert("hashes", std::move(hashes));
            event.insert("signatures", json::Object());
        }
        auto pdu = events::Pdu::parse(std::move(event), version);
        if (!pdu)
            return scriptError(i, pdu.error().message);
        if (isCreate && version.roomIdFormat == events::RoomIdFormat::CreateEventHash)
            roomId = json::toUtf8(pdu->roomId().toString());
        if (auto added = replay.add(*pdu); !added)
            return added.error();
        byName.insert(name, *pdu);
        room.ids.insert(name, pdu->eventId());
        room.events.append(*pdu);
    }
    return room;
}

} // namespace trellis::room
