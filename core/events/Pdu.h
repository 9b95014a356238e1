#pragma once
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/RoomId.h"
#include "core/base/UserId.h"
#include "core/crypto/Sha256.h"
#include "core/events/RoomVersion.h"
#include "core/json/Value.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace trellis::events {

/// The largest PDU, as canonical JSON in federation format with its signatures
/// (client-server-api "Size limits").
inline constexpr qsizetype kMaxPduBytes = 65536;
/// `type` and `state_key` are at most 255 bytes ("Size limits").
inline constexpr qsizetype kMaxTypeBytes = 255;
inline constexpr qsizetype kMaxStateKeyBytes = 255;
/// At most 20 `prev_events` and 10 `auth_events` (pdu_v1/v3/v4 "prev_events", "auth_events").
inline constexpr qsizetype kMaxPrevEvents = 20;
inline constexpr qsizetype kMaxAuthEvents = 10;

/// A well-formed PDU of a known room version: its JSON, the room version, and the fields
/// every layer needs, already validated and typed. Immutable and cheap to copy (shared), so
/// it can travel to the GUI thread and the compute pool.
///
/// A Pdu is only well-formed (check 1 of server-server-api "Checks performed on receipt of
/// a PDU"); signatures and hashes are checked by verifyEvent(), authorisation elsewhere.
class Pdu
{
public:
    Pdu() = default;

    /// Validates the event format of `version` (rooms/v*.md "Event format", pdu_v*.yaml) and
    /// the size limits, and computes the event ID.
    static Result<Pdu> parse(json::Object event, const RoomVersion &version);
    /// Reads bytes with the version's number rules and the 64 KiB limit, then parse().
    static Result<Pdu> parse(std::string_view bytes, const RoomVersion &version);

    bool isNull() const { return !d; }
    const json::Object &json() const { return d->json; }
    const RoomVersion &roomVersion() const { return *d->version; }

    const EventId &eventId() const { return d->eventId; }
    /// For a version 12 create event, the room ID it makes.
    const RoomId &roomId() const { return d->roomId; }
    const UserId &sender() const { return d->sender; }
    const QString &type() const { return d->type; }
    bool isState() const { return d->stateKey.has_value(); }
    const std::optional<QString> &stateKey() const { return d->stateKey; }
    const json::Object &content() const;
    qint64 depth() const { return d->depth; }
    qint64 originServerTs() const { return d->originServerTs; }
    const QList<EventId> &prevEvents() const { return d->prevEvents; }
    const QList<EventId> &authEvents() const { return d->authEvents; }
    /// The event a redaction redacts: top-level `redacts` up to v10, `content.redacts` from v11.
    const std::optional<EventId> &redacts() const { return d->redacts; }

private:
    friend class PduBuilder;
    struct Data
    {
        json::Object json;
        const RoomVersion *version = nullptr;
        EventId eventId;
        RoomId roomId;
        UserId sender;
        QString type;
        std::optional<QString> stateKey;
        qint64 depth = 0;
        qint64 originServerTs = 0;
        QList<EventId> prevEvents;
        QList<EventId> authEvents;
        std::optional<EventId> redacts;
    };
    std::shared_ptr<const Data> d;
};

/// Builds Pdus; verifyEvent() uses it to hand over what it has already computed.
class PduBuilder
{
public:
    /// parse() with the reference hash of `event` (ignored for versions 1 and 2) and, if
    /// known, the length of its canonical JSON supplied.
    static Result<Pdu> parseWithReferenceHash(json::Object event, const RoomVersion &version,
                                              const crypto::Sha256Digest *referenceHash,
                                              std::optional<qsizetype> canonicalSize = std::nullopt);
};

} // namespace trellis::events
