#pragma once
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/UserId.h"
#include "core/services/SyncFilter.h"
#include "core/json/Value.h"
#include "core/services/Session.h"
#include "core/services/SyncToken.h"

#include <functional>
#include <optional>

namespace trellis::storage {
class AccountStore;
class ClientDataStore;
class EventStore;
class RoomStore;
struct StoredEvent;
}

namespace trellis::services {

class SyncNotifier;
class TypingTracker;

/// One /sync request (client-server-api "GET /_matrix/client/v3/sync").
struct SyncRequest
{
    Session session;
    std::optional<SyncToken> since;
    SyncFilter filter;
    bool fullState = false;
    int timeoutMs = 0;
};

/// Builds /sync responses from every stream the server keeps, and holds long-polling requests
/// until something arrives for them or their timeout passes (client-server-api "Syncing").
/// Positions are read before data, so anything written meanwhile is in the next response.
class SyncService
{
public:
    SyncService(storage::EventStore &events, storage::RoomStore &rooms, storage::AccountStore &accounts,
                storage::ClientDataStore &clientData, TypingTracker &typing, SyncNotifier &notifier,
                std::function<qint64()> clock);

    using Reply = std::function<void(Result<json::Object>)>;
    /// Answers through `reply` now or (long-poll) later; `isAbandoned` is polled before a late
    /// answer and `onAbandoned` lets the caller cancel the wait when the client leaves.
    void sync(SyncRequest request, Reply reply, std::function<void(std::function<void()>)> onAbandoned);

    /// The response for `request` as of now; `hasNews` says whether it carries anything the
    /// client has not seen (an empty incremental sync waits, if asked to).
    Result<json::Object> compute(const SyncRequest &request, bool &hasNews);

    SyncToken currentToken() const;

private:
    Result<json::Object> roomSection(const SyncRequest &request, const SyncToken &now, bool &hasNews);
    Result<std::optional<json::Object>> joinedRoom(const SyncRequest &request, const QString &roomId,
                                                   const SyncToken &now, bool newlyJoined);
    Result<std::optional<json::Object>> leftRoom(const SyncRequest &request, const QString &roomId,
                                                 qint64 leaveStream);
    Result<json::Object> timelineAndState(const SyncRequest &request, const QString &roomId, qint64 from,
                                          qint64 to, bool full);
    Result<json::Object> roomSummary(const SyncRequest &request, const QString &roomId);
    Result<json::Object> ephemeral(const SyncRequest &request, const QString &roomId, const SyncToken &now, bool full);
    /// The user's membership in the state before `eventId` (empty if none).
    Result<QString> membershipBefore(const EventId &eventId, const UserId &user);
    json::Array clientEvents(const QList<storage::StoredEvent> &events, const Session &session,
                             const SyncFilter &filter) const;

    storage::EventStore &m_events;
    storage::RoomStore &m_rooms;
    storage::AccountStore &m_accounts;
    storage::ClientDataStore &m_clientData;
    TypingTracker &m_typing;
    SyncNotifier &m_notifier;
    std::function<qint64()> m_clock;
};

} // namespace trellis::services
