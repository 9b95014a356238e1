#pragma once
#include "core/rooms/LocalEventBuilder.h"

namespace trellis::rooms {

/// An m.room.member event of `sender` about `target` (client-server-api "Room membership":
/// join, leave — a kick when target is someone else —, invite, ban; unban is a leave).
/// `profile` (displayname, avatar_url) goes into joins only.
LocalEvent membershipEvent(const UserId &sender, const UserId &target, const QString &membership,
                           const std::optional<QString> &reason, const json::Object &profile,
                           qint64 nowMs);

/// An m.room.redaction of `target` (client-server-api "Redactions"); where the version keeps
/// `redacts` (top level up to v10, content from v11) is the builder's business.
LocalEvent redactionEvent(const UserId &sender, const EventId &target,
                          const std::optional<QString> &reason, qint64 nowMs);

} // namespace trellis::rooms
