#include "core/rooms/CreateRoomPlan.h"

#include "core/auth/EventTypes.h"
#include "core/json/Fields.h"
#include "core/json/QtStrings.h"

namespace trellis::rooms {

namespace {

json::Value text(const QString &value) { return json::Value(json::toUtf8(value)); }

struct Preset
{
    const char *joinRule;
    const char *historyVisibility;
    const char *guestAccess;
    bool inviteesAreAdmins;
};

std::optional<Preset> presetNamed(const QString &name)
{
    if (name == QLatin1String("private_chat"))
        return Preset{"invite", "shared", "can_join", false};
    if (name == QLatin1String("trusted_private_chat"))
        return Preset{"invite", "shared", "can_join", true};
    if (name == QLatin1String("public_chat"))
        return Preset{"public", "shared", "forbidden", false};
    return std::nullopt;
}

/// Versions 1-10 name the creator in the create event; v11 dropped the key (rooms/v11
/// "Event format": the sender is the creator).
bool createEventHasCreator(const events::RoomVersion &version)
{
    return version.id.toInt() <= 10;
}

bool isV12OrLater(const events::RoomVersion &version) { return version.id.toInt() >= 12; }

/// The default power levels (client-server-api "m.room.power_levels"), adjusted per version.
json::Object defaultPowerLevels(const events::RoomVersion &version, const UserId &creator,
                                const QList<UserId> &admins)
{
    json::Object events;
    for (const char *type : {"m.room.name", "m.room.canonical_alias", "m.room.avatar", "m.room.topic", "m.room.pinned_events"})
        events.insert(type, json::Value(qint64(50)));
    for (const char *type : {"m.room.power_levels", "m.room.history_visibility", "m.room.server_acl", "m.room.encryption"})
        events.insert(type, json::Value(qint64(100)));
    // create_room.yaml: in v12 the tombstone must need more than state_default; the creators'
    // infinite power is the only one above 100.
    events.insert("m.room.tombstone", json::Value(qint64(isV12OrLater(version) ? 150 : 100)));
    json::Object users;
    if (!isV12OrLater(version)) {
        users.insert(json::toUtf8(creator.toString()), json::Value(qint64(100)));
        for (const UserId &admin : admins)
            users.insert(json::toUtf8(admin.toString()), json::Value(qint64(100)));
    }
    json::Object notifications;
    notifications.insert("room", json::Value(qint64(50)));
    json::Object content;
    content.insert("users", json::Value(std::move(users)));
    content.insert("users_default", json::Value(qint64(0)));
    content.insert("events", json::Value(std::move(events)));
    content.insert("events_default", json::Value(qint64(0)));
    content.insert("state_default", json::Value(qint64(50)));
    content.insert("ban", json::Value(qint64(50)));
    content.insert("kick", json::Value(qint64(50)));
    content.insert("redact", json::Value(qint64(50)));
    content.insert("invite", json::Value(qint64(0)));
    content.insert("notifications", json::Value(std::move(notifications)));
    return content;
}

Result<QList<UserId>> parseUserList(const json::Object &request, std::string_view key)
{
    auto list = json::optionalStringList(request, key);
    if (!list)
        return list.error();
    QList<UserId> users;
    for (const QString &entry : list->value_or(QStringList())) {
        auto user = UserId::parse(entry);
        if (!user)
            return Error::invalidParam(QStringLiteral("%1: %2").arg(json::toQString(key), user.error().message));
        if (!users.contains(*user))
            users.append(*user);
    }
    return users;
}

class PlanBuilder
{
public:
    PlanBuilder(CreateRoomPlan &plan, const UserId &creator, qint64 nowMs)
        : m_plan(plan), m_creator(creator), m_nowMs(nowMs)
    {
    }
    void state(const QString &type, const QString &key, json::Object content)
    {
        m_plan.events.append({type, m_creator, key, std::move(content), std::nullopt, m_nowMs});
    }
    void simple(const QString &type, std::string_view field, const QString &value)
    {
        json::Object content;
        content.insert(field, text(value));
        state(type, QString(), std::move(content));
    }

private:
    CreateRoomPlan &m_plan;
    const UserId &m_creator;
    qint64 m_nowMs;
};

Result<json::Object> createContent(const json::Object &request, const events::RoomVersion &version,
                                   const UserId &creator, const QList<UserId> &extraCreators)
{
    auto given = json::optionalObject(request, "creation_content");
    if (!given)
        return given.error();
    json::Object content = given->value_or(json::Object{});
    content.insert("room_version", text(version.id));
    if (createEventHasCreator(version))
        content.insert("creator", text(creator.toString()));
    if (isV12OrLater(version)) {
        // rooms/v12: additional_creators, from creation_content plus (trusted_private_chat)
        // the invitees; a malformed list is the client's error, not a room the server makes.
        auto listed = parseUserList(content, "additional_creators");
        if (!listed)
            return listed.error().prefixed(QStringLiteral("creation_content"));
        QList<UserId> all = *listed;
        for (const UserId &user : extraCreators) {
            if (!all.contains(user) && user != creator)
                all.append(user);
        }
        if (!all.isEmpty()) {
            json::Array array;
            for (const UserId &user : all)
                array.push_back(text(user.toString()));
            content.insert("additional_creators", json::Value(std::move(array)));
        }
    }
    return content;
}

Result<void> addInitialState(const json::Object &request, PlanBuilder &builder)
{
    const json::Value *initial = request.find("initial_state");
    if (!initial || initial->isNull())
        return {};
    if (!initial->isArray())
        return Error::badJson(QStringLiteral("'initial_state' must be an array"));
    for (const json::Value &entry : initial->toArray()) {
        if (!entry.isObject())
            return Error::badJson(QStringLiteral("'initial_state' entries must be objects"));
        auto type = json::requiredString(entry.toObject(), "type");
        auto key = json::optionalString(entry.toObject(), "state_key");
        auto content = json::requiredObject(entry.toObject(), "content");
        if (!type || !key || !content)
            return (!type ? type.error() : !key ? key.error() : content.error()).prefixed(QStringLiteral("initial_state"));
        if (*type == auth::types::create || *type == auth::types::member)
            return Error::invalidParam(QStringLiteral("initial_state cannot set %1").arg(*type));
        builder.state(*type, key->value_or(QString()), *content);
    }
    return {};
}

} // namespace

Result<CreateRoomPlan> CreateRoomPlan::parse(const json::Object &request, const UserId &creator,
                                             const ServerName &serverName,
                                             const json::Object &creatorProfile, qint64 nowMs)
{
    CreateRoomPlan plan;
    auto versionId = json::optionalString(request, "room_version");
    auto visibility = json::optionalString(request, "visibility");
    auto presetName = json::optionalString(request, "preset");
    auto aliasName = json::optionalString(request, "room_alias_name");
    auto name = json::optionalString(request, "name");
    auto topic = json::optionalString(request, "topic");
    auto isDirect = json::optionalBool(request, "is_direct");
    auto override = json::optionalObject(request, "power_level_content_override");
    auto invitees = parseUserList(request, "invite");
    for (const Error *error : {versionId ? nullptr : &versionId.error(), visibility ? nullptr : &visibility.error(),
                               presetName ? nullptr : &presetName.error(), aliasName ? nullptr : &aliasName.error(),
                               name ? nullptr : &name.error(), topic ? nullptr : &topic.error(),
                               isDirect ? nullptr : &isDirect.error(), override ? nullptr : &override.error(),
                               invitees ? nullptr : &invitees.error()}) {
        if (error)
            return *error;
    }
    plan.version = versionId->has_value() ? events::RoomVersion::find(**versionId) : &events::RoomVersion::defaultVersion();
    if (!plan.version)
        return Error{ErrorCode::UnsupportedRoomVersion, QStringLiteral("this server does not support room version %1").arg(versionId->value().left(50)), {}};
    const QString visibilityValue = visibility->value_or(QStringLiteral("private"));
    if (visibilityValue != QLatin1String("public") && visibilityValue != QLatin1String("private"))
        return Error::invalidParam(QStringLiteral("visibility is public or private"));
    plan.publish = visibilityValue == QLatin1String("public");
    const auto preset = presetNamed(presetName->value_or(plan.publish ? QStringLiteral("public_chat") : QStringLiteral("private_chat")));
    if (!preset)
        return Error::invalidParam(QStringLiteral("unknown preset %1").arg(presetName->value_or(QString()).left(50)));
    if (aliasName->has_value()) {
        auto alias = RoomAlias::parse(QString(u'#' + **aliasName + u':' + serverName.toString()));
        if (!alias || (*aliasName)->contains(u':'))
            return Error::invalidParam(QStringLiteral("room_alias_name is not a valid alias localpart"));
        plan.alias = *alias;
    }
    const QList<UserId> admins = preset->inviteesAreAdmins ? *invitees : QList<UserId>();

    PlanBuilder builder(plan, creator, nowMs);
    // 1. the create event; 2. the creator's join.
    auto create = createContent(request, *plan.version, creator, isV12OrLater(*plan.version) ? admins : QList<UserId>());
    if (!create)
        return create.error();
    builder.state(auth::types::create, QString(), *create);
    json::Object join = creatorProfile;
    join.insert("membership", json::Value("join"));
    builder.state(auth::types::member, creator.toString(), std::move(join));
    // 3. power levels, with the client's override on top.
    json::Object powerLevels = defaultPowerLevels(*plan.version, creator, isV12OrLater(*plan.version) ? QList<UserId>() : admins);
    for (const auto &[key, value] : override->value_or(json::Object{}))
        powerLevels.insert(key, value);
    builder.state(auth::types::powerLevels, QString(), std::move(powerLevels));
    // 4. the canonical alias; 5. the preset's events.
    if (plan.alias)
        builder.simple(QStringLiteral("m.room.canonical_alias"), "alias", plan.alias->toString());
    builder.simple(auth::types::joinRules, "join_rule", QLatin1String(preset->joinRule));
    builder.simple(QStringLiteral("m.room.history_visibility"), "history_visibility", QLatin1String(preset->historyVisibility));
    builder.simple(QStringLiteral("m.room.guest_access"), "guest_access", QLatin1String(preset->guestAccess));
    // 6. initial_state; 7. name and topic.
    if (auto added = addInitialState(request, builder); !added)
        return added.error();
    if (name->has_value())
        builder.simple(QStringLiteral("m.room.name"), "name", **name);
    if (topic->has_value()) {
        json::Object topicContent;
        topicContent.insert("topic", text(**topic));
        json::Object plain;
        plain.insert("body", text(**topic));
        plain.insert("mimetype", json::Value("text/plain"));
        json::Object textBlock;
        textBlock.insert("m.text", json::Value(json::Array{json::Value(std::move(plain))}));
        topicContent.insert("m.topic", json::Value(std::move(textBlock)));
        builder.state(QStringLiteral("m.room.topic"), QString(), std::move(topicContent));
    }
    // 8. invites.
    for (const UserId &invitee : *invitees) {
        json::Object content;
        content.insert("membership", json::Value("invite"));
        if (isDirect->value_or(false))
            content.insert("is_direct", json::Value(true));
        builder.state(auth::types::member, invitee.toString(), std::move(content));
    }
    return plan;
}

} // namespace trellis::rooms
