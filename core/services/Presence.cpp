#include "core/services/Presence.h"

#include "core/json/QtStrings.h"

namespace trellis::services::presence {

namespace {

/// A syncing client refreshes its last active time at most this often: /sync comes every
/// few seconds, and a write per poll would buy nothing (modules/presence.md "Last active
/// ago": with currently_active true clients do not expect updates anyway).
constexpr qint64 kActivityWriteIntervalMs = 60'000;

const QString kOnline = QStringLiteral("online");
const QString kUnavailable = QStringLiteral("unavailable");
const QString kOffline = QStringLiteral("offline");

} // namespace

bool isPresenceState(QStringView state)
{
    return state == kOnline || state == kUnavailable || state == kOffline;
}

Result<storage::PresenceState> current(storage::ClientDataStore &store, const QString &userId)
{
    auto stored = store.presence(userId);
    if (!stored)
        return stored.error();
    if (*stored)
        return **stored;
    storage::PresenceState state;
    state.userId = userId;
    state.presence = kOffline;
    return state;
}

Result<bool> setExplicitly(storage::ClientDataStore &store, const QString &userId,
                           const QString &state, const QString &statusMsg, qint64 nowMs)
{
    if (!isPresenceState(state))
        return Error::invalidParam(QStringLiteral("presence is online, unavailable or offline"));
    storage::PresenceState next;
    next.userId = userId;
    next.presence = state;
    next.statusMsg = statusMsg;
    next.lastActiveTs = nowMs;
    next.currentlyActive = state == kOnline;
    return store.setPresence(next);
}

Result<bool> noteSyncing(storage::ClientDataStore &store, const QString &userId,
                         const QString &setPresence, qint64 nowMs)
{
    if (!setPresence.isEmpty() && !isPresenceState(setPresence))
        return Error::invalidParam(
            QStringLiteral("set_presence is online, unavailable or offline"));
    if (setPresence == kOffline)
        return false; // sync.yaml: the client is then not marked online by polling
    auto state = current(store, userId);
    if (!state)
        return state.error();
    storage::PresenceState next = *state;
    if (setPresence == kUnavailable)
        next.presence = kUnavailable;
    else if (setPresence == kOnline || state->presence == kOffline)
        next.presence = kOnline;
    next.currentlyActive = next.presence == kOnline;
    const bool visible =
        next.presence != state->presence || next.currentlyActive != state->currentlyActive;
    if (!visible && nowMs - state->lastActiveTs < kActivityWriteIntervalMs)
        return false;
    next.lastActiveTs = nowMs;
    return store.setPresence(next);
}

json::Object content(const storage::PresenceState &state, qint64 nowMs)
{
    json::Object object;
    object.insert("presence", json::Value(json::toUtf8(state.presence)));
    if (state.lastActiveTs > 0)
        object.insert("last_active_ago",
                      json::Value(std::max<qint64>(0, nowMs - state.lastActiveTs)));
    object.insert("currently_active", json::Value(state.currentlyActive));
    if (!state.statusMsg.isEmpty())
        object.insert("status_msg", json::Value(json::toUtf8(state.statusMsg)));
    return object;
}

} // namespace trellis::services::presence
