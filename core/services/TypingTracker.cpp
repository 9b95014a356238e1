#include "core/services/TypingTracker.h"

#include <algorithm>

namespace trellis::services {

namespace {
// Clients ask for up to this long; longer would leave a ghost "typing" after a lost client.
constexpr qint64 kMaxTimeoutMs = 120'000;
}

bool TypingTracker::setTyping(const QString &roomId, const QString &userId, bool typing,
                              qint64 timeoutMs, qint64 nowMs)
{
    Room &room = m_rooms[roomId];
    if (!typing) {
        if (!room.expiries.remove(userId))
            return false;
        touch(room);
        return true;
    }
    const bool wasTyping = room.expiries.contains(userId);
    room.expiries.insert(userId, nowMs + std::clamp<qint64>(timeoutMs, 0, kMaxTimeoutMs));
    // Renewing a notice changes nothing a client sees.
    if (!wasTyping)
        touch(room);
    return !wasTyping;
}

bool TypingTracker::expire(qint64 nowMs)
{
    bool changed = false;
    for (Room &room : m_rooms) {
        if (room.expiries.removeIf([nowMs](const auto &entry) { return entry.value() <= nowMs; }) > 0) {
            touch(room);
            changed = true;
        }
    }
    return changed;
}

QStringList TypingTracker::typingUsers(const QString &roomId) const
{
    QStringList users = m_rooms.value(roomId).expiries.keys();
    users.sort();
    return users;
}

QStringList TypingTracker::roomsChangedSince(qint64 since) const
{
    QStringList rooms;
    for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it) {
        if (it->changedAt > since)
            rooms.append(it.key());
    }
    return rooms;
}

qint64 TypingTracker::nextExpiry() const
{
    qint64 next = -1;
    for (const Room &room : m_rooms) {
        for (qint64 expiry : room.expiries)
            next = next < 0 ? expiry : std::min(next, expiry);
    }
    return next;
}

} // namespace trellis::services
