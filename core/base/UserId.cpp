#include "core/base/UserId.h"

#include "core/base/Identifiers.h"

namespace trellis {

Result<UserId> UserId::parse(QStringView text)
{
    auto parts = ids::parseLocalpartAndServer(text, u'@', QStringLiteral("user ID"));
    if (!parts)
        return parts.error();
    UserId id;
    id.setText(text.toString());
    id.m_localpartLength = parts->localpartLength;
    id.m_server = std::move(parts->server);
    return id;
}

bool UserId::isCompliant() const
{
    const QStringView local = localpart();
    if (local.isEmpty())
        return false;
    for (QChar qc : local) {
        const char16_t c = qc.unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
                        || c == u'.' || c == u'=' || c == u'_' || c == u'/' || c == u'+';
        if (!ok)
            return false;
    }
    return true;
}

bool UserId::isWithinPrintableAscii() const
{
    const QStringView local = localpart();
    if (local.isEmpty())
        return false;
    for (QChar c : local) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

} // namespace trellis
