#include "core/services/SyncToken.h"

#include <QList>

#include <array>

namespace trellis::services {

namespace {
constexpr int kParts = 6;
}

QString SyncToken::toString() const
{
    return QStringLiteral("s%1_%2_%3_%4_%5_%6")
        .arg(events)
        .arg(accountData)
        .arg(toDevice)
        .arg(deviceLists)
        .arg(receipts)
        .arg(typing);
}

Result<SyncToken> SyncToken::parse(QStringView text)
{
    const auto invalid = [&] {
        return Error::invalidParam(QStringLiteral("not a sync token of this server: %1")
                                       .arg(text.left(64).toString()));
    };
    if (text.size() > 200 || !text.startsWith(u's'))
        return invalid();
    const auto parts = text.mid(1).split(u'_');
    if (parts.size() != kParts)
        return invalid();
    std::array<qint64, kParts> values{};
    for (int i = 0; i < kParts; ++i) {
        bool ok = false;
        values[size_t(i)] = parts[i].toLongLong(&ok);
        if (!ok || values[size_t(i)] < 0 || parts[i].startsWith(u'+'))
            return invalid();
    }
    return SyncToken{values[0], values[1], values[2], values[3], values[4], values[5]};
}

bool SyncToken::isAfter(const SyncToken &other) const
{
    return events > other.events || accountData > other.accountData || toDevice > other.toDevice
           || deviceLists > other.deviceLists || receipts > other.receipts || typing > other.typing;
}

} // namespace trellis::services
