#include "core/rooms/LocalEventBuilder.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/AuthRule.h"
#include "core/auth/AuthRules.h"
#include "core/auth/EventTypes.h"
#include "core/events/EventSigning.h"
#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

#include <QRandomGenerator>

#include <algorithm>

namespace trellis::rooms {

namespace {

/// A room state as the auth rules read it, looking events up only when asked.
class ProvidedState final : public auth::StateView
{
public:
    ProvidedState(const stateres::StateSet &state, const stateres::EventProvider &events)
        : m_state(state), m_events(events)
    {
    }
    const events::Pdu *find(const QString &type, const QString &stateKey) const override
    {
        const auto it = m_state.constFind(auth::StateKey(type, stateKey));
        return it == m_state.constEnd() ? nullptr : m_events.event(*it);
    }

private:
    const stateres::StateSet &m_state;
    const stateres::EventProvider &m_events;
};

/// A reference to another event as the version writes it: an ID, or [ID, hashes] (v1, v2).
json::Value reference(const events::Pdu &target, const events::RoomVersion &version)
{
    std::string id = json::toUtf8(target.eventId().toString());
    if (!version.referencesWithHashes)
        return json::Value(std::move(id));
    json::Object hashes;
    hashes.insert("sha256", target.json()["hashes"].toObject()["sha256"]);
    return json::Array{json::Value(std::move(id)), json::Value(std::move(hashes))};
}

QString randomLetters(int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text.append(QLatin1Char(char('a' + QRandomGenerator::system()->bounded(26))));
    return text;
}

Error refusal(const auth::AuthVerdict &verdict)
{
    return Error::forbidden(QStringLiteral("%1 (%2)").arg(verdict.reason, auth::ruleName(verdict.failedRule)));
}

} // namespace

LocalEventBuilder::LocalEventBuilder(ServerName serverName, crypto::SigningKey key)
    : m_serverName(std::move(serverName)), m_key(std::move(key))
{
}

Result<json::Object> LocalEventBuilder::skeleton(const RoomHead &head, const LocalEvent &local,
                                                 const stateres::EventProvider &events) const
{
    const events::RoomVersion &version = *head.version;
    json::Object event;
    event.insert("type", json::Value(json::toUtf8(local.type)));
    event.insert("sender", json::Value(json::toUtf8(local.sender.toString())));
    if (local.stateKey)
        event.insert("state_key", json::Value(json::toUtf8(*local.stateKey)));
    json::Object content = local.content;
    // rooms/v11 "Event format": `redacts` moved into the content.
    if (local.redacts && version.redactsInContent)
        content.insert("redacts", json::Value(json::toUtf8(local.redacts->toString())));
    else if (local.redacts)
        event.insert("redacts", json::Value(json::toUtf8(local.redacts->toString())));
    event.insert("content", json::Value(std::move(content)));
    if (head.roomId)
        event.insert("room_id", json::Value(json::toUtf8(head.roomId->toString())));
    event.insert("origin_server_ts", json::Value(local.originServerTs));
    if (version.eventIdFormat == events::EventIdFormat::Field)
        event.insert("event_id", json::Value(json::toUtf8(QStringLiteral("$%1:%2").arg(randomLetters(18), m_serverName.toString()))));

    // The deepest extremities, ties by ID, so that the choice is the same on every run.
    QList<const events::Pdu *> prev;
    for (const EventId &id : head.prevEvents) {
        const events::Pdu *pdu = events.event(id);
        if (!pdu)
            return Error::io(QStringLiteral("the room's history is incomplete"), QStringLiteral("missing prev event %1").arg(id.toString()));
        prev.append(pdu);
    }
    std::sort(prev.begin(), prev.end(), [](const events::Pdu *a, const events::Pdu *b) {
        return a->depth() != b->depth() ? a->depth() > b->depth() : a->eventId().toString() < b->eventId().toString();
    });
    prev = prev.mid(0, kMaxPrevEvents);
    qint64 depth = 0;
    json::Array prevRefs;
    for (const events::Pdu *pdu : std::as_const(prev)) {
        depth = std::max(depth, pdu->depth());
        prevRefs.push_back(reference(*pdu, version));
    }
    event.insert("prev_events", json::Value(std::move(prevRefs)));
    event.insert("depth", json::Value(std::min(depth + 1, json::kMaxCanonicalInteger)));

    json::Array authRefs;
    if (local.type != auth::types::create) {
        const auth::EventShape shape{local.type, local.stateKey, local.sender.toString(), &event["content"].toObject()};
        for (const auth::StateKey &wanted : auth::authEventKeys(shape, version)) {
            const auto it = head.stateBefore.constFind(wanted);
            if (it == head.stateBefore.constEnd())
                continue;
            if (const events::Pdu *pdu = events.event(*it))
                authRefs.push_back(reference(*pdu, version));
        }
    }
    event.insert("auth_events", json::Value(std::move(authRefs)));
    return event;
}

Result<BuiltEvent> LocalEventBuilder::build(const RoomHead &head, const LocalEvent &local,
                                            const stateres::EventProvider &events) const
{
    const events::RoomVersion &version = *head.version;
    auto event = skeleton(head, local, events);
    if (!event)
        return event.error();
    events::hashAndSignEvent(*event, version, m_serverName.toString(), m_key);
    // Parsing applies the PDU format's limits (65,536 bytes, 255-byte IDs): M_TOO_LARGE.
    auto pdu = events::Pdu::parse(std::move(*event), version);
    if (!pdu)
        return pdu.error();

    // Check 4: against the auth events it cites; check 5: against the state before it.
    QList<auth::AuthEvent> authEvents;
    for (const EventId &id : pdu->authEvents())
        authEvents.append({*events.event(id), events.rejection(id) != stateres::Rejection::None});
    std::optional<auth::AuthEvent> roomCreate;
    const auto createId = head.stateBefore.constFind(auth::StateKey(auth::types::create, QString()));
    if (createId != head.stateBefore.constEnd() && events.event(*createId))
        roomCreate = auth::AuthEvent{*events.event(*createId), false};
    const auth::AuthVerdict againstAuth = auth::checkAgainstAuthEvents(
        *pdu, authEvents, version.roomIdFormat == events::RoomIdFormat::CreateEventHash && roomCreate ? &*roomCreate : nullptr);
    if (!againstAuth.allowed())
        return refusal(againstAuth);
    if (local.type != auth::types::create) {
        const auth::AuthVerdict againstState = auth::checkStateDependent(*pdu, ProvidedState(head.stateBefore, events));
        if (!againstState.allowed())
            return refusal(againstState);
    }
    stateres::StateSet after = head.stateBefore;
    if (pdu->stateKey())
        after.insert(auth::StateKey(pdu->type(), *pdu->stateKey()), pdu->eventId());
    return BuiltEvent{*pdu, std::move(after)};
}

} // namespace trellis::rooms
