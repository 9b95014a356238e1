#pragma once
#include "core/base/Error.h"
#include "core/crypto/SigningKey.h"

#include <QObject>
#include <QString>

namespace trellis::server {

/// Keeps the server's signing key: in the OS keychain through QtKeychain (Secret Service,
/// KWallet, macOS Keychain, Windows Credential Store), or — where no keychain service exists,
/// as on headless servers and CI — in a key file with mode 0600 in the data directory, saying
/// so in the log. On first use it generates the key. A key under the keychain entry name of
/// earlier builds moves to the current one.
///
/// Asynchronous: keychain jobs report back through the event loop of the calling thread.
class SigningKeyVault : public QObject
{
    Q_OBJECT

public:
    enum class Storage { Keychain, File };

    /// `account` names the entry (the server name); `fallbackPath` is the key file.
    SigningKeyVault(QString account, QString fallbackPath, QObject *parent = nullptr);

    /// Whether to try the OS keychain at all (off: file only, e.g. for tests).
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }
    /// Starts loading (or creating) the key; ends with ready() or failed().
    void load();

    /// The keychain entry's service name; the entry's key (account) is the server name.
    static QString serviceName();
    /// The service name of earlier builds: a key found there moves to serviceName().
    static QString legacyServiceName();

Q_SIGNALS:
    void ready(const trellis::crypto::SigningKey &key, trellis::server::SigningKeyVault::Storage storage);
    void failed(const trellis::Error &error);

private:
    /// Where a key written to the keychain comes from.
    enum class Origin { Generated, LegacyEntry };

    void readFromKeychain(const QString &service);
    void writeToKeychain(const crypto::SigningKey &key, Origin origin);
    void deleteLegacyEntry();
    void useFile(const QString &why);
    void finish(Result<crypto::SigningKey> key, Storage storage);

    QString m_account;
    QString m_fallbackPath;
    bool m_keychainEnabled = true;
};

} // namespace trellis::server
