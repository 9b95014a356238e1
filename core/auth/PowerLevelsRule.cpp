// The m.room.power_levels rule (rule 10 in rooms v1-5 and v12, rule 9 in v6-v11): the shape
// of the new levels, then what the sender may change.
#include "core/auth/RuleContext.h"

#include <map>
#include <set>

namespace trellis::auth::detail {
namespace {

constexpr std::string_view kLevelProperties[] = {"users_default", "events_default", "state_default",
                                                 "ban", "redact", "kick", "invite"};

// The parsed entries of an object of levels (`events`, `notifications`, `users`).
std::map<std::string, qint64> levelMap(const json::Value &value, const events::RoomVersion &version)
{
    std::map<std::string, qint64> levels;
    for (const json::Member &member : value.toObject()) {
        if (auto level = parsePowerLevelValue(member.value, version))
            levels.emplace(member.key, *level);
    }
    return levels;
}

std::optional<qint64> propertyLevel(const json::Object &content, std::string_view key,
                                    const events::RoomVersion &version)
{
    const json::Value *value = content.find(key);
    return value ? parsePowerLevelValue(*value, version) : std::nullopt;
}

bool isLevelObject(const json::Value &value, bool integersOnly, const events::RoomVersion &version)
{
    const json::Object *object = value.asObject();
    if (!object)
        return false;
    for (const json::Member &member : *object) {
        const bool ok = integersOnly ? member.value.isInteger()
                                     : parsePowerLevelValue(member.value, version).has_value();
        if (!ok)
            return false;
    }
    return true;
}

AuthVerdict checkShape(const RuleContext &c)
{
    const json::Object &content = c.event.content();
    const bool integersOnly = c.version.integerPowerLevels;
    if (integersOnly) {
        for (std::string_view key : kLevelProperties) {
            const json::Value *value = content.find(key);
            if (value && !value->isInteger())
                return AuthVerdict::reject(AuthRule::PowerLevelsNonIntegerProperty,
                                           QStringLiteral("'%1' must be an integer").arg(json::toQString(key)));
        }
        for (std::string_view key : {std::string_view("events"), std::string_view("notifications")}) {
            const json::Value *value = content.find(key);
            if (value && !isLevelObject(*value, true, c.version))
                return AuthVerdict::reject(AuthRule::PowerLevelsNonIntegerEventLevels,
                                           QStringLiteral("'%1' must map to integers").arg(json::toQString(key)));
        }
    }
    // Unlike the rules before it, the `users` rule does not say "if present"; an absent
    // `users` is read as no users (spec ambiguity; Synapse does the same).
    if (const json::Value *users = content.find("users")) {
        bool valid = isLevelObject(*users, integersOnly, c.version);
        for (const json::Member &user : users->toObject())
            valid = valid && UserId::parse(json::toQString(user.key));
        if (!valid)
            return AuthVerdict::reject(AuthRule::PowerLevelsInvalidUsers,
                                       QStringLiteral("'users' must map valid user IDs to %1")
                                           .arg(integersOnly ? QStringLiteral("integers")
                                                             : QStringLiteral("integers or integer strings")));
        if (c.version.additionalCreators) {
            for (const json::Member &user : users->toObject()) {
                if (c.powerLevels.creators().contains(json::toQString(user.key)))
                    return AuthVerdict::reject(AuthRule::PowerLevelsCreatorInUsers,
                                               QStringLiteral("room creator %1 cannot be listed in 'users'")
                                                   .arg(json::toQString(user.key)));
            }
        }
    }
    return AuthVerdict::allow();
}

QString levelText(std::optional<qint64> level)
{
    return level ? QString::number(*level) : QStringLiteral("absent");
}

// One map of levels (`events`, `notifications` or `users`) before and after.
struct MapChange
{
    std::map<std::string, qint64> before;
    std::map<std::string, qint64> after;

    std::set<std::string> keys() const
    {
        std::set<std::string> all;
        for (const auto &[key, level] : before)
            all.insert(key);
        for (const auto &[key, level] : after)
            all.insert(key);
        return all;
    }
    std::optional<qint64> old(const std::string &key) const
    {
        const auto it = before.find(key);
        return it == before.end() ? std::nullopt : std::optional<qint64>(it->second);
    }
    std::optional<qint64> now(const std::string &key) const
    {
        const auto it = after.find(key);
        return it == after.end() ? std::nullopt : std::optional<qint64>(it->second);
    }
};

} // namespace

AuthVerdict checkPowerLevelsEvent(const RuleContext &c)
{
    if (AuthVerdict shape = checkShape(c); !shape.allowed())
        return shape;
    const events::Pdu *previous = c.state.find(types::powerLevels, QString());
    if (!previous)
        return AuthVerdict::allow();

    const json::Object &before = previous->content();
    const json::Object &after = c.event.content();
    const PowerLevel sender = c.senderLevel();
    const auto above = [&](qint64 level) { return PowerLevel(level) > sender; };

    // "Added, changed or removed" compares the levels the values give: "50" and 50 (v1-9) or
    // 50.5 and 50 (v1-5) are the same level, no alteration. An absent property has no
    // current (or new) value to compare, whatever its default (spec ambiguity; Synapse
    // compares the same way).
    for (std::string_view key : kLevelProperties) {
        const auto old = propertyLevel(before, key, c.version);
        const auto now = propertyLevel(after, key, c.version);
        if (old == now)
            continue;
        const QString what = QStringLiteral("'%1' (%2 -> %3) with power level %4")
                                 .arg(json::toQString(key), levelText(old), levelText(now), sender.toString());
        if (old && above(*old))
            return AuthVerdict::reject(AuthRule::PowerLevelsCurrentValueAboveSender,
                                       QStringLiteral("cannot change ") + what);
        if (now && above(*now))
            return AuthVerdict::reject(AuthRule::PowerLevelsNewValueAboveSender,
                                       QStringLiteral("cannot set ") + what);
    }

    QList<std::pair<QString, MapChange>> eventMaps;
    eventMaps.append({QStringLiteral("events"),
                      {levelMap(before["events"], c.version), levelMap(after["events"], c.version)}});
    if (c.version.notificationPowerLevels)
        eventMaps.append({QStringLiteral("notifications"),
                          {levelMap(before["notifications"], c.version),
                           levelMap(after["notifications"], c.version)}});
    for (const auto &[name, change] : std::as_const(eventMaps)) {
        for (const std::string &key : change.keys()) {
            const auto old = change.old(key);
            if (old && old != change.now(key) && above(*old))
                return AuthVerdict::reject(AuthRule::PowerLevelsEventCurrentAboveSender,
                                           QStringLiteral("cannot change %1.%2 from %3 with power level %4")
                                               .arg(name, json::toQString(key), levelText(old), sender.toString()));
        }
    }
    for (const auto &[name, change] : std::as_const(eventMaps)) {
        for (const std::string &key : change.keys()) {
            const auto now = change.now(key);
            if (now && now != change.old(key) && above(*now))
                return AuthVerdict::reject(AuthRule::PowerLevelsEventNewAboveSender,
                                           QStringLiteral("cannot set %1.%2 to %3 with power level %4")
                                               .arg(name, json::toQString(key), levelText(now), sender.toString()));
        }
    }

    const MapChange users{levelMap(before["users"], c.version), levelMap(after["users"], c.version)};
    const std::string senderKey = json::toUtf8(c.sender);
    for (const std::string &user : users.keys()) {
        const auto old = users.old(user);
        if (user != senderKey && old && old != users.now(user) && PowerLevel(*old) >= sender)
            return AuthVerdict::reject(AuthRule::PowerLevelsUserCurrentNotBelowSender,
                                       QStringLiteral("cannot change %1's level %2 with power level %3")
                                           .arg(json::toQString(user), levelText(old), sender.toString()));
    }
    for (const std::string &user : users.keys()) {
        const auto now = users.now(user);
        if (now && now != users.old(user) && above(*now))
            return AuthVerdict::reject(AuthRule::PowerLevelsUserNewAboveSender,
                                       QStringLiteral("cannot give %1 level %2 with power level %3")
                                           .arg(json::toQString(user), levelText(now), sender.toString()));
    }
    return AuthVerdict::allow();
}

} // namespace trellis::auth::detail
