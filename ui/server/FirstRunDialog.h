#pragma once
#include <QDialog>

class QLabel;
class QCheckBox;
class QLineEdit;
class QDialogButtonBox;

namespace trellis::ui {

/// The first start of Trellis: the server's name, the owner's account and, optionally, TLS
/// certificate files. The signing key is made by the server itself when it first starts (and
/// kept in the OS keychain). Nothing is written here: the caller takes the answers.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);

    QString serverName() const;
    QString userName() const;
    QString password() const;
    QString certificatePath() const;
    /// Whether to make a self-signed certificate for the server name (instead of the files).
    bool selfSigned() const;
    QString keyPath() const;

    /// Why the answers cannot be used yet, or an empty string.
    QString problem() const;

private:
    void updateState();
    QLineEdit *fileField(const QString &caption);

    QLineEdit *m_serverName;
    QLineEdit *m_userName;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QCheckBox *m_selfSigned;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace trellis::ui
