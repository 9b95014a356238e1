#include "app/gui/ServerController.h"

#include "app/gui/LogCapture.h"
#include "app/imaging/Thumbnailer.h"
#include "core/crypto/PasswordHash.h"
#include "core/server/SelfSignedCertificate.h"
#include "ui/AppSettings.h"
#include "ui/server/FirstRunDialog.h"
#include "ui/server/ServerDashboard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QtConcurrent>

namespace trellis::app {

ServerController::ServerController(QMainWindow *window, QString dataDirectory, QObject *parent)
    : QObject(parent), m_window(window), m_dataDirectory(std::move(dataDirectory))
{
    m_dashboard = new ui::ServerDashboard;
    m_dock = new QDockWidget(tr("Server"), window);
    m_dock->setObjectName(QStringLiteral("serverDock"));
    m_dock->setWidget(m_dashboard);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);

    connect(m_dashboard, &ui::ServerDashboard::startRequested, this, &ServerController::start);
    connect(m_dashboard, &ui::ServerDashboard::stopRequested, &m_host, &server::HomeserverHost::stop);
    m_host.setThumbnailRenderer(imaging::Thumbnailer::renderer());
    // The logins table: at start, after requests that change logins, and every half minute
    // for their "last seen".
    m_devicesRefresh.setInterval(30'000);
    connect(&m_devicesRefresh, &QTimer::timeout, &m_host, &server::HomeserverHost::listDevices);
    connect(&m_host, &server::HomeserverHost::devicesListed, m_dashboard, &ui::ServerDashboard::setDevices);
    connect(&m_host, &server::HomeserverHost::started, this, [this](const api::ServerStatus &status) {
        m_host.listDevices();
        m_devicesRefresh.start();
        m_dashboard->showStarted(status);
        m_window->statusBar()->showMessage(tr("Serving %1 on %2").arg(status.serverName, status.listening.join(QStringLiteral(", "))));
    });
    connect(&m_host, &server::HomeserverHost::failed, this, [this](const Error &error) {
        m_dashboard->showFailed(error.message);
        m_window->statusBar()->showMessage(tr("Server failed: %1").arg(error.message));
    });
    connect(&m_host, &server::HomeserverHost::stopped, this, [this] {
        m_devicesRefresh.stop();
        m_dashboard->setDevices({});
        m_dashboard->showStopped();
        m_window->statusBar()->showMessage(tr("Server not running"));
        if (m_quitting)
            QApplication::quit();
    });
    connect(&m_host, &server::HomeserverHost::connectionsChanged, m_dashboard,
            &ui::ServerDashboard::showConnections);
    connect(&m_host, &server::HomeserverHost::requestsServed, m_dashboard, [this](const QList<api::RequestLogEntry> &entries) {
        bool loginsChanged = false;
        for (const api::RequestLogEntry &entry : entries) {
            m_dashboard->logRequest(entry);
            loginsChanged = loginsChanged || entry.path.contains("/login") || entry.path.contains("/logout")
                            || entry.path.contains("/devices") || entry.path.contains("/delete_devices");
        }
        if (loginsChanged)
            m_host.listDevices();
    });
    createTray();
    QApplication::setQuitOnLastWindowClosed(false);
    window->installEventFilter(this);
}

bool ServerController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close)
        return QObject::eventFilter(watched, event);
    if (keepsRunningInTray()) {
        m_window->hide();
        m_tray->showMessage(tr("Trellis"), tr("The server keeps running. Quit it from this icon's menu."));
    } else {
        quit();
    }
    event->ignore();
    return true;
}

ServerController::~ServerController() = default;

void ServerController::showLog(const LogCapture &capture)
{
    // The backlog holds every line that logged() has passed on, so nothing is missed or doubled.
    m_dashboard->appendLog(capture.backlog());
    connect(&capture, &LogCapture::logged, m_dashboard, &ui::ServerDashboard::appendLog);
}

bool ServerController::keepsRunningInTray() const
{
    return m_tray && !m_quitting && ui::settings::keepRunningInTray.value() && m_host.isRunning();
}

void ServerController::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Trellis"));
    auto *menu = new QMenu;
    menu->addAction(tr("Show Trellis"), m_window, [this] {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    });
    menu->addAction(tr("Quit (stops the server)"), this, &ServerController::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, m_window, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            m_window->setVisible(!m_window->isVisible());
    });
    m_tray->show();
}

bool ServerController::runFirstRun(server::ServerConfig &config, QString &user, QString &password)
{
    ui::FirstRunDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    config.serverName = *ServerName::parse(dialog.serverName());
    config.tlsCertificatePath = dialog.certificatePath();
    config.tlsKeyPath = dialog.keyPath();
    if (dialog.selfSigned()) {
        config.tlsCertificatePath = QDir(config.dataDirectory).filePath(QStringLiteral("tls/self-signed-certificate.pem"));
        config.tlsKeyPath = QDir(config.dataDirectory).filePath(QStringLiteral("tls/self-signed-key.pem"));
        if (auto made = server::writeSelfSignedCertificate(config.serverName, config.tlsCertificatePath, config.tlsKeyPath); !made) {
            QMessageBox::warning(m_window, tr("Trellis"), tr("The certificate could not be made: %1").arg(made.error().message));
            return false;
        }
    }
    user = dialog.userName();
    password = dialog.password();
    if (auto saved = config.save(); !saved)
        QMessageBox::warning(m_window, tr("Trellis"), tr("The configuration could not be saved: %1").arg(saved.error().message));
    return true;
}

void ServerController::start()
{
    if (m_host.isRunning())
        return;
    auto loaded = server::ServerConfig::load(m_dataDirectory);
    if (!loaded) {
        m_dashboard->showFailed(loaded.error().message);
        return;
    }
    server::ServerConfig config = *loaded;
    if (QFile::exists(config.databasePath())) {
        startWith(config, std::nullopt);
        return;
    }
    QString user, password;
    QDir().mkpath(config.dataDirectory);
    if (!runFirstRun(config, user, password)) {
        m_dashboard->showFailed(tr("no account yet: press Start to create it"));
        return;
    }
    // argon2id takes a moment on purpose: hash off the GUI thread.
    m_dashboard->showStarting();
    auto *watcher = new QFutureWatcher<Result<QByteArray>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, config, user] {
        watcher->deleteLater();
        const Result<QByteArray> hash = watcher->result();
        if (!hash) {
            m_dashboard->showFailed(hash.error().message);
            return;
        }
        startWith(config, server::InitialAccount{user, *hash});
    });
    watcher->setFuture(QtConcurrent::run([password] { return crypto::hashPassword(password); }));
}

void ServerController::startWith(server::ServerConfig config, std::optional<server::InitialAccount> account)
{
    m_dashboard->showStarting();
    m_host.start(config, std::move(account));
}

void ServerController::quit()
{
    m_quitting = true;
    if (!m_host.isRunning()) {
        QApplication::quit();
        return;
    }
    m_host.stop();
}

} // namespace trellis::app
