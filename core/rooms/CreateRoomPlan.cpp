#include "core/rooms/CreateRoomPlan.h"

#include "core/auth/EventTypes.h"
#include "core/json/Fields.h"
#include "core/json/QtStrings.h"
#include "core/stateres/EventProvider.h"

// client-server-api "Creation" (create_room.yaml) and, per version, rooms/v*.md.
namespace trellis::rooms {

namespace {

json::Value text(const QString &value)
{
    return json::Value(json::toUtf8(value));
}

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

/// The request's fields, type-checked.
struct Request
{
    const events::RoomVersion *version = nullptr;
    Preset preset{};
    bool publish = false;
    std::optional<QString> aliasName;
    std::optional<QString> name;
    std::optional<QString> topic;
    bool isDirect = false;
    json::Object override;
    QList<UserId> invitees;
};

Result<QList<UserId>> parseUserList(const json::Object &object, std::string_view key)
{
    auto list = json::optionalStringList(object, key);
    if (!list)
        return list.error();
    QList<UserId> users;
    for (const QString &entry : list->value_or(QStringList())) {
        auto user = UserId::parse(entry);
        if (!user)
            return Error::invalidParam(
                QStringLiteral("%1: %2").arg(json::toQString(key), user.error().message));
        if (!users.contains(*user))
            users.append(*user);
    }
    return users;
}

template <typename T> Result<void> take(Result<T> parsed, T &into)
{
    if (!parsed)
        return parsed.error();
    into = std::move(*parsed);
    return {};
}

Result<Request> parseRequest(const json::Object &body, const UserId &creator,
                             const events::RoomVersion &defaultVersion)
{
    Request request;
    std::optional<QString> versionId, visibility, presetName;
    std::optional<bool> isDirect;
    std::optional<json::Object> override;
    std::optional<QStringList> thirdParty;
    for (auto parsed : {take(json::optionalString(body, "room_version"), versionId),
                        take(json::optionalString(body, "visibility"), visibility),
                        take(json::optionalString(body, "preset"), presetName),
                        take(json::optionalString(body, "room_alias_name"), request.aliasName),
                        take(json::optionalString(body, "name"), request.name),
                        take(json::optionalString(body, "topic"), request.topic),
                        take(json::optionalBool(body, "is_direct"), isDirect),
                        take(json::optionalObject(body, "power_level_content_override"), override),
                        take(parseUserList(body, "invite"), request.invitees)}) {
        if (!parsed)
            return parsed.error();
    }
    if (const json::Value *invite3pid = body.find("invite_3pid");
        invite3pid && !invite3pid->isNull()) {
        if (!invite3pid->isArray())
            return Error::badJson(QStringLiteral("'invite_3pid' must be an array"));
        if (!invite3pid->toArray().empty())
            return Error::invalidParam(
                QStringLiteral("this server does not support third-party invites"));
    }
    request.version = versionId ? events::RoomVersion::find(*versionId) : &defaultVersion;
    if (!request.version)
        return Error{
            ErrorCode::UnsupportedRoomVersion,
            QStringLiteral("this server does not support room version %1").arg(versionId->left(50)),
            {}};
    const QString visibilityValue = visibility.value_or(QStringLiteral("private"));
    if (visibilityValue != QLatin1String("public") && visibilityValue != QLatin1String("private"))
        return Error::invalidParam(QStringLiteral("visibility is public or private"));
    request.publish = visibilityValue == QLatin1String("public");
    // create_room.yaml "preset": by default, public_chat for a public room, else private_chat.
    const auto preset = presetNamed(presetName.value_or(
        request.publish ? QStringLiteral("public_chat") : QStringLiteral("private_chat")));
    if (!preset)
        return Error::invalidParam(
            QStringLiteral("unknown preset %1").arg(presetName.value_or(QString()).left(50)));
    request.preset = *preset;
    request.isDirect = isDirect.value_or(false);
    request.override = override.value_or(json::Object{});
    request.invitees.removeAll(creator); // already joined: an invite would be refused
    return request;
}

/// The default power levels (client-server-api "m.room.power_levels"), adjusted per version.
json::Object defaultPowerLevels(const events::RoomVersion &version, const QList<UserId> &admins)
{
    json::Object events;
    for (const char *type : {"m.room.name", "m.room.canonical_alias", "m.room.avatar",
                             "m.room.topic", "m.room.pinned_events"})
        events.insert(type, json::Value(qint64(50)));
    for (const char *type : {"m.room.power_levels", "m.room.history_visibility",
                             "m.room.server_acl", "m.room.encryption"})
        events.insert(type, json::Value(qint64(100)));
    // create_room.yaml, step 3: from v12 the tombstone must need more than state_default;
    // only the creators' infinite power reaches 150.
    events.insert("m.room.tombstone", json::Value(qint64(version.additionalCreators ? 150 : 100)));
    json::Object users;
    for (const UserId &admin : admins)
        users.insert(json::toUtf8(admin.toString()), json::Value(qint64(100)));
    json::Object notifications;
    notifications.insert("room", json::Value(qint64(50)));
    json::Object content;
    content.insert("users", json::Value(std::move(users)));
    content.insert("users_default", json::Value(qint64(0)));
    content.insert("events", json::Value(std::move(events)));
    content.insert("events_default", json::Value(qint64(0)));
    content.insert("state_default", json::Value(qint64(50)));
    for (const char *key : {"ban", "kick", "redact"})
        content.insert(key, json::Value(qint64(50)));
    content.insert("invite", json::Value(qint64(0)));
    content.insert("notifications", json::Value(std::move(notifications)));
    return content;
}

/// The create event's content: creation_content with room_version and (v1-v10) creator
/// overwritten; in v12 additional_creators, merged with trusted_private_chat's invitees.
Result<json::Object> createContent(const json::Object &body, const Request &request,
                                   const UserId &creator)
{
    auto given = json::optionalObject(body, "creation_content");
    if (!given)
        return given.error();
    json::Object content = given->value_or(json::Object{});
    content.insert("room_version", text(request.version->id));
    if (request.version->creatorInContent)
        content.insert("creator", text(creator.toString()));
    else
        content.remove("creator");
    if (!request.version->additionalCreators)
        return content;
    // A malformed list is the client's error, not a room the server makes.
    auto listed = parseUserList(content, "additional_creators");
    if (!listed)
        return listed.error().prefixed(QStringLiteral("creation_content"));
    QList<UserId> all = *listed;
    for (const UserId &user :
         request.preset.inviteesAreAdmins ? request.invitees : QList<UserId>()) {
        if (!all.contains(user))
            all.append(user);
    }
    all.removeAll(creator);
    content.remove("additional_creators");
    if (!all.isEmpty()) {
        json::Array array;
        for (const UserId &user : std::as_const(all))
            array.push_back(text(user.toString()));
        content.insert("additional_creators", json::Value(std::move(array)));
    }
    return content;
}

/// The power levels: defaults, the preset's admins (v1-v11; v12 made them creators), then
/// the client's override. v12 refuses creators in `users` (rooms/v12 auth rule 10.4).
Result<json::Object> powerLevels(const Request &request, const UserId &creator,
                                 const json::Object &create)
{
    const bool v12 = request.version->additionalCreators;
    QList<UserId> admins;
    if (!v12) {
        admins.append(creator);
        if (request.preset.inviteesAreAdmins)
            admins.append(request.invitees);
    }
    json::Object content = defaultPowerLevels(*request.version, admins);
    for (const auto &[key, value] : request.override)
        content.insert(key, value);
    if (!v12 || !content["users"].isObject())
        return content;
    QStringList creators{creator.toString()};
    for (const json::Value &extra : create["additional_creators"].toArray())
        creators.append(json::toQString(extra.toString()));
    for (const QString &user : std::as_const(creators)) {
        if (content["users"].toObject().contains(json::toUtf8(user)))
            return Error::invalidParam(
                QStringLiteral(
                    "power_level_content_override: a room creator (%1) cannot be listed in users")
                    .arg(user));
    }
    return content;
}

class PlanWriter
{
public:
    PlanWriter(CreateRoomPlan &plan, const UserId &creator, qint64 nowMs)
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

Result<void> addInitialState(const json::Object &body, PlanWriter &writer)
{
    const json::Value *initial = body.find("initial_state");
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
            return (!type  ? type.error()
                    : !key ? key.error()
                           : content.error())
                .prefixed(QStringLiteral("initial_state"));
        // The room's own bootstrap events are the server's to write.
        if (*type == auth::types::create || *type == auth::types::member)
            return Error::invalidParam(
                QStringLiteral("initial_state cannot set %1").arg(type->left(50)));
        writer.state(*type, key->value_or(QString()), *content);
    }
    return {};
}

json::Object topicContent(const QString &topic)
{
    // m.room.topic: `topic`, and since v1.15 the same as `m.topic` text/plain.
    json::Object plain;
    plain.insert("body", text(topic));
    plain.insert("mimetype", json::Value("text/plain"));
    json::Object block;
    block.insert("m.text", json::Value(json::Array{json::Value(std::move(plain))}));
    json::Object content;
    content.insert("topic", text(topic));
    content.insert("m.topic", json::Value(std::move(block)));
    return content;
}

} // namespace

Result<CreateRoomPlan> CreateRoomPlan::parse(const json::Object &body, const UserId &creator,
                                             const ServerName &serverName,
                                             const json::Object &creatorProfile, qint64 nowMs,
                                             const events::RoomVersion &defaultVersion)
{
    auto request = parseRequest(body, creator, defaultVersion);
    if (!request)
        return request.error();
    CreateRoomPlan plan;
    plan.version = request->version;
    plan.publish = request->publish;
    if (plan.version->roomIdFormat == events::RoomIdFormat::WithDomain)
        plan.roomId = LocalEventBuilder::newRoomId(serverName);
    if (request->aliasName) {
        auto alias =
            RoomAlias::parse(QString(u'#' + *request->aliasName + u':' + serverName.toString()));
        if (!alias || request->aliasName->contains(u':') || request->aliasName->isEmpty())
            return Error::invalidParam(
                QStringLiteral("room_alias_name is not a valid alias localpart"));
        plan.alias = *alias;
    }
    auto create = createContent(body, *request, creator);
    if (!create)
        return create.error();
    auto levels = powerLevels(*request, creator, *create);
    if (!levels)
        return levels.error();

    PlanWriter writer(plan, creator, nowMs);
    // 1. the create event; 2. the creator's join; 3. the power levels.
    writer.state(auth::types::create, QString(), *create);
    json::Object join;
    for (const char *key : {"displayname", "avatar_url"}) {
        if (const json::Value *value = creatorProfile.find(key); value && value->isString())
            join.insert(key, *value);
    }
    join.insert("membership", json::Value("join"));
    writer.state(auth::types::member, creator.toString(), std::move(join));
    writer.state(auth::types::powerLevels, QString(), std::move(*levels));
    // 4. the canonical alias; 5. the preset's events.
    if (plan.alias)
        writer.simple(QStringLiteral("m.room.canonical_alias"), "alias", plan.alias->toString());
    writer.simple(auth::types::joinRules, "join_rule", QLatin1String(request->preset.joinRule));
    writer.simple(QStringLiteral("m.room.history_visibility"), "history_visibility",
                  QLatin1String(request->preset.historyVisibility));
    writer.simple(QStringLiteral("m.room.guest_access"), "guest_access",
                  QLatin1String(request->preset.guestAccess));
    // 6. initial_state; 7. name and topic (after it, so they win).
    if (auto added = addInitialState(body, writer); !added)
        return added.error();
    if (request->name)
        writer.simple(QStringLiteral("m.room.name"), "name", *request->name);
    if (request->topic)
        writer.state(QStringLiteral("m.room.topic"), QString(), topicContent(*request->topic));
    // 8. invites.
    for (const UserId &invitee : std::as_const(request->invitees)) {
        json::Object content;
        content.insert("membership", json::Value("invite"));
        if (request->isDirect)
            content.insert("is_direct", json::Value(true));
        writer.state(auth::types::member, invitee.toString(), std::move(content));
    }
    return plan;
}

RoomHead CreateRoomPlan::initialHead() const
{
    return RoomHead{version, roomId, {}, {}};
}

Result<QList<BuiltEvent>> CreateRoomPlan::build(const LocalEventBuilder &builder) const
{
    RoomHead head = initialHead();
    stateres::MapEventProvider known;
    QList<BuiltEvent> built;
    for (const LocalEvent &event : events) {
        auto next = builder.build(head, event, known);
        if (!next)
            return next.error().prefixed(event.type);
        known.add(next->pdu);
        head.advance(*next);
        built.append(std::move(*next));
    }
    return built;
}

} // namespace trellis::rooms
