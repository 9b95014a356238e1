#include "tests/integration/ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>

#include <csignal>

namespace trellis::test {

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
}

QString ServerProcess::userId() const
{
    return QStringLiteral("@%1:%2").arg(QLatin1String(kUser), QLatin1String(kServerName));
}

bool ServerProcess::start(bool init)
{
    const QString passwordFile = m_dir.filePath(QStringLiteral("password.txt"));
    if (init) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(kPassword) < 0) {
            m_error = QStringLiteral("cannot write the password file");
            return false;
        }
    }
    // Restarts listen on the same port, so that clients and tokens carry over.
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    QStringList arguments{QStringLiteral("serve"),        QStringLiteral("--data-dir"),
                          dataDir(),                      QStringLiteral("--server-name"),
                          QLatin1String(kServerName),     QStringLiteral("--listen"),
                          listen,                         QStringLiteral("--no-keychain")};
    if (init)
        arguments << QStringLiteral("--init") << QStringLiteral("--user") << QLatin1String(kUser)
                  << QStringLiteral("--password-file") << passwordFile;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(TRELLIS_CLI));
    m_process->setArguments(arguments);
    m_process->start();
    QByteArray out;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            break;
        out += m_process->readAllStandardOutput();
        const qsizetype at = out.indexOf("listening 127.0.0.1:");
        const qsizetype end = out.indexOf('\n', at);
        if (at >= 0 && end > at) {
            m_port = quint16(out.mid(at + 20, end - at - 20).toUInt());
            m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
            return true;
        }
    }
    m_stderr = m_process->readAllStandardError();
    m_error = QStringLiteral("the server did not start: ") + QString::fromUtf8(m_stderr);
    return false;
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(20000)) {
        m_process->kill();
        m_process->waitForFinished();
        return -1;
    }
    m_stderr += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished();
}

} // namespace trellis::test
