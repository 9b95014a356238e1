// Crash safety (issue: "kill -9 the server during a stream of sends, restart, check that
// every send that got a 200 is there, the DAG is connected, and sync resumes").
#include "tests/integration/DagCheck.h"
#include "tests/integration/MatrixClient.h"
#include "tests/integration/ServerProcess.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace trellis;
using namespace trellis::test;

class TestServeCrash : public QObject
{
    Q_OBJECT

private:
    /// Sends messages back to back (several in flight) until the server dies; returns the
    /// event IDs of every send answered 200.
    void sendUntilKilled(ServerProcess &server, const QByteArray &token, const QString &roomId,
                         int killAfterMs, int round, QStringList &confirmed);

private Q_SLOTS:
    void killDuringSends();
};

void TestServeCrash::sendUntilKilled(ServerProcess &server, const QByteArray &token, const QString &roomId,
                                     int killAfterMs, int round, QStringList &confirmed)
{
    QNetworkAccessManager network;
    int next = 0;
    bool dead = false;
    int inFlight = 0;
    const QString base = server.baseUrl() + QStringLiteral("/_matrix/client/v3/rooms/")
                         + QString::fromLatin1(QUrl::toPercentEncoding(roomId))
                         + QStringLiteral("/send/m.room.message/");
    std::function<void()> sendOne = [&] {
        const QString txn = QStringLiteral("r%1t%2").arg(round).arg(next++);
        QNetworkRequest request(QUrl(base + txn));
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.put(request, QStringLiteral("{\"msgtype\":\"m.text\",\"body\":\"%1\"}").arg(txn).toUtf8());
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            --inFlight;
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                auto parsed = json::parseObject(reply->readAll().toStdString());
                if (parsed)
                    confirmed.append(json::toQString((*parsed)["event_id"].toString()));
            }
            if (!dead)
                sendOne();
        });
    };
    for (int i = 0; i < 4; ++i)
        sendOne();
    QTimer::singleShot(killAfterMs, [&] {
        server.kill();
        dead = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(dead && inFlight == 0, 30000);
}

void TestServeCrash::killDuringSends()
{
    ServerProcess server;
    QVERIFY2(server.start(true), qPrintable(server.error()));
    MatrixClient client(server.baseUrl());
    QVERIFY(client.login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword)));
    Reply created = client.post(QStringLiteral("/_matrix/client/v3/createRoom"), body(QStringLiteral("{\"name\":\"crash\"}")));
    QCOMPARE(created.status, 200);
    const QString roomId = json::toQString(created.json["room_id"].toString());
    Reply firstSync = client.get(QStringLiteral("/_matrix/client/v3/sync?timeout=0"));
    QCOMPARE(firstSync.status, 200);
    const QString since = json::toQString(firstSync.json["next_batch"].toString());

    QStringList allConfirmed;
    for (int round = 0; round < 3; ++round) {
        const int killAfter = 300 + int(QRandomGenerator::global()->bounded(700));
        QStringList confirmed;
        sendUntilKilled(server, client.accessToken(), roomId, killAfter, round, confirmed);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!confirmed.isEmpty(), "no send was answered before the kill");
        allConfirmed += confirmed;
        QVERIFY2(server.start(false), qPrintable(server.error()));
        // The access token survived the crash, and so did every confirmed event.
        for (const QString &eventId : std::as_const(allConfirmed)) {
            const Reply event = client.get(QStringLiteral("/_matrix/client/v3/rooms/%1/event/%2")
                                               .arg(QString::fromLatin1(QUrl::toPercentEncoding(roomId)),
                                                    QString::fromLatin1(QUrl::toPercentEncoding(eventId))));
            QVERIFY2(event.status == 200, qPrintable(QStringLiteral("lost %1 in round %2").arg(eventId).arg(round)));
        }
        // Sync resumes from a token given out before the crashes.
        const Reply resumed = client.get(QStringLiteral("/_matrix/client/v3/sync?timeout=0&since=") + since);
        QCOMPARE(resumed.status, 200);
        QVERIFY(resumed.json["rooms"].toObject()["join"].toObject().contains(roomId.toStdString()));
        // The server keeps working after recovery.
        const Reply after = client.put(QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/after%2")
                                           .arg(QString::fromLatin1(QUrl::toPercentEncoding(roomId)))
                                           .arg(round),
                                       body(QStringLiteral("{\"msgtype\":\"m.text\",\"body\":\"after\"}")));
        QCOMPARE(after.status, 200);
    }
    QCOMPARE(server.stop(), 0);
    // Offline, straight from the database: every event has its prev events, auth events and
    // state; the room has one forward extremity (a single writer never forks).
    const QString problem = checkRoomDag(server.dataDir() + QStringLiteral("/trellis.db"), roomId);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The room exports as a room dump holding every confirmed event, which lays out.
    QProcess exporter;
    exporter.start(QStringLiteral(TRELLIS_CLI), {QStringLiteral("dag"), QStringLiteral("export"), QStringLiteral("--data-dir"),
                                                 server.dataDir(), roomId});
    QVERIFY(exporter.waitForFinished(30000));
    QCOMPARE(exporter.exitCode(), 0);
    const QByteArray dump = exporter.readAllStandardOutput();
    for (const QString &eventId : std::as_const(allConfirmed))
        QVERIFY2(dump.contains(eventId.toUtf8()), qPrintable(eventId));
    QProcess layout;
    layout.start(QStringLiteral(TRELLIS_CLI), {QStringLiteral("dag"), QStringLiteral("layout"), QStringLiteral("-")});
    layout.write(dump);
    layout.closeWriteChannel();
    QVERIFY(layout.waitForFinished(30000));
    QCOMPARE(layout.exitCode(), 0);
    QVERIFY(layout.readAllStandardOutput().contains("\"lanes\":1"));
}

QTEST_GUILESS_MAIN(TestServeCrash)
#include "tst_serve_crash.moc"
