// The server's own events in local rooms, for every room version: createRoom plans with each
// preset, messages, topic, membership changes and redactions built by LocalEventBuilder must
// verify, pass the auth rules, and replay (RoomReplay) to the same state with no rejection.
#include "core/crypto/KeyRing.h"
#include "core/events/EventSigning.h"
#include "core/json/QtStrings.h"
#include "core/room/RoomReplay.h"
#include "core/rooms/CreateRoomPlan.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/rooms/MembershipEvents.h"

#include <QTest>

using namespace trellis;
using namespace trellis::rooms;

namespace {

const ServerName kServer = *ServerName::parse(u"trellis.test");
const UserId kOwner = *UserId::parse(u"@owner:trellis.test");
const UserId kRemote = *UserId::parse(u"@friend:remote.test");

/// A room as the server keeps it, in memory: events, one extremity, the state.
struct Room
{
    const events::RoomVersion *version = nullptr;
    std::optional<RoomId> roomId;
    stateres::MapEventProvider events;
    QList<events::Pdu> order;
    QList<EventId> extremities;
    stateres::StateSet state;
};

json::Object parse(const char *text) { return *json::parseObject(text); }

} // namespace

class TestLocalRooms : public QObject
{
    Q_OBJECT

private:
    Result<events::Pdu> add(Room &room, const LocalEvent &event)
    {
        auto built = m_builder->build({room.version, room.roomId, room.extremities, room.state}, event, room.events);
        if (!built)
            return built.error();
        room.events.add(built->pdu);
        room.order.append(built->pdu);
        room.extremities = {built->pdu.eventId()};
        room.state = built->stateAfter;
        if (!room.roomId)
            room.roomId = built->pdu.roomId();
        return built->pdu;
    }
    Room create(const events::RoomVersion &version, const char *body)
    {
        json::Object request = parse(body);
        request.insert("room_version", json::Value(json::toUtf8(version.id)));
        auto plan = CreateRoomPlan::parse(request, kOwner, kServer, parse(R"({"displayname":"Owner"})"), 1700000000000);
        if (!plan)
            qFatal("plan: %s", qPrintable(plan.error().message));
        Room room;
        room.version = plan->version;
        if (version.roomIdFormat == events::RoomIdFormat::WithDomain)
            room.roomId = *RoomId::parse(u"!abcdefghijklmnopqr:trellis.test");
        for (const LocalEvent &event : plan->events) {
            auto pdu = add(room, event);
            if (!pdu)
                qFatal("create %s: %s", qPrintable(event.type), qPrintable(pdu.error().message));
        }
        return room;
    }
    LocalEvent message(const UserId &sender, const char *body)
    {
        json::Object content;
        content.insert("msgtype", json::Value("m.text"));
        content.insert("body", json::Value(body));
        return {QStringLiteral("m.room.message"), sender, std::nullopt, content, std::nullopt, 1700000001000};
    }

    std::optional<LocalEventBuilder> m_builder;
    crypto::SigningKey m_key;

private Q_SLOTS:
    void initTestCase();
    void lifecycle_data();
    void lifecycle();
    void refusals();
    void badCreateRoomBodies_data();
    void badCreateRoomBodies();
    void v12Creators();
};

void TestLocalRooms::initTestCase()
{
    m_key = *crypto::SigningKey::generate(QStringLiteral("a1"));
    m_builder.emplace(kServer, m_key);
}

void TestLocalRooms::lifecycle_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("body");
    for (const events::RoomVersion *version : events::RoomVersion::all()) {
        for (const char *preset : {"private_chat", "public_chat", "trusted_private_chat"}) {
            const QByteArray body = QByteArray(R"({"preset":")") + preset
                                    + R"(","name":"Room","topic":"first","room_alias_name":"room","invite":["@friend:remote.test"],"initial_state":[{"type":"m.room.encryption","content":{"algorithm":"m.megolm.v1.aes-sha2"}}]})";
            QTest::addRow("v%s %s", qPrintable(version->id), preset) << version->id.toInt() << body;
        }
    }
}

void TestLocalRooms::lifecycle()
{
    QFETCH(int, version);
    QFETCH(QByteArray, body);
    const events::RoomVersion &roomVersion = *events::RoomVersion::find(QString::number(version));
    Room room = create(roomVersion, body.constData());
    QVERIFY(room.roomId);
    if (roomVersion.roomIdFormat == events::RoomIdFormat::CreateEventHash)
        QCOMPARE(room.roomId->opaqueId().toString(), room.order.first().eventId().toString().mid(1));

    // Messages, a topic change, a kick and a ban of the invited friend, a redaction.
    auto first = add(room, message(kOwner, "hello"));
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QVERIFY(add(room, {QStringLiteral("m.room.topic"), kOwner, QString(), parse(R"({"topic":"second"})"), std::nullopt, 1700000002000}));
    const auto kick = add(room, membershipEvent(kOwner, kRemote, QStringLiteral("leave"), QStringLiteral("bye"), {}, 1700000003000));
    if (body.contains("trusted_private_chat")) {
        // The invitee has the creator's power (a co-creator in v12): they cannot be kicked.
        QVERIFY(!kick);
        QCOMPARE(kick.error().errcode(), QStringLiteral("M_FORBIDDEN"));
    } else {
        QVERIFY(kick);
        QVERIFY(add(room, membershipEvent(kOwner, kRemote, QStringLiteral("ban"), std::nullopt, {}, 1700000004000)));
        QVERIFY(add(room, membershipEvent(kOwner, kRemote, QStringLiteral("leave"), std::nullopt, {}, 1700000005000)));
    }
    auto redaction = add(room, redactionEvent(kOwner, first->eventId(), QStringLiteral("oops"), 1700000006000));
    QVERIFY2(redaction, redaction ? "" : qPrintable(redaction.error().message));
    QCOMPARE(redaction->redacts(), std::optional<EventId>(first->eventId()));

    // Every event verifies as a receiving server would check it.
    crypto::StaticKeyRing keys;
    keys.add(kServer.toString(), m_key.verifyKey());
    for (const events::Pdu &pdu : std::as_const(room.order)) {
        const auto check = events::verifyEvent(pdu.json(), roomVersion, keys);
        QVERIFY2(check.verdict == events::EventVerdict::Valid, qPrintable(pdu.type() + u": " + check.detail));
    }
    // And a replay of the DAG agrees: nothing rejected, the same state.
    room::RoomReplay replay(roomVersion);
    QVERIFY(replay.run(room.order));
    for (const events::Pdu &pdu : std::as_const(room.order)) {
        const auto *outcome = replay.outcome(pdu.eventId());
        QVERIFY(outcome);
        QVERIFY2(outcome->rejection == stateres::Rejection::None, qPrintable(pdu.type() + u": " + outcome->verdict.reason));
    }
    auto current = replay.currentState();
    QVERIFY(current);
    QCOMPARE(*current, room.state);
}

void TestLocalRooms::refusals()
{
    Room room = create(events::RoomVersion::defaultVersion(), R"({"preset":"private_chat"})");
    // Someone who is not in the room cannot speak in it.
    auto stranger = add(room, message(kRemote, "let me in"));
    QVERIFY(!stranger);
    QCOMPARE(stranger.error().errcode(), QStringLiteral("M_FORBIDDEN"));
    // A private room cannot be joined uninvited.
    auto join = add(room, membershipEvent(kRemote, kRemote, QStringLiteral("join"), std::nullopt, {}, 1700000001000));
    QVERIFY(!join);
    QCOMPARE(join.error().errcode(), QStringLiteral("M_FORBIDDEN"));
    // Messages need power once events_default is raised above the sender's level.
    Room v10 = create(*events::RoomVersion::find(u"10"), R"({"preset":"public_chat"})");
    QVERIFY(add(v10, membershipEvent(kRemote, kRemote, QStringLiteral("join"), std::nullopt, {}, 1700000001000)));
    QVERIFY(add(v10, {QStringLiteral("m.room.power_levels"), kOwner, QString(),
                      parse(R"({"users":{"@owner:trellis.test":100},"events_default":60})"), std::nullopt, 1700000002000}));
    auto muted = add(v10, message(kRemote, "can I speak?"));
    QVERIFY(!muted);
    QCOMPARE(muted.error().errcode(), QStringLiteral("M_FORBIDDEN"));
    // Content beyond the PDU size limit.
    const std::string huge(70000, 'x');
    json::Object content;
    content.insert("body", json::Value(huge));
    auto large = add(room, {QStringLiteral("m.room.message"), kOwner, std::nullopt, content, std::nullopt, 1});
    QVERIFY(!large);
    QCOMPARE(large.error().errcode(), QStringLiteral("M_TOO_LARGE"));
}

void TestLocalRooms::badCreateRoomBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errcode");
    QTest::newRow("name type") << QByteArray(R"({"name":5})") << "M_BAD_JSON";
    QTest::newRow("preset") << QByteArray(R"({"preset":"party"})") << "M_INVALID_PARAM";
    QTest::newRow("visibility") << QByteArray(R"({"visibility":"secret"})") << "M_INVALID_PARAM";
    QTest::newRow("version") << QByteArray(R"({"room_version":"99"})") << "M_UNSUPPORTED_ROOM_VERSION";
    QTest::newRow("invitee") << QByteArray(R"({"invite":["not a user"]})") << "M_INVALID_PARAM";
    QTest::newRow("invite type") << QByteArray(R"({"invite":"@a:b"})") << "M_BAD_JSON";
    QTest::newRow("alias") << QByteArray(R"({"room_alias_name":"a:b"})") << "M_INVALID_PARAM";
    QTest::newRow("initial_state type") << QByteArray(R"({"initial_state":{}})") << "M_BAD_JSON";
    QTest::newRow("initial_state entry") << QByteArray(R"({"initial_state":[{"type":"m.room.name"}]})") << "M_MISSING_PARAM";
    QTest::newRow("initial_state create") << QByteArray(R"({"initial_state":[{"type":"m.room.create","content":{}}]})") << "M_INVALID_PARAM";
    QTest::newRow("override") << QByteArray(R"({"power_level_content_override":[]})") << "M_BAD_JSON";
    QTest::newRow("creation_content") << QByteArray(R"({"creation_content":"x"})") << "M_BAD_JSON";
}

void TestLocalRooms::badCreateRoomBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errcode);
    auto plan = CreateRoomPlan::parse(*json::parseObject(body.toStdString()), kOwner, kServer, {}, 0);
    QVERIFY(!plan);
    QCOMPARE(plan.error().errcode(), errcode);
}

void TestLocalRooms::v12Creators()
{
    // trusted_private_chat in v12: invitees become additional creators, and nobody is
    // listed in the power levels' users (create_room.yaml, step 3).
    Room room = create(*events::RoomVersion::find(u"12"), R"({"preset":"trusted_private_chat","invite":["@friend:remote.test"]})");
    const events::Pdu &createEvent = room.order.first();
    const json::Array &creators = createEvent.content()["additional_creators"].toArray();
    QCOMPARE(creators.size(), size_t(1));
    QCOMPARE(creators.front().toString(), std::string("@friend:remote.test"));
    QVERIFY(!createEvent.content().contains("creator"));
    const events::Pdu *powerLevels = room.events.event(room.state.value(auth::StateKey(QStringLiteral("m.room.power_levels"), QString())));
    QVERIFY(powerLevels);
    QVERIFY(powerLevels->content()["users"].toObject().isEmpty());
    QCOMPARE(powerLevels->content()["events"].toObject()["m.room.tombstone"].toInteger(), 150);
}

QTEST_GUILESS_MAIN(TestLocalRooms)
#include "tst_localrooms.moc"
