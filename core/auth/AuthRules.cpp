// Authorisation rules, the parts that are not about membership or power levels
// (rooms/v1, v3, v6, v8, v10, v11, v12 "Authorisation rules").
#include "core/auth/AuthRules.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/RuleContext.h"
#include "core/events/EventHashes.h"

#include <QSet>

namespace trellis::auth {
namespace {

using detail::RuleContext;

QString pluralKey(const StateKey &key)
{
    return QStringLiteral("(%1, \"%2\")").arg(key.type, key.stateKey);
}

// Rule 1: the create event is decided by itself.
AuthVerdict checkCreate(const events::Pdu &event)
{
    const events::RoomVersion &version = event.roomVersion();
    if (!event.prevEvents().isEmpty())
        return AuthVerdict::reject(AuthRule::CreateHasPrevEvents,
                                   QStringLiteral("a create event has no prev_events"));
    if (version.roomIdFormat == events::RoomIdFormat::CreateEventHash) {
        if (event.json().contains("room_id"))
            return AuthVerdict::reject(AuthRule::CreateHasRoomId,
                                       QStringLiteral("from room version 12 a create event carries "
                                                      "no room_id: its ID makes the room's"));
    } else {
        const auto &roomServer = event.roomId().serverName();
        if (!roomServer || *roomServer != event.sender().serverName())
            return AuthVerdict::reject(
                AuthRule::CreateRoomIdDomainMismatch,
                QStringLiteral("the room ID's domain differs from the sender's (%1)")
                    .arg(event.sender().serverName().toString()));
    }
    if (const json::Value *roomVersion = event.content().find("room_version")) {
        const std::string *id = roomVersion->asString();
        if (!id || !events::RoomVersion::find(json::toQString(*id)))
            return AuthVerdict::reject(AuthRule::CreateUnknownRoomVersion,
                                       QStringLiteral("content.room_version is not a room version "
                                                      "this server knows"));
    }
    if (version.creatorInContent && !event.content().contains("creator"))
        return AuthVerdict::reject(AuthRule::CreateNoCreator,
                                   QStringLiteral("content has no 'creator'"));
    if (version.additionalCreators) {
        if (const json::Value *creators = event.content().find("additional_creators")) {
            const json::Array *list = creators->asArray();
            bool valid = list != nullptr;
            for (const json::Value &user : list ? *list : json::Array()) {
                const std::string *id = user.asString();
                valid = valid && id && UserId::parse(json::toQString(*id));
            }
            if (!valid)
                return AuthVerdict::reject(AuthRule::CreateBadAdditionalCreators,
                                           QStringLiteral("additional_creators must be an array of "
                                                          "valid user IDs"));
        }
    }
    return AuthVerdict::allow();
}

// Rule 2 (rule 3 in v12), "Considering the event's auth_events": sub-rules 1-5 (no 4 in v12).
AuthVerdict checkAuthEventList(const events::Pdu &event, const QList<AuthEvent> &authEvents)
{
    const events::RoomVersion &version = event.roomVersion();
    EventShape shape{event.type(), event.stateKey(), event.sender().toString(), &event.content()};
    const QList<StateKey> expected = authEventKeys(shape, version);

    // Each sub-rule looks at the whole list before the next one does, so that the verdict
    // does not depend on the order of auth_events. Only state events have a (type,
    // state_key) pair to repeat; other entries are unexpected.
    QSet<StateKey> seen;
    bool hasCreate = false;
    for (const AuthEvent &auth : authEvents) {
        if (!auth.pdu.isState())
            continue;
        const StateKey key{auth.pdu.type(), *auth.pdu.stateKey()};
        if (seen.contains(key))
            return AuthVerdict::reject(AuthRule::AuthEventsDuplicate,
                                       QStringLiteral("auth_events cite %1 twice").arg(pluralKey(key)));
        seen.insert(key);
    }
    for (const AuthEvent &auth : authEvents) {
        const StateKey key{auth.pdu.type(), auth.pdu.stateKey().value_or(QString())};
        if (!auth.pdu.isState() || !expected.contains(key))
            return AuthVerdict::reject(AuthRule::AuthEventsUnexpected,
                                       QStringLiteral("auth_events cite %1 (%2), which the auth "
                                                      "events selection does not choose for this event")
                                           .arg(pluralKey(key), auth.pdu.eventId().toString()));
    }
    for (const AuthEvent &auth : authEvents) {
        if (auth.rejected)
            return AuthVerdict::reject(AuthRule::AuthEventsRejected,
                                       QStringLiteral("auth event %1 was itself rejected")
                                           .arg(auth.pdu.eventId().toString()));
        hasCreate = hasCreate || auth.pdu.type() == types::create;
    }
    if (version.roomIdFormat == events::RoomIdFormat::WithDomain && !hasCreate)
        return AuthVerdict::reject(AuthRule::AuthEventsNoCreate,
                                   QStringLiteral("auth_events do not cite the create event"));
    for (const AuthEvent &auth : authEvents) {
        if (auth.pdu.roomId() != event.roomId())
            return AuthVerdict::reject(AuthRule::AuthEventsWrongRoom,
                                       QStringLiteral("auth event %1 belongs to room %2")
                                           .arg(auth.pdu.eventId().toString(),
                                                auth.pdu.roomId().toString()));
    }
    return AuthVerdict::allow();
}

// Rule 4 of versions 1-5: m.room.aliases.
AuthVerdict checkAliases(const events::Pdu &event)
{
    if (!event.isState())
        return AuthVerdict::reject(AuthRule::AliasesNoStateKey,
                                   QStringLiteral("an aliases event needs a state_key"));
    if (*event.stateKey() != event.sender().serverName().toString())
        return AuthVerdict::reject(AuthRule::AliasesDomainMismatch,
                                   QStringLiteral("the state_key must be the sender's domain %1")
                                       .arg(event.sender().serverName().toString()));
    return AuthVerdict::allow();
}

// Rule 11 of versions 1 and 2: m.room.redaction.
AuthVerdict checkRedaction(const RuleContext &context)
{
    const qint64 redactLevel = context.powerLevels.redact();
    if (context.senderLevel() >= PowerLevel(redactLevel))
        return AuthVerdict::allow();
    const auto &redacts = context.event.redacts();
    if (redacts) {
        const auto target = redacts->serverName();
        const auto own = context.event.eventId().serverName();
        if (target && own && *target == *own)
            return AuthVerdict::allow();
    }
    return AuthVerdict::reject(AuthRule::RedactionInsufficientPower,
                               QStringLiteral("the sender's power level %1 is below the redact "
                                              "level %2 and the redacted event is from another "
                                              "server")
                                   .arg(context.senderLevel().toString())
                                   .arg(redactLevel));
}

} // namespace

AuthVerdict checkStateIndependent(const events::Pdu &event, const QList<AuthEvent> &authEvents,
                                  const AuthEvent *roomCreate)
{
    if (event.type() == types::create)
        return checkCreate(event);
    const events::RoomVersion &version = event.roomVersion();
    if (version.roomIdFormat == events::RoomIdFormat::CreateEventHash) {
        const bool named = roomCreate && roomCreate->pdu.type() == types::create
                           && events::roomIdFromCreateEventId(roomCreate->pdu.eventId()) == event.roomId();
        if (!named || roomCreate->rejected)
            return AuthVerdict::reject(AuthRule::RoomIdNotAcceptedCreateEvent,
                                       named ? QStringLiteral("the room's create event was rejected")
                                             : QStringLiteral("the room ID %1 does not name a known "
                                                              "create event")
                                                   .arg(event.roomId().toString()));
    }
    return checkAuthEventList(event, authEvents);
}

AuthVerdict checkStateDependent(const events::Pdu &event, const StateView &state)
{
    if (event.type() == types::create)
        return AuthVerdict::allow();
    const RuleContext context(event, state);
    const events::RoomVersion &version = context.version;

    // m.federate (rule 3; 4 in v12): only the JSON value false turns federation off.
    if (context.create && context.create->content()["m.federate"] == json::Value(false)
        && context.create->sender().serverName() != event.sender().serverName())
        return AuthVerdict::reject(AuthRule::NotFederated,
                                   QStringLiteral("the room is not federated and the sender is not "
                                                  "on the creator's server %1")
                                       .arg(context.create->sender().serverName().toString()));
    if (version.aliasesAuthRule && event.type() == types::aliases)
        return checkAliases(event);
    if (event.type() == types::member)
        return detail::checkMembership(context);

    if (context.membershipOf(context.sender) != memberships::join)
        return AuthVerdict::reject(AuthRule::SenderNotJoined,
                                   QStringLiteral("%1 is not joined to the room").arg(context.sender));
    const PowerLevel senderLevel = context.senderLevel();
    if (event.type() == types::thirdPartyInvite) {
        if (senderLevel >= PowerLevel(context.powerLevels.invite()))
            return AuthVerdict::allow();
        return AuthVerdict::reject(AuthRule::ThirdPartyInviteInsufficientPower,
                                   QStringLiteral("power level %1 is below the invite level %2")
                                       .arg(senderLevel.toString())
                                       .arg(context.powerLevels.invite()));
    }
    const qint64 required = context.powerLevels.eventLevel(event.type(), event.isState());
    if (PowerLevel(required) > senderLevel)
        return AuthVerdict::reject(AuthRule::InsufficientPowerLevel,
                                   QStringLiteral("sending %1 needs power level %2; %3 has %4")
                                       .arg(event.type())
                                       .arg(required)
                                       .arg(context.sender, senderLevel.toString()));
    if (event.isState() && event.stateKey()->startsWith(QLatin1Char('@'))
        && *event.stateKey() != context.sender)
        return AuthVerdict::reject(AuthRule::StateKeyNotSender,
                                   QStringLiteral("a state_key starting with '@' must be the "
                                                  "sender's own user ID"));
    if (event.type() == types::powerLevels)
        return detail::checkPowerLevelsEvent(context);
    if (version.redactionAuthRule && event.type() == types::redaction)
        return checkRedaction(context);
    return AuthVerdict::allow();
}

AuthVerdict checkAgainstAuthEvents(const events::Pdu &event, const QList<AuthEvent> &authEvents,
                                   const AuthEvent *roomCreate)
{
    const AuthVerdict independent = checkStateIndependent(event, authEvents, roomCreate);
    if (!independent.allowed() || event.type() == types::create)
        return independent;
    StateMap state;
    if (roomCreate)
        state.insert(roomCreate->pdu);
    for (const AuthEvent &auth : authEvents)
        state.insert(auth.pdu);
    return checkStateDependent(event, state);
}

} // namespace trellis::auth
