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
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == 0)
            return invalid(QStringLiteral("contains NUL"));
        // Only whole code points: a lone UTF-16 surrogate has no UTF-8 form.
        const bool pairStart = QChar::isHighSurrogate(c) && i + 1 < text.size()
                               && QChar::isLowSurrogate(text[i + 1].unicode());
        if (pairStart)
            ++i;
        else if (QChar::isSurrogate(c))
            return invalid(QStringLiteral("contains a lone UTF-16 surrogate"));
    }
    EventId id;
    id.setText(text.toString());
    return id;
}

Result<ServerName> EventId::serverName() const
{
    const qsizetype colon = toString().indexOf(u':');
    if (colon < 0)
        return Error::invalidParam(
            QStringLiteral("event ID '%1' has no ':domain'").arg(toString()));
    return ServerName::parse(QStringView(toString()).mid(colon + 1));
}

} // namespace trellis
