#pragma once
#include "core/storage/Database.h"

namespace trellis::storage {

/// Tables of the "keybackup" component (client-server-api "Server-side key backups"): the
/// owner's backup versions and the encrypted room keys stored in each (version 1).
Schema keyBackupSchema();

} // namespace trellis::storage
