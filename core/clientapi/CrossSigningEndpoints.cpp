// client-server-api "Cross-signing" (modules/end_to_end_encryption.md; cross_signing.yaml):
// uploading the owner's cross-signing keys and signatures of their keys.
#include "core/clientapi/CrossSigningEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/clientapi/UserInteractiveAuth.h"
#include "core/json/Fields.h"
#include "core/services/CrossSigningKeys.h"
#include "core/services/SyncNotifier.h"
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/Database.h"

#include <array>

namespace trellis::clientapi {

namespace cs = services::crosssigning;

namespace {

constexpr std::array kUsages = {cs::Usage::Master, cs::Usage::SelfSigning, cs::Usage::UserSigning};

std::string bodyMember(cs::Usage usage)
{
    return json::toUtf8(cs::usageName(usage)) + "_key";
}

/// The standard error body, as a `failures` entry.
json::Object errorObject(const Error &error)
{
    json::Object object;
    object.insert("errcode", jsonText(error.errcode()));
    object.insert("error", jsonText(error.message));
    return object;
}


/// The keys a device_signing/upload body carries, checked one by one.
Result<QMap<cs::Usage, cs::ParsedKey>> parseUploadedKeys(const json::Object &body,
                                                         const QString &owner)
{
    QMap<cs::Usage, cs::ParsedKey> keys;
    for (cs::Usage usage : kUsages) {
        auto object = json::optionalObject(body, bodyMember(usage));
        if (!object)
            return object.error();
        if (!*object)
            continue;
        auto parsed = cs::parseKey(**object, usage, owner);
        if (!parsed)
            return parsed.error().prefixed(json::toQString(bodyMember(usage)));
        keys.insert(usage, std::move(*parsed));
    }
    return keys;
}

/// The stored keys, parsed again (they were valid when stored).
QMap<cs::Usage, cs::ParsedKey>
storedKeys(const QMap<QString, storage::CrossSigningKeyRecord> &records, const QString &owner)
{
    QMap<cs::Usage, cs::ParsedKey> keys;
    for (cs::Usage usage : kUsages) {
        const auto record = records.constFind(cs::usageName(usage));
        if (record == records.cend())
            continue;
        if (auto parsed = cs::parseKey(objectFromBytes(record->json), usage, owner))
            keys.insert(usage, std::move(*parsed));
    }
    return keys;
}

/// cross_signing.yaml: no user-interactive auth for the first master key, nor for an upload
/// whose every key equals the stored one (a retry after a lost response).
bool needsAuth(const QMap<cs::Usage, cs::ParsedKey> &uploaded,
               const QMap<cs::Usage, cs::ParsedKey> &stored)
{
    if (!stored.contains(cs::Usage::Master))
        return false;
    if (!uploaded.contains(cs::Usage::Master))
        return true;
    for (auto it = uploaded.cbegin(); it != uploaded.cend(); ++it) {
        const auto old = stored.constFind(it.key());
        if (old == stored.cend() || !(old->object == it->object))
            return true;
    }
    return false;
}

/// The self-signing and user-signing keys must be signed by the master key in force.
Result<void> checkChain(const QMap<cs::Usage, cs::ParsedKey> &uploaded, const cs::ParsedKey &master)
{
    for (cs::Usage usage : {cs::Usage::SelfSigning, cs::Usage::UserSigning}) {
        const auto key = uploaded.constFind(usage);
        if (key == uploaded.cend())
            continue;
        if (auto signedBy =
                cs::checkSignedBy(key->object, master.userId, master.keyId(), master.publicKey);
            !signedBy)
            return cs::invalidSignature(QStringLiteral("%1: %2").arg(
                json::toQString(bodyMember(usage)), signedBy.error().message));
    }
    return {};
}

/// cross_signing.yaml 403: a public key may not equal one of the user's device IDs (both
/// share the "ed25519:<id>" namespace).
Result<void> checkNoDeviceCollision(ClientApiServices &services,
                                    const QMap<cs::Usage, cs::ParsedKey> &uploaded)
{
    auto devices = services.accounts.devices();
    if (!devices)
        return devices.error();
    for (const cs::ParsedKey &key : uploaded) {
        for (const storage::Device &device : *devices) {
            if (device.deviceId == key.publicKeyBase64)
                return Error::forbidden(QStringLiteral("Key ID in use"));
        }
    }
    return {};
}

void uploadDeviceSigning(ClientApiServices &services, ApiRequest &request,
                         const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    const QString owner = request.caller().userId.toString();
    auto uploaded = parseUploadedKeys(*body, owner);
    if (failed(uploaded, reply))
        return;
    auto records = services.clientData.crossSigningKeys(owner);
    if (failed(records, reply))
        return;
    auto stored = storedKeys(*records, owner);
    // The other keys must be signed by the accompanying master key, else the stored one.
    const cs::ParsedKey *master = uploaded->contains(cs::Usage::Master)
                                      ? &(*uploaded)[cs::Usage::Master]
                                  : stored.contains(cs::Usage::Master) ? &stored[cs::Usage::Master]
                                                                       : nullptr;
    if (!master) {
        reply.fail(Error::missingParam(QStringLiteral("No master signing key is available")));
        return;
    }
    if (auto chain = checkChain(*uploaded, *master); !chain) {
        reply.fail(chain.error());
        return;
    }
    if (failed(checkNoDeviceCollision(services, *uploaded), reply))
        return;
    if (needsAuth(*uploaded, stored) && !passUserInteractiveAuth(services, request, *body, reply))
        return;
    QList<storage::CrossSigningKeyRecord> toStore;
    for (const cs::ParsedKey &key : std::as_const(*uploaded))
        toStore.append(
            {owner, cs::usageName(key.usage), key.publicKeyBase64, canonicalBytes(key.object)});
    if (failed(services.clientData.setCrossSigningKeys(toStore), reply))
        return;
    services.notifier.notify(); // device_lists.changed in waiting syncs
    reply.ok({});
}

/// Signatures of one of the owner's device keys: only the self-signing key may add them.
Result<QList<storage::KeySignature>> deviceSignatures(ClientApiServices &services,
                                                      const QString &owner, const QString &deviceId,
                                                      const json::Object &signedKeys,
                                                      const QMap<cs::Usage, cs::ParsedKey> &keys)
{
    auto stored = services.clientData.deviceKeys(deviceId);
    if (!stored)
        return stored.error();
    if (!*stored || !cs::sameSignedContent(objectFromBytes(**stored), signedKeys))
        return Error::invalidParam(
            QStringLiteral("the signed object does not match the device's keys"));
    const auto ssk = keys.constFind(cs::Usage::SelfSigning);
    if (ssk == keys.cend())
        return cs::invalidSignature(
            QStringLiteral("there is no self-signing key to sign devices with"));
    if (auto ok = cs::checkSignedBy(signedKeys, owner, ssk->keyId(), ssk->publicKey); !ok)
        return ok.error();
    return QList<storage::KeySignature>{
        {owner, deviceId, owner, ssk->keyId(), cs::signatureOf(signedKeys, owner, ssk->keyId())}};
}

/// Signatures of the owner's master key by their devices (migrating device verifications).
Result<QList<storage::KeySignature>> masterSignatures(ClientApiServices &services,
                                                      const QString &owner,
                                                      const cs::ParsedKey &master,
                                                      const json::Object &signedKey)
{
    if (!cs::sameSignedContent(master.object, signedKey))
        return Error::invalidParam(
            QStringLiteral("the signed object does not match the master key"));
    auto devices = services.clientData.allDeviceKeys();
    if (!devices)
        return devices.error();
    QList<storage::KeySignature> found;
    for (auto it = devices->cbegin(); it != devices->cend(); ++it) {
        const QString keyId = QStringLiteral("ed25519:") + it.key();
        if (cs::signatureOf(signedKey, owner, keyId).isEmpty())
            continue;
        const auto deviceKey = cs::deviceSigningKey(objectFromBytes(it.value()), it.key());
        if (!deviceKey)
            return cs::invalidSignature(
                QStringLiteral("device %1 has no ed25519 key").arg(it.key()));
        if (auto ok = cs::checkSignedBy(signedKey, owner, keyId, *deviceKey); !ok)
            return ok.error();
        found.append({owner, master.publicKeyBase64, owner, keyId,
                      cs::signatureOf(signedKey, owner, keyId)});
    }
    if (found.isEmpty())
        return cs::invalidSignature(QStringLiteral("no signature by one of the user's devices"));
    return found;
}

void uploadSignatures(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, 1024 * 1024);
    if (!body)
        return;
    const QString owner = request.caller().userId.toString();
    auto records = services.clientData.crossSigningKeys(owner);
    auto deviceKeys = services.clientData.allDeviceKeys();
    if (failed(records, reply) || failed(deviceKeys, reply))
        return;
    const auto keys = storedKeys(*records, owner);
    QList<storage::KeySignature> accepted;
    json::Object failures;
    for (const auto &[user, byKey] : *body) {
        if (!byKey.isObject()) {
            reply.fail(Error::badJson(QStringLiteral("each user maps key IDs to signed objects")));
            return;
        }
        json::Object userFailures;
        for (const auto &[keyId, signedObject] : byKey.toObject()) {
            const QString id = json::toQString(keyId);
            Result<QList<storage::KeySignature>> result =
                Error::badJson(QStringLiteral("a signed key must be an object"));
            if (!signedObject.isObject())
                result = Error::badJson(QStringLiteral("a signed key must be an object"));
            else if (json::toQString(user) != owner)
                result = Error::notFound(
                    QStringLiteral("only keys of this server's user can be signed here"));
            else if (deviceKeys->contains(id))
                result = deviceSignatures(services, owner, id, signedObject.toObject(), keys);
            else if (keys.contains(cs::Usage::Master) &&
                     keys.value(cs::Usage::Master).publicKeyBase64 == id)
                result = masterSignatures(services, owner, keys.value(cs::Usage::Master),
                                          signedObject.toObject());
            else
                result = Error::notFound(QStringLiteral("no such key"));
            if (result)
                accepted += *result;
            else
                userFailures.insert(keyId, json::Value(errorObject(result.error())));
        }
        if (!userFailures.isEmpty())
            failures.insert(user, json::Value(std::move(userFailures)));
    }
    if (!accepted.isEmpty()) {
        if (failed(services.clientData.addKeySignatures(accepted), reply))
            return;
        services.notifier.notify();
    }
    json::Object answer;
    answer.insert("failures", json::Value(std::move(failures)));
    reply.ok(answer);
}

} // namespace

Result<CrossSigningAnswer> crossSigningForQuery(ClientApiServices &services, const QString &userId,
                                                const QString &requester)
{
    auto records = services.clientData.crossSigningKeys(userId);
    if (!records)
        return records.error();
    auto signatures = services.clientData.keySignatures(userId);
    if (!signatures)
        return signatures.error();
    CrossSigningAnswer answer;
    for (const storage::CrossSigningKeyRecord &record : std::as_const(*records)) {
        json::Object key = objectFromBytes(record.json);
        if (record.usage == u"master") {
            for (const storage::KeySignature &s : std::as_const(*signatures)) {
                if (s.target == record.publicKey)
                    cs::addSignature(key, s.signerUserId, s.signerKeyId, s.signature);
            }
            answer.master = std::move(key);
        } else if (record.usage == u"self_signing") {
            answer.selfSigning = std::move(key);
        } else if (record.usage == u"user_signing" && requester == userId) {
            answer.userSigning = std::move(key); // keys.yaml: only the user sees their own
        }
    }
    return answer;
}

Result<void> addDeviceSignatures(ClientApiServices &services, const QString &userId,
                                 json::Object &deviceKeysById)
{
    auto signatures = services.clientData.keySignatures(userId);
    if (!signatures)
        return signatures.error();
    for (const storage::KeySignature &s : std::as_const(*signatures)) {
        json::Value *device = deviceKeysById.find(json::toUtf8(s.target));
        if (device && device->isObject())
            cs::addSignature(*device->asObject(), s.signerUserId, s.signerKeyId, s.signature);
    }
    return {};
}

void registerCrossSigningEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) {
        return bindEndpoint(services, handler);
    };
    router.add("POST", Router::client(u"/keys/device_signing/upload"), Router::Auth::Required,
               bind(uploadDeviceSigning));
    router.add("POST", Router::client(u"/keys/signatures/upload"), Router::Auth::Required,
               bind(uploadSignatures));
}

} // namespace trellis::clientapi
