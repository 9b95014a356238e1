#include "core/clientapi/KeysEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/CrossSigningEndpoints.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/json/Writer.h"
#include "core/services/SyncNotifier.h"
#include "core/services/SyncToken.h"
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/Database.h"

namespace trellis::clientapi {

namespace {

/// "algorithm:key_id" -> key objects (or, for old clients, bare strings) as OneTimeKeys.
Result<QList<storage::OneTimeKey>> parseKeys(const json::Object &keys)
{
    QList<storage::OneTimeKey> list;
    for (const auto &[name, value] : keys) {
        const QString id = json::toQString(name);
        const qsizetype colon = id.indexOf(u':');
        if (colon <= 0 || colon == id.size() - 1)
            return Error::badJson(QStringLiteral("key name '%1' is not algorithm:key_id").arg(id.left(100)));
        if (!value.isObject() && !value.isString())
            return Error::badJson(QStringLiteral("key '%1' must be an object").arg(id.left(100)));
        list.append({id.left(colon), id.mid(colon + 1), json::toCanonicalBytes(value)});
    }
    return list;
}

json::Object counts(const QMap<QString, int> &byAlgorithm)
{
    json::Object object;
    for (auto it = byAlgorithm.cbegin(); it != byAlgorithm.cend(); ++it)
        object.insert(json::toUtf8(it.key()), json::Value(qint64(it.value())));
    return object;
}

Result<void> storeDeviceKeys(ClientApiServices &services, const Session &caller, const json::Object &keys)
{
    auto userId = json::requiredString(keys, "user_id");
    if (!userId)
        return userId.error().prefixed(QStringLiteral("device_keys"));
    auto deviceId = json::requiredString(keys, "device_id");
    if (!deviceId)
        return deviceId.error().prefixed(QStringLiteral("device_keys"));
    if (*userId != caller.userId.toString() || *deviceId != caller.deviceId)
        return Error::badJson(QStringLiteral("device_keys must be this device's own keys"));
    return services.clientData.setDeviceKeys(caller.deviceId, canonicalBytes(keys));
}

void upload(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, 1024 * 1024);
    if (!body)
        return;
    const Session &caller = request.caller();
    auto deviceKeys = json::optionalObject(*body, "device_keys");
    auto oneTimeKeys = json::optionalObject(*body, "one_time_keys");
    auto fallbackKeys = json::optionalObject(*body, "fallback_keys");
    if (failed(deviceKeys, reply) || failed(oneTimeKeys, reply) || failed(fallbackKeys, reply))
        return;
    storage::Transaction transaction(services.database);
    if (*deviceKeys && failed(storeDeviceKeys(services, caller, **deviceKeys), reply))
        return;
    if (*oneTimeKeys) {
        auto keys = parseKeys(**oneTimeKeys);
        if (failed(keys, reply) || failed(services.clientData.addOneTimeKeys(caller.deviceId, *keys), reply))
            return;
    }
    if (*fallbackKeys) {
        auto keys = parseKeys(**fallbackKeys);
        if (failed(keys, reply) || failed(services.clientData.setFallbackKeys(caller.deviceId, *keys), reply))
            return;
    }
    if (failed(transaction.commit(), reply))
        return;
    auto counted = services.clientData.oneTimeKeyCounts(caller.deviceId);
    if (failed(counted, reply))
        return;
    services.notifier.notify();
    json::Object answer;
    answer.insert("one_time_key_counts", json::Value(counts(*counted)));
    reply.ok(answer);
}

/// The owner's device keys, with each device's display name in `unsigned` (keys.yaml).
Result<json::Object> ownDeviceKeys(ClientApiServices &services, const QStringList &wanted)
{
    auto all = services.clientData.allDeviceKeys();
    if (!all)
        return all.error();
    auto devices = services.accounts.devices();
    if (!devices)
        return devices.error();
    json::Object byDevice;
    for (auto it = all->cbegin(); it != all->cend(); ++it) {
        if (!wanted.isEmpty() && !wanted.contains(it.key()))
            continue;
        json::Object keys = objectFromBytes(it.value());
        for (const storage::Device &device : *devices) {
            if (device.deviceId == it.key() && !device.displayName.isEmpty()) {
                json::Object unsignedData;
                unsignedData.insert("device_display_name", jsonText(device.displayName));
                keys.insert("unsigned", json::Value(std::move(unsignedData)));
            }
        }
        byDevice.insert(json::toUtf8(it.key()), json::Value(std::move(keys)));
    }
    return byDevice;
}

void query(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto wanted = json::requiredObject(*body, "device_keys");
    if (failed(wanted, reply))
        return;
    json::Object deviceKeys, masterKeys, selfSigningKeys, userSigningKeys;
    json::Object failures;
    const QString self = request.caller().userId.toString();
    for (const auto &[user, devices] : *wanted) {
        auto list = json::optionalStringList(*wanted, user);
        if (failed(list, reply))
            return;
        if (json::toQString(user) != self) {
            // Other servers' users need federation, which this server does not speak yet.
            const QString server = json::toQString(user).section(u':', 1);
            failures.insert(json::toUtf8(server), json::Value(json::Object{}));
            continue;
        }
        auto keys = ownDeviceKeys(services, list->value_or(QStringList()));
        if (failed(keys, reply) || failed(addDeviceSignatures(services, self, *keys), reply))
            return;
        deviceKeys.insert(user, json::Value(std::move(*keys)));
        // client-server-api "Cross-signing": the user's cross-signing keys come along.
        auto crossSigning = crossSigningForQuery(services, self, self);
        if (failed(crossSigning, reply))
            return;
        if (crossSigning->master)
            masterKeys.insert(user, json::Value(std::move(*crossSigning->master)));
        if (crossSigning->selfSigning)
            selfSigningKeys.insert(user, json::Value(std::move(*crossSigning->selfSigning)));
        if (crossSigning->userSigning)
            userSigningKeys.insert(user, json::Value(std::move(*crossSigning->userSigning)));
    }
    json::Object answer;
    answer.insert("device_keys", json::Value(std::move(deviceKeys)));
    answer.insert("master_keys", json::Value(std::move(masterKeys)));
    answer.insert("self_signing_keys", json::Value(std::move(selfSigningKeys)));
    answer.insert("user_signing_keys", json::Value(std::move(userSigningKeys)));
    answer.insert("failures", json::Value(std::move(failures)));
    reply.ok(answer);
}

void claim(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto wanted = json::requiredObject(*body, "one_time_keys");
    if (failed(wanted, reply))
        return;
    QList<storage::KeyClaim> claims;
    const QString self = request.caller().userId.toString();
    for (const auto &[user, devices] : *wanted) {
        if (!devices.isObject()) {
            reply.fail(Error::badJson(QStringLiteral("one_time_keys: each user maps devices to algorithms")));
            return;
        }
        if (json::toQString(user) != self)
            continue;
        for (const auto &[device, algorithm] : devices.toObject()) {
            if (!algorithm.isString()) {
                reply.fail(Error::badJson(QStringLiteral("one_time_keys: algorithms are strings")));
                return;
            }
            claims.append({json::toQString(device), json::toQString(algorithm.toString())});
        }
    }
    auto claimed = services.clientData.claimKeys(claims);
    if (failed(claimed, reply))
        return;
    json::Object byDevice;
    for (const storage::ClaimedKey &key : *claimed) {
        json::Object keys;
        keys.insert(json::toUtf8(key.algorithm + u':' + key.keyId), json::Value(objectFromBytes(key.json)));
        byDevice.insert(json::toUtf8(key.deviceId), json::Value(std::move(keys)));
    }
    json::Object oneTimeKeys;
    if (!byDevice.isEmpty())
        oneTimeKeys.insert(json::toUtf8(self), json::Value(std::move(byDevice)));
    json::Object answer;
    answer.insert("one_time_keys", json::Value(std::move(oneTimeKeys)));
    answer.insert("failures", json::Value(json::Object{}));
    reply.ok(answer);
}

void changes(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto from = services::SyncToken::parse(request.http.query(QStringLiteral("from")));
    if (failed(from, reply))
        return;
    auto changed = services.accounts.deviceListChangesAfter(from->deviceLists);
    if (failed(changed, reply))
        return;
    json::Array list;
    for (const QString &user : *changed)
        list.push_back(jsonText(user));
    json::Object answer;
    answer.insert("changed", json::Value(std::move(list)));
    answer.insert("left", json::Value(json::Array{}));
    reply.ok(answer);
}

void sendToDevice(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, 1024 * 1024);
    if (!body)
        return;
    auto messages = json::requiredObject(*body, "messages");
    if (failed(messages, reply))
        return;
    const Session &caller = request.caller();
    QMap<QString, QByteArray> own;
    for (const auto &[user, devices] : *messages) {
        if (!devices.isObject()) {
            reply.fail(Error::badJson(QStringLiteral("messages: each user maps devices to contents")));
            return;
        }
        if (json::toQString(user) != caller.userId.toString())
            continue; // remote users need federation
        for (const auto &[device, content] : devices.toObject()) {
            if (!content.isObject()) {
                reply.fail(Error::badJson(QStringLiteral("messages: each content is an object")));
                return;
            }
            own.insert(json::toQString(device), json::toCanonicalBytes(content));
        }
    }
    storage::Transaction transaction(services.database);
    // client-server-api "Transaction identifiers": a retried request changes nothing.
    auto first = services.clientData.markTransaction(caller.deviceId, request.param(QStringLiteral("txnId")), services.nowMs());
    if (failed(first, reply))
        return;
    if (*first && failed(services.clientData.queueToDevice(caller.userId.toString(), request.param(QStringLiteral("eventType")), own), reply))
        return;
    if (failed(transaction.commit(), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

} // namespace

void registerKeysEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    router.add("POST", Router::client(u"/keys/upload"), Router::Auth::Required, bind(upload));
    router.add("POST", Router::client(u"/keys/query"), Router::Auth::Required, bind(query));
    router.add("POST", Router::client(u"/keys/claim"), Router::Auth::Required, bind(claim));
    router.add("GET", Router::client(u"/keys/changes"), Router::Auth::Required, bind(changes));
    router.add("PUT", Router::client(u"/sendToDevice/{eventType}/{txnId}"), Router::Auth::Required, bind(sendToDevice));
    registerCrossSigningEndpoints(router, services);
}

} // namespace trellis::clientapi
