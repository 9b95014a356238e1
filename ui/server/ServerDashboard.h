#pragma once
#include "core/api/LogEntry.h"
#include "core/api/ServerStatus.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTabWidget;

namespace trellis::ui {

class LogView;

/// The server's dashboard: whether it runs, under which name, where it listens, TLS, the
/// signing key, the owner's logins, and in tabs the requests it answers and what it logs. It shows values the core sends and asks for
/// start and stop through signals; it never touches the server itself.
class ServerDashboard : public QWidget
{
    Q_OBJECT
public:
    explicit ServerDashboard(QWidget *parent = nullptr);

    /// How many requests the log keeps.
    static constexpr int kLogRows = 500;
    int loggedRequests() const;

public Q_SLOTS:
    void showStarting();
    void showStarted(const trellis::api::ServerStatus &status);
    void showStopped();
    void showFailed(const QString &message);
    void logRequest(const trellis::api::RequestLogEntry &entry);
    /// How many client connections are open now.
    void showConnections(int open);
    /// Lines the process logged (LogCapture in the app), oldest first.
    void appendLog(const QList<trellis::api::LogEntry> &entries);
    /// The owner's logins (devices), newest activity first.
    void setDevices(const QList<trellis::api::DeviceEntry> &devices);
    int deviceCount() const;

Q_SIGNALS:
    void startRequested();
    void stopRequested();

private:
    void setRunning(bool running);
    void showCertificate(const trellis::api::ServerStatus &status);

    QLabel *m_state;
    QLabel *m_serverName;
    QLabel *m_owner;
    QLabel *m_listening;
    QLabel *m_tls;
    QLabel *m_connections;
    QLabel *m_certificate;
    QLabel *m_signingKey;
    QLabel *m_dataDirectory;
    QPushButton *m_start;
    QPushButton *m_stop;
    QStandardItemModel *m_devices = nullptr;
    QStandardItemModel *m_requests;
    QTableView *m_requestView;
    LogView *m_logView;
    QTabWidget *m_activity; ///< requests and log
};

} // namespace trellis::ui
