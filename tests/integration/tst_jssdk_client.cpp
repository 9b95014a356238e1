// A second real Matrix client in the test suite: matrix-js-sdk (the SDK of Element Web),
// run by Node.js from tests/integration/js (packaging/install-deps.sh installs it with npm),
// against `trellis-cli serve` on loopback: login, sync, rooms, local echoes, state,
// redactions, threaded receipts, typing, account data, tags, leaving, a second device's
// back-pagination and logout (tests/integration/js/jssdk_client.mjs).
#include "tests/integration/ClientScript.h"
#include "tests/integration/ServerProcess.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace trellis::test;

class TestJsSdkClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chatAsElementWould();
};

void TestJsSdkClient::chatAsElementWould()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        QSKIP("Node.js is not installed (packaging/install-deps.sh installs it)");
    QVERIFY2(QFileInfo::exists(QStringLiteral(TRELLIS_JSSDK_DIR "/node_modules/matrix-js-sdk/package.json")),
             "matrix-js-sdk is missing: run packaging/install-deps.sh (npm ci in tests/integration/js)");

    ServerProcess server;
    QVERIFY2(server.start(true), qPrintable(server.error()));
    const QByteArray failure = runClientScript(
        node, {QStringLiteral(TRELLIS_JSSDK_DIR "/jssdk_client.mjs"), server.baseUrl(),
               QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword)});
    QVERIFY2(failure.isEmpty(), failure.constData());
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestJsSdkClient)
#include "tst_jssdk_client.moc"
