// The server's own events in local rooms, for every room version: createRoom plans with each
// preset, messages, topic, membership changes and redactions built by LocalEventBuilder must
// parse, verify with the server's key, pass the auth rules, and replay (RoomReplay) to the same
// state with no rejection; refused events are M_FORBIDDEN / M_TOO_LARGE / M_BAD_JSON.
#include "LocalRoom.h"

#include "core/auth/EventTypes.h"
#include "core/rooms/MembershipEvents.h"

using namespace trellis;
using namespace trellis::rooms;
using namespace testrooms;

namespace {

const events::RoomVersion &versionNamed(int number)
{
    return *events::RoomVersion::find(QString::number(number));
}

void addVersionColumn()
{
    QTest::addColumn<int>("version");
    for (const events::RoomVersion *version : events::RoomVersion::all())
        QTest::addRow("v%s", qPrintable(version->id)) << version->number;
}

/// The power levels content now, with `user` set to `level`.
json::Object powerLevelsWith(const LocalRoom &room, const UserId &user, qint64 level)
{
    json::Object content = room.stateEvent(auth::types::powerLevels)->content();
    json::Object users = content["users"].toObject();
    users.insert(json::toUtf8(user.toString()), json::Value(level));
    content.insert("users", json::Value(std::move(users)));
    return content;
}

} // namespace

class TestLocalRooms : public QObject
{
    Q_OBJECT

private:
    /// Every event parses again, verifies with the server's key, and a replay of the DAG
    /// rejects nothing and ends in the state the engine tracked.
    void checkRoom(const LocalRoom &room)
    {
        crypto::StaticKeyRing keys;
        keys.add(kServer.toString(), m_builder->verifyKey());
        for (const events::Pdu &pdu : std::as_const(room.order)) {
            QVERIFY(events::Pdu::parse(pdu.json(), *room.version));
            const auto check = events::verifyEvent(pdu.json(), *room.version, keys);
            QVERIFY2(check.verdict == events::EventVerdict::Valid,
                     qPrintable(pdu.type() + u": " + check.detail));
        }
        room::RoomReplay replay(*room.version);
        QVERIFY(replay.run(room.order));
        for (const events::Pdu &pdu : std::as_const(room.order)) {
            const auto *outcome = replay.outcome(pdu.eventId());
            QVERIFY(outcome);
            QVERIFY2(outcome->rejection == stateres::Rejection::None,
                     qPrintable(pdu.type() + u": " + outcome->verdict.reason));
        }
        auto current = replay.currentState();
        QVERIFY(current);
        QCOMPARE(*current, room.state());
    }

    std::optional<LocalEventBuilder> m_builder;

private Q_SLOTS:
    void initTestCase();
    void lifecycle_data();
    void lifecycle();
    void createPlanOrder_data() { addVersionColumn(); }
    void createPlanOrder();
    void refusals_data() { addVersionColumn(); }
    void refusals();
    void sizeLimits();
    void engineMisuse();
    void badCreateRoomBodies_data();
    void badCreateRoomBodies();
    void v12Creators();
    void membershipContents();
};

void TestLocalRooms::initTestCase()
{
    m_builder.emplace(kServer, *crypto::SigningKey::generate(QStringLiteral("a1")));
}

void TestLocalRooms::lifecycle_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("body");
    for (const events::RoomVersion *version : events::RoomVersion::all()) {
        for (const char *preset : {"private_chat", "public_chat", "trusted_private_chat"}) {
            const QByteArray body =
                QByteArray(R"({"preset":")") + preset +
                R"(","name":"Room","topic":"first","room_alias_name":"room","invite":["@friend:remote.test"],"initial_state":[{"type":"m.room.encryption","content":{"algorithm":"m.megolm.v1.aes-sha2"}}]})";
            QTest::addRow("v%s %s", qPrintable(version->id), preset) << version->number << body;
        }
    }
}

void TestLocalRooms::lifecycle()
{
    QFETCH(int, version);
    QFETCH(QByteArray, body);
    const events::RoomVersion &roomVersion = versionNamed(version);
    auto created = createRoom(*m_builder, roomVersion, body.toStdString());
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    LocalRoom &room = *created;
    // rooms/v12: the room ID is the create event's ID with the sigil `!`.
    if (roomVersion.roomIdFormat == events::RoomIdFormat::CreateEventHash) {
        QCOMPARE(room.roomId->toString(), u'!' + room.order.first().eventId().toString().mid(1));
        QVERIFY(!room.order.first().json().contains("room_id"));
    } else {
        QVERIFY(room.roomId->toString().endsWith(u":trellis.test"));
    }
    for (const events::Pdu &pdu : std::as_const(room.order))
        QCOMPARE(pdu.roomId(), *room.roomId);

    // Messages, a topic change, a kick, ban and unban of the invited friend, a redaction.
    auto first = room.send(*m_builder, message(kOwner, "hello"));
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QVERIFY(first->verdict.allowed());
    QVERIFY(room.send(*m_builder, stateEvent(kOwner, "m.room.topic", R"({"topic":"second"})")));
    const auto kick =
        room.send(*m_builder, kickEvent(kOwner, kRemote, QStringLiteral("bye"), kNow + 3000));
    if (body.contains("trusted_private_chat")) {
        // The invitee has the creator's power (a co-creator in v12): they cannot be kicked.
        QVERIFY(!kick);
        QCOMPARE(errcodeOf(kick), QStringLiteral("M_FORBIDDEN"));
    } else {
        QVERIFY2(kick, kick ? "" : qPrintable(kick.error().message));
        QVERIFY(room.send(*m_builder, banEvent(kOwner, kRemote, std::nullopt, kNow + 4000)));
        QVERIFY(room.send(*m_builder, unbanEvent(kOwner, kRemote, std::nullopt, kNow + 5000)));
        QVERIFY(
            room.send(*m_builder, inviteEvent(kOwner, kRemote, std::nullopt, true, kNow + 5500)));
    }
    auto redaction = room.send(*m_builder, redactionEvent(kOwner, first->pdu.eventId(),
                                                          QStringLiteral("oops"), kNow + 6000));
    QVERIFY2(redaction, redaction ? "" : qPrintable(redaction.error().message));
    QCOMPARE(redaction->pdu.redacts(), std::optional<EventId>(first->pdu.eventId()));
    // v1-v10: top-level `redacts`; v11+: in the content.
    QCOMPARE(redaction->pdu.json().contains("redacts"), !roomVersion.redactsInContent);
    QCOMPARE(redaction->pdu.content().contains("redacts"), roomVersion.redactsInContent);
    checkRoom(room);
}

void TestLocalRooms::createPlanOrder()
{
    QFETCH(int, version);
    const events::RoomVersion &roomVersion = versionNamed(version);
    json::Object request = object(
        std::string(R"({"preset":"public_chat","visibility":"public","room_alias_name":"lobby",)") +
        R"("name":"N","topic":"T","invite":["@friend:remote.test","@owner:trellis.test"],"is_direct":true,)" +
        R"("creation_content":{"m.federate":false,"creator":"@mallory:evil.test"},)" +
        R"("initial_state":[{"type":"m.room.name","content":{"name":"overridden"}}],)" +
        R"("power_level_content_override":{"events_default":10}})");
    request.insert("room_version", json::Value(json::toUtf8(roomVersion.id)));
    auto plan = CreateRoomPlan::parse(request, kOwner, kServer,
                                      object(R"({"displayname":"O","extra":1})"), kNow);
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
    QVERIFY(plan->publish);
    QCOMPARE(plan->alias->toString(), QStringLiteral("#lobby:trellis.test"));
    QCOMPARE(plan->roomId.has_value(),
             roomVersion.roomIdFormat == events::RoomIdFormat::WithDomain);
    QStringList types;
    for (const LocalEvent &event : std::as_const(plan->events))
        types.append(event.type + u'/' + event.stateKey.value_or(QString()));
    QCOMPARE(
        types,
        (QStringList{
            QStringLiteral("m.room.create/"), QStringLiteral("m.room.member/@owner:trellis.test"),
            QStringLiteral("m.room.power_levels/"), QStringLiteral("m.room.canonical_alias/"),
            QStringLiteral("m.room.join_rules/"), QStringLiteral("m.room.history_visibility/"),
            QStringLiteral("m.room.guest_access/"), QStringLiteral("m.room.name/"),
            QStringLiteral("m.room.name/"), QStringLiteral("m.room.topic/"),
            QStringLiteral("m.room.member/@friend:remote.test")}));
    const json::Object &create = plan->events[0].content;
    QCOMPARE(create["room_version"].toString(), json::toUtf8(roomVersion.id));
    QCOMPARE(create["m.federate"].isBool(), true);
    // The server overwrites `creator` (v1-v10) or drops it (v11+: the sender is the creator).
    QCOMPARE(create.contains("creator"), roomVersion.creatorInContent);
    if (roomVersion.creatorInContent)
        QCOMPARE(create["creator"].toString(), std::string("@owner:trellis.test"));
    QCOMPARE(plan->events[1].content, object(R"({"displayname":"O","membership":"join"})"));
    const json::Object &levels = plan->events[2].content;
    QCOMPARE(levels["events_default"].toInteger(), 10);
    QCOMPARE(levels["users"].toObject().contains("@owner:trellis.test"),
             !roomVersion.additionalCreators);
    QCOMPARE(plan->events.last().content, object(R"({"is_direct":true,"membership":"invite"})"));

    auto built = plan->build(*m_builder);
    QVERIFY2(built, built ? "" : qPrintable(built.error().message));
    QCOMPARE(built->size(), plan->events.size());
    const stateres::StateSet &state = built->last().stateAfter;
    QCOMPARE(state.value(auth::StateKey(QStringLiteral("m.room.name"), QString())),
             built->at(8).pdu.eventId());
    if (plan->roomId)
        QCOMPARE(built->first().pdu.roomId(), *plan->roomId);
}

void TestLocalRooms::refusals()
{
    QFETCH(int, version);
    auto created = createRoom(*m_builder, versionNamed(version), R"({"preset":"private_chat"})");
    QVERIFY(created);
    LocalRoom &room = *created;
    // Someone who is not in the room cannot speak in it, nor join a private room uninvited.
    auto stranger = room.send(*m_builder, message(kHelper, "let me in"));
    QVERIFY(!stranger);
    QCOMPARE(errcodeOf(stranger), QStringLiteral("M_FORBIDDEN"));
    QVERIFY(!stranger.error().message.isEmpty());
    auto uninvited = room.send(*m_builder, joinEvent(kHelper, {}, std::nullopt, kNow + 1000));
    QCOMPARE(errcodeOf(uninvited), QStringLiteral("M_FORBIDDEN"));
    // This server signs for its own users only.
    auto remote = room.send(*m_builder, message(kRemote, "hi"));
    QCOMPARE(errcodeOf(remote), QStringLiteral("M_FORBIDDEN"));

    // Invited, joined, promoted: the helper may set the topic; demoted, no longer.
    QVERIFY(room.send(*m_builder, inviteEvent(kOwner, kHelper, std::nullopt, false, kNow + 2000)));
    QVERIFY(room.send(*m_builder, joinEvent(kHelper, object(R"({"displayname":"Helper"})"),
                                            std::nullopt, kNow + 3000)));
    QVERIFY(room.send(*m_builder, {auth::types::powerLevels, kOwner, QString(),
                                   powerLevelsWith(room, kHelper, 50), std::nullopt, kNow + 4000}));
    QVERIFY(room.send(*m_builder,
                      stateEvent(kHelper, "m.room.topic", R"({"topic":"mine"})", kNow + 5000)));
    QVERIFY(room.send(*m_builder, {auth::types::powerLevels, kOwner, QString(),
                                   powerLevelsWith(room, kHelper, 0), std::nullopt, kNow + 6000}));
    const EventId before = room.extremities.keys().first();
    auto demoted = room.send(
        *m_builder, stateEvent(kHelper, "m.room.topic", R"({"topic":"again"})", kNow + 7000));
    QVERIFY(!demoted);
    QCOMPARE(errcodeOf(demoted), QStringLiteral("M_FORBIDDEN"));
    // Nothing was emitted.
    QCOMPARE(room.extremities.keys(), QList<EventId>{before});
    // The helper can still talk, and cannot redact the owner's message (redact level 50)...
    auto said = room.send(*m_builder, message(kOwner, "rules"));
    QVERIFY(said);
    QVERIFY(room.send(*m_builder, message(kHelper, "ok")));
    auto redaction = room.send(
        *m_builder, redactionEvent(kHelper, said->pdu.eventId(), std::nullopt, kNow + 8000));
    // (v1-v2's auth rule would let it pass, the event IDs share a domain; v3+ receivers would
    // ignore it), but can redact their own.
    QCOMPARE(errcodeOf(redaction), QStringLiteral("M_FORBIDDEN"));
    auto own = room.send(*m_builder, message(kHelper, "typo"));
    QVERIFY(own);
    QVERIFY(room.send(*m_builder,
                      redactionEvent(kHelper, own->pdu.eventId(), std::nullopt, kNow + 8500)));
    QVERIFY(room.send(*m_builder, leaveEvent(kHelper, QStringLiteral("bye"), kNow + 9000)));
    QCOMPARE(errcodeOf(room.send(*m_builder, message(kHelper, "still here?"))),
             QStringLiteral("M_FORBIDDEN"));
    checkRoom(room);
}

void TestLocalRooms::sizeLimits()
{
    auto created = createRoom(*m_builder, events::RoomVersion::defaultVersion(), R"({})");
    QVERIFY(created);
    LocalRoom &room = *created;
    json::Object content;
    content.insert("body", json::Value(std::string(70000, 'x')));
    auto large = room.send(*m_builder, {QStringLiteral("m.room.message"), kOwner, std::nullopt,
                                        content, std::nullopt, kNow});
    QCOMPARE(errcodeOf(large), QStringLiteral("M_TOO_LARGE"));
    // Just under the limit is fine.
    content.insert("body", json::Value(std::string(60000, 'x')));
    QVERIFY(room.send(*m_builder, {QStringLiteral("m.room.message"), kOwner, std::nullopt, content,
                                   std::nullopt, kNow}));
    auto longType =
        room.send(*m_builder, {QString(256, u't'), kOwner, std::nullopt, {}, std::nullopt, kNow});
    QCOMPARE(errcodeOf(longType), QStringLiteral("M_BAD_JSON"));
    auto longKey =
        room.send(*m_builder,
                  {QStringLiteral("m.custom"), kOwner, QString(256, u'k'), {}, std::nullopt, kNow});
    QCOMPARE(errcodeOf(longKey), QStringLiteral("M_BAD_JSON"));
    auto okKey =
        room.send(*m_builder,
                  {QStringLiteral("m.custom"), kOwner, QString(255, u'k'), {}, std::nullopt, kNow});
    QVERIFY2(okKey, okKey ? "" : qPrintable(okKey.error().message));
    // From v6, only integers in the canonical range; v1-v5 take what a client wrote.
    json::ReadOptions lenient;
    lenient.numbers = json::NumberPolicy::Lenient;
    const json::Object floaty = *json::parseObject(R"({"body":"x","n":[1.5]})", lenient);
    QCOMPARE(errcodeOf(room.send(*m_builder, {QStringLiteral("m.room.message"), kOwner,
                                              std::nullopt, floaty, std::nullopt, kNow})),
             QStringLiteral("M_BAD_JSON"));
    json::Object huge;
    huge.insert("n", json::Value(json::kMaxCanonicalInteger + 1));
    QCOMPARE(errcodeOf(room.send(*m_builder, {QStringLiteral("m.room.message"), kOwner,
                                              std::nullopt, huge, std::nullopt, kNow})),
             QStringLiteral("M_BAD_JSON"));
    auto v5 = createRoom(*m_builder, versionNamed(5), R"({})");
    QVERIFY(v5);
    QVERIFY(v5->send(*m_builder, {QStringLiteral("m.room.message"), kOwner, std::nullopt, floaty,
                                  std::nullopt, kNow}));
    // A second create event is the client's mistake.
    QCOMPARE(errcodeOf(room.send(*m_builder,
                                 stateEvent(kOwner, "m.room.create", R"({"room_version":"12"})"))),
             QStringLiteral("M_FORBIDDEN"));
    // A room name the plan makes too large fails the whole plan.
    auto plan = CreateRoomPlan::parse(object(R"({"name":")" + std::string(70000, 'n') + "\"}"),
                                      kOwner, kServer, {}, kNow);
    QVERIFY(plan);
    QCOMPARE(errcodeOf(plan->build(*m_builder)), QStringLiteral("M_TOO_LARGE"));
    checkRoom(room);
}

void TestLocalRooms::engineMisuse()
{
    auto created = createRoom(*m_builder, versionNamed(12), R"({})");
    QVERIFY(created);
    RoomHead head = *created->head();
    // A v12 event without its room ID, a head without prev events, too many prev events.
    RoomHead noRoom = head;
    noRoom.roomId.reset();
    QVERIFY(!m_builder->build(noRoom, message(kOwner, "x"), created->events));
    RoomHead noPrev = head;
    noPrev.prevEvents.clear();
    QVERIFY(!m_builder->build(noPrev, message(kOwner, "x"), created->events));
    RoomHead unknownPrev = head;
    unknownPrev.prevEvents = {*EventId::parse(u"$unknown")};
    QVERIFY(!m_builder->build(unknownPrev, message(kOwner, "x"), created->events));
    RoomHead many = head;
    many.prevEvents =
        QList<EventId>(LocalEventBuilder::kMaxPrevEvents + 1, head.prevEvents.first());
    QVERIFY(!m_builder->build(many, message(kOwner, "x"), created->events));
    QVERIFY(m_builder->build(head, message(kOwner, "x"), created->events));
}

void TestLocalRooms::badCreateRoomBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errcode");
    QTest::newRow("name type") << QByteArray(R"({"name":5})") << "M_BAD_JSON";
    QTest::newRow("topic type") << QByteArray(R"({"topic":{}})") << "M_BAD_JSON";
    QTest::newRow("is_direct type") << QByteArray(R"({"is_direct":"yes"})") << "M_BAD_JSON";
    QTest::newRow("preset") << QByteArray(R"({"preset":"party"})") << "M_INVALID_PARAM";
    QTest::newRow("preset type") << QByteArray(R"({"preset":1})") << "M_BAD_JSON";
    QTest::newRow("visibility") << QByteArray(R"({"visibility":"secret"})") << "M_INVALID_PARAM";
    QTest::newRow("version") << QByteArray(R"({"room_version":"99"})")
                             << "M_UNSUPPORTED_ROOM_VERSION";
    QTest::newRow("version type") << QByteArray(R"({"room_version":12})") << "M_BAD_JSON";
    QTest::newRow("invitee") << QByteArray(R"({"invite":["not a user"]})") << "M_INVALID_PARAM";
    QTest::newRow("invite type") << QByteArray(R"({"invite":"@a:b"})") << "M_BAD_JSON";
    QTest::newRow("invite entry type") << QByteArray(R"({"invite":[1]})") << "M_BAD_JSON";
    QTest::newRow("invite_3pid") << QByteArray(R"({"invite_3pid":[{"medium":"email"}]})")
                                 << "M_INVALID_PARAM";
    QTest::newRow("invite_3pid type") << QByteArray(R"({"invite_3pid":5})") << "M_BAD_JSON";
    QTest::newRow("alias") << QByteArray(R"({"room_alias_name":"a:b"})") << "M_INVALID_PARAM";
    QTest::newRow("empty alias") << QByteArray(R"({"room_alias_name":""})") << "M_INVALID_PARAM";
    QTest::newRow("initial_state type") << QByteArray(R"({"initial_state":{}})") << "M_BAD_JSON";
    QTest::newRow("initial_state entry")
        << QByteArray(R"({"initial_state":[{"type":"m.room.name"}]})") << "M_MISSING_PARAM";
    QTest::newRow("initial_state scalar") << QByteArray(R"({"initial_state":[3]})") << "M_BAD_JSON";
    QTest::newRow("initial_state create")
        << QByteArray(R"({"initial_state":[{"type":"m.room.create","content":{}}]})")
        << "M_INVALID_PARAM";
    QTest::newRow("initial_state member")
        << QByteArray(
               R"({"initial_state":[{"type":"m.room.member","state_key":"@x:y","content":{}}]})")
        << "M_INVALID_PARAM";
    QTest::newRow("override") << QByteArray(R"({"power_level_content_override":[]})")
                              << "M_BAD_JSON";
    QTest::newRow("override creator v12")
        << QByteArray(R"({"power_level_content_override":{"users":{"@owner:trellis.test":100}}})")
        << "M_INVALID_PARAM";
    QTest::newRow("creation_content") << QByteArray(R"({"creation_content":"x"})") << "M_BAD_JSON";
    QTest::newRow("additional_creators")
        << QByteArray(R"({"creation_content":{"additional_creators":["nope"]}})")
        << "M_INVALID_PARAM";
    QTest::newRow("additional_creators type")
        << QByteArray(R"({"creation_content":{"additional_creators":"@a:b"}})") << "M_BAD_JSON";
}

void TestLocalRooms::badCreateRoomBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errcode);
    auto plan = CreateRoomPlan::parse(object(body.toStdString()), kOwner, kServer, {}, 0);
    QVERIFY(!plan);
    QCOMPARE(errcodeOf(plan), errcode);
}

void TestLocalRooms::v12Creators()
{
    // trusted_private_chat in v12: invitees become additional creators (deduplicated with
    // creation_content's), and nobody is listed in the power levels' users (create_room.yaml).
    auto created = createRoom(
        *m_builder, versionNamed(12),
        std::string(R"({"preset":"trusted_private_chat","invite":["@friend:remote.test"],)") +
            R"("creation_content":{"additional_creators":["@friend:remote.test","@other:remote.test"]}})");
    QVERIFY(created);
    const events::Pdu &createEvent = created->order.first();
    QCOMPARE(createEvent.content()["additional_creators"].toArray(),
             object(R"({"a":["@friend:remote.test","@other:remote.test"]})")["a"].toArray());
    QVERIFY(!createEvent.content().contains("creator"));
    const events::Pdu *powerLevels = created->stateEvent(auth::types::powerLevels);
    QVERIFY(powerLevels);
    QVERIFY(powerLevels->content()["users"].toObject().isEmpty());
    QCOMPARE(powerLevels->content()["events"].toObject()["m.room.tombstone"].toInteger(), 150);
    // Up to v11 the invitees are admins instead.
    auto v11 = createRoom(*m_builder, versionNamed(11),
                          R"({"preset":"trusted_private_chat","invite":["@friend:remote.test"]})");
    QVERIFY(v11);
    QCOMPARE(v11->stateEvent(auth::types::powerLevels)->content()["users"].toObject(),
             object(R"({"@friend:remote.test":100,"@owner:trellis.test":100})"));
    QVERIFY(!v11->order.first().content().contains("additional_creators"));
}

void TestLocalRooms::membershipContents()
{
    const json::Object profile = object(
        "{\"displayname\":\"Me\",\"avatar_url\":\"mxc:\\/\\/a\\/b\",\"presence\":\"online\"}");
    QCOMPARE(
        joinEvent(kOwner, profile, QString(), kNow).content,
        object(
            "{\"avatar_url\":\"mxc:\\/\\/a\\/b\",\"displayname\":\"Me\",\"membership\":\"join\"}"));
    const LocalEvent ban = banEvent(kOwner, kRemote, QStringLiteral("spam"), kNow);
    QCOMPARE(ban.stateKey, std::optional<QString>(kRemote.toString()));
    QCOMPARE(ban.content, object(R"({"membership":"ban","reason":"spam"})"));
    QCOMPARE(unbanEvent(kOwner, kRemote, std::nullopt, kNow).content,
             object(R"({"membership":"leave"})"));
    QCOMPARE(kickEvent(kOwner, kRemote, QStringLiteral("r"), kNow).content,
             object(R"({"membership":"leave","reason":"r"})"));
    QCOMPARE(inviteEvent(kOwner, kRemote, std::nullopt, true, kNow).content,
             object(R"({"is_direct":true,"membership":"invite"})"));
    QCOMPARE(leaveEvent(kOwner, std::nullopt, kNow).stateKey,
             std::optional<QString>(kOwner.toString()));
    const LocalEvent redaction = redactionEvent(kOwner, *EventId::parse(u"$x"), std::nullopt, kNow);
    QCOMPARE(redaction.type, auth::types::redaction);
    QVERIFY(redaction.content.isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalRooms)
#include "tst_localrooms.moc"
