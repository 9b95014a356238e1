#pragma once
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/RoomId.h"
#include "core/crypto/Sha256.h"
#include "core/events/RoomVersion.h"
#include "core/json/Value.h"

#include <string>

// Content hash, reference hash and event IDs (server-server-api "Calculating the content hash
// for an event", "Calculating the reference hash for an event"; rooms/v1, v3, v4 "Event IDs";
// rooms/v12 room IDs).
namespace trellis::events {

/// The bytes the content hash covers: canonical JSON without `unsigned`, `signatures`,
/// `hashes`.
std::string contentHashInput(const json::Object &event);
crypto::Sha256Digest contentHash(const json::Object &event);

/// The canonical JSON of an already redacted event without `signatures` and `unsigned`: what
/// the reference hash and the event's signatures cover.
std::string referenceHashInput(const json::Object &redactedEvent);
/// Redacts `event` by `version`'s rules and hashes it.
crypto::Sha256Digest referenceHash(const json::Object &event, const RoomVersion &version);

/// `$` + the hash in the version's base64 alphabet (v3: standard, v4+: URL-safe).
EventId eventIdFromReferenceHash(const crypto::Sha256Digest &hash, const RoomVersion &version);

/// The event ID: the `event_id` field in versions 1 and 2, the reference hash from 3 on.
Result<EventId> computeEventId(const json::Object &event, const RoomVersion &version);

/// Room version 12: a room's ID is its create event's ID with `!` for `$`.
RoomId roomIdFromCreateEventId(const EventId &createEventId);

} // namespace trellis::events
