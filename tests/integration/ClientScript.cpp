#include "tests/integration/ClientScript.h"

#include <QProcess>

namespace trellis::test {

QByteArray runClientScript(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(program, arguments);
    if (!client.waitForFinished(timeoutMs)) {
        client.kill();
        client.waitForFinished();
        return "timed out: " + client.readAll();
    }
    const QByteArray output = client.readAll();
    if (client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0)
        return {};
    return output + " (exit code " + QByteArray::number(client.exitCode()) + ')';
}

} // namespace trellis::test
