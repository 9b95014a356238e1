#pragma once
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// Runs `trellis-cli serve` (TRELLIS_CLI, from CMake) on loopback for the integration tests:
// first start with --init in a temporary data directory, port 0, the key file instead of the
// keychain; later starts reuse the directory.
namespace trellis::test {

class ServerProcess
{
public:
    static constexpr const char *kUser = "owner";
    static constexpr const char *kPassword = "correct horse battery staple";
    static constexpr const char *kServerName = "trellis.test";

    ServerProcess();
    ~ServerProcess();

    /// Starts the server and waits until it listens; false (with error()) if it did not.
    bool start(bool init = true);
    /// SIGTERM, then waits; the exit code (or -1 if it had to be killed / crashed).
    int stop();
    /// SIGKILL: a crash.
    void kill();

    QString baseUrl() const { return m_baseUrl; }
    qint64 processId() const { return m_process ? m_process->processId() : -1; }
    /// The server's data directory (--data-dir); it exists before the first start, so a
    /// test can put a trellis.conf there.
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString userId() const;
    const QString &error() const { return m_error; }
    QByteArray stderrText() const { return m_stderr; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    QString m_error;
    QByteArray m_stderr;
    quint16 m_port = 0;
};

} // namespace trellis::test
