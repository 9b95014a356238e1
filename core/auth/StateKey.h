#pragma once
#include <QHashFunctions>
#include <QString>

namespace trellis::auth {

/// The key of a room's state map: (event type, state key) (server-server-api "Room State
/// Resolution").
struct StateKey
{
    QString type;
    QString stateKey;

    friend bool operator==(const StateKey &a, const StateKey &b)
    {
        return a.type == b.type && a.stateKey == b.stateKey;
    }
    friend bool operator!=(const StateKey &a, const StateKey &b) { return !(a == b); }
    friend bool operator<(const StateKey &a, const StateKey &b)
    {
        return a.type != b.type ? a.type < b.type : a.stateKey < b.stateKey;
    }
    friend size_t qHash(const StateKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.type, key.stateKey);
    }
};

} // namespace trellis::auth
