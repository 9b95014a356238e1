#pragma once
#include "core/base/Result.h"
#include "core/base/UserId.h"
#include "core/events/Pdu.h"
#include "core/events/RoomVersion.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <optional>

namespace trellis::auth {

/// A power level. Room creators of version 12 rooms have an infinite one, which compares
/// above every number and equal only to itself (rooms/v12 "Authorisation rules").
class PowerLevel
{
public:
    constexpr PowerLevel() = default;
    constexpr PowerLevel(qint64 value) : m_value(value) {}
    static constexpr PowerLevel infinite()
    {
        PowerLevel level;
        level.m_infinite = true;
        return level;
    }

    bool isInfinite() const { return m_infinite; }
    qint64 value() const { return m_value; }
    QString toString() const;

    friend bool operator==(const PowerLevel &a, const PowerLevel &b)
    {
        return a.m_infinite == b.m_infinite && (a.m_infinite || a.m_value == b.m_value);
    }
    friend bool operator<(const PowerLevel &a, const PowerLevel &b)
    {
        if (a.m_infinite || b.m_infinite)
            return !a.m_infinite && b.m_infinite;
        return a.m_value < b.m_value;
    }
    friend bool operator>(const PowerLevel &a, const PowerLevel &b) { return b < a; }
    friend bool operator<=(const PowerLevel &a, const PowerLevel &b) { return !(b < a); }
    friend bool operator>=(const PowerLevel &a, const PowerLevel &b) { return !(a < b); }

private:
    qint64 m_value = 0;
    bool m_infinite = false;
};

/// Reads one power level value as the room version allows: integers everywhere; in versions
/// 1-9 also strings of an integer (fragment v1-stringy-power-levels); in versions 1-5 also
/// floats, truncated (v1-floaty-power-levels). nullopt for anything else.
std::optional<qint64> parsePowerLevelValue(const json::Value &value,
                                           const events::RoomVersion &version);

/// The levels an m.room.power_levels event (or its absence) sets, with the defaults of
/// client-server-api "m.room.power_levels" and the creators' levels of the room version.
class PowerLevels
{
public:
    /// `powerLevels` may be null (no event in the state); `create` may be null only while
    /// authorising the create event itself.
    PowerLevels(const events::Pdu *powerLevels, const events::Pdu *create,
                const events::RoomVersion &version);

    PowerLevel userLevel(const QString &userId) const;
    /// The level needed to send an event of `type`, as state or not (`events`,
    /// `state_default`, `events_default`).
    qint64 eventLevel(const QString &type, bool isState) const;
    qint64 invite() const { return m_invite; }
    qint64 kick() const { return m_kick; }
    qint64 ban() const { return m_ban; }
    qint64 redact() const { return m_redact; }
    bool exists() const { return m_exists; }
    /// The room's creators: the create event's `creator` (v1-10) or sender (v11+), and in
    /// version 12 also `additional_creators`.
    const QSet<QString> &creators() const { return m_creators; }

private:
    qint64 level(std::string_view key, qint64 fallback) const;

    const events::RoomVersion &m_version;
    const json::Object *m_content = nullptr;
    bool m_exists = false;
    bool m_creatorsInfinite = false;
    QSet<QString> m_creators;
    qint64 m_usersDefault = 0;
    qint64 m_eventsDefault = 0;
    qint64 m_stateDefault = 50;
    qint64 m_invite = 0;
    qint64 m_kick = 50;
    qint64 m_ban = 50;
    qint64 m_redact = 50;
};

/// The creators a create event names, by the room version's rules.
QSet<QString> roomCreators(const events::Pdu &create, const events::RoomVersion &version);

} // namespace trellis::auth
