#pragma once
#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;

namespace trellis::app {

/// One Trellis window per data directory: a second start hands its room dumps (or just "show
/// yourself") to the first and quits, instead of starting a second homeserver on the same
/// database. A lock file in the data directory decides who is first (a crashed instance's lock
/// is taken over); the first listens on a local socket named after the directory.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// True if this is the first instance (it then listens for later ones); false if another
    /// runs, after handing it `files` (absolute paths). False with an error if neither works.
    bool claim(const QStringList &files);
    QString error() const { return m_error; }

Q_SIGNALS:
    /// A later start asked to be shown, with the room dumps it was given.
    void activated(const QStringList &files);

private:
    bool forward(const QStringList &files);
    void receive();

    QString m_socketName;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
    QString m_error;
};

} // namespace trellis::app
