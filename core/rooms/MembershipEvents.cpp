#include "core/rooms/MembershipEvents.h"

#include "core/auth/EventTypes.h"
#include "core/json/QtStrings.h"

namespace trellis::rooms {

LocalEvent membershipEvent(const UserId &sender, const UserId &target, const QString &membership,
                           const std::optional<QString> &reason, const json::Object &profile,
                           qint64 nowMs)
{
    json::Object content;
    if (membership == auth::memberships::join)
        content = profile;
    content.insert("membership", json::Value(json::toUtf8(membership)));
    if (reason && !reason->isEmpty())
        content.insert("reason", json::Value(json::toUtf8(*reason)));
    return {auth::types::member, sender, target.toString(), std::move(content), std::nullopt, nowMs};
}

LocalEvent redactionEvent(const UserId &sender, const EventId &target,
                          const std::optional<QString> &reason, qint64 nowMs)
{
    json::Object content;
    if (reason && !reason->isEmpty())
        content.insert("reason", json::Value(json::toUtf8(*reason)));
    return {auth::types::redaction, sender, std::nullopt, std::move(content), target, nowMs};
}

} // namespace trellis::rooms
