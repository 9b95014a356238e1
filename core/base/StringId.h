#pragma once
#include <QHashFunctions>
#include <QString>

namespace trellis {

/// The shared shape of the Matrix identifier types: a validated, immutable string that
/// compares case-sensitively. `Derived` is the concrete identifier type, so that a UserId
/// never compares equal to (or converts into) a RoomId. The hash is computed once: state
/// resolution and the stores look identifiers up in hash tables all the time.
template <typename Derived>
class StringId
{
public:
    const QString &toString() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

    friend bool operator==(const Derived &a, const Derived &b)
    {
        // Copies share their string: compare the pointers before the characters.
        return a.m_hash == b.m_hash
               && ((a.m_text.constData() == b.m_text.constData() && a.m_text.size() == b.m_text.size())
                   || a.m_text == b.m_text);
    }
    friend bool operator!=(const Derived &a, const Derived &b) { return !(a == b); }
    friend bool operator<(const Derived &a, const Derived &b) { return a.m_text < b.m_text; }
    friend size_t qHash(const Derived &id, size_t seed = 0) { return id.m_hash ^ seed; }

protected:
    void setText(QString text)
    {
        m_text = std::move(text);
        m_hash = qHash(m_text);
    }

private:
    QString m_text;
    size_t m_hash = qHash(QString());
};

} // namespace trellis
