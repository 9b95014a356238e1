#pragma once
#include "core/base/Result.h"
#include "core/crypto/SigningKey.h"
#include "core/events/Pdu.h"
#include "core/json/Value.h"

#include <QHash>
#include <QList>

namespace trellis::room {

/// A room built from a script.
struct BuiltRoom
{
    const events::RoomVersion *version = nullptr;
    QList<events::Pdu> events;      ///< in script order
    QHash<QString, EventId> ids;    ///< script name -> event ID
};

/// Builds a room from a script: hand-written DAGs for tests, examples and experiments, in
/// any room version, with real event IDs (so references in versions 3+ work).
///
/// {"room_version": "12", "room_id": "!r:example.org" (v1-11; default !room:<creator's server>),
///  "start_ts": 1700000000000,
///  "events": [{"name": "create", "type": "m.room.create", "sender": "@a:example.org",
///              "state_key": "", "content": {...},
///              "prev": ["names"]   (default: the event before it in the list),
///              "auth": ["names"]   (default: chosen by the auth events selection from the
///                                   state before the event, resolved as a server would),
///              "ts": 1700000001000 (default: start_ts + 1000 per event),
///              "depth": 5          (default: 1 + the deepest prev event),
///              "redacts": "name"}, ...]}
///
/// A create event without content.room_version gets the script's version (unless "1"), so that
/// the dump reads back as that version. Each event gets its content hash; with `key`, also the
/// signature of its sender's server. Built with RoomBuilder, which does the same event by event.
/// Events are not checked against the rules: scripts may describe rejected events on purpose.
Result<BuiltRoom> buildRoom(const json::Object &script, const crypto::SigningKey *key = nullptr);

} // namespace trellis::room
