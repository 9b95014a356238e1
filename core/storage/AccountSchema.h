#pragma once
#include "core/storage/Database.h"

namespace trellis::storage {

/// Tables of the "accounts" component: the owner's account, devices, access-token hashes,
/// filters and the device-list change stream. Other components reference `devices` with
/// ON DELETE CASCADE, so this schema must be migrated before theirs.
Schema accountSchema();

} // namespace trellis::storage
