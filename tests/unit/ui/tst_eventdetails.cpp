// The explorer's details panel (issue "desktop explorer"): the selected event's PDU, verdict
// (the rule that rejected it), content hash and signature checks, its states before and after
// (against an independent RoomReplay, also from the background replay of big dumps), the
// differences between picked events, and the marks a dump carries.
#include "tests/TestData.h"
#include "tests/unit/ui/DagTestSupport.h"

#include "core/crypto/KeyRing.h"
#include "core/json/Writer.h"
#include "core/room/RoomBuilder.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomReplay.h"
#include "core/room/RoomScript.h"
#include "ui/dag/DagExplorer.h"
#include "ui/dag/DagView.h"
#include "ui/dag/RoomDumpDocument.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::ui::dag;
using trellis::test::writeFile;
const auto load = trellis::test::loadSnapshot;

class TestEventDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detailsShowEventVerdictAndState();
    void pairShowsStateDifference();
    void dumpMarksShow();
    void detailsCheckTheContentHash();
    void detailsCheckSignaturesWithServerKeys();
    void bigDumpStatesComeFromABackgroundReplay();

private:
    QTemporaryDir m_dir;
    room::BuiltRoom m_room;
    QString m_scriptPath;
};

void TestEventDetails::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_scriptPath = m_dir.filePath(QStringLiteral("ban.json"));
    test::writeSampleRoom(m_scriptPath, m_room);
}

void TestEventDetails::detailsShowEventVerdictAndState()
{
    DagExplorer explorer;
    QSignalSpy replayed(explorer.document(), &RoomDumpDocument::replayed);
    QSignalSpy states(explorer.document(), &RoomDumpDocument::statesReady);
    explorer.open(m_scriptPath);
    QVERIFY(replayed.wait(10000));
    const EventId late = m_room.ids.value(QStringLiteral("late"));
    QVERIFY(explorer.view()->selectEvent(late.toString()));
    QTRY_VERIFY(!states.isEmpty());

    auto *idLabel = explorer.findChild<QLabel *>(QStringLiteral("eventIdLabel"));
    QCOMPARE(idLabel->text(), late.toString());
    auto *verdict = explorer.findChild<QLabel *>(QStringLiteral("verdictLabel"));
    QVERIFY2(verdict->text().startsWith(QStringLiteral("Rejected")), qPrintable(verdict->text()));
    auto *json = explorer.findChild<QPlainTextEdit *>(QStringLiteral("pduJson"));
    QVERIFY(json->toPlainText().contains(QStringLiteral("still here?")));

    room::RoomReplay replay(*m_room.version);
    QVERIFY(bool(replay.run(m_room.events, {late})));
    auto *before = explorer.findChild<QTableWidget *>(QStringLiteral("stateBeforeTable"));
    auto *after = explorer.findChild<QTableWidget *>(QStringLiteral("stateAfterTable"));
    QCOMPARE(before->rowCount(), int(replay.stateBefore(late)->size()));
    QCOMPARE(after->rowCount(), int(replay.stateAfter(late)->size()));
    QVERIFY(before->rowCount() >= 5);
}

void TestEventDetails::pairShowsStateDifference()
{
    DagExplorer explorer;
    QSignalSpy replayed(explorer.document(), &RoomDumpDocument::replayed);
    QSignalSpy states(explorer.document(), &RoomDumpDocument::statesReady);
    explorer.open(m_scriptPath);
    QVERIFY(replayed.wait(10000));
    const QString ban = m_room.ids.value(QStringLiteral("ban")).toString();
    const QString topic = m_room.ids.value(QStringLiteral("topic")).toString();
    QVERIFY(explorer.view()->pickEvents({ban, topic}));
    QTRY_VERIFY(!states.isEmpty());
    auto *difference = explorer.findChild<QTableWidget *>(QStringLiteral("stateDifferenceTable"));
    // After the ban, carol is banned; after the topic, carol is joined and the topic is set.
    QCOMPARE(difference->rowCount(), 2);
    QCOMPARE(difference->columnCount(), 4); // type, state key, one per picked event
    QVERIFY(explorer.view()->selectEvent(ban)); // one event again: no picked columns
    QCOMPARE(difference->columnCount(), 2);
}

void TestEventDetails::dumpMarksShow()
{
    // A dump exported by a server says in `unsigned` which events its store soft-failed or
    // held as outliers; the layout flags them (and the painter marks them).
    const QString topic = m_room.ids.value(QStringLiteral("topic")).toString();
    const QString ban = m_room.ids.value(QStringLiteral("ban")).toString();
    json::Array dump = room::roomDumpToJson(m_room.events);
    for (json::Value &event : dump) {
        json::Object *object = event.asObject();
        const QString type = QString::fromStdString(object->find("type")->toString());
        json::Object data;
        if (type == QStringLiteral("m.room.topic"))
            data.insert("io.trellis.soft_failed", json::Value(true));
        else if (type == QStringLiteral("m.room.member") && object->find("content")->toObject()["membership"].toString() == "ban")
            data.insert("io.trellis.outlier", json::Value(true));
        else
            continue;
        object->insert("unsigned", json::Value(std::move(data)));
    }
    const QString path = m_dir.filePath(QStringLiteral("marked.json"));
    writeFile(path, json::toCanonicalBytes(json::Value(std::move(dump))));
    const DagSnapshotPtr snapshot = load(path);
    QVERIFY(snapshot);
    const auto &layout = snapshot->layout;
    QVERIFY(layout.node(layout.rowOf(topic)).flags.testFlag(trellis::dag::DagFlag::SoftFailed));
    QVERIFY(layout.node(layout.rowOf(ban)).flags.testFlag(trellis::dag::DagFlag::Outlier));
    QVERIFY(!layout.node(0).flags.testFlag(trellis::dag::DagFlag::SoftFailed));
}

void TestEventDetails::detailsCheckTheContentHash()
{
    // A message whose body was changed after it was hashed: its ID (the reference hash of the
    // redacted event) is unchanged, but the content hash no longer matches.
    const EventId late = m_room.ids.value(QStringLiteral("late"));
    json::Array dump = room::roomDumpToJson(m_room.events);
    for (json::Value &event : dump) {
        json::Object *object = event.asObject();
        json::Value *content = object->find("content");
        if (content->asObject()->contains("body") &&
            content->toObject()["body"].toString() == std::string("still here?"))
            content->asObject()->insert("body", json::Value("tampered"));
    }
    const QString path = m_dir.filePath(QStringLiteral("tampered.json"));
    writeFile(path, json::toCanonicalBytes(json::Value(std::move(dump))));

    DagExplorer explorer;
    QSignalSpy loaded(&explorer, &DagExplorer::loaded);
    explorer.open(path);
    QVERIFY(loaded.wait(10000));
    auto *hashLabel = explorer.findChild<QLabel *>(QStringLiteral("hashLabel"));
    QVERIFY(explorer.view()->selectEvent(late.toString()));
    QVERIFY2(hashLabel->text().contains(QStringLiteral("does not match the content")),
             qPrintable(hashLabel->text()));
    QVERIFY(explorer.view()->selectEvent(m_room.ids.value(QStringLiteral("topic")).toString()));
    QVERIFY2(hashLabel->text().contains(QStringLiteral("(matches the content)")),
             qPrintable(hashLabel->text()));
}

void TestEventDetails::detailsCheckSignaturesWithServerKeys()
{
    // A room signed by example.org's key, as a live room from the server is.
    const auto key = crypto::SigningKey::fromSeed(QByteArray(32, 's'), QStringLiteral("live"));
    QVERIFY(key);
    room::RoomBuilder builder(*events::RoomVersion::find(QStringLiteral("12")), &*key);
    room::RoomBuilder::Event create;
    create.type = QStringLiteral("m.room.create");
    create.sender = QStringLiteral("@alice:example.org");
    create.stateKey = QString();
    // The dump names its version in the create event, as every room's does.
    create.content.insert("room_version", json::Value("12"));
    const auto added = builder.add(create);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    const QString path = m_dir.filePath(QStringLiteral("signed.json"));
    writeFile(path, json::toCanonicalBytes(json::Value(room::roomDumpToJson(builder.events()))));
    const QString createId = builder.events().first().eventId().toString();

    DagExplorer explorer;
    QSignalSpy loaded(&explorer, &DagExplorer::loaded);
    QSignalSpy failed(&explorer, &DagExplorer::failed);
    explorer.open(path);
    QVERIFY2(loaded.wait(10000), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    auto *hashLabel = explorer.findChild<QLabel *>(QStringLiteral("hashLabel"));
    QVERIFY(explorer.view()->selectEvent(createId));
    QVERIFY2(hashLabel->text().contains(QStringLiteral("Signed by: example.org (not verified: no server keys)")),
             qPrintable(hashLabel->text()));

    auto keys = std::make_shared<crypto::StaticKeyRing>();
    keys->add(QStringLiteral("example.org"),
              *crypto::VerifyKey::fromBytes(key->keyId(), key->publicKey()));
    explorer.setServerKeys(keys);
    QVERIFY2(hashLabel->text().contains(QStringLiteral("Signatures: example.org (sender) valid")),
             qPrintable(hashLabel->text()));

    // Another key under the same ID: the signature does not verify.
    const auto other = crypto::SigningKey::fromSeed(QByteArray(32, 'o'), QStringLiteral("live"));
    auto wrong = std::make_shared<crypto::StaticKeyRing>();
    wrong->add(QStringLiteral("example.org"),
               *crypto::VerifyKey::fromBytes(other->keyId(), other->publicKey()));
    explorer.setServerKeys(wrong);
    QVERIFY2(hashLabel->text().contains(QStringLiteral("Signatures: example.org (sender) invalid")),
             qPrintable(hashLabel->text()));
}

void TestEventDetails::bigDumpStatesComeFromABackgroundReplay()
{
    RoomDumpDocument document(RoomDumpDocument::Options{true, 0});
    QSignalSpy replayed(&document, &RoomDumpDocument::replayed);
    QSignalSpy states(&document, &RoomDumpDocument::statesReady);
    document.open(m_scriptPath);
    QVERIFY(replayed.wait(10000));
    const QString late = m_room.ids.value(QStringLiteral("late")).toString();
    document.requestStates({late});
    QVERIFY(states.isEmpty()); // not kept: computed in the background
    QVERIFY(states.wait(10000));
    const auto result = states.first().first().value<EventStates>();
    QVERIFY(result.error.isEmpty());
    QVERIFY(result.before.contains(late));
    QVERIFY(!result.before.value(late).isEmpty());
}

QTEST_MAIN(TestEventDetails)
#include "tst_eventdetails.moc"
