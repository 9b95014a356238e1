#include "core/base/Identifiers.h"

namespace trellis::ids {

qsizetype utf8Length(QStringView text)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size()
                   && QChar::isLowSurrogate(text[i + 1].unicode())) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
    }
    return bytes;
}

bool isHistoricalLocalpart(QStringView localpart)
{
    for (qsizetype i = 0; i < localpart.size(); ++i) {
        const char16_t c = localpart[i].unicode();
        if (c == u':' || c == 0)
            return false;
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= localpart.size() || !QChar::isLowSurrogate(localpart[i + 1].unicode()))
                return false;
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return false;
        }
    }
    return true;
}

Result<LocalpartAndServer> parseLocalpartAndServer(QStringView text, char16_t sigil,
                                                   const QString &what)
{
    const auto invalid = [&](const QString &why) {
        return Error::invalidParam(QStringLiteral("invalid %1 '%2': %3").arg(what, text, why));
    };
    if (!text.startsWith(QChar(sigil)))
        return invalid(QStringLiteral("must start with '%1'").arg(QChar(sigil)));
    if (utf8Length(text) > kMaxIdentifierBytes)
        return invalid(QStringLiteral("longer than 255 bytes"));
    // Localparts never contain ':', so the first one ends it; server names may contain more.
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return invalid(QStringLiteral("missing ':server_name'"));
    const QStringView localpart = text.mid(1, colon - 1);
    if (!isHistoricalLocalpart(localpart))
        return invalid(QStringLiteral("the localpart contains NUL or an invalid code point"));
    auto server = ServerName::parse(text.mid(colon + 1));
    if (!server)
        return server.error().prefixed(QStringLiteral("invalid %1 '%2'").arg(what, text));
    return LocalpartAndServer{localpart.size(), std::move(*server)};
}

} // namespace trellis::ids
