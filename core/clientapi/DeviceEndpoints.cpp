#include "core/clientapi/DeviceEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/clientapi/UserInteractiveAuth.h"
#include "core/json/Fields.h"
#include "core/services/LoginService.h"
#include "core/services/SyncNotifier.h"
#include "core/storage/AccountStore.h"

namespace trellis::clientapi {

namespace {

json::Object deviceJson(const storage::Device &device)
{
    json::Object object;
    object.insert("device_id", jsonText(device.deviceId));
    if (!device.displayName.isEmpty())
        object.insert("display_name", jsonText(device.displayName));
    if (device.lastSeenTs)
        object.insert("last_seen_ts", json::Value(*device.lastSeenTs));
    if (!device.lastSeenIp.isEmpty())
        object.insert("last_seen_ip", jsonText(device.lastSeenIp));
    return object;
}

void listDevices(ClientApiServices &services, ApiRequest &, const ApiResponder &reply)
{
    auto devices = services.accounts.devices();
    if (failed(devices, reply))
        return;
    json::Array list;
    for (const storage::Device &device : *devices)
        list.emplace_back(deviceJson(device));
    json::Object answer;
    answer.insert("devices", json::Value(std::move(list)));
    reply.ok(answer);
}

void getDevice(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto device = services.accounts.device(request.param(QStringLiteral("deviceId")));
    if (failed(device, reply))
        return;
    if (!*device) {
        reply.fail(Error::notFound(QStringLiteral("no such device")));
        return;
    }
    reply.ok(deviceJson(**device));
}

void renameDevice(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto name = json::optionalString(*body, "display_name");
    if (failed(name, reply))
        return;
    if (!*name) {
        reply.ok({});
        return;
    }
    if (failed(services.accounts.setDeviceDisplayName(request.param(QStringLiteral("deviceId")), **name), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

void deleteDevices(ClientApiServices &services, const QStringList &ids, const ApiResponder &reply)
{
    for (const QString &id : ids)
        services.login.forgetDevice(id);
    if (failed(services.accounts.deleteDevices(ids), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

void deleteDevice(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, 65536, true);
    if (!body || !passUserInteractiveAuth(services, request, *body, reply))
        return;
    const QString id = request.param(QStringLiteral("deviceId"));
    auto device = services.accounts.device(id);
    if (failed(device, reply))
        return;
    if (!*device) {
        reply.fail(Error::notFound(QStringLiteral("no such device")));
        return;
    }
    deleteDevices(services, {id}, reply);
}

void deleteSeveral(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto ids = json::optionalStringList(*body, "devices");
    if (failed(ids, reply))
        return;
    if (!*ids) {
        reply.fail(Error::missingParam(QStringLiteral("'devices' is required")));
        return;
    }
    if (!passUserInteractiveAuth(services, request, *body, reply))
        return;
    deleteDevices(services, **ids, reply);
}

} // namespace

void registerDeviceEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    router.add("GET", Router::client(u"/devices"), Router::Auth::Required, bind(listDevices));
    router.add("GET", Router::client(u"/devices/{deviceId}"), Router::Auth::Required, bind(getDevice));
    router.add("PUT", Router::client(u"/devices/{deviceId}"), Router::Auth::Required, bind(renameDevice));
    router.add("DELETE", Router::client(u"/devices/{deviceId}"), Router::Auth::Required, bind(deleteDevice));
    router.add("POST", Router::client(u"/delete_devices"), Router::Auth::Required, bind(deleteSeveral));
}

} // namespace trellis::clientapi
