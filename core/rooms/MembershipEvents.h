#pragma once
#include "core/rooms/LocalEventBuilder.h"

// The owner's membership and redaction events (client-server-api "Room membership",
// "Redactions"), as LocalEvents for LocalEventBuilder::build(). A `reason` that is absent or
// empty is left out of the content.
namespace trellis::rooms {

/// An m.room.member event of `sender` about `target` with any `membership`. `profile`
/// (displayname, avatar_url) goes into joins only.
LocalEvent membershipEvent(const UserId &sender, const UserId &target, const QString &membership,
                           const std::optional<QString> &reason, const json::Object &profile,
                           qint64 nowMs);

/// `user` joins, with their displayname and avatar_url from `profile` when it has them.
LocalEvent joinEvent(const UserId &user, const json::Object &profile,
                     const std::optional<QString> &reason, qint64 nowMs);
/// `user` leaves (or rejects an invite, or withdraws a knock).
LocalEvent leaveEvent(const UserId &user, const std::optional<QString> &reason, qint64 nowMs);
/// `sender` invites `target`; `isDirect` marks a direct chat (m.room.member "is_direct").
LocalEvent inviteEvent(const UserId &sender, const UserId &target,
                       const std::optional<QString> &reason, bool isDirect, qint64 nowMs);
/// `sender` kicks `target`: a leave about someone else.
LocalEvent kickEvent(const UserId &sender, const UserId &target,
                     const std::optional<QString> &reason, qint64 nowMs);
LocalEvent banEvent(const UserId &sender, const UserId &target,
                    const std::optional<QString> &reason, qint64 nowMs);
/// `sender` lifts `target`'s ban: a leave about them.
LocalEvent unbanEvent(const UserId &sender, const UserId &target,
                      const std::optional<QString> &reason, qint64 nowMs);

/// An m.room.redaction of `target`; where the version keeps `redacts` (top level up to v10,
/// `content.redacts` from v11) is the builder's business.
LocalEvent redactionEvent(const UserId &sender, const EventId &target,
                          const std::optional<QString> &reason, qint64 nowMs);

} // namespace trellis::rooms
