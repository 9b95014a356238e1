#include "core/room/RoomBuilder.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/EventTypes.h"
#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/stateres/Resolver.h"

namespace trellis::room {
namespace {

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

RoomBuilder::RoomBuilder(const events::RoomVersion &version, const crypto::SigningKey *key,
                         qint64 startTs, std::string roomId)
    : m_version(version), m_key(key), m_startTs(startTs), m_roomId(std::move(roomId)),
      m_replay(version, RoomReplay::KeepStates::All)
{
}

Result<stateres::StateSet> RoomBuilder::stateBefore(const QList<EventId> &prev) const
{
    QList<stateres::StateSet> prevStates;
    for (const EventId &p : prev) {
        if (auto state = m_replay.stateAfter(p))
            prevStates.append(*state);
    }
    if (prevStates.size() <= 1)
        return prevStates.isEmpty() ? stateres::StateSet() : prevStates.first();
    return stateres::resolve(m_version, prevStates, m_replay.events());
}

Result<events::Pdu> RoomBuilder::add(const Event &step)
{
    auto parsedSender = UserId::parse(step.sender);
    if (!parsedSender)
        return parsedSender.error();
    const UserId sender = *parsedSender;
    const bool isCreate = step.type == auth::types::create;
    const auto known = [&](const EventId &id) -> const events::Pdu * { return m_replay.events().event(id); };

    json::Object event;
    event.insert("type", json::toUtf8(step.type));
    event.insert("sender", json::toUtf8(step.sender));
    if (step.stateKey)
        event.insert("state_key", json::toUtf8(*step.stateKey));
    event.insert("content", step.content);

    QList<EventId> prev;
    if (step.prev)
        prev = *step.prev;
    else if (!m_events.isEmpty())
        prev.append(m_events.last().eventId());
    qint64 depth = 0;
    json::Array prevRefs;
    for (const EventId &id : std::as_const(prev)) {
        const events::Pdu *p = known(id);
        if (!p)
            return Error::invalidParam(QStringLiteral("prev event %1 is not in the room").arg(id.toString()));
        depth = std::max(depth, p->depth());
        prevRefs.push_back(reference(*p, m_version));
    }
    event.insert("prev_events", std::move(prevRefs));
    event.insert("depth", step.depth.value_or(depth + 1));
    event.insert("origin_server_ts", step.ts.value_or(m_startTs + 1000 * m_events.size()));
    if (m_version.eventIdFormat == events::EventIdFormat::Field) {
        const QString name = step.name.isEmpty() ? QStringLiteral("event%1").arg(m_events.size()) : step.name;
        event.insert("event_id", json::toUtf8(QStringLiteral("$%1:%2").arg(name, sender.serverName().toString())));
    }
    if (!isCreate || m_version.roomIdFormat == events::RoomIdFormat::WithDomain) {
        if (m_roomId.empty() && m_version.roomIdFormat == events::RoomIdFormat::WithDomain)
            m_roomId = json::toUtf8(QStringLiteral("!room:") + sender.serverName().toString());
        if (!m_roomId.empty())
            event.insert("room_id", m_roomId);
    }
    if (step.redacts) {
        if (!known(*step.redacts))
            return Error::invalidParam(QStringLiteral("'redacts' names no earlier event"));
        const std::string target = json::toUtf8(step.redacts->toString());
        if (m_version.redactsInContent)
            event.find("content")->asObject()->insert("redacts", target);
        else
            event.insert("redacts", target);
    }

    QList<const events::Pdu *> authEvents;
    if (step.auth) {
        for (const EventId &id : *step.auth) {
            const events::Pdu *a = known(id);
            if (!a)
                return Error::invalidParam(QStringLiteral("auth event %1 is not in the room").arg(id.toString()));
            authEvents.append(a);
        }
    } else if (!isCreate) {
        // What a server would cite: the selected keys of the state before this event.
        auto before = stateBefore(prev);
        if (!before)
            return before.error();
        const auth::EventShape shape{step.type, step.stateKey, step.sender, &event["content"].toObject()};
        for (const auth::StateKey &wanted : auth::authEventKeys(shape, m_version)) {
            if (const auto it = before->constFind(wanted); it != before->constEnd())
                authEvents.append(known(*it));
        }
    }
    json::Array authRefs;
    for (const events::Pdu *a : std::as_const(authEvents))
        authRefs.push_back(reference(*a, m_version));
    event.insert("auth_events", std::move(authRefs));

    if (m_key) {
        events::hashAndSignEvent(event, m_version, sender.serverName().toString(), *m_key);
    } else {
        json::Object hashes;
        hashes.insert("sha256", base64::encodeToString(crypto::digestView(events::contentHash(event))));
        event.insert("hashes", std::move(hashes));
        event.insert("signatures", json::Object());
    }
    auto pdu = events::Pdu::parse(std::move(event), m_version);
    if (!pdu)
        return pdu.error();
    if (isCreate && m_version.roomIdFormat == events::RoomIdFormat::CreateEventHash)
        m_roomId = json::toUtf8(pdu->roomId().toString());
    if (auto added = m_replay.add(*pdu); !added)
        return added.error();
    m_events.append(*pdu);
    return *pdu;
}

} // namespace trellis::room
