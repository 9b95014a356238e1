// The Homeserver's actions for the GUI: the owner's rooms list, room dumps for the explorer,
// what the desktop's own composer and room settings do, and the owner's devices. All run on the core thread, reached
// through queued calls; their answers are immutable values in queued signals.
#include "core/server/Homeserver.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"
#include "core/json/Writer.h"
#include "core/server/HomeserverParts.h"

namespace trellis::server {

namespace {
/// The device the desktop program acts as: its messages carry no transaction ID, and clients
/// see them as the owner's, from another device.
const QString kDesktopDevice = QStringLiteral("TRELLIS_DESKTOP");
}

std::optional<services::Session> Homeserver::desktopSession() const
{
    if (!d || !d->accounts->account())
        return std::nullopt;
    return services::Session{d->accounts->account()->userId, kDesktopDevice, {}};
}

std::optional<std::pair<services::Session, RoomId>> Homeserver::ownerInRoom(const QString &action, const QString &roomId)
{
    const auto session = desktopSession();
    auto room = RoomId::parse(roomId);
    if (!session || !room) {
        Q_EMIT roomActionFailed(action, room ? Error::forbidden(QStringLiteral("no account yet")) : room.error());
        return std::nullopt;
    }
    return std::pair{*session, *room};
}

void Homeserver::listRooms()
{
    const auto session = desktopSession();
    if (!session)
        return Q_EMIT roomsListed({});
    auto rooms = d->roomService->roomsOf(session->userId);
    if (!rooms)
        return Q_EMIT roomActionFailed(QStringLiteral("list rooms"), rooms.error());
    QList<api::RoomListEntry> entries;
    entries.reserve(rooms->size());
    for (const services::RoomSummary &room : std::as_const(*rooms)) {
        auto unread = unreadMessages(room.roomId, session->userId);
        if (!unread)
            return Q_EMIT roomActionFailed(QStringLiteral("list rooms"), unread.error());
        entries.append({room.roomId.toString(), room.name, room.topic, room.canonicalAlias, room.joinRule,
                        room.powerLevels, room.version, room.membership, room.joinedMembers,
                        room.roomId.toString().endsWith(u':' + m_options.config.serverName.toString())
                            || !room.roomId.toString().contains(u':'),
                        *unread});
    }
    Q_EMIT roomsListed(entries);
}

Result<int> Homeserver::unreadMessages(const RoomId &room, const UserId &owner)
{
    // Read up to the newer of the owner's m.read and m.read.private receipts, unthreaded or on
    // the main timeline (client-server-api "Receiving notifications", "Threaded read receipts").
    auto receipts = d->clientData->receiptsForRoom(room.toString());
    if (!receipts)
        return receipts.error();
    QList<EventId> read;
    for (const storage::Receipt &receipt : std::as_const(*receipts)) {
        const bool readReceipt = receipt.receiptType == u"m.read" || receipt.receiptType == u"m.read.private";
        const bool mainTimeline = receipt.threadId.isEmpty() || receipt.threadId == u"main";
        if (receipt.userId == owner.toString() && readReceipt && mainTimeline) {
            if (auto id = EventId::parse(receipt.eventId))
                read.append(*id);
        }
    }
    return d->events->unreadMessages(room, owner, read);
}

void Homeserver::dumpRoom(const QString &roomId)
{
    if (!d)
        return;
    auto room = RoomId::parse(roomId);
    if (!room)
        return Q_EMIT roomActionFailed(QStringLiteral("open room"), room.error());
    auto dump = d->roomService->roomDump(*room);
    if (!dump)
        return Q_EMIT roomActionFailed(QStringLiteral("open room"), dump.error());
    Q_EMIT roomDumped(roomId, json::toCanonicalBytes(json::Value(std::move(*dump))));
}

void Homeserver::createRoom(const api::NewRoom &room)
{
    const auto session = desktopSession();
    if (!session)
        return Q_EMIT roomActionFailed(QStringLiteral("create room"), Error::forbidden(QStringLiteral("no account yet")));
    // The same request a client sends (client-server-api "POST /createRoom"), checked alike.
    json::Object request;
    request.insert("preset", json::Value(room.isPublic ? "public_chat" : "private_chat"));
    if (!room.name.trimmed().isEmpty())
        request.insert("name", json::Value(json::toUtf8(room.name.trimmed())));
    if (!room.version.isEmpty())
        request.insert("room_version", json::Value(json::toUtf8(room.version)));
    auto created = d->roomService->createRoom(*session, request);
    if (!created)
        Q_EMIT roomActionFailed(QStringLiteral("create room"), created.error());
}

void Homeserver::joinRoom(const QString &roomIdOrAlias)
{
    const auto session = desktopSession();
    if (!session)
        return Q_EMIT roomActionFailed(QStringLiteral("join"), Error::forbidden(QStringLiteral("no account yet")));
    auto joined = d->roomService->join(*session, roomIdOrAlias.trimmed(), std::nullopt);
    if (!joined)
        return Q_EMIT roomActionFailed(QStringLiteral("join"), joined.error());
    Q_EMIT roomJoined(roomIdOrAlias, joined->toString());
}

void Homeserver::leaveRoom(const QString &roomId)
{
    const auto target = ownerInRoom(QStringLiteral("leave"), roomId);
    if (!target)
        return;
    const auto &[session, room] = *target;
    auto left = d->roomService->changeMembership(session, room, services::MembershipAction::Leave, session.userId, std::nullopt);
    if (!left)
        Q_EMIT roomActionFailed(QStringLiteral("leave"), left.error());
}

void Homeserver::setRoomState(const QString &roomId, const QString &type, const QByteArray &content)
{
    const auto target = ownerInRoom(QStringLiteral("change settings"), roomId);
    if (!target)
        return;
    const auto &[session, room] = *target;
    auto object = json::parseObject(std::string_view(content.constData(), size_t(content.size())));
    if (!object)
        return Q_EMIT roomActionFailed(QStringLiteral("change settings"), object.error());
    auto sent = d->roomService->send(session, room, type, QString(), *object, std::nullopt);
    if (!sent)
        Q_EMIT roomActionFailed(QStringLiteral("change settings"), sent.error());
}

void Homeserver::listDevices()
{
    if (!d)
        return;
    auto devices = d->accounts->devices();
    if (!devices)
        return Q_EMIT roomActionFailed(QStringLiteral("list devices"), devices.error());
    QList<api::DeviceEntry> entries;
    for (const storage::Device &device : std::as_const(*devices))
        entries.append({device.deviceId, device.displayName, device.lastSeenTs.value_or(0), device.lastSeenIp});
    Q_EMIT devicesListed(entries);
}

void Homeserver::sendMessage(const QString &roomId, const QByteArray &content)
{
    const auto target = ownerInRoom(QStringLiteral("send"), roomId);
    if (!target)
        return;
    const auto &[session, room] = *target;
    auto object = json::parseObject(std::string_view(content.constData(), size_t(content.size())));
    if (!object)
        return Q_EMIT roomActionFailed(QStringLiteral("send"), object.error());
    auto sent = d->roomService->send(session, room, QStringLiteral("m.room.message"), std::nullopt, *object, std::nullopt);
    if (!sent)
        Q_EMIT roomActionFailed(QStringLiteral("send"), sent.error());
}

} // namespace trellis::server
