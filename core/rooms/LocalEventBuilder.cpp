#include "core/rooms/LocalEventBuilder.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/AuthRule.h"
#include "core/auth/AuthRules.h"
#include "core/auth/EventTypes.h"
#include "core/auth/PowerLevels.h"
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

json::Value text(const QString &value)
{
    return json::Value(json::toUtf8(value));
}

Error refusal(const auth::AuthVerdict &verdict)
{
    return Error::forbidden(
        QStringLiteral("%1 (%2)").arg(verdict.reason, auth::ruleName(verdict.failedRule)));
}

/// rooms/v6 "Canonical JSON": from v6 an event holds only integers in the canonical range;
/// content read leniently (a client's floats) is refused rather than sent to be rejected.
bool canonicalNumbers(const json::Value &value);

bool canonicalNumbers(const json::Object &object)
{
    return std::all_of(object.begin(), object.end(),
                       [](const json::Member &m) { return canonicalNumbers(m.value); });
}

bool canonicalNumbers(const json::Value &value)
{
    if (value.asNonCanonicalNumber())
        return false;
    if (value.isInteger())
        return value.toInteger() >= -json::kMaxCanonicalInteger &&
               value.toInteger() <= json::kMaxCanonicalInteger;
    if (const json::Array *array = value.asArray())
        return std::all_of(array->cbegin(), array->cend(),
                           [](const json::Value &v) { return canonicalNumbers(v); });
    if (const json::Object *object = value.asObject())
        return canonicalNumbers(*object);
    return true;
}

/// An engine misuse, not the client's fault: a 500 with the detail in the log.
Error misuse(const QString &detail)
{
    return Error{ErrorCode::Unknown, QStringLiteral("the server could not build the event"),
                 detail};
}

} // namespace

void RoomHead::advance(const BuiltEvent &event)
{
    if (!roomId)
        roomId = event.pdu.roomId();
    prevEvents = {event.pdu.eventId()};
    stateBefore = event.stateAfter;
}

LocalEventBuilder::LocalEventBuilder(ServerName serverName, crypto::SigningKey key)
    : m_serverName(std::move(serverName)), m_key(std::move(key))
{
}

RoomId LocalEventBuilder::newRoomId(const ServerName &server)
{
    return *RoomId::parse(QString(u'!' + randomLetters(18) + u':' + server.toString()));
}

QList<EventId> LocalEventBuilder::selectPrevEvents(const QList<EventId> &extremities,
                                                   const stateres::EventProvider &events)
{
    QList<const events::Pdu *> known;
    for (const EventId &id : extremities) {
        const events::Pdu *pdu = events.event(id);
        if (pdu && std::none_of(known.cbegin(), known.cend(),
                                [&](const events::Pdu *k) { return k->eventId() == id; }))
            known.append(pdu);
    }
    std::sort(known.begin(), known.end(), [](const events::Pdu *a, const events::Pdu *b) {
        return a->depth() != b->depth() ? a->depth() > b->depth()
                                        : a->eventId().toString() < b->eventId().toString();
    });
    QList<EventId> chosen;
    for (const events::Pdu *pdu : known.mid(0, kMaxPrevEvents))
        chosen.append(pdu->eventId());
    return chosen;
}

Result<void> LocalEventBuilder::checkHead(const RoomHead &head, const LocalEvent &event) const
{
    if (!head.version)
        return misuse(QStringLiteral("no room version"));
    // Only the sender's server can sign its events (server-server-api "Validating hashes and
    // signatures on received events"): this server speaks for its own users alone.
    if (event.sender.serverName() != m_serverName)
        return Error::forbidden(
            QStringLiteral("this server cannot send events for %1").arg(event.sender.toString()));
    const bool isCreate = event.type == auth::types::create;
    // A client may ask for a second create event (PUT /state/m.room.create): its fault.
    if (isCreate && !head.prevEvents.isEmpty())
        return Error::forbidden(QStringLiteral("a room has only one m.room.create event"));
    if (!isCreate && head.prevEvents.isEmpty())
        return misuse(QStringLiteral("only a create event has no prev events"));
    if (head.version->numbers == json::NumberPolicy::Strict && !canonicalNumbers(event.content))
        return Error::badJson(
            QStringLiteral("room version %1 allows only integers in [-(2^53)+1, 2^53-1]")
                .arg(head.version->id));
    if (head.prevEvents.size() > kMaxPrevEvents)
        return misuse(
            QStringLiteral("%1 prev events; select them first").arg(head.prevEvents.size()));
    // rooms/v12 "Event format": the create event has no room ID, and names the room.
    const bool roomIdWanted =
        !(isCreate && head.version->roomIdFormat == events::RoomIdFormat::CreateEventHash);
    if (roomIdWanted != head.roomId.has_value())
        return misuse(roomIdWanted ? QStringLiteral("no room ID")
                                   : QStringLiteral("a v12 create event has no room ID"));
    return {};
}

Result<json::Object> LocalEventBuilder::skeleton(const RoomHead &head, const LocalEvent &local,
                                                 const stateres::EventProvider &events) const
{
    const events::RoomVersion &version = *head.version;
    json::Object event;
    event.insert("type", text(local.type));
    event.insert("sender", text(local.sender.toString()));
    if (local.stateKey)
        event.insert("state_key", text(*local.stateKey));
    json::Object content = local.content;
    // rooms/v11 "Event format": `redacts` moved into the content.
    if (local.redacts && version.redactsInContent)
        content.insert("redacts", text(local.redacts->toString()));
    else if (local.redacts)
        event.insert("redacts", text(local.redacts->toString()));
    event.insert("content", json::Value(std::move(content)));
    if (head.roomId)
        event.insert("room_id", text(head.roomId->toString()));
    event.insert("origin_server_ts", json::Value(local.originServerTs));
    if (version.eventIdFormat == events::EventIdFormat::Field)
        event.insert("event_id", text(QStringLiteral("$%1:%2").arg(randomLetters(18),
                                                                   m_serverName.toString())));

    qint64 depth = 0;
    json::Array prevRefs;
    for (const EventId &id : head.prevEvents) {
        const events::Pdu *pdu = events.event(id);
        if (!pdu)
            return misuse(QStringLiteral("missing prev event %1").arg(id.toString()));
        depth = std::max(depth, pdu->depth());
        prevRefs.push_back(reference(*pdu, version));
    }
    event.insert("prev_events", json::Value(std::move(prevRefs)));
    // pdu_v*: depth is one more than the deepest prev event, within the version's bound.
    event.insert("depth", json::Value(depth >= version.maxDepth ? version.maxDepth : depth + 1));

    // server-server-api "Auth events selection", from the state before the event.
    json::Array authRefs;
    if (local.type != auth::types::create) {
        const auth::EventShape shape{local.type, local.stateKey, local.sender.toString(),
                                     &event["content"].toObject()};
        for (const auth::StateKey &wanted : auth::authEventKeys(shape, version)) {
            const auto it = head.stateBefore.constFind(wanted);
            if (it == head.stateBefore.constEnd())
                continue;
            const events::Pdu *pdu = events.event(*it);
            if (!pdu)
                return misuse(QStringLiteral("missing state event %1").arg(it->toString()));
            authRefs.push_back(reference(*pdu, version));
        }
    }
    event.insert("auth_events", json::Value(std::move(authRefs)));
    return event;
}

Result<auth::AuthVerdict> LocalEventBuilder::authorise(const events::Pdu &pdu, const RoomHead &head,
                                                       const stateres::EventProvider &events) const
{
    // Check 4: against the auth events it cites (and, in v12, the create event its room ID
    // names); check 5: against the state before it. The create event has neither.
    QList<auth::AuthEvent> authEvents;
    for (const EventId &id : pdu.authEvents()) {
        const events::Pdu *event = events.event(id);
        if (!event)
            return misuse(QStringLiteral("missing auth event %1").arg(id.toString()));
        authEvents.append({*event, events.rejection(id) != stateres::Rejection::None});
    }
    std::optional<auth::AuthEvent> roomCreate;
    const auto createId =
        head.stateBefore.constFind(auth::StateKey(auth::types::create, QString()));
    if (createId != head.stateBefore.constEnd() && events.event(*createId))
        roomCreate = auth::AuthEvent{*events.event(*createId),
                                     events.rejection(*createId) != stateres::Rejection::None};
    const bool v12 = head.version->roomIdFormat == events::RoomIdFormat::CreateEventHash;
    const auth::AuthVerdict againstAuth =
        auth::checkAgainstAuthEvents(pdu, authEvents, v12 && roomCreate ? &*roomCreate : nullptr);
    if (!againstAuth.allowed() || pdu.type() == auth::types::create)
        return againstAuth;
    return auth::checkStateDependent(pdu, ProvidedState(head.stateBefore, events));
}

Result<void> LocalEventBuilder::checkRedaction(const RoomHead &head, const LocalEvent &local,
                                               const stateres::EventProvider &events) const
{
    // client-server-api "Redactions": redacting someone else's event needs the redact level.
    // From v3 the auth rules leave this to receiving servers, which would ignore the
    // redaction (rooms/v3 "Handling redactions"): refuse it rather than emit it.
    if (local.type != auth::types::redaction || !local.redacts)
        return {};
    const events::Pdu *target = events.event(*local.redacts);
    if (!target || target->sender() == local.sender)
        return {};
    const ProvidedState state(head.stateBefore, events);
    const auth::PowerLevels levels(state.find(auth::types::powerLevels, QString()),
                                   state.find(auth::types::create, QString()), *head.version);
    if (levels.userLevel(local.sender.toString()) < auth::PowerLevel(levels.redact()))
        return Error::forbidden(QStringLiteral("redacting other users' events needs power level %1")
                                    .arg(levels.redact()));
    return {};
}

Result<BuiltEvent> LocalEventBuilder::build(const RoomHead &head, const LocalEvent &local,
                                            const stateres::EventProvider &events) const
{
    if (auto ok = checkHead(head, local); !ok)
        return ok.error();
    if (auto ok = checkRedaction(head, local, events); !ok)
        return ok.error();
    auto event = skeleton(head, local, events);
    if (!event)
        return event.error();
    events::hashAndSignEvent(*event, *head.version, m_serverName.toString(), m_key);
    // Parsing applies the PDU format's limits (65,536 bytes, 255-byte IDs): M_TOO_LARGE.
    auto pdu = events::Pdu::parse(std::move(*event), *head.version);
    if (!pdu)
        return pdu.error();
    auto verdict = authorise(*pdu, head, events);
    if (!verdict)
        return verdict.error();
    if (!verdict->allowed())
        return refusal(*verdict);
    stateres::StateSet after = head.stateBefore;
    if (pdu->stateKey())
        after.insert(auth::StateKey(pdu->type(), *pdu->stateKey()), pdu->eventId());
    return BuiltEvent{*pdu, std::move(after), *verdict};
}

} // namespace trellis::rooms
