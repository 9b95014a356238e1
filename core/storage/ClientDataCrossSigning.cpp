// ClientDataStore: cross-signing keys and the signatures uploaded for keys (client-server-api
// "Cross-signing": POST /keys/device_signing/upload, /keys/signatures/upload, and what
// /keys/query returns). The endpoints validate keys and verify signatures; this file keeps
// them and records the device-list changes they are.
#include "core/storage/ClientDataStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"
#include "core/storage/AccountStore.h"

#include <QSet>

namespace trellis::storage {
namespace {

Result<void> checkKeyRecord(const CrossSigningKeyRecord &key)
{
    if (auto ok = limits::checkText(key.userId, limits::kMaxIdBytes, "user_id"); !ok)
        return ok;
    if (key.usage != u"master" && key.usage != u"self_signing" && key.usage != u"user_signing")
        return Error::invalidParam(QStringLiteral("unknown cross-signing key usage"));
    if (auto ok = limits::checkText(key.publicKey, limits::kMaxIdBytes, "public key"); !ok)
        return ok;
    return limits::checkBlob(key.json, limits::kMaxDeviceKeysBytes, "cross-signing key");
}

Result<void> checkSignature(const KeySignature &s)
{
    using namespace limits;
    for (const auto &[value, what] : {std::pair{&s.userId, "user_id"},
                                      {&s.target, "key ID"},
                                      {&s.signerUserId, "signer"},
                                      {&s.signerKeyId, "signer key"}}) {
        if (auto ok = checkText(*value, kMaxIdBytes, what); !ok)
            return ok;
    }
    // An ed25519 signature is 86 characters of unpadded base64.
    return checkText(s.signature, 128, "signature");
}

} // namespace

Result<QMap<QString, CrossSigningKeyRecord>>
ClientDataStore::crossSigningKeys(const QString &userId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT usage, public_key, json FROM cross_signing_keys"
                                         " WHERE user_id = ?"),
                          {userId});
    if (!query)
        return query.error();
    QMap<QString, CrossSigningKeyRecord> keys;
    while (query->next()) {
        const QString usage = query->value(0).toString();
        keys.insert(usage, CrossSigningKeyRecord{userId, usage, query->value(1).toString(),
                                                 query->value(2).toByteArray()});
    }
    return keys;
}

Result<void> ClientDataStore::setCrossSigningKeys(const QList<CrossSigningKeyRecord> &keys)
{
    for (const CrossSigningKeyRecord &key : keys) {
        if (auto ok = checkKeyRecord(key); !ok)
            return ok;
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSet<QString> changedUsers;
    for (const CrossSigningKeyRecord &key : keys) {
        auto old = crossSigningKeys(key.userId);
        if (!old)
            return old.error();
        const auto previous = old->constFind(key.usage);
        if (previous != old->cend() && previous->json == key.json)
            continue; // the same key again (a retried upload) changes nothing
        if (previous != old->cend()) {
            // Signatures by the replaced key no longer mean anything.
            auto dropped =
                sql::exec(m_db,
                          QStringLiteral("DELETE FROM key_signatures"
                                         " WHERE signer_user_id = ? AND signer_key_id = ?"),
                          {key.userId, QString(QStringLiteral("ed25519:") + previous->publicKey)});
            if (!dropped)
                return dropped;
        }
        auto written = sql::exec(m_db,
                                 QStringLiteral("INSERT OR REPLACE INTO cross_signing_keys"
                                                " (user_id, usage, public_key, json)"
                                                " VALUES (?, ?, ?, ?)"),
                                 {key.userId, key.usage, key.publicKey, key.json});
        if (!written)
            return written;
        changedUsers.insert(key.userId);
    }
    for (const QString &user : std::as_const(changedUsers)) {
        if (auto noted = m_accounts.noteDeviceListChange(user); !noted)
            return noted.error();
    }
    return tx.commit();
}

Result<void> ClientDataStore::addKeySignatures(const QList<KeySignature> &signatures)
{
    for (const KeySignature &signature : signatures) {
        if (auto ok = checkSignature(signature); !ok)
            return ok;
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSet<QString> changedUsers;
    for (const KeySignature &s : signatures) {
        auto written = sql::exec(m_db,
                                 QStringLiteral("INSERT OR REPLACE INTO key_signatures (user_id,"
                                                " target, signer_user_id, signer_key_id, signature)"
                                                " VALUES (?, ?, ?, ?, ?)"),
                                 {s.userId, s.target, s.signerUserId, s.signerKeyId, s.signature});
        if (!written)
            return written;
        changedUsers.insert(s.userId);
    }
    for (const QString &user : std::as_const(changedUsers)) {
        if (auto noted = m_accounts.noteDeviceListChange(user); !noted)
            return noted.error();
    }
    return tx.commit();
}

Result<QList<KeySignature>> ClientDataStore::keySignatures(const QString &userId)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT target, signer_user_id, signer_key_id, signature"
                                         " FROM key_signatures WHERE user_id = ?"
                                         " ORDER BY target, signer_user_id, signer_key_id"),
                          {userId});
    if (!query)
        return query.error();
    QList<KeySignature> signatures;
    while (query->next()) {
        signatures.append(KeySignature{userId, query->value(0).toString(),
                                       query->value(1).toString(), query->value(2).toString(),
                                       query->value(3).toString()});
    }
    return signatures;
}

} // namespace trellis::storage
