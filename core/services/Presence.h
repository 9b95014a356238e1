#pragma once
#include "core/base/Result.h"
#include "core/json/Value.h"
#include "core/storage/ClientDataStore.h"

#include <optional>

// The owner's presence (client-server-api "Presence", modules/presence.md; presence.yaml):
// set by PUT /presence/{userId}/status and by /sync's `set_presence`, stored in the
// ClientDataStore, delivered as m.presence events in /sync's `presence` section. Callers
// wake waiting syncs (SyncNotifier::notify) when these report a visible change.
namespace trellis::services::presence {

/// "online", "unavailable" or "offline".
bool isPresenceState(QStringView state);

/// PUT /presence: the state the user chose; the activity time is updated with it
/// (presence.yaml), and an absent status message clears the old one. True if visible.
Result<bool> setExplicitly(storage::ClientDataStore &store, const QString &userId,
                           const QString &state, const QString &statusMsg, qint64 nowMs);

/// GET /sync with `set_presence` (sync.yaml): absent or "online" marks the user online
/// (absent: only if offline, so a state the user chose survives plain polling),
/// "unavailable" marks them idle, "offline" leaves everything as it is. Keeps the last
/// active time fresh. True if the state visibly changed.
Result<bool> noteSyncing(storage::ClientDataStore &store, const QString &userId,
                         const QString &setPresence, qint64 nowMs);

/// The stored state, or "offline" for a user who never set one.
Result<storage::PresenceState> current(storage::ClientDataStore &store, const QString &userId);

/// The content of an m.presence event (m.presence.yaml) and of GET /presence: presence,
/// last_active_ago (relative to `nowMs`), currently_active, status_msg when set.
json::Object content(const storage::PresenceState &state, qint64 nowMs);

} // namespace trellis::services::presence
