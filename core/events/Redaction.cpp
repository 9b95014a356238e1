// Redaction rules per room version: fragments v1-redactions (v1-5), v6-redactions (v6-7),
// rooms/v8 "Redactions", v9-redactions (v9-10) and v11-redactions (v11-12).
#include "core/events/Redaction.h"

#include "core/events/PduKeys.h"
#include "core/json/Writer.h"

#include <algorithm>
#include <span>

namespace trellis::events {
namespace {

using Keys = std::span<const std::string_view>;

bool listed(Keys keys, std::string_view key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

constexpr std::string_view kAlwaysKept[] = {
    key::kEventId, key::kType,   key::kRoomId,     key::kSender,     key::kStateKey,
    key::kContent, key::kHashes, key::kSignatures, key::kDepth,      key::kPrevEvents,
    key::kAuthEvents, key::kOriginServerTs};
// v11 stopped protecting these three (rooms/v11 "Redactions").
constexpr std::string_view kKeptBeforeV11[] = {key::kPrevState, key::kOrigin, key::kMembership};

bool keepsTopLevelKey(RedactionRules rules, std::string_view key)
{
    return listed(kAlwaysKept, key) || (rules != RedactionRules::V11 && listed(kKeptBeforeV11, key));
}

constexpr std::string_view kMemberV1[] = {"membership"};
constexpr std::string_view kMemberV9[] = {"membership", "join_authorised_via_users_server"};
constexpr std::string_view kCreateV1[] = {"creator"};
constexpr std::string_view kJoinRulesV1[] = {"join_rule"};
constexpr std::string_view kJoinRulesV8[] = {"join_rule", "allow"};
constexpr std::string_view kPowerLevelsV1[] = {"ban",   "events",        "events_default",
                                               "kick",  "redact",        "state_default",
                                               "users", "users_default"};
constexpr std::string_view kPowerLevelsV11[] = {"ban",    "events", "events_default",
                                                "invite", "kick",   "redact",
                                                "state_default", "users", "users_default"};
constexpr std::string_view kAliasesV1[] = {"aliases"};
constexpr std::string_view kHistoryVisibility[] = {"history_visibility"};
constexpr std::string_view kRedactionV11[] = {"redacts"};

// The content keys `type` keeps under `rules`; `allKeys` for v11's m.room.create.
Keys protectedContentKeys(RedactionRules rules, std::string_view type, bool &allKeys)
{
    allKeys = false;
    const bool v11 = rules == RedactionRules::V11;
    if (type == eventtype::kMember)
        return (rules == RedactionRules::V9 || v11) ? Keys(kMemberV9) : Keys(kMemberV1);
    if (type == eventtype::kCreate) {
        allKeys = v11;
        return kCreateV1;
    }
    if (type == eventtype::kJoinRules) {
        const bool withAllow = rules != RedactionRules::V1 && rules != RedactionRules::V6;
        return withAllow ? Keys(kJoinRulesV8) : Keys(kJoinRulesV1);
    }
    if (type == eventtype::kPowerLevels)
        return v11 ? Keys(kPowerLevelsV11) : Keys(kPowerLevelsV1);
    if (type == eventtype::kAliases && rules == RedactionRules::V1)
        return kAliasesV1;
    if (type == eventtype::kHistoryVisibility)
        return kHistoryVisibility;
    if (type == eventtype::kRedaction && v11)
        return kRedactionV11;
    return {};
}

json::Object redactContent(const json::Object &content, std::string_view type,
                           RedactionRules rules)
{
    bool allKeys = false;
    const Keys keep = protectedContentKeys(rules, type, allKeys);
    if (allKeys)
        return content;
    json::Object redacted;
    for (const json::Member &member : content) {
        if (listed(keep, member.key))
            redacted.insert(member.key, member.value);
    }
    // v11: of `third_party_invite`, member events keep only `signed`.
    if (rules == RedactionRules::V11 && type == eventtype::kMember) {
        if (const json::Object *invite = content[key::kThirdPartyInvite].asObject()) {
            json::Object kept;
            if (const json::Value *signedPart = invite->find(key::kSigned))
                kept.insert(key::kSigned, *signedPart);
            redacted.insert(key::kThirdPartyInvite, std::move(kept));
        }
    }
    return redacted;
}

} // namespace

json::Object redact(const json::Object &event, const RoomVersion &version)
{
    json::Object redacted;
    for (const json::Member &member : event) {
        if (member.key != key::kContent && keepsTopLevelKey(version.redaction, member.key))
            redacted.insert(member.key, member.value);
    }
    const std::string &type = event[key::kType].toString();
    redacted.insert(key::kContent,
                    redactContent(event[key::kContent].toObject(), type, version.redaction));
    return redacted;
}

std::string redactedSigningBytes(const json::Object &event, const RoomVersion &version)
{
    // The members of redact(event), minus `signatures`, written straight from the event.
    const json::Value &content = event[key::kContent];
    const std::string &type = event[key::kType].toString();
    bool allKeys = false;
    protectedContentKeys(version.redaction, type, allKeys);
    const auto writeContent = [&](json::CanonicalObjectWriter &writer) {
        if (allKeys && content.isObject())
            writer.member(key::kContent, content);
        else
            writer.member(key::kContent,
                          redactContent(content.toObject(), type, version.redaction));
    };

    std::string out;
    json::CanonicalObjectWriter writer(out);
    bool contentWritten = false;
    for (const json::Member &member : event) {
        // Redaction always leaves a `content`: put it in its place even if the event has none.
        if (!contentWritten && member.key >= key::kContent) {
            writeContent(writer);
            contentWritten = true;
            if (member.key == key::kContent)
                continue;
        }
        if (member.key != key::kSignatures && keepsTopLevelKey(version.redaction, member.key))
            writer.member(member.key, member.value);
    }
    if (!contentWritten)
        writeContent(writer);
    writer.finish();
    return out;
}

} // namespace trellis::events
