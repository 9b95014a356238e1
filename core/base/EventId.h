#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/base/StringId.h"

namespace trellis {

/// `$opaque_id`, with a `:domain` in room versions 1 and 2 and a reference hash in base64
/// from version 3 on (appendices.md, "Event IDs"). parse() checks what holds in every room
/// version (sigil, at most 255 bytes, no NUL, no lone UTF-16 surrogate); core/events checks
/// the version's format.
class EventId : public StringId<EventId>
{
public:
    EventId() = default;
    static Result<EventId> parse(QStringView text);

    /// The opaque part, without the sigil.
    QStringView opaqueId() const { return QStringView(toString()).mid(1); }
    /// The `:domain` of a room version 1/2 event ID, if it has a valid one.
    Result<ServerName> serverName() const;
};

} // namespace trellis
