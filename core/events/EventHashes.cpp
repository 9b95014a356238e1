#include "core/events/EventHashes.h"

#include "core/events/PduKeys.h"
#include "core/events/Redaction.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

namespace trellis::events {

std::string contentHashInput(const json::Object &event)
{
    std::string bytes;
    json::writeCanonicalWithout(event, {key::kUnsigned, key::kSignatures, key::kHashes}, bytes);
    return bytes;
}

crypto::Sha256Digest contentHash(const json::Object &event)
{
    return crypto::sha256(contentHashInput(event));
}

std::string referenceHashInput(const json::Object &redactedEvent)
{
    std::string bytes;
    json::writeCanonicalWithout(redactedEvent, {key::kSignatures, key::kUnsigned}, bytes);
    return bytes;
}

crypto::Sha256Digest referenceHash(const json::Object &event, const RoomVersion &version)
{
    return crypto::sha256(redactedSigningBytes(event, version));
}

EventId eventIdFromReferenceHash(const crypto::Sha256Digest &hash, const RoomVersion &version)
{
    const auto alphabet = version.eventIdFormat == EventIdFormat::ReferenceHash
                              ? base64::Alphabet::Standard
                              : base64::Alphabet::UrlSafe;
    const QString text = QLatin1Char('$') + QString::fromLatin1(base64::encode(crypto::digestView(hash), alphabet));
    auto id = EventId::parse(text);
    Q_ASSERT(id); // 44 ASCII characters always make a valid event ID
    return *id;
}

Result<EventId> computeEventId(const json::Object &event, const RoomVersion &version)
{
    if (version.eventIdFormat == EventIdFormat::Field) {
        const std::string *field = event[key::kEventId].asString();
        if (!field)
            return Error::badJson(QStringLiteral("a room version %1 event needs a string "
                                                 "'event_id'")
                                      .arg(version.id));
        return EventId::parse(json::toQString(*field));
    }
    return eventIdFromReferenceHash(referenceHash(event, version), version);
}

RoomId roomIdFromCreateEventId(const EventId &createEventId)
{
    auto id = RoomId::parse(QString(QLatin1Char('!') + createEventId.opaqueId()));
    Q_ASSERT(id);
    return id ? *id : RoomId();
}

} // namespace trellis::events
