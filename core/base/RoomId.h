#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/base/StringId.h"

#include <optional>

namespace trellis {

/// `!opaque_id:domain` (room versions 1-11) or `!opaque_id` without a domain, where the
/// opaque part is the create event's reference hash (room version 12; appendices.md,
/// "Room IDs"). parse() accepts both forms; which one a room must use is the room version's
/// business (core/events).
class RoomId : public StringId<RoomId>
{
public:
    RoomId() = default;
    static Result<RoomId> parse(QStringView text);

    bool hasDomain() const { return m_server.has_value(); }
    /// The domain of a room ID of the older form.
    const std::optional<ServerName> &serverName() const { return m_server; }
    /// The opaque part, without sigil and domain.
    QStringView opaqueId() const { return QStringView(toString()).mid(1, m_opaqueLength); }

private:
    qsizetype m_opaqueLength = 0;
    std::optional<ServerName> m_server;
};

} // namespace trellis
