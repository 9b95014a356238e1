#pragma once
#include <QHashFunctions>
#include <QString>

namespace trellis::auth {

/// The key of a room's state map: (event type, state key) (server-server-api "Room State
/// Resolution"). Its hash is computed once, at construction: state resolution of big rooms
/// looks up hundreds of thousands of keys. Treat the fields as read-only.
struct StateKey
{
    StateKey() = default;
    StateKey(QString eventType, QString key)
        : type(std::move(eventType)), stateKey(std::move(key)), hash(qHashMulti(0, type, stateKey))
    {
    }

    QString type;
    QString stateKey;
    size_t hash = qHashMulti(0, QString(), QString());

    friend bool operator==(const StateKey &a, const StateKey &b)
    {
        return a.hash == b.hash && same(a.type, b.type) && same(a.stateKey, b.stateKey);
    }
    friend bool operator!=(const StateKey &a, const StateKey &b) { return !(a == b); }
    friend bool operator<(const StateKey &a, const StateKey &b)
    {
        return a.type != b.type ? a.type < b.type : a.stateKey < b.stateKey;
    }
    friend size_t qHash(const StateKey &key, size_t seed = 0) { return key.hash ^ seed; }

private:
    // Keys copied from one state map to another share their strings: compare pointers first.
    static bool same(const QString &a, const QString &b)
    {
        return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
    }
};

} // namespace trellis::auth
