#pragma once
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/RoomId.h"
#include "core/services/SyncFilter.h"
#include "core/json/Value.h"
#include "core/services/Session.h"

#include <functional>

namespace trellis::storage {
class EventStore;
class RoomStore;
struct StoredEvent;
}

namespace trellis::services {

/// Reading a room's history: GET /rooms/{roomId}/messages and /context/{eventId}
/// (client-server-api "Getting events for a room"). Pagination tokens are positions in the
/// event stream, "t<N>" (between the events up to N and those after), and sync tokens
/// ("s...") are accepted wherever a `from` is. The owner sees history up to where they left.
class RoomHistory
{
public:
    RoomHistory(storage::EventStore &events, storage::RoomStore &rooms, std::function<qint64()> clock);

    struct Page
    {
        QString from;
        QString dir;
        QString to;
        int limit = 10;
        EventFilter filter;
    };
    Result<json::Object> messages(const Session &caller, const RoomId &room, const Page &page);
    Result<json::Object> context(const Session &caller, const RoomId &room, const EventId &event,
                                 int limit, const EventFilter &filter);

    /// A pagination or sync token as a stream position; M_INVALID_PARAM otherwise.
    static Result<qint64> position(const QString &token);

private:
    /// The last stream position the caller may read in the room; M_FORBIDDEN if none.
    Result<qint64> visibleUpTo(const Session &caller, const RoomId &room);
    json::Array render(const QList<storage::StoredEvent> &events, const Session &caller) const;

    storage::EventStore &m_events;
    storage::RoomStore &m_rooms;
    std::function<qint64()> m_clock;
};

} // namespace trellis::services
