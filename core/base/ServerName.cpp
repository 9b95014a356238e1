#include "core/base/ServerName.h"

#include <arpa/inet.h>

namespace trellis {
namespace {

bool isAsciiDigit(char16_t c) { return c >= u'0' && c <= u'9'; }

// dns-name = 1*255dns-char, dns-char = DIGIT / ALPHA / "-" / "."
bool isDnsName(QStringView host)
{
    if (host.isEmpty() || host.size() > 255)
        return false;
    for (QChar qc : host) {
        const char16_t c = qc.unicode();
        const bool alpha = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        if (!alpha && !isAsciiDigit(c) && c != u'-' && c != u'.')
            return false;
    }
    return true;
}

// IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each in 0..255.
bool isIPv4Literal(QStringView host)
{
    int parts = 0;
    qsizetype i = 0;
    while (i <= host.size()) {
        qsizetype digits = 0;
        int value = 0;
        while (i < host.size() && isAsciiDigit(host[i].unicode()) && digits < 4) {
            value = value * 10 + (host[i].unicode() - u'0');
            ++i;
            ++digits;
        }
        if (digits == 0 || digits > 3 || value > 255)
            return false;
        ++parts;
        if (i == host.size())
            break;
        if (host[i] != u'.' || parts == 4)
            return false;
        ++i;
    }
    return parts == 4;
}

// Whether the last label (ignoring one trailing '.') is all digits, as in an IPv4 literal.
bool endsInNumber(QStringView host)
{
    if (host.endsWith(u'.'))
        host.chop(1);
    const QStringView last = host.mid(host.lastIndexOf(u'.') + 1);
    if (last.isEmpty())
        return false;
    for (QChar c : last) {
        if (!isAsciiDigit(c.unicode()))
            return false;
    }
    return true;
}

// IPv6address = 2*45IPv6char, and a valid RFC 3513 (section 2.2) text form.
bool isIPv6Literal(QStringView address)
{
    if (address.size() < 2 || address.size() > 45)
        return false;
    for (QChar qc : address) {
        const char16_t c = qc.unicode();
        const bool hex = isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!hex && c != u':' && c != u'.')
            return false;
    }
    const QByteArray latin = address.toLatin1();
    unsigned char buffer[16];
    return inet_pton(AF_INET6, latin.constData(), buffer) == 1;
}

Error invalid(QStringView text, const char *why)
{
    return Error::invalidParam(QStringLiteral("invalid server name '%1': %2")
                                   .arg(text.toString(), QString::fromLatin1(why)));
}

} // namespace

Result<ServerName> ServerName::parse(QStringView text)
{
    if (text.isEmpty())
        return invalid(text, "empty");

    ServerName name;
    QStringView host = text;
    QStringView portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return invalid(text, "unterminated IPv6 literal");
        if (!isIPv6Literal(text.mid(1, close - 1)))
            return invalid(text, "not a valid IPv6 literal");
        host = text.left(close + 1);
        QStringView rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (rest[0] != u':')
                return invalid(text, "unexpected characters after the IPv6 literal");
            portText = rest.mid(1);
            if (portText.isEmpty())
                return invalid(text, "empty port");
        }
        name.m_kind = HostKind::IPv6;
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon >= 0) {
            host = text.left(colon);
            portText = text.mid(colon + 1);
            if (portText.isEmpty())
                return invalid(text, "empty port");
        }
        if (!isDnsName(host))
            return invalid(text, "the host is not a DNS name, IPv4 literal or [IPv6] literal");
        if (isIPv4Literal(host)) {
            name.m_kind = HostKind::IPv4;
        } else if (endsInNumber(host)) {
            // "999.1.1.1" or "1.2.3" fit dns-name's characters, but a host name never ends
            // in a numeric label (RFC 1123 section 2.1), and resolvers would read them as
            // (other) IPv4 addresses: the spec wants four numbers from 0 to 255.
            return invalid(text, "an IPv4 literal must be four decimal numbers from 0 to 255");
        } else {
            name.m_kind = HostKind::Dns;
        }
    }

    if (!portText.isEmpty()) {
        if (portText.size() > 5)
            return invalid(text, "port has more than 5 digits");
        int port = 0;
        for (QChar c : portText) {
            if (!isAsciiDigit(c.unicode()))
                return invalid(text, "port is not a number");
            port = port * 10 + (c.unicode() - u'0');
        }
        if (port > 65535)
            return invalid(text, "port is above 65535");
        name.m_port = quint16(port);
    }

    name.m_text = text.toString();
    name.m_hostLength = host.size();
    return name;
}

} // namespace trellis
