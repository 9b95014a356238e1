#include "ui/server/FirstRunDialog.h"

#include "core/base/ServerName.h"
#include "core/base/UserId.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

FirstRunDialog::FirstRunDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Trellis"));
    setObjectName(QStringLiteral("FirstRunDialog"));
    auto *intro = new QLabel(tr("Trellis runs your own Matrix homeserver. Choose its name and create "
                                "your account; you can log into it with any Matrix client."),
                             this);
    intro->setWordWrap(true);

    m_serverName = new QLineEdit(QStringLiteral("localhost"), this);
    m_serverName->setObjectName(QStringLiteral("serverNameEdit"));
    m_serverName->setToolTip(tr("The part after ':' in your user ID. Other servers reach yours under "
                                "this DNS name; it cannot change once rooms exist."));
    m_userName = new QLineEdit(this);
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("repeatEdit"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_certificate = fileField(tr("TLS certificate (PEM)"));
    m_key = fileField(tr("TLS private key (PEM)"));
    m_selfSigned = new QCheckBox(tr("Make a self-signed certificate (for experiments only)"), this);
    m_selfSigned->setObjectName(QStringLiteral("selfSignedCheck"));
    connect(m_selfSigned, &QCheckBox::toggled, this, [this](bool on) {
        m_certificate->parentWidget()->setEnabled(!on);
        m_key->parentWidget()->setEnabled(!on);
        updateState();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Server name:"), m_serverName);
    form->addRow(tr("User name:"), m_userName);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Password again:"), m_repeat);
    form->addRow(tr("TLS certificate:"), m_certificate->parentWidget());
    form->addRow(tr("TLS key:"), m_key->parentWidget());
    form->addRow(QString(), m_selfSigned);
    auto *tlsNote = new QLabel(tr("Without TLS the server speaks plain HTTP and listens on this computer "
                                  "only (127.0.0.1), which is safe for local clients. To reach it from "
                                  "elsewhere, give a certificate for the server name (for example from "
                                  "Let's Encrypt); a self-signed one works for experiments only, as "
                                  "clients and other servers will not trust it."),
                               this);
    tlsNote->setWordWrap(true);
    tlsNote->setForegroundRole(QPalette::PlaceholderText);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create and start"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_serverName, m_userName, m_password, m_repeat, m_certificate, m_key})
        connect(edit, &QLineEdit::textChanged, this, &FirstRunDialog::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(tlsNote);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    updateState();
}

QLineEdit *FirstRunDialog::fileField(const QString &caption)
{
    auto *row = new QWidget(this);
    auto *edit = new QLineEdit(row);
    auto *browse = new QPushButton(tr("Browse…"), row);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, caption] {
        const QString file = QFileDialog::getOpenFileName(this, caption, QString(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    return edit;
}

QString FirstRunDialog::serverName() const { return m_serverName->text().trimmed(); }
QString FirstRunDialog::userName() const { return m_userName->text().trimmed().toLower(); }
QString FirstRunDialog::password() const { return m_password->text(); }
QString FirstRunDialog::certificatePath() const { return m_certificate->text().trimmed(); }
QString FirstRunDialog::keyPath() const { return m_key->text().trimmed(); }
bool FirstRunDialog::selfSigned() const { return m_selfSigned->isChecked(); }

QString FirstRunDialog::problem() const
{
    if (!ServerName::parse(serverName()))
        return tr("The server name is not a valid DNS name or address.");
    // appendices "User Identifiers": new accounts use the current, strict grammar.
    const auto user = UserId::parse(QStringLiteral("@%1:%2").arg(userName(), serverName()));
    if (!user || !user->isCompliant())
        return tr("User names are made of a-z, 0-9 and . _ = - /");
    if (password().size() < 8)
        return tr("Choose a password of at least 8 characters.");
    if (password() != m_repeat->text())
        return tr("The passwords differ.");
    if (!selfSigned() && certificatePath().isEmpty() != keyPath().isEmpty())
        return tr("Give both the TLS certificate and its key, or neither.");
    return {};
}

void FirstRunDialog::updateState()
{
    const QString why = problem();
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace trellis::ui
