#pragma once
#include <QHashFunctions>
#include <QString>

namespace trellis {

/// The shared shape of the Matrix identifier types: a validated, immutable string that
/// compares case-sensitively. `Derived` is the concrete identifier type, so that a UserId
/// never compares equal to (or converts into) a RoomId.
template <typename Derived>
class StringId
{
public:
    const QString &toString() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

    friend bool operator==(const Derived &a, const Derived &b) { return a.m_text == b.m_text; }
    friend bool operator!=(const Derived &a, const Derived &b) { return a.m_text != b.m_text; }
    friend bool operator<(const Derived &a, const Derived &b) { return a.m_text < b.m_text; }
    friend size_t qHash(const Derived &id, size_t seed = 0) { return qHash(id.m_text, seed); }

protected:
    QString m_text;
};

} // namespace trellis
