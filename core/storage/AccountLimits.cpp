#include "core/storage/AccountLimits.h"

namespace trellis::storage::limits {
namespace {

qsizetype utf8Length(QStringView value)
{
    // Counting beats converting: identifiers are checked on every request.
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value[i].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < value.size() &&
                 QChar::isLowSurrogate(value[i + 1].unicode())) {
            bytes += 4;
            ++i;
        } else
            bytes += 3;
    }
    return bytes;
}

} // namespace

Result<void> checkOptionalText(QStringView value, qsizetype maxBytes, const char *what)
{
    if (value.contains(QChar(u'\0')))
        return Error::invalidParam(QLatin1StringView(what) + QStringLiteral(" contains NUL"));
    if (utf8Length(value) > maxBytes)
        return Error::tooLarge(QLatin1StringView(what) +
                               QStringLiteral(" is longer than %1 bytes").arg(maxBytes));
    return {};
}

Result<void> checkText(QStringView value, qsizetype maxBytes, const char *what)
{
    if (value.isEmpty())
        return Error::invalidParam(QLatin1StringView(what) + QStringLiteral(" is empty"));
    return checkOptionalText(value, maxBytes, what);
}

Result<void> checkBlob(const QByteArray &value, qsizetype maxBytes, const char *what)
{
    if (value.isEmpty())
        return Error::invalidParam(QLatin1StringView(what) + QStringLiteral(" is empty"));
    if (value.size() > maxBytes)
        return Error::tooLarge(QLatin1StringView(what) +
                               QStringLiteral(" is larger than %1 bytes").arg(maxBytes));
    return {};
}

} // namespace trellis::storage::limits
