// A real Matrix client in the test suite: matrix-nio (Debian's python3-matrix-nio) logs in,
// creates a room, sends messages, sets a topic, syncs incrementally and reads the history
// back, against `trellis-cli serve` on loopback (tests/integration/nio_client.py).
#include "tests/integration/ClientScript.h"
#include "tests/integration/ServerProcess.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace trellis::test;

class TestNioClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chatAcrossRestart();
};

namespace {

QByteArray runNio(const QString &url)
{
    return runClientScript(QStringLiteral("/usr/bin/python3"),
                           {QStringLiteral(TRELLIS_NIO_SCRIPT), url, QLatin1String(ServerProcess::kUser),
                            QLatin1String(ServerProcess::kPassword)});
}

} // namespace

void TestNioClient::chatAcrossRestart()
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import nio")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        QSKIP("python3-matrix-nio is not installed (packaging/install-deps.sh installs it)");

    ServerProcess server;
    QVERIFY2(server.start(true), qPrintable(server.error()));
    QByteArray failure = runNio(server.baseUrl());
    QVERIFY2(failure.isEmpty(), failure.constData());
    // Again after a clean restart: the account, rooms and history are still there.
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.start(false), qPrintable(server.error()));
    failure = runNio(server.baseUrl());
    QVERIFY2(failure.isEmpty(), failure.constData());
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestNioClient)
#include "tst_nio_client.moc"
