#pragma once
#include "core/events/RoomVersion.h"

#include <QString>

namespace trellis::auth {

/// Each rejecting step of the authorisation rules (rooms/v1, v3, v6, v7, v8, v10, v11, v12
/// "Authorisation rules"), by meaning. Versions number the same step differently (v6 dropped
/// the aliases rule, v12 inserted one); ruleNumber() gives the number in a version's text.
enum class AuthRule {
    None, ///< allowed

    CreateHasPrevEvents,
    CreateRoomIdDomainMismatch, ///< v1-11
    CreateHasRoomId,            ///< v12
    CreateUnknownRoomVersion,
    CreateNoCreator,              ///< v1-10
    CreateBadAdditionalCreators,  ///< v12
    RoomIdNotAcceptedCreateEvent, ///< v12

    AuthEventsDuplicate,
    AuthEventsUnexpected,
    AuthEventsRejected,
    AuthEventsNoCreate, ///< v1-11
    AuthEventsWrongRoom,

    NotFederated,

    AliasesNoStateKey,      ///< v1-5
    AliasesDomainMismatch,  ///< v1-5

    MemberMissingFields,
    JoinNotSelf,
    JoinBanned,
    JoinRestrictedNotAuthorised, ///< v8+
    JoinNotAllowed,
    InviteThirdPartyTargetBanned,
    InviteThirdPartyNoSigned,
    InviteThirdPartyNoMxidOrToken,
    InviteThirdPartyMxidMismatch,
    InviteThirdPartyNoInviteEvent,
    InviteThirdPartySenderMismatch,
    InviteThirdPartyBadSignature,
    InviteSenderNotJoined,
    InviteTargetJoinedOrBanned,
    InviteInsufficientPower,
    LeaveSelfNotMember,
    LeaveSenderNotJoined,
    LeaveTargetBannedInsufficientPower,
    LeaveInsufficientPower,
    BanSenderNotJoined,
    BanInsufficientPower,
    KnockJoinRule,        ///< v7+
    KnockNotSelf,         ///< v7+
    KnockAlreadyMember,   ///< v7+
    MemberUnknownMembership,

    SenderNotJoined,
    ThirdPartyInviteInsufficientPower,
    InsufficientPowerLevel,
    StateKeyNotSender,

    PowerLevelsNonIntegerProperty,   ///< v10+
    PowerLevelsNonIntegerEventLevels, ///< v10+: `events`, `notifications`
    PowerLevelsInvalidUsers,
    PowerLevelsCreatorInUsers,       ///< v12
    PowerLevelsCurrentValueAboveSender,
    PowerLevelsNewValueAboveSender,
    PowerLevelsEventCurrentAboveSender,
    PowerLevelsEventNewAboveSender,
    PowerLevelsUserCurrentNotBelowSender,
    PowerLevelsUserNewAboveSender,

    RedactionInsufficientPower, ///< v1-2
};

/// The rule's number in `version`'s list, e.g. "4.3.7" (v8) for JoinNotAllowed; empty for
/// None and for a rule `version` does not have.
QString ruleNumber(AuthRule rule, const events::RoomVersion &version);

/// A short stable name, e.g. "join_not_allowed", for JSON and logs.
QString ruleName(AuthRule rule);

} // namespace trellis::auth
