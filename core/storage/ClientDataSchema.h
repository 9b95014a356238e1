#pragma once
#include "core/storage/Database.h"

namespace trellis::storage {

/// Tables of the "clientdata" component: account data, receipts, end-to-end keys,
/// to-device messages, sendToDevice transaction IDs and media metadata (version 1);
/// cross-signing keys and signatures, presence and thumbnails (version 2). Per-device tables
/// reference the accounts component's `devices` (ON DELETE CASCADE): migrate accountSchema()
/// first.
Schema clientDataSchema();

} // namespace trellis::storage
