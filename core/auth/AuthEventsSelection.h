#pragma once
#include "core/auth/StateKey.h"
#include "core/base/UserId.h"
#include "core/events/RoomVersion.h"
#include "core/json/Value.h"

#include <QList>
#include <optional>

namespace trellis::auth {

/// What an event is, as far as choosing its auth events goes.
struct EventShape
{
    QString type;
    std::optional<QString> stateKey;
    QString sender;
    const json::Object *content = nullptr;
};

/// The state keys whose current events a new event must cite in `auth_events`
/// (server-server-api "Auth events selection"): the create event (not in version 12), the
/// power levels, the sender's membership, and for memberships the target's membership, the
/// join rules, the third-party invite and the authorising user's membership as they apply.
/// The create event itself cites nothing.
QList<StateKey> authEventKeys(const EventShape &event, const events::RoomVersion &version);

} // namespace trellis::auth
