#include "core/server/SigningKeyVault.h"

#include "core/crypto/KeyFile.h"
#include "core/crypto/KeyId.h"

#include <QFile>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeys, "trellis.keys")

namespace trellis::server {
namespace {

// The keychain entry's service, named after the app ID (org.trellis_matrix.Trellis).
const QString kService = QStringLiteral("org.trellis_matrix.Trellis.signing-key");
// Where builds before the app ID settled kept it: moved to kService when found there.
const QString kLegacyService = QStringLiteral("org.trellis.Trellis.signing-key");

} // namespace

SigningKeyVault::SigningKeyVault(QString account, QString fallbackPath, QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_fallbackPath(std::move(fallbackPath))
{
}

void SigningKeyVault::load()
{
    // A key file from an earlier run without a keychain stays authoritative: moving keys
    // between stores silently would surprise the owner.
    if (!m_keychainEnabled || QFile::exists(m_fallbackPath)) {
        useFile(m_keychainEnabled ? QStringLiteral("a key file already exists")
                                  : QStringLiteral("the keychain is disabled"));
        return;
    }
    readFromKeychain(kService);
}

QString SigningKeyVault::serviceName()
{
    return kService;
}

QString SigningKeyVault::legacyServiceName()
{
    return kLegacyService;
}

void SigningKeyVault::readFromKeychain(const QString &service)
{
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(m_account);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, job, service] {
        const bool legacy = service == kLegacyService;
        if (job->error() == QKeychain::NoError) {
            auto keys = crypto::keyfile::parse(job->binaryData());
            if (!keys)
                return finish(keys.error().prefixed(QStringLiteral("the keychain entry")), Storage::Keychain);
            if (legacy)
                return writeToKeychain(keys->first(), Origin::LegacyEntry);
            return finish(keys->first(), Storage::Keychain);
        }
        if (job->error() == QKeychain::EntryNotFound) {
            if (!legacy)
                return readFromKeychain(kLegacyService);
            auto key = crypto::SigningKey::generate(crypto::randomKeyVersion());
            if (!key)
                return finish(key.error(), Storage::Keychain);
            return writeToKeychain(*key, Origin::Generated);
        }
        useFile(QStringLiteral("the keychain is unavailable (%1)").arg(job->errorString()));
    });
    job->start();
}

void SigningKeyVault::writeToKeychain(const crypto::SigningKey &key, Origin origin)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(m_account);
    job->setBinaryData(crypto::keyfile::format(key));
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, origin] {
        if (job->error() != QKeychain::NoError) {
            // A key found under the old name is still there: keep serving it from there.
            if (origin == Origin::LegacyEntry) {
                qCWarning(lcKeys).noquote() << "cannot move the signing key to the keychain entry"
                                            << kService << QStringLiteral("(%1);").arg(job->errorString())
                                            << "it stays under" << kLegacyService;
                return finish(key, Storage::Keychain);
            }
            return useFile(QStringLiteral("the keychain refused the new key (%1)").arg(job->errorString()));
        }
        if (origin == Origin::Generated) {
            qCInfo(lcKeys) << "generated signing key" << key.keyId() << "and stored it in the OS keychain";
            return finish(key, Storage::Keychain);
        }
        qCInfo(lcKeys).noquote() << "moved signing key" << key.keyId() << "from the keychain entry"
                                 << kLegacyService << "to" << kService;
        deleteLegacyEntry();
        finish(key, Storage::Keychain);
    });
    job->start();
}

void SigningKeyVault::deleteLegacyEntry()
{
    // Only once the key is safe under the new name; a failure leaves a harmless copy.
    auto *job = new QKeychain::DeletePasswordJob(kLegacyService, this);
    job->setKey(m_account);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [job] {
        if (job->error() != QKeychain::NoError)
            qCWarning(lcKeys).noquote() << "cannot remove the old keychain entry" << kLegacyService
                                        << QStringLiteral("(%1)").arg(job->errorString());
    });
    job->start();
}

void SigningKeyVault::useFile(const QString &why)
{
    if (QFile::exists(m_fallbackPath)) {
        auto keys = crypto::keyfile::load(m_fallbackPath);
        if (!keys)
            return finish(keys.error(), Storage::File);
        qCInfo(lcKeys).noquote() << "using the signing key in" << m_fallbackPath << QStringLiteral("(%1)").arg(why);
        return finish(keys->first(), Storage::File);
    }
    auto key = crypto::SigningKey::generate(crypto::randomKeyVersion());
    if (!key)
        return finish(key.error(), Storage::File);
    if (auto saved = crypto::keyfile::save(m_fallbackPath, *key); !saved)
        return finish(saved.error(), Storage::File);
    qCWarning(lcKeys).noquote() << "No OS keychain service:" << why << "- the new signing key"
                                << key->keyId() << "is kept in" << m_fallbackPath
                                << "(mode 0600). Protect this file: it is the server's identity.";
    finish(*key, Storage::File);
}

void SigningKeyVault::finish(Result<crypto::SigningKey> key, Storage storage)
{
    if (key)
        Q_EMIT ready(*key, storage);
    else
        Q_EMIT failed(key.error());
}

} // namespace trellis::server
