#pragma once
#include "core/server/HomeserverHost.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QDockWidget;
class QMainWindow;
class QSystemTrayIcon;

namespace trellis::ui {
class ServerDashboard;
}

namespace trellis::app {

class LogCapture;

/// The GUI's side of the homeserver: hosts it on its core thread (HomeserverHost), runs the
/// first-run dialog when there is no database yet, shows the dashboard as a dock of the main
/// window, and keeps the server running in the tray when the window closes (setting
/// "server/keepRunningInTray", on by default).
class ServerController : public QObject
{
    Q_OBJECT
public:
    ServerController(QMainWindow *window, QString dataDirectory, QObject *parent = nullptr);
    ~ServerController() override;

    /// Starts the server, asking for the owner's account first on a first run.
    void start();
    /// Stops the server, then quits the application.
    void quit();
    /// Whether closing the window should only hide it.
    bool keepsRunningInTray() const;
    /// Shows what the capture caught so far in the dashboard's log, then each new line.
    void showLog(const LogCapture &capture);
    /// The server's host, for the other views of the server (LiveRooms).
    server::HomeserverHost &host() { return m_host; }

protected:
    /// Closing the main window hides it while the server keeps running in the tray.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startWith(server::ServerConfig config, std::optional<server::InitialAccount> account);
    /// Asks for the server name, the owner's account and TLS files; false if cancelled.
    bool runFirstRun(server::ServerConfig &config, QString &user, QString &password);
    void createTray();

    QMainWindow *m_window;
    QString m_dataDirectory;
    server::HomeserverHost m_host;
    ui::ServerDashboard *m_dashboard = nullptr;
    QDockWidget *m_dock = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_quitting = false;
    QTimer m_devicesRefresh;
};

} // namespace trellis::app
