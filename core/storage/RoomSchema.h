#pragma once
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QVariant>

namespace trellis::storage {

/// The tables of rooms and their events (component "rooms"): events with their DAG edges and
/// state groups, forward extremities, current state, memberships, aliases. See README.md for
/// the invariants every transaction keeps.
Schema roomSchema();

/// An ID read back from the room tables: the file may have been damaged behind the server's
/// back, so a malformed one is an Io error rather than a crash.
template<typename Id>
Result<Id> storedId(const QVariant &value)
{
    auto id = Id::parse(value.toString());
    if (!id)
        return Error::io(QStringLiteral("the room tables are damaged"), id.error().message);
    return std::move(*id);
}

} // namespace trellis::storage
