// PDU format validation per room version: pdu_v1/v3/v4/v6/v11/v12.yaml and their components
// (data/api/server-server/definitions), with the limits of client-server-api "Size limits".
#include "core/events/Pdu.h"

#include "core/base/Identifiers.h"
#include "core/events/EventHashes.h"
#include "core/events/PduKeys.h"
#include "core/events/Redaction.h"
#include "core/json/QtStrings.h"
#include "core/json/Reader.h"
#include "core/json/Writer.h"

namespace trellis::events {
namespace {

QString keyName(std::string_view key) { return json::toQString(key); }

Error badField(std::string_view key, const QString &why)
{
    return Error::badJson(QStringLiteral("'%1' %2").arg(keyName(key), why));
}

Result<const std::string *> requireString(const json::Object &event, std::string_view key,
                                          qsizetype maxBytes = -1)
{
    const json::Value *value = event.find(key);
    if (!value)
        return Error::missingParam(QStringLiteral("missing '%1'").arg(keyName(key)));
    const std::string *text = value->asString();
    if (!text)
        return badField(key, QStringLiteral("must be a string"));
    if (maxBytes >= 0 && qsizetype(text->size()) > maxBytes)
        return badField(key, QStringLiteral("is longer than %1 bytes").arg(maxBytes));
    return text;
}

Result<qint64> requireInteger(const json::Object &event, std::string_view key)
{
    const json::Value *value = event.find(key);
    if (!value)
        return Error::missingParam(QStringLiteral("missing '%1'").arg(keyName(key)));
    if (!value->isInteger())
        return badField(key, QStringLiteral("must be an integer"));
    return value->toInteger();
}

// One entry of prev_events / auth_events: an event ID (v3+) or an [event_id, hashes] pair
// (v1, v2).
Result<EventId> parseReference(const json::Value &entry, std::string_view key,
                               const RoomVersion &version)
{
    const json::Value *id = &entry;
    if (version.referencesWithHashes) {
        const json::Array *pair = entry.asArray();
        if (!pair || pair->size() != 2 || !(*pair)[1].isObject())
            return badField(key, QStringLiteral("entries must be [event_id, hashes] pairs in room "
                                                "version %1")
                                     .arg(version.id));
        id = &(*pair)[0];
    }
    const std::string *text = id->asString();
    if (!text)
        return badField(key, QStringLiteral("must list event IDs as strings"));
    auto eventId = EventId::parse(json::toQString(*text));
    if (!eventId)
        return eventId.error().prefixed(keyName(key));
    return eventId;
}

Result<QList<EventId>> parseReferences(const json::Object &event, std::string_view key,
                                       qsizetype maxEntries, const RoomVersion &version)
{
    const json::Value *value = event.find(key);
    if (!value)
        return Error::missingParam(QStringLiteral("missing '%1'").arg(keyName(key)));
    const json::Array *array = value->asArray();
    if (!array)
        return badField(key, QStringLiteral("must be an array"));
    if (qsizetype(array->size()) > maxEntries)
        return badField(key, QStringLiteral("has more than %1 entries").arg(maxEntries));
    QList<EventId> ids;
    ids.reserve(qsizetype(array->size()));
    for (const json::Value &entry : *array) {
        auto id = parseReference(entry, key, version);
        if (!id)
            return id.error();
        ids.append(std::move(*id));
    }
    return ids;
}

Result<RoomId> parseRoomId(const std::string &text, const RoomVersion &version)
{
    auto roomId = RoomId::parse(json::toQString(text));
    if (!roomId)
        return roomId.error().prefixed(QStringLiteral("room_id"));
    const bool wantsDomain = version.roomIdFormat == RoomIdFormat::WithDomain;
    if (roomId->hasDomain() != wantsDomain)
        return badField(key::kRoomId, wantsDomain
                                          ? QStringLiteral("must be !opaque:domain in room "
                                                           "version %1").arg(version.id)
                                          : QStringLiteral("must be the create event's hash in "
                                                           "room version %1").arg(version.id));
    return roomId;
}

Result<void> checkHashesAndSignatures(const json::Object &event)
{
    const json::Value *hashes = event.find(key::kHashes);
    if (!hashes)
        return Error::missingParam(QStringLiteral("missing 'hashes'"));
    if (!hashes->isObject() || !hashes->toObject()[key::kSha256].isString())
        return badField(key::kHashes, QStringLiteral("must be an object with a string 'sha256'"));
    const json::Value *signatures = event.find(key::kSignatures);
    if (!signatures)
        return Error::missingParam(QStringLiteral("missing 'signatures'"));
    if (!signatures->isObject())
        return badField(key::kSignatures, QStringLiteral("must be an object"));
    for (const json::Member &server : signatures->toObject()) {
        if (!server.value.isObject())
            return badField(key::kSignatures, QStringLiteral("must map servers to objects"));
        for (const json::Member &signature : server.value.toObject()) {
            if (!signature.value.isString())
                return badField(key::kSignatures, QStringLiteral("values must be strings"));
        }
    }
    return {};
}

} // namespace

const json::Object &Pdu::content() const { return d->json[key::kContent].toObject(); }

Result<Pdu> Pdu::parse(json::Object event, const RoomVersion &version)
{
    return PduBuilder::parseWithReferenceHash(std::move(event), version, nullptr);
}

Result<Pdu> Pdu::parse(std::string_view bytes, const RoomVersion &version)
{
    json::ReadOptions options;
    options.numbers = version.numbers;
    // The limit is on canonical JSON; allow generous whitespace in what arrives, and let
    // parse() check the canonical size exactly.
    options.maxBytes = 4 * kMaxPduBytes;
    auto object = json::parseObject(bytes, options);
    if (!object)
        return object.error();
    return parse(std::move(*object), version);
}

Result<Pdu> PduBuilder::parseWithReferenceHash(json::Object event, const RoomVersion &version,
                                               const crypto::Sha256Digest *referenceHash,
                                               std::optional<qsizetype> canonicalSize)
{
    auto data = std::make_shared<Pdu::Data>();
    data->version = &version;

    auto type = requireString(event, key::kType, kMaxTypeBytes);
    if (!type)
        return type.error();
    data->type = json::toQString(**type);

    auto sender = requireString(event, key::kSender);
    if (!sender)
        return sender.error();
    auto senderId = UserId::parse(json::toQString(**sender));
    if (!senderId)
        return senderId.error().prefixed(QStringLiteral("sender"));
    data->sender = std::move(*senderId);

    if (const json::Value *stateKey = event.find(key::kStateKey)) {
        const std::string *text = stateKey->asString();
        if (!text)
            return badField(key::kStateKey, QStringLiteral("must be a string"));
        if (qsizetype(text->size()) > kMaxStateKeyBytes)
            return badField(key::kStateKey, QStringLiteral("is longer than 255 bytes"));
        data->stateKey = json::toQString(*text);
    }

    if (!event[key::kContent].isObject())
        return event.contains(key::kContent) ? badField(key::kContent, QStringLiteral("must be an object"))
                                             : Error::missingParam(QStringLiteral("missing 'content'"));

    auto depth = requireInteger(event, key::kDepth);
    if (!depth)
        return depth.error();
    if (*depth < 0 || *depth > version.maxDepth)
        return badField(key::kDepth, QStringLiteral("is out of range"));
    data->depth = *depth;

    auto ts = requireInteger(event, key::kOriginServerTs);
    if (!ts)
        return ts.error();
    data->originServerTs = *ts;

    auto prev = parseReferences(event, key::kPrevEvents, kMaxPrevEvents, version);
    if (!prev)
        return prev.error();
    data->prevEvents = std::move(*prev);
    auto auth = parseReferences(event, key::kAuthEvents, kMaxAuthEvents, version);
    if (!auth)
        return auth.error();
    data->authEvents = std::move(*auth);

    if (auto checked = checkHashesAndSignatures(event); !checked)
        return checked.error();

    // The event that a redaction redacts.
    const json::Value *redacts = version.redactsInContent ? event[key::kContent].toObject().find(key::kRedacts)
                                                          : event.find(key::kRedacts);
    if (redacts && redacts->isString()) {
        auto id = EventId::parse(json::toQString(redacts->toString()));
        if (id)
            data->redacts = std::move(*id);
    }

    const qsizetype size = canonicalSize ? *canonicalSize : json::canonicalLength(event);
    if (size > kMaxPduBytes)
        return Error::tooLarge(QStringLiteral("the event is %1 bytes as canonical JSON, more than "
                                              "the limit of %2")
                                   .arg(size)
                                   .arg(kMaxPduBytes));

    // Event ID (rooms/v1 "Event IDs": a field; v3+: the reference hash).
    if (version.eventIdFormat == EventIdFormat::Field) {
        auto field = requireString(event, key::kEventId, ids::kMaxIdentifierBytes);
        if (!field)
            return field.error();
        auto id = EventId::parse(json::toQString(**field));
        if (!id)
            return id.error();
        if (!id->serverName())
            return badField(key::kEventId, QStringLiteral("must be $opaque:domain in room version %1")
                                              .arg(version.id));
        data->eventId = std::move(*id);
    } else {
        const crypto::Sha256Digest hash =
            referenceHash ? *referenceHash : crypto::sha256(redactedSigningBytes(event, version));
        data->eventId = eventIdFromReferenceHash(hash, version);
    }

    // Room ID; in version 12 the create event has none: its ID makes the room's.
    const bool createWithoutRoomId = version.roomIdFormat == RoomIdFormat::CreateEventHash
                                     && event[key::kType].toString() == eventtype::kCreate
                                     && !event.contains(key::kRoomId);
    if (createWithoutRoomId) {
        data->roomId = roomIdFromCreateEventId(data->eventId);
    } else {
        auto roomText = requireString(event, key::kRoomId);
        if (!roomText)
            return roomText.error();
        auto roomId = parseRoomId(**roomText, version);
        if (!roomId)
            return roomId.error();
        data->roomId = std::move(*roomId);
    }

    data->json = std::move(event);
    Pdu pdu;
    pdu.d = std::move(data);
    return pdu;
}

} // namespace trellis::events
