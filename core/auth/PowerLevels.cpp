// Power levels (client-server-api "m.room.power_levels"; rooms/v1 "Deprecated event content
// schemas" for string and float values; rooms/v12 room creators).
#include "core/auth/PowerLevels.h"

#include "core/json/QtStrings.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace trellis::auth {
namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

// Digits to int64, saturating: Python's integers do not overflow, ours stop at the bounds.
qint64 saturatingDecimal(std::string_view digits, bool negative)
{
    quint64 magnitude = 0;
    for (char c : digits) {
        const unsigned digit = unsigned(c - '0');
        if (magnitude > (quint64(kMax) + 1 - digit) / 10) {
            magnitude = quint64(kMax) + 1;
            break;
        }
        magnitude = magnitude * 10 + digit;
    }
    if (negative)
        return magnitude >= quint64(kMax) + 1 ? kMin : -qint64(magnitude);
    return magnitude > quint64(kMax) ? kMax : qint64(magnitude);
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// A string of an integer (fragment v1-stringy-power-levels): base 10, leading zeroes, one
// sign, leading and trailing whitespace. The fragment names neither the digits nor the
// whitespace; ASCII is read here (spec ambiguity: Python's int(), behind Synapse, also takes
// other Unicode digits and spaces).
std::optional<qint64> parseStringLevel(std::string_view text)
{
    while (!text.empty() && isAsciiSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isAsciiSpace(text.back()))
        text.remove_suffix(1);
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return saturatingDecimal(text, negative);
}

// Numbers canonical JSON forbids: big integers, or floats truncated at the decimal point
// (v1-floaty-power-levels).
std::optional<qint64> parseNonCanonicalLevel(const std::string &text, bool floatsAllowed)
{
    const bool isFloat = text.find_first_of(".eE") != std::string::npos;
    if (!isFloat) {
        const bool negative = text.front() == '-';
        return saturatingDecimal(std::string_view(text).substr(negative ? 1 : 0), negative);
    }
    if (!floatsAllowed)
        return std::nullopt;
    double d = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec != std::errc() || !std::isfinite(d))
        return std::nullopt;
    d = std::trunc(d);
    if (d >= 9223372036854775807.0)
        return kMax;
    if (d <= -9223372036854775808.0)
        return kMin;
    return qint64(d);
}

} // namespace

QString PowerLevel::toString() const
{
    return m_infinite ? QStringLiteral("infinite (room creator)") : QString::number(m_value);
}

std::optional<qint64> parsePowerLevelValue(const json::Value &value,
                                           const events::RoomVersion &version)
{
    if (value.isInteger())
        return value.toInteger();
    if (const std::string *text = value.asString(); text && version.stringPowerLevels)
        return parseStringLevel(*text);
    if (const json::NonCanonicalNumber *number = value.asNonCanonicalNumber())
        return parseNonCanonicalLevel(number->text, version.floatPowerLevels);
    return std::nullopt;
}

QSet<QString> roomCreators(const events::Pdu &create, const events::RoomVersion &version)
{
    QSet<QString> creators;
    if (version.creatorInContent) {
        if (const std::string *creator = create.content()["creator"].asString())
            creators.insert(json::toQString(*creator));
        return creators;
    }
    creators.insert(create.sender().toString());
    if (version.additionalCreators) {
        for (const json::Value &user : create.content()["additional_creators"].toArray()) {
            if (const std::string *id = user.asString())
                creators.insert(json::toQString(*id));
        }
    }
    return creators;
}

PowerLevels::PowerLevels(const events::Pdu *powerLevels, const events::Pdu *create,
                         const events::RoomVersion &version)
    : m_version(version), m_exists(powerLevels != nullptr),
      m_creatorsInfinite(version.additionalCreators)
{
    if (create)
        m_creators = roomCreators(*create, version);
    if (!m_exists)
        return;
    m_content = &powerLevels->content();
    m_usersDefault = level("users_default", 0);
    m_eventsDefault = level("events_default", 0);
    m_stateDefault = level("state_default", 50);
    m_invite = level("invite", 0);
    m_kick = level("kick", 50);
    m_ban = level("ban", 50);
    m_redact = level("redact", 50);
}

qint64 PowerLevels::level(std::string_view key, qint64 fallback) const
{
    const json::Value *value = m_content->find(key);
    if (!value)
        return fallback;
    // An unreadable value counts as absent. From version 10 on such an event is rejected
    // (rule 9.1); versions 1-9 check only `users`, and the spec does not say what level a
    // "ban": "lots" gives (spec ambiguity; Synapse fails the check with an exception).
    return parsePowerLevelValue(*value, m_version).value_or(fallback);
}

PowerLevel PowerLevels::userLevel(const QString &userId) const
{
    if (m_creatorsInfinite && m_creators.contains(userId))
        return PowerLevel::infinite();
    if (!m_exists)
        return m_creators.contains(userId) ? PowerLevel(100) : PowerLevel(0);
    const json::Value *level = (*m_content)["users"].toObject().find(json::toUtf8(userId));
    if (level) {
        if (auto value = parsePowerLevelValue(*level, m_version))
            return *value;
    }
    return m_usersDefault;
}

qint64 PowerLevels::eventLevel(const QString &type, bool isState) const
{
    if (m_exists) {
        if (const json::Value *level = (*m_content)["events"].toObject().find(json::toUtf8(type))) {
            if (auto value = parsePowerLevelValue(*level, m_version))
                return *value;
        }
    }
    return isState ? m_stateDefault : m_eventsDefault;
}

} // namespace trellis::auth
