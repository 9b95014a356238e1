// client-server-api "Server-side key backups" (key_backup.yaml). The backups are opaque to
// the server: auth_data and session_data are stored as the client sent them.
#include "core/clientapi/KeyBackupEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/storage/KeyBackupStore.h"

namespace trellis::clientapi {

namespace {

/// Many keys travel in one PUT /room_keys/keys when a client backs up its history.
constexpr qsizetype kMaxKeysBody = 16 * 1024 * 1024;
constexpr qsizetype kMaxVersionBody = 64 * 1024;

Error unknownVersion()
{
    return Error::notFound(QStringLiteral("Unknown backup version"));
}

json::Value versionText(qint64 version)
{
    return json::Value(std::to_string(version));
}

/// A version as this server writes it (a decimal number); nullopt for anything else, which
/// can name no backup here.
std::optional<qint64> parseVersion(const QString &text)
{
    bool ok = false;
    const qint64 version = text.toLongLong(&ok);
    if (!ok || version <= 0 || text != QString::number(version))
        return std::nullopt;
    return version;
}

json::Object versionInfo(const storage::KeyBackupVersion &info)
{
    json::Object body;
    body.insert("algorithm", jsonText(info.algorithm));
    body.insert("auth_data", json::Value(objectFromBytes(info.authData)));
    body.insert("count", json::Value(info.count));
    body.insert("etag", json::Value(std::to_string(info.etag)));
    body.insert("version", versionText(info.version));
    return body;
}

/// The RoomKeysUpdateResponse: the version's etag and key count after a change.
void replyUpdated(ClientApiServices &services, qint64 version, const ApiResponder &reply)
{
    auto info = services.keyBackups.version(version);
    if (failed(info, reply))
        return;
    if (!*info) {
        reply.fail(unknownVersion());
        return;
    }
    json::Object body;
    body.insert("count", json::Value((*info)->count));
    body.insert("etag", json::Value(std::to_string((*info)->etag)));
    reply.ok(body);
}

/// The backup version `text` names, if it exists (answered otherwise: M_NOT_FOUND).
std::optional<storage::KeyBackupVersion> knownVersion(ClientApiServices &services,
                                                      const QString &text, const ApiResponder &reply)
{
    const auto version = parseVersion(text);
    auto info = version ? services.keyBackups.version(*version)
                        : Result<std::optional<storage::KeyBackupVersion>>(std::nullopt);
    if (failed(info, reply))
        return std::nullopt;
    if (!*info)
        reply.fail(unknownVersion());
    return *info;
}

/// The `version` query parameter of /room_keys/keys; null (answered: M_MISSING_PARAM) without.
QString versionQuery(const ApiRequest &request, const ApiResponder &reply)
{
    const QString text = request.http.query(QStringLiteral("version"));
    if (text.isNull())
        reply.fail(Error::missingParam(QStringLiteral("the version query parameter is required")));
    return text;
}

/// The backup a /room_keys/keys request names in its `version` query parameter, if it exists
/// (answered otherwise: M_MISSING_PARAM without one, M_NOT_FOUND for an unknown one).
std::optional<qint64> existingVersion(ClientApiServices &services, const ApiRequest &request,
                                      const ApiResponder &reply)
{
    const QString text = versionQuery(request, reply);
    if (text.isNull())
        return std::nullopt;
    const auto info = knownVersion(services, text, reply);
    return info ? std::optional<qint64>(info->version) : std::nullopt;
}

/// The version keys may be written to: the named one, if it is the current backup. Otherwise
/// M_NOT_FOUND when there is no backup at all, and M_WRONG_ROOM_KEYS_VERSION (403, with
/// current_version) when it is not the current one.
std::optional<qint64> writableVersion(ClientApiServices &services, const ApiRequest &request,
                                      const ApiResponder &reply)
{
    const QString text = versionQuery(request, reply);
    if (text.isNull())
        return std::nullopt;
    auto current = services.keyBackups.currentVersion();
    if (failed(current, reply))
        return std::nullopt;
    if (!*current) {
        reply.fail(unknownVersion());
        return std::nullopt;
    }
    const auto version = parseVersion(text);
    if (version != (*current)->version) {
        json::Object body;
        body.insert("errcode", json::Value("M_WRONG_ROOM_KEYS_VERSION"));
        body.insert("error", json::Value("Wrong backup version."));
        body.insert("current_version", versionText((*current)->version));
        reply.json(403, body);
        return std::nullopt;
    }
    return version;
}

/// The path's room and session (empty where the route has none); false (answered) when the
/// room ID is malformed.
bool selectionOf(const ApiRequest &request, const ApiResponder &reply,
                 storage::KeySelection &selection)
{
    if (request.params.contains(QStringLiteral("roomId"))) {
        const auto room = roomOf(request, reply);
        if (!room)
            return false;
        selection.roomId = room->toString();
    }
    selection.sessionId = request.param(QStringLiteral("sessionId"));
    return true;
}

// --- versions ---

void createVersion(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, kMaxVersionBody);
    if (!body)
        return;
    auto algorithm = json::requiredString(*body, "algorithm");
    auto authData = json::requiredObject(*body, "auth_data");
    if (failed(algorithm, reply) || failed(authData, reply))
        return;
    auto version = services.keyBackups.createVersion(*algorithm, canonicalBytes(*authData));
    if (failed(version, reply))
        return;
    json::Object answer;
    answer.insert("version", versionText(*version));
    reply.ok(answer);
}

void getCurrentVersion(ClientApiServices &services, ApiRequest &, const ApiResponder &reply)
{
    auto current = services.keyBackups.currentVersion();
    if (failed(current, reply))
        return;
    if (!*current) {
        reply.fail(Error::notFound(QStringLiteral("No current backup version")));
        return;
    }
    reply.ok(versionInfo(**current));
}

void getVersion(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (const auto info = knownVersion(services, request.param(QStringLiteral("version")), reply))
        reply.ok(versionInfo(*info));
}

void updateVersion(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const QString path = request.param(QStringLiteral("version"));
    const auto body = bodyOrFail(request, reply, kMaxVersionBody);
    if (!body)
        return;
    auto algorithm = json::requiredString(*body, "algorithm");
    auto authData = json::requiredObject(*body, "auth_data");
    auto named = json::optionalString(*body, "version");
    if (failed(algorithm, reply) || failed(authData, reply) || failed(named, reply))
        return;
    if (*named && **named != path) {
        reply.fail(Error::invalidParam(QStringLiteral("version in body does not match the path")));
        return;
    }
    const auto info = knownVersion(services, path, reply);
    if (!info)
        return;
    // Only auth_data may change (key_backup.yaml, PUT /room_keys/version/{version}).
    if (*algorithm != info->algorithm) {
        reply.fail(Error::invalidParam(QStringLiteral("Algorithm does not match")));
        return;
    }
    if (failed(services.keyBackups.setAuthData(info->version, canonicalBytes(*authData)), reply))
        return;
    reply.ok({});
}

void deleteVersion(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto version = parseVersion(request.param(QStringLiteral("version")));
    auto existed = version ? services.keyBackups.deleteVersion(*version) : Result<bool>(false);
    if (failed(existed, reply))
        return;
    if (!*existed) {
        reply.fail(unknownVersion());
        return;
    }
    reply.ok({});
}

// --- keys ---

/// One KeyBackupData object (definitions/key_backup_data.yaml), every field required.
Result<storage::BackedUpKey> parseKey(const QString &roomId, const QString &sessionId,
                                      const json::Value &value)
{
    const json::Object *object = value.asObject();
    if (!object)
        return Error::badJson(
            QStringLiteral("session '%1' must be an object").arg(sessionId.left(100)));
    storage::BackedUpKey key;
    key.roomId = roomId;
    key.sessionId = sessionId;
    const json::Value *index = object->find("first_message_index");
    const json::Value *forwarded = object->find("forwarded_count");
    const json::Value *verified = object->find("is_verified");
    auto data = json::requiredObject(*object, "session_data");
    if (!index || !forwarded || !verified)
        return Error::missingParam(
            QStringLiteral("first_message_index, forwarded_count and is_verified are required"));
    if (!index->isInteger() || !forwarded->isInteger() || !verified->isBool())
        return Error::badJson(QStringLiteral(
            "first_message_index and forwarded_count must be integers, is_verified a boolean"));
    if (!data)
        return data.error();
    key.firstMessageIndex = index->toInteger();
    key.forwardedCount = forwarded->toInteger();
    key.isVerified = verified->toBool();
    key.sessionData = canonicalBytes(*data);
    return key;
}

/// A room's {"sessions": {sessionId: KeyBackupData}} (definitions/room_key_backup.yaml).
Result<void> parseRoom(const QString &roomId, const json::Object &room,
                       QList<storage::BackedUpKey> &keys)
{
    auto sessions = json::requiredObject(room, "sessions");
    if (!sessions)
        return sessions.error();
    for (const auto &[sessionId, value] : *sessions) {
        auto key = parseKey(roomId, json::toQString(sessionId), value);
        if (!key)
            return key.error();
        keys.append(std::move(*key));
    }
    return {};
}

/// PUT /room_keys/keys, /keys/{roomId} and /keys/{roomId}/{sessionId}: the body is all rooms,
/// one room's sessions, or one session's key.
Result<QList<storage::BackedUpKey>> parseUpload(const storage::KeySelection &selection,
                                                const json::Object &body)
{
    QList<storage::BackedUpKey> keys;
    if (!selection.sessionId.isEmpty()) {
        auto key = parseKey(selection.roomId, selection.sessionId, json::Value(body));
        if (!key)
            return key.error();
        keys.append(std::move(*key));
        return keys;
    }
    if (!selection.roomId.isEmpty()) {
        if (auto parsed = parseRoom(selection.roomId, body, keys); !parsed)
            return parsed.error();
        return keys;
    }
    auto rooms = json::requiredObject(body, "rooms");
    if (!rooms)
        return rooms.error();
    for (const auto &[roomText, value] : *rooms) {
        auto room = RoomId::parse(json::toQString(roomText));
        if (!room)
            return room.error();
        if (!value.isObject())
            return Error::badJson(QStringLiteral("each room must be an object"));
        if (auto parsed = parseRoom(room->toString(), value.toObject(), keys); !parsed)
            return parsed.error();
    }
    return keys;
}

void putKeys(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    storage::KeySelection selection;
    if (!selectionOf(request, reply, selection))
        return;
    const auto body = bodyOrFail(request, reply, kMaxKeysBody);
    if (!body)
        return;
    auto keys = parseUpload(selection, *body);
    if (failed(keys, reply))
        return;
    const auto version = writableVersion(services, request, reply);
    if (!version)
        return;
    if (failed(services.keyBackups.putKeys(*version, *keys), reply))
        return;
    replyUpdated(services, *version, reply);
}

json::Object sessionsObject(const QList<storage::BackedUpKey> &keys, qsizetype &at,
                            const QString &roomId)
{
    json::Object sessions;
    for (; at < keys.size() && keys[at].roomId == roomId; ++at) {
        const storage::BackedUpKey &key = keys[at];
        json::Object data;
        data.insert("first_message_index", json::Value(key.firstMessageIndex));
        data.insert("forwarded_count", json::Value(key.forwardedCount));
        data.insert("is_verified", json::Value(key.isVerified));
        data.insert("session_data", json::Value(objectFromBytes(key.sessionData)));
        sessions.insert(json::toUtf8(key.sessionId), json::Value(std::move(data)));
    }
    return sessions;
}

void getKeys(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    storage::KeySelection selection;
    if (!selectionOf(request, reply, selection))
        return;
    const auto version = existingVersion(services, request, reply);
    if (!version)
        return;
    auto keys = services.keyBackups.keys(*version, selection);
    if (failed(keys, reply))
        return;
    qsizetype at = 0;
    if (!selection.sessionId.isEmpty()) {
        if (keys->isEmpty()) {
            reply.fail(Error::notFound(QStringLiteral("Key not found.")));
            return;
        }
        json::Object sessions = sessionsObject(*keys, at, selection.roomId);
        reply.ok(sessions.begin()->value.toObject());
        return;
    }
    if (!selection.roomId.isEmpty()) {
        json::Object room;
        room.insert("sessions", json::Value(sessionsObject(*keys, at, selection.roomId)));
        reply.ok(room);
        return;
    }
    json::Object rooms;
    while (at < keys->size()) {
        const QString roomId = (*keys)[at].roomId;
        json::Object room;
        room.insert("sessions", json::Value(sessionsObject(*keys, at, roomId)));
        rooms.insert(json::toUtf8(roomId), json::Value(std::move(room)));
    }
    json::Object answer;
    answer.insert("rooms", json::Value(std::move(rooms)));
    reply.ok(answer);
}

void deleteKeys(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    storage::KeySelection selection;
    if (!selectionOf(request, reply, selection))
        return;
    const auto version = existingVersion(services, request, reply);
    if (!version)
        return;
    if (failed(services.keyBackups.deleteKeys(*version, selection), reply))
        return;
    replyUpdated(services, *version, reply);
}

} // namespace

void registerKeyBackupEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) {
        return bindEndpoint(services, handler);
    };
    const auto required = Router::Auth::Required;
    router.add("POST", Router::client(u"/room_keys/version"), required, bind(createVersion));
    router.add("GET", Router::client(u"/room_keys/version"), required, bind(getCurrentVersion));
    router.add("GET", Router::client(u"/room_keys/version/{version}"), required, bind(getVersion));
    router.add("PUT", Router::client(u"/room_keys/version/{version}"), required,
               bind(updateVersion));
    router.add("DELETE", Router::client(u"/room_keys/version/{version}"), required,
               bind(deleteVersion));
    for (const QStringView pattern : {u"/room_keys/keys", u"/room_keys/keys/{roomId}",
                                      u"/room_keys/keys/{roomId}/{sessionId}"}) {
        router.add("PUT", Router::client(pattern), required, bind(putKeys));
        router.add("GET", Router::client(pattern), required, bind(getKeys));
        router.add("DELETE", Router::client(pattern), required, bind(deleteKeys));
    }
}

} // namespace trellis::clientapi
