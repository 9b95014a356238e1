// The room timeline: messages as a client shows them, with edits, replies and redactions
// folded in (client-server-api "Event replacements", "Rich replies", "Redactions"), state
// changes as one line each, and a widget that shows the rows.
#include "core/json/Reader.h"
#include "core/room/RoomBuilder.h"
#include "ui/dag/DagSnapshot.h"
#include "ui/rooms/RoomTimeline.h"

#include <QListWidget>
#include <QScrollBar>
#include <QSet>
#include <QTest>

using namespace trellis;
using ui::TimelineItem;

namespace {
const QString kAlice = QStringLiteral("@alice:example.org");
const QString kBob = QStringLiteral("@bob:example.org");
const QString kCarol = QStringLiteral("@carol:example.org");
const QString kLong = QString(100, QLatin1Char('x'));

/// A small room's events: one of each thing the timeline folds in or shows.
struct SampleRoom
{
    QList<events::Pdu> events;
    QString hello, reply, secret, longMessage;
};

class Builder
{
public:
    explicit Builder(const events::RoomVersion &version) : m_builder(version) {}

    /// Adds an event whose content is JSON; returns its ID (empty on failure).
    QString add(const QString &type, const QString &sender, const QString &content,
                std::optional<QString> stateKey = std::nullopt, const QString &redacts = {})
    {
        auto parsed = json::parseObject(content.toStdString());
        if (!parsed) {
            qWarning() << "bad content" << content;
            return {};
        }
        room::RoomBuilder::Event event;
        event.type = type;
        event.sender = sender;
        event.stateKey = std::move(stateKey);
        event.content = std::move(*parsed);
        if (!redacts.isEmpty())
            event.redacts = EventId::parse(redacts).value();
        auto pdu = m_builder.add(event);
        if (!pdu) {
            qWarning() << "cannot add" << type;
            return {};
        }
        return pdu->eventId().toString();
    }
    QString state(const QString &type, const QString &sender, const QString &stateKey,
                  const QString &content)
    {
        return add(type, sender, content, stateKey);
    }
    QString message(const QString &sender, const QString &content)
    {
        return add(QStringLiteral("m.room.message"), sender, content);
    }
    const QList<events::Pdu> &events() const { return m_builder.events(); }

private:
    room::RoomBuilder m_builder;
};

/// JSON written with single quotes, which keeps the test readable (and moc happy).
QString j(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"'));
}

QString edit(const QString &target, const QString &body)
{
    return j("{'msgtype': 'm.text', 'body': '* %2', 'm.new_content': {'msgtype': 'm.text', 'body': "
             "'%2'}, 'm.relates_to': {'rel_type': 'm.replace', 'event_id': '%1'}}")
        .arg(target, body);
}

SampleRoom sampleRoom(const QString &versionId)
{
    Builder b(*events::RoomVersion::find(versionId));
    const QString member = j("{'membership': '%1'}");
    b.state(QStringLiteral("m.room.create"), kAlice, {},
            j("{'room_version': '%1'}").arg(versionId));
    b.state(QStringLiteral("m.room.member"), kAlice, kAlice, member.arg(QLatin1String("join")));
    b.state(QStringLiteral("m.room.power_levels"), kAlice, {},
            j("{'users': {'@alice:example.org': 100}}"));
    b.state(QStringLiteral("m.room.join_rules"), kAlice, {}, j("{'join_rule': 'public'}"));
    b.state(QStringLiteral("m.room.member"), kBob, kBob, member.arg(QLatin1String("join")));

    SampleRoom room;
    room.hello = b.message(kAlice, j("{'msgtype': 'm.text', 'body': 'Hello world'}"));
    b.message(kAlice, edit(room.hello, QStringLiteral("Hello, world!")));
    b.message(kAlice, edit(room.hello, QStringLiteral("Hello, world!!"))); // the latest valid edit
    b.message(kBob, edit(room.hello, QStringLiteral("bob was here"))); // not the sender: ignored
    const QString redactedEdit = b.message(kAlice, edit(room.hello, QStringLiteral("withdrawn")));
    b.add(QStringLiteral("m.room.redaction"), kAlice, QStringLiteral("{}"), std::nullopt,
          redactedEdit);

    room.reply = b.message(kBob, j("{'msgtype': 'm.text', 'body': '> <@alice:example.org> Hello "
                                   "world\\n> second line\\n\\nHi alice\\n> a quote of my own', "
                                   "'m.relates_to': {'m.in_reply_to': {'event_id': '%1'}}}")
                                     .arg(room.hello));
    room.secret = b.message(kBob, j("{'msgtype': 'm.text', 'body': 'my password'}"));
    b.add(QStringLiteral("m.room.redaction"), kBob, j("{'reason': 'oops'}"), std::nullopt,
          room.secret);
    b.state(QStringLiteral("m.room.topic"), kAlice, {}, j("{'topic': 'Planning'}"));
    b.message(kBob, j("{'msgtype': 'm.emote', 'body': 'waves'}"));
    b.message(kAlice,
              j("{'msgtype': 'm.image', 'body': 'cat.png', 'url': 'mxc://example.org/cat'}"));
    b.message(kAlice, j("{'msgtype': 'm.notice', 'body': 'build passed'}"));
    room.longMessage = b.message(kAlice, j("{'msgtype': 'm.text', 'body': '%1'}").arg(kLong));
    b.message(kBob, j("{'msgtype': 'm.text', 'body': 'so long', 'm.relates_to': {'m.in_reply_to': "
                      "{'event_id': '%1'}}}")
                        .arg(room.longMessage));
    b.message(kBob, j("{'msgtype': 'm.text', 'body': 'what?', 'm.relates_to': {'m.in_reply_to': "
                      "{'event_id': '$unknown'}}}"));
    b.state(QStringLiteral("m.room.member"), kAlice, kCarol, member.arg(QLatin1String("invite")));
    b.state(QStringLiteral("m.room.member"), kCarol, kCarol, member.arg(QLatin1String("leave")));
    b.state(QStringLiteral("m.room.member"), kBob, kBob,
            j("{'membership': 'join', 'displayname': 'Bob'}"));
    b.state(QStringLiteral("m.room.member"), kAlice, kBob,
            j("{'membership': 'leave', 'reason': 'spam'}"));
    room.events = b.events();
    return room;
}
} // namespace

class TestRoomTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheTimeline_data();
    void buildsTheTimeline();
    void editBeforeItsOriginalStillApplies();
    void widgetShowsTheRows();
};

void TestRoomTimeline::buildsTheTimeline_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("v10: top-level redacts") << QStringLiteral("10");
    QTest::newRow("v12: content.redacts") << QStringLiteral("12");
}

void TestRoomTimeline::buildsTheTimeline()
{
    QFETCH(QString, version);
    const SampleRoom room = sampleRoom(version);
    QCOMPARE(room.events.size(), 25);
    const QList<TimelineItem> items = ui::buildTimeline(room.events);

    QStringList texts;
    for (const TimelineItem &item : items)
        texts.append(item.text);
    // Four edits and two redactions are no rows of their own.
    const QStringList expected = {
        QStringLiteral("@alice:example.org created the room (version %1)").arg(version),
        QStringLiteral("@alice:example.org joined the room"),
        QStringLiteral("@alice:example.org changed the power levels"),
        QStringLiteral("@alice:example.org set the join rule to public"),
        QStringLiteral("@bob:example.org joined the room"),
        QStringLiteral("Hello, world!!"),
        QStringLiteral("Hi alice\n> a quote of my own"),
        QStringLiteral("Message deleted"),
        QStringLiteral("@alice:example.org changed the topic to Planning"),
        QStringLiteral("* @bob:example.org waves"),
        QStringLiteral("[image: cat.png]"),
        QStringLiteral("build passed"),
        kLong,
        QStringLiteral("so long"),
        QStringLiteral("what?"),
        QStringLiteral("@alice:example.org invited @carol:example.org"),
        QStringLiteral("@carol:example.org rejected the invitation"),
        QStringLiteral("@bob:example.org changed their display name to Bob"),
        QStringLiteral("@alice:example.org kicked @bob:example.org (reason: spam)"),
    };
    QCOMPARE(texts, expected);

    const TimelineItem &hello = items[5];
    QCOMPARE(hello.eventId, room.hello);
    QCOMPARE(hello.sender, kAlice);
    QCOMPARE(hello.kind, TimelineItem::Kind::Message);
    QVERIFY(hello.edited);
    QVERIFY(!hello.redacted);
    QVERIFY(!hello.inReplyTo);
    QCOMPARE(hello.timestamp, room.events[5].originServerTs());

    const TimelineItem &reply = items[6];
    QCOMPARE(reply.eventId, room.reply);
    QVERIFY(!reply.edited);
    QVERIFY(reply.inReplyTo);
    QCOMPARE(reply.inReplyTo->eventId, room.hello);
    QCOMPARE(reply.inReplyTo->sender, kAlice);
    QCOMPARE(reply.inReplyTo->snippet,
             QStringLiteral("Hello, world!!")); // as shown, after the edit

    const TimelineItem &secret = items[7];
    QCOMPARE(secret.eventId, room.secret);
    QVERIFY(secret.redacted);
    QCOMPARE(secret.kind, TimelineItem::Kind::Redacted);

    QCOMPARE(items[0].kind, TimelineItem::Kind::StateChange);
    QCOMPARE(items[8].kind, TimelineItem::Kind::StateChange);
    QCOMPARE(items[9].kind, TimelineItem::Kind::Emote);
    QCOMPARE(items[10].kind, TimelineItem::Kind::Message);
    QCOMPARE(items[11].kind, TimelineItem::Kind::Notice);

    QCOMPARE(items[13].inReplyTo->sender, kAlice);
    QCOMPARE(items[13].inReplyTo->snippet, QString(60, QLatin1Char('x')));
    QVERIFY(items[14].inReplyTo);
    QCOMPARE(items[14].inReplyTo->eventId, QStringLiteral("$unknown"));
    QVERIFY(items[14].inReplyTo->sender.isEmpty());

    for (const TimelineItem &item : items) {
        if (&item != &hello)
            QVERIFY2(!item.edited, qPrintable(item.text));
        if (&item != &secret)
            QVERIFY2(!item.redacted, qPrintable(item.text));
    }
}

// Stream order is not the order of origin_server_ts, nor need an edit follow its original.
void TestRoomTimeline::editBeforeItsOriginalStillApplies()
{
    const SampleRoom room = sampleRoom(QStringLiteral("12"));
    QList<events::Pdu> reordered = room.events;
    reordered.move(5, 8); // the original after its edits
    const QList<TimelineItem> items = ui::buildTimeline(reordered);
    QCOMPARE(items.size(), 19);
    const auto hello = std::find_if(items.begin(), items.end(), [&](const TimelineItem &item) {
        return item.eventId == room.hello;
    });
    QVERIFY(hello != items.end());
    QCOMPARE(hello->text, QStringLiteral("Hello, world!!"));
    QVERIFY(hello->edited);
}

void TestRoomTimeline::widgetShowsTheRows()
{
    ui::dag::DagSnapshot snapshot; // the explorer's events feed the widget as they are
    snapshot.events = sampleRoom(QStringLiteral("12")).events;

    ui::RoomTimeline timeline;
    timeline.resize(360, 240);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.setEvents(snapshot.events);
    QCOMPARE(timeline.items().size(), 19);

    auto *list = timeline.findChild<QListWidget *>();
    QVERIFY(list);
    QCOMPARE(list->count(), 19);
    QCOMPARE(list->item(5)->text(), QStringLiteral("@alice:example.org: Hello, world!!"));
    QVERIFY(list->item(5)->toolTip().contains(timeline.items()[5].eventId));
    const QString html = list->item(6)->data(Qt::UserRole).toString();
    QVERIFY(html.contains(QStringLiteral("Hello, world!!"))); // the quote line of the reply
    QVERIFY(list->item(5)->data(Qt::UserRole).toString().contains(QStringLiteral("(edited)")));
    // A wrapped row is taller than a one-line state change.
    QVERIFY(list->visualItemRect(list->item(6)).height() >
            list->visualItemRect(list->item(0)).height());

    // Scrolled to the end, also once the rows have their real heights.
    QTRY_VERIFY(list->verticalScrollBar()->maximum() > 0);
    QTRY_COMPARE(list->verticalScrollBar()->value(), list->verticalScrollBar()->maximum());

    const QImage image = timeline.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), timeline.size() * image.devicePixelRatio());
    QSet<QRgb> colours; // text in several colours was painted, not just a background
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 4);

    timeline.setEvents({});
    QCOMPARE(list->count(), 0);
}

QTEST_MAIN(TestRoomTimeline)
#include "tst_roomtimeline.moc"
