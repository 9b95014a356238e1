#pragma once
#include "core/json/Reader.h"

#include <QList>
#include <QString>

namespace trellis::events {

/// How an event's ID is found (rooms/v1 "Event IDs", v3 "Event IDs", v4 "Event IDs").
enum class EventIdFormat : quint8 {
    Field,                 ///< v1, v2: carried in `event_id`, `$opaque:domain`
    ReferenceHash,         ///< v3: `$` + unpadded standard base64 of the reference hash
    ReferenceHashUrlSafe,  ///< v4+: the same in URL-safe base64
};

/// Room ID shape (appendices "Room IDs"; rooms/v12 "Event format").
enum class RoomIdFormat : quint8 {
    WithDomain,      ///< v1-v11: `!opaque:domain`
    CreateEventHash, ///< v12: `!` + the create event's reference hash; create events carry none
};

/// Which redaction algorithm applies (the rooms/v* "Redactions" fragments).
enum class RedactionRules : quint8 {
    V1,  ///< v1-v5 (fragment v1-redactions): keeps `m.room.aliases` content
    V6,  ///< v6, v7 (v6-redactions): no special meaning for aliases
    V8,  ///< v8: join rules keep `allow`
    V9,  ///< v9, v10 (v9-redactions): joins keep `join_authorised_via_users_server`
    V11, ///< v11, v12 (v11-redactions)
};

enum class StateResolutionAlgorithm : quint8 {
    V1,   ///< rooms/v1 "State resolution"
    V2,   ///< v2-state-res, rooms 2-11
    V2_1, ///< rooms/v12 "State resolution"
};

/// The rules that differ between room versions, as one row per version (rooms/_index.md).
/// Code asks the row what to do instead of comparing version numbers.
struct RoomVersion
{
    QString id;     ///< "1" ... "12"
    int number = 0; ///< for display and ordering only
    EventIdFormat eventIdFormat = EventIdFormat::ReferenceHashUrlSafe;
    RoomIdFormat roomIdFormat = RoomIdFormat::WithDomain;
    RedactionRules redaction = RedactionRules::V11;
    StateResolutionAlgorithm stateResolution = StateResolutionAlgorithm::V2;
    /// v1-v5 must not enforce canonical JSON; v6+ must (rooms/v6 "Canonical JSON").
    json::NumberPolicy numbers = json::NumberPolicy::Strict;
    /// v5+: a key's `valid_until_ts` must cover the event (v5-signing-requirements).
    bool enforceKeyValidity = true;
    /// v1, v2: `prev_events`/`auth_events` are `[event_id, hashes]` pairs (pdu_v1).
    bool referencesWithHashes = false;
    /// v1-v10: `redacts` is a top-level key; v11+: it lives in `content` (rooms/v11).
    bool redactsInContent = true;
    /// v8+: restricted joins may be signed by the authorising server.
    bool restrictedJoins = true;
    /// The largest `depth` (pdu_v1/v3/v4: below 2^63-1; depth_v6: below 2^53-1).
    qint64 maxDepth = json::kMaxCanonicalInteger;

    // Authorisation rules (rooms/v*.md "Authorisation rules").
    /// v1-v10: the creator is `content.creator`, which a create event must have; v11+: the
    /// create event's sender.
    bool creatorInContent = false;
    /// v12: `additional_creators`, and creators have infinite power.
    bool additionalCreators = true;
    /// v1-v5: rule 4 for m.room.aliases.
    bool aliasesAuthRule = false;
    /// v1, v2: rule 11 for m.room.redaction (later versions check redactions on receipt).
    bool redactionAuthRule = false;
    /// v7+: the knock membership and join rule.
    bool knocking = true;
    /// v10+: the knock_restricted join rule.
    bool knockRestricted = true;
    /// v10+: power levels must be integers (rules 9.1-9.3).
    bool integerPowerLevels = true;
    /// v1-v9: power levels may be strings of integers (v1-stringy-power-levels).
    bool stringPowerLevels = false;
    /// v1-v5: power levels may be floats, truncated (v1-floaty-power-levels).
    bool floatPowerLevels = false;
    /// v6+: `notifications` levels are protected like `events`.
    bool notificationPowerLevels = true;

    /// The row for `id`, or nullptr for a version Trellis does not know.
    static const RoomVersion *find(QStringView id);
    /// The version new rooms use: 12 (rooms/_index.md "Complete list of room versions").
    static const RoomVersion &defaultVersion();
    /// Versions 1 to 12, in order.
    static const QList<const RoomVersion *> &all();
};

} // namespace trellis::events
