#include "core/auth/AuthRule.h"

namespace trellis::auth {
namespace {

// How one version's list numbers its steps.
struct Numbering
{
    int member;          // the m.room.member rule
    bool aliasesRule;    // v1-5 have rule 4 for m.room.aliases
    bool joinSignature;  // v8+: x.2 is the join_authorised_via_users_server signature
    bool knock;          // v7+
    int afterMember;     // the "sender must be joined" rule; the next four follow it
    int create;          // always 1
    int authEvents;      // 2, or 3 in v12
    int federate;        // 3, or 4 in v12
    int plShift;         // v10+: two new first power-level sub-rules; v12: one more
};

Numbering numberingOf(const events::RoomVersion &version)
{
    const int v = version.number;
    Numbering n{};
    n.create = 1;
    n.authEvents = v >= 12 ? 3 : 2;
    n.federate = v >= 12 ? 4 : 3;
    n.aliasesRule = v <= 5;
    n.member = v >= 12 ? 5 : (n.aliasesRule ? 5 : 4);
    n.joinSignature = v >= 8;
    n.knock = v >= 7;
    n.afterMember = n.member + 1;
    n.plShift = v >= 12 ? 3 : (v >= 10 ? 2 : 0);
    return n;
}

QString dotted(std::initializer_list<int> parts)
{
    QString text;
    for (int part : parts) {
        if (!text.isEmpty())
            text += QLatin1Char('.');
        text += QString::number(part);
    }
    return text;
}

// Whether `version`'s list has the step at all: a rule of other versions has no number
// there (AliasesNoStateKey would otherwise print v6's "4.1", the membership rule's number).
bool existsIn(AuthRule rule, const events::RoomVersion &version)
{
    const bool domainRoomIds = version.roomIdFormat == events::RoomIdFormat::WithDomain;
    switch (rule) {
    case AuthRule::None:
        return false;
    case AuthRule::CreateRoomIdDomainMismatch:
    case AuthRule::AuthEventsNoCreate:
        return domainRoomIds;
    case AuthRule::CreateHasRoomId:
    case AuthRule::RoomIdNotAcceptedCreateEvent:
        return !domainRoomIds;
    case AuthRule::CreateNoCreator:
        return version.creatorInContent;
    case AuthRule::CreateBadAdditionalCreators:
    case AuthRule::PowerLevelsCreatorInUsers:
        return version.additionalCreators;
    case AuthRule::AliasesNoStateKey:
    case AuthRule::AliasesDomainMismatch:
        return version.aliasesAuthRule;
    case AuthRule::JoinRestrictedNotAuthorised:
        return version.restrictedJoins;
    case AuthRule::KnockJoinRule:
    case AuthRule::KnockNotSelf:
    case AuthRule::KnockAlreadyMember:
        return version.knocking;
    case AuthRule::PowerLevelsNonIntegerProperty:
    case AuthRule::PowerLevelsNonIntegerEventLevels:
        return version.integerPowerLevels;
    case AuthRule::RedactionInsufficientPower:
        return version.redactionAuthRule;
    default:
        return true;
    }
}

} // namespace

QString ruleNumber(AuthRule rule, const events::RoomVersion &version)
{
    if (!existsIn(rule, version))
        return {};
    const Numbering n = numberingOf(version);
    const int m = n.member;
    const int sig = n.joinSignature ? 1 : 0;
    const int join = 2 + sig, invite = 3 + sig, leave = 4 + sig, ban = 5 + sig;
    const int knock = 6 + sig, unknown = (n.knock ? 7 : 6) + sig;
    const int joinOtherwise = n.joinSignature ? 7 : 6;
    const int pl = n.afterMember + 4;
    const int s = n.plShift;
    switch (rule) {
    case AuthRule::None:
        return {};
    case AuthRule::CreateHasPrevEvents:
        return dotted({1, 1});
    case AuthRule::CreateRoomIdDomainMismatch:
    case AuthRule::CreateHasRoomId:
        return dotted({1, 2});
    case AuthRule::CreateUnknownRoomVersion:
        return dotted({1, 3});
    case AuthRule::CreateNoCreator:
    case AuthRule::CreateBadAdditionalCreators:
        return dotted({1, 4});
    case AuthRule::RoomIdNotAcceptedCreateEvent:
        return dotted({2});
    case AuthRule::AuthEventsDuplicate:
        return dotted({n.authEvents, 1});
    case AuthRule::AuthEventsUnexpected:
        return dotted({n.authEvents, 2});
    case AuthRule::AuthEventsRejected:
        return dotted({n.authEvents, 3});
    case AuthRule::AuthEventsNoCreate:
        return dotted({n.authEvents, 4});
    case AuthRule::AuthEventsWrongRoom:
        // rooms/v12.md writes the sub-rules 1, 2, 3, 5 (dropping 4 but keeping the number);
        // rendered as a Markdown list they read 1-4. The source text's 3.5 is used.
        return dotted({n.authEvents, 5});
    case AuthRule::NotFederated:
        return dotted({n.federate});
    case AuthRule::AliasesNoStateKey:
        return dotted({4, 1});
    case AuthRule::AliasesDomainMismatch:
        return dotted({4, 2});
    case AuthRule::MemberMissingFields:
        return dotted({m, 1});
    case AuthRule::JoinNotSelf:
        return dotted({m, join, 2});
    case AuthRule::JoinBanned:
        return dotted({m, join, 3});
    case AuthRule::JoinRestrictedNotAuthorised:
        return dotted({m, join, 5, 2});
    case AuthRule::JoinNotAllowed:
        return dotted({m, join, joinOtherwise});
    case AuthRule::InviteThirdPartyTargetBanned:
        return dotted({m, invite, 1, 1});
    case AuthRule::InviteThirdPartyNoSigned:
        return dotted({m, invite, 1, 2});
    case AuthRule::InviteThirdPartyNoMxidOrToken:
        return dotted({m, invite, 1, 3});
    case AuthRule::InviteThirdPartyMxidMismatch:
        return dotted({m, invite, 1, 4});
    case AuthRule::InviteThirdPartyNoInviteEvent:
        return dotted({m, invite, 1, 5});
    case AuthRule::InviteThirdPartySenderMismatch:
        return dotted({m, invite, 1, 6});
    case AuthRule::InviteThirdPartyBadSignature:
        return dotted({m, invite, 1, 8});
    case AuthRule::InviteSenderNotJoined:
        return dotted({m, invite, 2});
    case AuthRule::InviteTargetJoinedOrBanned:
        return dotted({m, invite, 3});
    case AuthRule::InviteInsufficientPower:
        return dotted({m, invite, 5});
    case AuthRule::LeaveSelfNotMember:
        return dotted({m, leave, 1});
    case AuthRule::LeaveSenderNotJoined:
        return dotted({m, leave, 2});
    case AuthRule::LeaveTargetBannedInsufficientPower:
        return dotted({m, leave, 3});
    case AuthRule::LeaveInsufficientPower:
        return dotted({m, leave, 5});
    case AuthRule::BanSenderNotJoined:
        return dotted({m, ban, 1});
    case AuthRule::BanInsufficientPower:
        return dotted({m, ban, 3});
    case AuthRule::KnockJoinRule:
        return dotted({m, knock, 1});
    case AuthRule::KnockNotSelf:
        return dotted({m, knock, 2});
    case AuthRule::KnockAlreadyMember:
        return dotted({m, knock, 4});
    case AuthRule::MemberUnknownMembership:
        return dotted({m, unknown});
    case AuthRule::SenderNotJoined:
        return dotted({n.afterMember});
    case AuthRule::ThirdPartyInviteInsufficientPower:
        return dotted({n.afterMember + 1, 1});
    case AuthRule::InsufficientPowerLevel:
        return dotted({n.afterMember + 2});
    case AuthRule::StateKeyNotSender:
        return dotted({n.afterMember + 3});
    case AuthRule::PowerLevelsNonIntegerProperty:
        return dotted({pl, 1});
    case AuthRule::PowerLevelsNonIntegerEventLevels:
        return dotted({pl, 2});
    case AuthRule::PowerLevelsInvalidUsers:
        return dotted({pl, 1 + (s >= 2 ? 2 : 0)});
    case AuthRule::PowerLevelsCreatorInUsers:
        return dotted({pl, 4});
    case AuthRule::PowerLevelsCurrentValueAboveSender:
        return dotted({pl, 3 + s, 1});
    case AuthRule::PowerLevelsNewValueAboveSender:
        return dotted({pl, 3 + s, 2});
    case AuthRule::PowerLevelsEventCurrentAboveSender:
        return dotted({pl, 4 + s, 1});
    case AuthRule::PowerLevelsEventNewAboveSender:
        return dotted({pl, 5 + s, 1});
    case AuthRule::PowerLevelsUserCurrentNotBelowSender:
        return dotted({pl, 6 + s, 1});
    case AuthRule::PowerLevelsUserNewAboveSender:
        return dotted({pl, 7 + s, 1});
    case AuthRule::RedactionInsufficientPower:
        return dotted({11, 3});
    }
    return {};
}

QString ruleName(AuthRule rule)
{
    switch (rule) {
    case AuthRule::None: return QStringLiteral("allowed");
    case AuthRule::CreateHasPrevEvents: return QStringLiteral("create_has_prev_events");
    case AuthRule::CreateRoomIdDomainMismatch: return QStringLiteral("create_room_id_domain_mismatch");
    case AuthRule::CreateHasRoomId: return QStringLiteral("create_has_room_id");
    case AuthRule::CreateUnknownRoomVersion: return QStringLiteral("create_unknown_room_version");
    case AuthRule::CreateNoCreator: return QStringLiteral("create_no_creator");
    case AuthRule::CreateBadAdditionalCreators: return QStringLiteral("create_bad_additional_creators");
    case AuthRule::RoomIdNotAcceptedCreateEvent: return QStringLiteral("room_id_not_accepted_create_event");
    case AuthRule::AuthEventsDuplicate: return QStringLiteral("auth_events_duplicate");
    case AuthRule::AuthEventsUnexpected: return QStringLiteral("auth_events_unexpected");
    case AuthRule::AuthEventsRejected: return QStringLiteral("auth_events_rejected");
    case AuthRule::AuthEventsNoCreate: return QStringLiteral("auth_events_no_create");
    case AuthRule::AuthEventsWrongRoom: return QStringLiteral("auth_events_wrong_room");
    case AuthRule::NotFederated: return QStringLiteral("not_federated");
    case AuthRule::AliasesNoStateKey: return QStringLiteral("aliases_no_state_key");
    case AuthRule::AliasesDomainMismatch: return QStringLiteral("aliases_domain_mismatch");
    case AuthRule::MemberMissingFields: return QStringLiteral("member_missing_fields");
    case AuthRule::JoinNotSelf: return QStringLiteral("join_not_self");
    case AuthRule::JoinBanned: return QStringLiteral("join_banned");
    case AuthRule::JoinRestrictedNotAuthorised: return QStringLiteral("join_restricted_not_authorised");
    case AuthRule::JoinNotAllowed: return QStringLiteral("join_not_allowed");
    case AuthRule::InviteThirdPartyTargetBanned: return QStringLiteral("invite_third_party_target_banned");
    case AuthRule::InviteThirdPartyNoSigned: return QStringLiteral("invite_third_party_no_signed");
    case AuthRule::InviteThirdPartyNoMxidOrToken: return QStringLiteral("invite_third_party_no_mxid_or_token");
    case AuthRule::InviteThirdPartyMxidMismatch: return QStringLiteral("invite_third_party_mxid_mismatch");
    case AuthRule::InviteThirdPartyNoInviteEvent: return QStringLiteral("invite_third_party_no_invite_event");
    case AuthRule::InviteThirdPartySenderMismatch: return QStringLiteral("invite_third_party_sender_mismatch");
    case AuthRule::InviteThirdPartyBadSignature: return QStringLiteral("invite_third_party_bad_signature");
    case AuthRule::InviteSenderNotJoined: return QStringLiteral("invite_sender_not_joined");
    case AuthRule::InviteTargetJoinedOrBanned: return QStringLiteral("invite_target_joined_or_banned");
    case AuthRule::InviteInsufficientPower: return QStringLiteral("invite_insufficient_power");
    case AuthRule::LeaveSelfNotMember: return QStringLiteral("leave_self_not_member");
    case AuthRule::LeaveSenderNotJoined: return QStringLiteral("leave_sender_not_joined");
    case AuthRule::LeaveTargetBannedInsufficientPower: return QStringLiteral("leave_target_banned_insufficient_power");
    case AuthRule::LeaveInsufficientPower: return QStringLiteral("leave_insufficient_power");
    case AuthRule::BanSenderNotJoined: return QStringLiteral("ban_sender_not_joined");
    case AuthRule::BanInsufficientPower: return QStringLiteral("ban_insufficient_power");
    case AuthRule::KnockJoinRule: return QStringLiteral("knock_join_rule");
    case AuthRule::KnockNotSelf: return QStringLiteral("knock_not_self");
    case AuthRule::KnockAlreadyMember: return QStringLiteral("knock_already_member");
    case AuthRule::MemberUnknownMembership: return QStringLiteral("member_unknown_membership");
    case AuthRule::SenderNotJoined: return QStringLiteral("sender_not_joined");
    case AuthRule::ThirdPartyInviteInsufficientPower: return QStringLiteral("third_party_invite_insufficient_power");
    case AuthRule::InsufficientPowerLevel: return QStringLiteral("insufficient_power_level");
    case AuthRule::StateKeyNotSender: return QStringLiteral("state_key_not_sender");
    case AuthRule::PowerLevelsNonIntegerProperty: return QStringLiteral("power_levels_non_integer_property");
    case AuthRule::PowerLevelsNonIntegerEventLevels: return QStringLiteral("power_levels_non_integer_event_levels");
    case AuthRule::PowerLevelsInvalidUsers: return QStringLiteral("power_levels_invalid_users");
    case AuthRule::PowerLevelsCreatorInUsers: return QStringLiteral("power_levels_creator_in_users");
    case AuthRule::PowerLevelsCurrentValueAboveSender: return QStringLiteral("power_levels_current_value_above_sender");
    case AuthRule::PowerLevelsNewValueAboveSender: return QStringLiteral("power_levels_new_value_above_sender");
    case AuthRule::PowerLevelsEventCurrentAboveSender: return QStringLiteral("power_levels_event_current_above_sender");
    case AuthRule::PowerLevelsEventNewAboveSender: return QStringLiteral("power_levels_event_new_above_sender");
    case AuthRule::PowerLevelsUserCurrentNotBelowSender: return QStringLiteral("power_levels_user_current_not_below_sender");
    case AuthRule::PowerLevelsUserNewAboveSender: return QStringLiteral("power_levels_user_new_above_sender");
    case AuthRule::RedactionInsufficientPower: return QStringLiteral("redaction_insufficient_power");
    }
    return {};
}

} // namespace trellis::auth
