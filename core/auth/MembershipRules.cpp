// The m.room.member rule (rule 5 in rooms v1-5 and v12, rule 4 in v6-v11): joins, invites
// (with third-party invites), leaves and kicks, bans, knocks.
#include "core/auth/RuleContext.h"
#include "core/crypto/JsonSigning.h"
#include "core/json/Base64.h"

namespace trellis::auth::detail {
namespace {

bool isOneOf(const QString &value, std::initializer_list<QString> options)
{
    return std::find(options.begin(), options.end(), value) != options.end();
}

std::optional<crypto::VerifyKey> thirdPartyKey(const json::Value &publicKey, const QString &keyId)
{
    const std::string *text = publicKey.asString();
    if (!text)
        return std::nullopt;
    const QByteArrayView encoded(text->data(), qsizetype(text->size()));
    for (auto alphabet : {base64::Alphabet::Standard, base64::Alphabet::UrlSafe}) {
        if (auto bytes = base64::decode(encoded, alphabet)) {
            if (auto key = crypto::VerifyKey::fromBytes(keyId, *bytes))
                return *key;
        }
    }
    return std::nullopt;
}

// "If any signature in signed matches any public key in the m.room.third_party_invite event"
// (the keys are in `public_key` and in the `public_keys` list).
bool thirdPartySignatureMatches(const json::Object &signedPart, const events::Pdu &invite)
{
    QList<const json::Value *> publicKeys;
    if (const json::Value *key = invite.content().find("public_key"))
        publicKeys.append(key);
    for (const json::Value &entry : invite.content()["public_keys"].toArray())
        publicKeys.append(entry.toObject().find("public_key"));

    const std::string bytes = crypto::signingBytes(signedPart);
    for (const json::Member &server : signedPart["signatures"].toObject()) {
        for (const json::Member &signature : server.value.toObject()) {
            const QString keyId = json::toQString(signature.key);
            for (const json::Value *publicKey : std::as_const(publicKeys)) {
                if (!publicKey)
                    continue;
                const auto key = thirdPartyKey(*publicKey, keyId);
                const std::string *encoded = signature.value.asString();
                if (!key || !encoded)
                    continue;
                const auto raw = base64::decode(QByteArrayView(encoded->data(), qsizetype(encoded->size())));
                if (raw && key->verify(bytes, *raw))
                    return true;
            }
        }
    }
    return false;
}

// Sub-rules 1-8 of "If content has a third_party_invite property". Sub-rules 2 and 3 ask
// whether properties are there; a `signed` that is no object has no `mxid` or `token` (3), an
// `mxid` that is no string matches no state_key (4), a `token` that is no string no state_key
// of an invite event (5).
AuthVerdict checkThirdPartyInvite(const RuleContext &c, const QString &target,
                                  const json::Value &thirdPartyInvite)
{
    if (c.membershipOf(target) == memberships::ban)
        return AuthVerdict::reject(AuthRule::InviteThirdPartyTargetBanned,
                                   QStringLiteral("%1 is banned").arg(target));
    const json::Value *signedValue = thirdPartyInvite.toObject().find("signed");
    if (!signedValue)
        return AuthVerdict::reject(AuthRule::InviteThirdPartyNoSigned,
                                   QStringLiteral("third_party_invite has no 'signed' property"));
    const json::Object &signedPart = signedValue->toObject();
    if (!signedPart.contains("mxid") || !signedPart.contains("token"))
        return AuthVerdict::reject(AuthRule::InviteThirdPartyNoMxidOrToken,
                                   QStringLiteral("'signed' lacks 'mxid' or 'token'"));
    const std::string *mxid = signedPart["mxid"].asString();
    if (!mxid || json::toQString(*mxid) != target)
        return AuthVerdict::reject(AuthRule::InviteThirdPartyMxidMismatch,
                                   QStringLiteral("signed.mxid is not the invited user"));
    const std::string *token = signedPart["token"].asString();
    const events::Pdu *invite =
        token ? c.state.find(types::thirdPartyInvite, json::toQString(*token)) : nullptr;
    if (!invite)
        return AuthVerdict::reject(AuthRule::InviteThirdPartyNoInviteEvent,
                                   QStringLiteral("no m.room.third_party_invite with the token "
                                                  "of 'signed'"));
    if (invite->sender() != c.event.sender())
        return AuthVerdict::reject(AuthRule::InviteThirdPartySenderMismatch,
                                   QStringLiteral("the third-party invite was sent by %1")
                                       .arg(invite->sender().toString()));
    if (thirdPartySignatureMatches(signedPart, *invite))
        return AuthVerdict::allow();
    return AuthVerdict::reject(AuthRule::InviteThirdPartyBadSignature,
                               QStringLiteral("no signature in 'signed' matches a public key of the "
                                              "third-party invite"));
}

AuthVerdict checkJoin(const RuleContext &c, const QString &target)
{
    // The creator's own first join, right after the create event. The rule looks at the
    // state_key only, before "the sender must match the state_key".
    const auto &prev = c.event.prevEvents();
    if (c.create && prev.size() == 1 && prev.first() == c.create->eventId()) {
        const QString creator = c.version.creatorInContent
                                    ? json::toQString(c.create->content()["creator"].toString())
                                    : c.create->sender().toString();
        if (target == creator)
            return AuthVerdict::allow();
    }
    if (c.sender != target)
        return AuthVerdict::reject(AuthRule::JoinNotSelf,
                                   QStringLiteral("%1 cannot join for %2").arg(c.sender, target));
    const QString current = c.membershipOf(c.sender);
    if (current == memberships::ban)
        return AuthVerdict::reject(AuthRule::JoinBanned, QStringLiteral("%1 is banned").arg(c.sender));
    const QString rule = c.joinRule();
    const bool invited = current == memberships::invite || current == memberships::join;
    if (rule == joinrules::invite || (c.version.knocking && rule == joinrules::knock)) {
        if (invited)
            return AuthVerdict::allow();
    } else if (c.version.restrictedJoins
               && (rule == joinrules::restricted
                   || (c.version.knockRestricted && rule == joinrules::knockRestricted))) {
        if (invited)
            return AuthVerdict::allow();
        const std::string *via = c.event.content()["join_authorised_via_users_server"].asString();
        const QString authoriser = via ? json::toQString(*via) : QString();
        const bool canInvite = via && c.membershipOf(authoriser) == memberships::join
                               && c.powerLevels.userLevel(authoriser) >= PowerLevel(c.powerLevels.invite());
        if (!canInvite)
            return AuthVerdict::reject(AuthRule::JoinRestrictedNotAuthorised,
                                       via ? QStringLiteral("%1 is not a joined member who may invite")
                                                 .arg(authoriser)
                                           : QStringLiteral("a restricted join needs "
                                                            "join_authorised_via_users_server"));
        return AuthVerdict::allow();
    } else if (rule == joinrules::publicRule) {
        return AuthVerdict::allow();
    }
    return AuthVerdict::reject(AuthRule::JoinNotAllowed,
                               QStringLiteral("the join rule is '%1' and %2's membership is '%3'")
                                   .arg(rule, c.sender, current.isEmpty() ? QStringLiteral("none") : current));
}

AuthVerdict checkInvite(const RuleContext &c, const QString &target)
{
    if (const json::Value *thirdParty = c.event.content().find("third_party_invite"))
        return checkThirdPartyInvite(c, target, *thirdParty);
    if (c.membershipOf(c.sender) != memberships::join)
        return AuthVerdict::reject(AuthRule::InviteSenderNotJoined,
                                   QStringLiteral("%1 is not joined").arg(c.sender));
    const QString targetMembership = c.membershipOf(target);
    if (targetMembership == memberships::join || targetMembership == memberships::ban)
        return AuthVerdict::reject(AuthRule::InviteTargetJoinedOrBanned,
                                   QStringLiteral("%1's membership is '%2'").arg(target, targetMembership));
    if (c.senderLevel() >= PowerLevel(c.powerLevels.invite()))
        return AuthVerdict::allow();
    return AuthVerdict::reject(AuthRule::InviteInsufficientPower,
                               QStringLiteral("power level %1 is below the invite level %2")
                                   .arg(c.senderLevel().toString())
                                   .arg(c.powerLevels.invite()));
}

AuthVerdict checkLeave(const RuleContext &c, const QString &target)
{
    const QString senderMembership = c.membershipOf(c.sender);
    if (c.sender == target) {
        const bool member = senderMembership == memberships::invite || senderMembership == memberships::join
                            || (c.version.knocking && senderMembership == memberships::knock);
        if (member)
            return AuthVerdict::allow();
        return AuthVerdict::reject(AuthRule::LeaveSelfNotMember,
                                   QStringLiteral("%1 cannot leave with membership '%2'")
                                       .arg(c.sender, senderMembership.isEmpty() ? QStringLiteral("none")
                                                                                 : senderMembership));
    }
    if (senderMembership != memberships::join)
        return AuthVerdict::reject(AuthRule::LeaveSenderNotJoined,
                                   QStringLiteral("%1 is not joined").arg(c.sender));
    const PowerLevel senderLevel = c.senderLevel();
    if (c.membershipOf(target) == memberships::ban && senderLevel < PowerLevel(c.powerLevels.ban()))
        return AuthVerdict::reject(AuthRule::LeaveTargetBannedInsufficientPower,
                                   QStringLiteral("unbanning needs the ban level %1; %2 has %3")
                                       .arg(c.powerLevels.ban())
                                       .arg(c.sender, senderLevel.toString()));
    const PowerLevel targetLevel = c.powerLevels.userLevel(target);
    if (senderLevel >= PowerLevel(c.powerLevels.kick()) && targetLevel < senderLevel)
        return AuthVerdict::allow();
    return AuthVerdict::reject(AuthRule::LeaveInsufficientPower,
                               QStringLiteral("kicking needs the kick level %1 and more power than the "
                                              "target (%2 has %3, %4 has %5)")
                                   .arg(c.powerLevels.kick())
                                   .arg(c.sender, senderLevel.toString(), target, targetLevel.toString()));
}

AuthVerdict checkBan(const RuleContext &c, const QString &target)
{
    if (c.membershipOf(c.sender) != memberships::join)
        return AuthVerdict::reject(AuthRule::BanSenderNotJoined,
                                   QStringLiteral("%1 is not joined").arg(c.sender));
    const PowerLevel senderLevel = c.senderLevel();
    const PowerLevel targetLevel = c.powerLevels.userLevel(target);
    if (senderLevel >= PowerLevel(c.powerLevels.ban()) && targetLevel < senderLevel)
        return AuthVerdict::allow();
    return AuthVerdict::reject(AuthRule::BanInsufficientPower,
                               QStringLiteral("banning needs the ban level %1 and more power than the "
                                              "target (%2 has %3, %4 has %5)")
                                   .arg(c.powerLevels.ban())
                                   .arg(c.sender, senderLevel.toString(), target, targetLevel.toString()));
}

AuthVerdict checkKnock(const RuleContext &c, const QString &target)
{
    const QString rule = c.joinRule();
    const bool knockable = rule == joinrules::knock
                           || (c.version.knockRestricted && rule == joinrules::knockRestricted);
    if (!knockable)
        return AuthVerdict::reject(AuthRule::KnockJoinRule,
                                   QStringLiteral("the join rule '%1' does not allow knocking").arg(rule));
    if (c.sender != target)
        return AuthVerdict::reject(AuthRule::KnockNotSelf,
                                   QStringLiteral("%1 cannot knock for %2").arg(c.sender, target));
    const QString current = c.membershipOf(c.sender);
    if (!isOneOf(current, {memberships::ban, memberships::invite, memberships::join}))
        return AuthVerdict::allow();
    return AuthVerdict::reject(AuthRule::KnockAlreadyMember,
                               QStringLiteral("%1's membership is already '%2'").arg(c.sender, current));
}

} // namespace

AuthVerdict checkMembership(const RuleContext &c)
{
    // Rule x.1 asks whether the properties are there; a membership that is no string is
    // there, and unknown (the last sub-rule).
    const json::Value *membershipValue = c.event.content().find("membership");
    if (!c.event.isState() || !membershipValue)
        return AuthVerdict::reject(AuthRule::MemberMissingFields,
                                   QStringLiteral("a membership event needs a state_key and "
                                                  "content.membership"));
    const std::string *membership = membershipValue->asString();
    if (!membership)
        return AuthVerdict::reject(AuthRule::MemberUnknownMembership,
                                   QStringLiteral("content.membership is not a string"));
    // Rule x.2 (v8+), the join_authorised_via_users_server signature, is checked with the
    // event's other signatures, where the keys are (events/EventSigning.cpp): an event
    // failing it is dropped at check 2 rather than rejected here, as in Synapse.
    const QString target = *c.event.stateKey();
    const QString value = json::toQString(*membership);
    if (value == memberships::join)
        return checkJoin(c, target);
    if (value == memberships::invite)
        return checkInvite(c, target);
    if (value == memberships::leave)
        return checkLeave(c, target);
    if (value == memberships::ban)
        return checkBan(c, target);
    if (value == memberships::knock && c.version.knocking)
        return checkKnock(c, target);
    return AuthVerdict::reject(AuthRule::MemberUnknownMembership,
                               QStringLiteral("unknown membership '%1'").arg(value));
}

} // namespace trellis::auth::detail
