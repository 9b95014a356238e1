#pragma once
// Internal to core/auth: what the state-dependent rules share while checking one event.
#include "core/auth/AuthVerdict.h"
#include "core/auth/EventTypes.h"
#include "core/auth/PowerLevels.h"
#include "core/auth/StateView.h"
#include "core/json/QtStrings.h"

namespace trellis::auth::detail {

struct RuleContext
{
    RuleContext(const events::Pdu &e, const StateView &s)
        : event(e), version(e.roomVersion()), state(s),
          create(s.find(types::create, QString())),
          powerLevels(s.find(types::powerLevels, QString()), create, e.roomVersion()),
          sender(e.sender().toString())
    {
    }

    /// A user's current membership ("join", "ban", ...), or an empty string.
    QString membershipOf(const QString &user) const
    {
        const events::Pdu *member = state.find(types::member, user);
        return member ? json::toQString(member->content()["membership"].toString()) : QString();
    }

    /// The current join rule; "invite" when the room has no join rules event or it has no
    /// string `join_rule`. The rules name "the join_rule" without saying what it is then;
    /// Trellis reads invite, as Synapse does (spec ambiguity).
    QString joinRule() const
    {
        const events::Pdu *rules = state.find(types::joinRules, QString());
        if (!rules)
            return joinrules::invite;
        const std::string *rule = rules->content()["join_rule"].asString();
        return rule ? json::toQString(*rule) : joinrules::invite;
    }

    PowerLevel senderLevel() const { return powerLevels.userLevel(sender); }

    const events::Pdu &event;
    const events::RoomVersion &version;
    const StateView &state;
    const events::Pdu *create;
    PowerLevels powerLevels;
    QString sender;
};

AuthVerdict checkMembership(const RuleContext &context);
AuthVerdict checkPowerLevelsEvent(const RuleContext &context);

} // namespace trellis::auth::detail
