#pragma once
#include <QHash>
#include <QList>
#include <QString>

namespace trellis::services {

/// Who is typing in which room (client-server-api "Typing Notifications"): kept in memory
/// only, each notice expiring after its timeout. Every change moves the typing stream, which
/// /sync follows to send `m.typing` ephemeral events for the rooms that changed.
class TypingTracker
{
public:
    /// Sets or clears `userId`'s typing in `roomId`; true if that changed anything.
    bool setTyping(const QString &roomId, const QString &userId, bool typing, qint64 timeoutMs,
                   qint64 nowMs);
    /// Drops expired notices; true if any expired (the caller then wakes waiting syncs).
    bool expire(qint64 nowMs);
    /// The users typing in `roomId`, sorted.
    QStringList typingUsers(const QString &roomId) const;
    /// Rooms whose typing changed after stream position `since`.
    QStringList roomsChangedSince(qint64 since) const;
    qint64 position() const { return m_position; }
    /// The earliest expiry, or -1 when nobody is typing (to schedule the next expire()).
    qint64 nextExpiry() const;

private:
    struct Room
    {
        QHash<QString, qint64> expiries; ///< user -> expiry time (ms since the epoch)
        qint64 changedAt = 0;            ///< stream position of the last change
    };
    void touch(Room &room) { room.changedAt = ++m_position; }

    QHash<QString, Room> m_rooms;
    qint64 m_position = 0;
};

} // namespace trellis::services
