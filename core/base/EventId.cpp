#include "core/base/EventId.h"

#include "core/base/Identifiers.h"

namespace trellis {

Result<EventId> EventId::parse(QStringView text)
{
    const auto invalid = [&](const QString &why) {
        return Error::invalidParam(QStringLiteral("invalid event ID '%1': %2").arg(text, why));
    };
    if (!text.startsWith(u'$'))
        return invalid(QStringLiteral("must start with '$'"));
    if (text.size() < 2)
        return invalid(QStringLiteral("empty"));
    if (ids::utf8Length(text) > ids::kMaxIdentifierBytes)
        return invalid(QStringLiteral("longer than 255 bytes"));
    // ':' is allowed here (it separates the domain in versions 1 and 2).
    for (QChar c : text) {
        if (c.isNull())
            return invalid(QStringLiteral("contains NUL"));
    }
    EventId id;
    id.m_text = text.toString();
    return id;
}

Result<ServerName> EventId::serverName() const
{
    const qsizetype colon = m_text.indexOf(u':');
    if (colon < 0)
        return Error::invalidParam(
            QStringLiteral("event ID '%1' has no ':domain'").arg(m_text));
    return ServerName::parse(QStringView(m_text).mid(colon + 1));
}

} // namespace trellis
