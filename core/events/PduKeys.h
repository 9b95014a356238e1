#pragma once
#include <string_view>

// Top-level and content keys of PDUs (rooms/v*.md "Event format", "Redactions").
namespace trellis::events::key {

inline constexpr std::string_view kAuthEvents = "auth_events";
inline constexpr std::string_view kContent = "content";
inline constexpr std::string_view kDepth = "depth";
inline constexpr std::string_view kEventId = "event_id";
inline constexpr std::string_view kHashes = "hashes";
inline constexpr std::string_view kMembership = "membership";
inline constexpr std::string_view kOrigin = "origin";
inline constexpr std::string_view kOriginServerTs = "origin_server_ts";
inline constexpr std::string_view kPrevEvents = "prev_events";
inline constexpr std::string_view kPrevState = "prev_state";
inline constexpr std::string_view kRedacts = "redacts";
inline constexpr std::string_view kRoomId = "room_id";
inline constexpr std::string_view kSender = "sender";
inline constexpr std::string_view kSha256 = "sha256";
inline constexpr std::string_view kSignatures = "signatures";
inline constexpr std::string_view kStateKey = "state_key";
inline constexpr std::string_view kType = "type";
inline constexpr std::string_view kUnsigned = "unsigned";

// content keys
inline constexpr std::string_view kJoinAuthorisedViaUsersServer = "join_authorised_via_users_server";
inline constexpr std::string_view kThirdPartyInvite = "third_party_invite";
inline constexpr std::string_view kSigned = "signed";
inline constexpr std::string_view kRoomVersion = "room_version";

} // namespace trellis::events::key

// What a room dump may say of an event beyond its PDU, in the event's `unsigned` object (which
// no hash or signature covers): marks the exporting server's store knew (`trellis-cli dag
// export`, a live room), which the explorer draws.
namespace trellis::events::dumpmark {

inline constexpr std::string_view kSoftFailed = "io.trellis.soft_failed";
inline constexpr std::string_view kOutlier = "io.trellis.outlier";

} // namespace trellis::events::dumpmark

// Event types the kernel treats specially.
namespace trellis::events::eventtype {

inline constexpr std::string_view kCreate = "m.room.create";
inline constexpr std::string_view kMember = "m.room.member";
inline constexpr std::string_view kJoinRules = "m.room.join_rules";
inline constexpr std::string_view kPowerLevels = "m.room.power_levels";
inline constexpr std::string_view kAliases = "m.room.aliases";
inline constexpr std::string_view kHistoryVisibility = "m.room.history_visibility";
inline constexpr std::string_view kRedaction = "m.room.redaction";
inline constexpr std::string_view kThirdPartyInvite = "m.room.third_party_invite";

} // namespace trellis::events::eventtype
