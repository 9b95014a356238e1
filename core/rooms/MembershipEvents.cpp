#include "core/rooms/MembershipEvents.h"

#include "core/auth/EventTypes.h"
#include "core/json/QtStrings.h"

namespace trellis::rooms {

namespace {

void addReason(json::Object &content, const std::optional<QString> &reason)
{
    if (reason && !reason->isEmpty())
        content.insert("reason", json::Value(json::toUtf8(*reason)));
}

} // namespace

LocalEvent membershipEvent(const UserId &sender, const UserId &target, const QString &membership,
                           const std::optional<QString> &reason, const json::Object &profile,
                           qint64 nowMs)
{
    json::Object content;
    if (membership == auth::memberships::join) {
        // Only the profile keys m.room.member defines: the profile may carry more.
        for (const char *key : {"displayname", "avatar_url"}) {
            if (const json::Value *value = profile.find(key); value && value->isString())
                content.insert(key, *value);
        }
    }
    content.insert("membership", json::Value(json::toUtf8(membership)));
    addReason(content, reason);
    return {auth::types::member, sender,       target.toString(),
            std::move(content),  std::nullopt, nowMs};
}

LocalEvent joinEvent(const UserId &user, const json::Object &profile,
                     const std::optional<QString> &reason, qint64 nowMs)
{
    return membershipEvent(user, user, auth::memberships::join, reason, profile, nowMs);
}

LocalEvent leaveEvent(const UserId &user, const std::optional<QString> &reason, qint64 nowMs)
{
    return membershipEvent(user, user, auth::memberships::leave, reason, {}, nowMs);
}

LocalEvent inviteEvent(const UserId &sender, const UserId &target,
                       const std::optional<QString> &reason, bool isDirect, qint64 nowMs)
{
    LocalEvent event =
        membershipEvent(sender, target, auth::memberships::invite, reason, {}, nowMs);
    if (isDirect)
        event.content.insert("is_direct", json::Value(true));
    return event;
}

LocalEvent kickEvent(const UserId &sender, const UserId &target,
                     const std::optional<QString> &reason, qint64 nowMs)
{
    return membershipEvent(sender, target, auth::memberships::leave, reason, {}, nowMs);
}

LocalEvent banEvent(const UserId &sender, const UserId &target,
                    const std::optional<QString> &reason, qint64 nowMs)
{
    return membershipEvent(sender, target, auth::memberships::ban, reason, {}, nowMs);
}

LocalEvent unbanEvent(const UserId &sender, const UserId &target,
                      const std::optional<QString> &reason, qint64 nowMs)
{
    return membershipEvent(sender, target, auth::memberships::leave, reason, {}, nowMs);
}

LocalEvent redactionEvent(const UserId &sender, const EventId &target,
                          const std::optional<QString> &reason, qint64 nowMs)
{
    json::Object content;
    addReason(content, reason);
    return {auth::types::redaction, sender, std::nullopt, std::move(content), target, nowMs};
}

} // namespace trellis::rooms
