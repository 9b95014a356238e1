#pragma once
#include "core/events/RoomVersion.h"
#include "core/json/Value.h"

#include <string>

namespace trellis::events {

/// The redaction algorithm of `version` (client-server-api "Redactions" and the rooms/v*
/// "Redactions" fragments): keeps only the protected top-level keys, and of `content` only
/// the keys its event type protects. The result always has a `content` object.
json::Object redact(const json::Object &event, const RoomVersion &version);

/// The canonical JSON of redact(event) without `signatures` (and `unsigned`, which redaction
/// drops): the bytes an event's signatures and, from room version 3, its reference hash
/// cover. Written directly from the event, without building the redacted copy.
std::string redactedSigningBytes(const json::Object &event, const RoomVersion &version);

} // namespace trellis::events
