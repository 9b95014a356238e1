#include "ui/server/ServerDashboard.h"

#include "ui/server/LogView.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ServerDashboard::ServerDashboard(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ServerDashboard"));
    m_state = valueLabel(this, "stateLabel");
    m_serverName = valueLabel(this, "serverNameLabel");
    m_owner = valueLabel(this, "ownerLabel");
    m_listening = valueLabel(this, "listeningLabel");
    m_tls = valueLabel(this, "tlsLabel");
    m_connections = valueLabel(this, "connectionsLabel");
    m_certificate = valueLabel(this, "certificateLabel");
    m_certificate->setWordWrap(true);
    m_signingKey = valueLabel(this, "signingKeyLabel");
    m_dataDirectory = valueLabel(this, "dataDirectoryLabel");
    m_dataDirectory->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Server name:"), m_serverName);
    form->addRow(tr("Owner:"), m_owner);
    form->addRow(tr("Listening on:"), m_listening);
    form->addRow(tr("TLS:"), m_tls);
    form->addRow(tr("Certificate:"), m_certificate);
    form->addRow(tr("Connections:"), m_connections);
    form->addRow(tr("Signing key:"), m_signingKey);
    form->addRow(tr("Data directory:"), m_dataDirectory);

    m_start = new QPushButton(tr("&Start server"), this);
    m_stop = new QPushButton(tr("S&top server"), this);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    connect(m_start, &QPushButton::clicked, this, &ServerDashboard::startRequested);
    connect(m_stop, &QPushButton::clicked, this, &ServerDashboard::stopRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);

    m_requests = new QStandardItemModel(0, 5, this);
    m_requests->setHorizontalHeaderLabels({tr("Time"), tr("Method"), tr("Path"), tr("Status"), tr("ms")});
    m_requestView = new QTableView(this);
    m_requestView->setObjectName(QStringLiteral("requestLog"));
    m_requestView->setModel(m_requests);
    m_requestView->verticalHeader()->hide();
    m_requestView->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_requestView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_requestView->setSelectionBehavior(QAbstractItemView::SelectRows);

    // The owner's logins beside the server's facts: every client that holds a token.
    m_devices = new QStandardItemModel(0, 4, this);
    m_devices->setHorizontalHeaderLabels({tr("Device"), tr("Name"), tr("Last seen"), tr("Address")});
    auto *devicesView = new QTableView(this);
    devicesView->setObjectName(QStringLiteral("devices"));
    devicesView->setModel(m_devices);
    devicesView->verticalHeader()->hide();
    devicesView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    devicesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    devicesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *facts = new QVBoxLayout;
    facts->addLayout(form);
    facts->addLayout(buttons);
    auto *devicesColumn = new QVBoxLayout;
    devicesColumn->addWidget(new QLabel(tr("Logins (devices):"), this));
    devicesColumn->addWidget(devicesView, 1);
    auto *top = new QHBoxLayout;
    top->addLayout(facts);
    top->addLayout(devicesColumn, 1);

    // What the server does, below its facts: the requests it answers and what it logs.
    m_logView = new LogView(this);
    m_activity = new QTabWidget(this);
    m_activity->setObjectName(QStringLiteral("activityTabs"));
    m_activity->setDocumentMode(true);
    m_activity->addTab(m_requestView, tr("Requests"));
    const int logTab = m_activity->addTab(m_logView, tr("Log"));
    // A warning while the log is out of sight marks its tab until the user looks.
    connect(m_logView, &LogView::problemLogged, this, [this, logTab] {
        if (m_activity->currentIndex() != logTab)
            m_activity->setTabIcon(logTab, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    });
    connect(m_activity, &QTabWidget::currentChanged, this, [this, logTab](int index) {
        if (index == logTab)
            m_activity->setTabIcon(logTab, {});
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_activity, 1);
    showStopped();
}

int ServerDashboard::loggedRequests() const { return m_requests->rowCount(); }

void ServerDashboard::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
}

void ServerDashboard::showStarting()
{
    m_state->setText(tr("Starting…"));
    m_start->setEnabled(false);
    m_stop->setEnabled(false);
}

void ServerDashboard::showStarted(const api::ServerStatus &status)
{
    m_state->setText(tr("Running (started in %1 ms)").arg(status.startupMillis));
    m_serverName->setText(status.serverName);
    m_owner->setText(status.userId.isEmpty() ? tr("no account yet") : status.userId);
    m_listening->setText(status.listening.join(QStringLiteral(", ")));
    m_tls->setText(status.tls ? tr("on") : tr("off (plain HTTP: keep the server on loopback)"));
    showCertificate(status);
    m_signingKey->setText(status.signingKeyId);
    m_dataDirectory->setText(status.dataDirectory);
    showConnections(0);
    setRunning(true);
}

void ServerDashboard::showStopped()
{
    m_state->setText(tr("Stopped"));
    m_listening->setText(tr("—"));
    m_connections->setText(tr("—"));
    setRunning(false);
}

void ServerDashboard::showCertificate(const api::ServerStatus &status)
{
    if (!status.tls) {
        m_certificate->setText(tr("—"));
        m_certificate->setToolTip(QString());
        return;
    }
    const api::CertificateInfo &certificate = status.certificate;
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(certificate.notAfterMs);
    QString text = tr("%1, issued by %2, valid until %3")
                       .arg(certificate.subject,
                            certificate.selfSigned ? tr("itself (self-signed: clients and other "
                                                        "servers do not trust it)")
                                                   : certificate.issuer,
                            QLocale().toString(until, QLocale::ShortFormat));
    if (until < QDateTime::currentDateTime())
        text += QLatin1Char(' ') + tr("(expired: clients refuse it)");
    m_certificate->setText(text);
    m_certificate->setToolTip(tr("SHA-256 fingerprint: %1").arg(certificate.sha256));
}

void ServerDashboard::showConnections(int open)
{
    // Clients keep connections open (keep-alive, long-polling /sync): one per client, roughly.
    m_connections->setText(open == 1 ? tr("1 open") : tr("%1 open").arg(open));
}

void ServerDashboard::showFailed(const QString &message)
{
    m_state->setText(tr("Failed: %1").arg(message));
    setRunning(false);
}

void ServerDashboard::logRequest(const api::RequestLogEntry &entry)
{
    QList<QStandardItem *> row{
        new QStandardItem(QDateTime::fromMSecsSinceEpoch(entry.atMs).toString(QStringLiteral("HH:mm:ss.zzz"))),
        new QStandardItem(QString::fromLatin1(entry.method)),
        new QStandardItem(QString::fromUtf8(QByteArray::fromPercentEncoding(entry.path))),
        new QStandardItem(QString::number(entry.status)),
        new QStandardItem(QString::number(double(entry.elapsedMicros) / 1000.0, 'f', 2))};
    if (entry.status >= 400)
        row[3]->setForeground(QColor(0xc0, 0x39, 0x2b));
    m_requests->insertRow(0, row);
    if (m_requests->rowCount() > kLogRows)
        m_requests->removeRows(kLogRows, m_requests->rowCount() - kLogRows);
}

void ServerDashboard::appendLog(const QList<api::LogEntry> &entries) { m_logView->append(entries); }

void ServerDashboard::setDevices(const QList<api::DeviceEntry> &devices)
{
    QList<api::DeviceEntry> sorted = devices;
    std::sort(sorted.begin(), sorted.end(),
              [](const api::DeviceEntry &a, const api::DeviceEntry &b) { return a.lastSeenMs > b.lastSeenMs; });
    m_devices->removeRows(0, m_devices->rowCount());
    for (const api::DeviceEntry &device : std::as_const(sorted)) {
        const QString seen = device.lastSeenMs > 0
                                 ? QDateTime::fromMSecsSinceEpoch(device.lastSeenMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                 : tr("not since login");
        m_devices->appendRow({new QStandardItem(device.deviceId), new QStandardItem(device.displayName),
                              new QStandardItem(seen), new QStandardItem(device.lastSeenIp)});
    }
}

int ServerDashboard::deviceCount() const { return m_devices->rowCount(); }

} // namespace trellis::ui
