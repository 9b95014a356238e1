#pragma once
#include "core/storage/Database.h"

namespace trellis::storage {

/// The tables of rooms and their events (component "rooms"): events with their DAG edges and
/// state groups, forward extremities, current state, memberships, aliases. See README.md for
/// the invariants every transaction keeps.
Schema roomSchema();

} // namespace trellis::storage
