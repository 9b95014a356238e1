#pragma once
#include "core/base/Result.h"

#include <QHashFunctions>
#include <QString>
#include <optional>

namespace trellis {

/// A homeserver's name: hostname (DNS name, IPv4 literal or [IPv6] literal) and an optional
/// port (appendices.md, "Server Name"). Compared case-sensitively, as the spec requires.
/// A host whose last label is numeric must be an IPv4 literal of four numbers 0..255: "1.2.3",
/// "1234" or "256.1.1.1" are refused rather than taken as DNS names that resolvers would read
/// as addresses. IPv4 parts may have leading zeros (1*3DIGIT) and mean decimal numbers.
class ServerName
{
public:
    enum class HostKind { Dns, IPv4, IPv6 };

    ServerName() = default;
    static Result<ServerName> parse(QStringView text);

    bool isEmpty() const { return m_text.isEmpty(); }
    const QString &toString() const { return m_text; }
    /// The host without port; IPv6 literals keep their brackets.
    QStringView host() const { return QStringView(m_text).left(m_hostLength); }
    std::optional<quint16> port() const { return m_port; }
    HostKind hostKind() const { return m_kind; }

    friend bool operator==(const ServerName &a, const ServerName &b) { return a.m_text == b.m_text; }
    friend bool operator!=(const ServerName &a, const ServerName &b) { return !(a == b); }
    friend bool operator<(const ServerName &a, const ServerName &b) { return a.m_text < b.m_text; }
    friend size_t qHash(const ServerName &s, size_t seed = 0) { return qHash(s.m_text, seed); }

private:
    QString m_text;
    qsizetype m_hostLength = 0;
    std::optional<quint16> m_port;
    HostKind m_kind = HostKind::Dns;
};

} // namespace trellis
