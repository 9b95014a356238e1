#pragma once
#include "core/events/Pdu.h"
#include "core/json/Value.h"

#include <optional>

namespace trellis::services {

/// What the client event format adds to a PDU from the server's own knowledge.
struct ClientEventExtras
{
    qint64 nowMs = 0;                              ///< for unsigned.age
    std::optional<QString> transactionId;          ///< only for the device that sent it
    std::optional<json::Object> redactedBecause;   ///< the redaction, in client format
    std::optional<json::Object> prevContent;       ///< for state events: what they replaced
};

/// The client event format of a PDU (client-server-api "Room Events": ClientEvent): the
/// federation-only keys (prev_events, auth_events, depth, hashes, signatures, origin) are
/// dropped, a redacted event shows its redacted content, and `unsigned` carries age,
/// transaction_id, prev_content and redacted_because. `withRoomId` off for /sync, whose
/// events sit under their room (ClientEventWithoutRoomID).
json::Object toClientEvent(const events::Pdu &event, const ClientEventExtras &extras,
                           bool withRoomId = true);

/// The stripped state form used for invite_state (client-server-api "Stripped state").
json::Object toStrippedStateEvent(const events::Pdu &event);

} // namespace trellis::services
