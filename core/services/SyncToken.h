#pragma once
#include "core/base/Result.h"

#include <QString>

namespace trellis::services {

/// A position in every stream /sync follows, as one opaque `since`/`next_batch` token
/// (client-server-api "Syncing"): "s<events>_<account data>_<to-device>_<device lists>_
/// <receipts>_<typing>". Each part only grows.
struct SyncToken
{
    qint64 events = 0;
    qint64 accountData = 0;
    qint64 toDevice = 0;
    qint64 deviceLists = 0;
    qint64 receipts = 0;
    qint64 typing = 0;

    QString toString() const;
    /// M_INVALID_PARAM for anything this server did not write.
    static Result<SyncToken> parse(QStringView text);
    /// Whether any stream has moved past `other`.
    bool isAfter(const SyncToken &other) const;
    friend bool operator==(const SyncToken &, const SyncToken &) = default;
};

} // namespace trellis::services
