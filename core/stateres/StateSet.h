#pragma once
#include "core/auth/StateKey.h"
#include "core/base/EventId.h"

#include <QHash>

namespace trellis::stateres {

using auth::StateKey;

/// A room state as state resolution sees it: (type, state_key) -> event ID.
using StateSet = QHash<StateKey, EventId>;

} // namespace trellis::stateres
