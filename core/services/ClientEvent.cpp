#include "core/services/ClientEvent.h"

#include "core/events/Redaction.h"
#include "core/json/QtStrings.h"

namespace trellis::services {

namespace {

json::Value text(const QString &value) { return json::Value(json::toUtf8(value)); }

} // namespace

json::Object toClientEvent(const events::Pdu &event, const ClientEventExtras &extras, bool withRoomId)
{
    json::Object out;
    if (extras.redactedBecause) {
        const json::Object redacted = events::redact(event.json(), event.roomVersion());
        const json::Value *content = redacted.find("content");
        out.insert("content", content ? *content : json::Value(json::Object{}));
    } else {
        out.insert("content", json::Value(event.content()));
    }
    out.insert("event_id", text(event.eventId().toString()));
    out.insert("origin_server_ts", json::Value(event.originServerTs()));
    if (withRoomId)
        out.insert("room_id", text(event.roomId().toString()));
    out.insert("sender", text(event.sender().toString()));
    if (event.stateKey())
        out.insert("state_key", text(*event.stateKey()));
    out.insert("type", text(event.type()));
    // Clients of every version find `redacts` at the top level; rooms v11+ keep it in content
    // as well (client-server-api "Redactions").
    if (event.redacts())
        out.insert("redacts", text(event.redacts()->toString()));

    json::Object unsignedData;
    unsignedData.insert("age", json::Value(std::max<qint64>(0, extras.nowMs - event.originServerTs())));
    if (extras.transactionId)
        unsignedData.insert("transaction_id", text(*extras.transactionId));
    if (extras.prevContent)
        unsignedData.insert("prev_content", json::Value(*extras.prevContent));
    if (extras.redactedBecause)
        unsignedData.insert("redacted_because", json::Value(*extras.redactedBecause));
    out.insert("unsigned", json::Value(std::move(unsignedData)));
    return out;
}

json::Object toStrippedStateEvent(const events::Pdu &event)
{
    json::Object out;
    out.insert("content", json::Value(event.content()));
    out.insert("sender", text(event.sender().toString()));
    out.insert("state_key", text(event.stateKey().value_or(QString())));
    out.insert("type", text(event.type()));
    return out;
}

} // namespace trellis::services
