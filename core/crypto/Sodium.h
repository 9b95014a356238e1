#pragma once

namespace trellis::crypto {

/// Initialises libsodium once per process (thread-safe, idempotent). Every entry point of
/// this module calls it; returns false only if the library cannot work on this CPU.
bool ensureSodium();

} // namespace trellis::crypto
