#include "core/clientapi/SyncEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Reader.h"
#include "core/services/Presence.h"
#include "core/services/SyncNotifier.h"
#include "core/services/SyncService.h"
#include "core/storage/AccountStore.h"

namespace trellis::clientapi {

namespace {

// Clients ask for 30 s typically; a few minutes at most keeps abandoned waits bounded.
constexpr int kMaxTimeoutMs = 180'000;

/// The `filter` parameter: a JSON object inline, or the ID of a stored filter.
Result<SyncFilter> filterOf(ClientApiServices &services, const QString &parameter)
{
    if (parameter.isEmpty())
        return SyncFilter{};
    if (parameter.startsWith(u'{')) {
        const QByteArray bytes = parameter.toUtf8();
        auto object = json::parseObject(std::string_view(bytes.constData(), size_t(bytes.size())));
        if (!object)
            return object.error().code == ErrorCode::NotJson ? Error::badJson(object.error().message) : object.error();
        return SyncFilter::parse(*object);
    }
    auto stored = services.accounts.filter(parameter);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error::notFound(QStringLiteral("no filter with ID %1").arg(parameter.left(40)));
    return SyncFilter::parse(objectFromBytes(**stored));
}

void sync(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const http::HttpRequest &http = request.http;
    services::SyncRequest sync;
    sync.session = request.caller();
    const QString since = http.query(QStringLiteral("since"));
    if (!since.isEmpty()) {
        auto token = services::SyncToken::parse(since);
        if (failed(token, reply))
            return;
        sync.since = *token;
    }
    auto filter = filterOf(services, http.query(QStringLiteral("filter")));
    if (failed(filter, reply))
        return;
    sync.filter = std::move(*filter);
    sync.fullState = http.query(QStringLiteral("full_state")) == QLatin1String("true");
    bool ok = true;
    const QString timeout = http.query(QStringLiteral("timeout"));
    sync.timeoutMs = timeout.isEmpty() ? 0 : int(std::clamp<qint64>(timeout.toLongLong(&ok), 0, kMaxTimeoutMs));
    if (!ok) {
        reply.fail(Error::invalidParam(QStringLiteral("timeout must be a number of milliseconds")));
        return;
    }
    // set_presence (sync.yaml), before the response is built so that it carries the change.
    auto presenceChanged = services::presence::noteSyncing(services.clientData, sync.session.userId.toString(),
                                                           http.query(QStringLiteral("set_presence")), services.nowMs());
    if (failed(presenceChanged, reply))
        return;
    if (*presenceChanged)
        services.notifier.notify();
    services.sync.sync(
        std::move(sync),
        [reply](Result<json::Object> response) {
            if (!response)
                reply.fail(response.error());
            else
                reply.ok(*response);
        },
        [reply](std::function<void()> cancel) { reply.onAbandoned(std::move(cancel)); });
}

} // namespace

void registerSyncEndpoints(Router &router, ClientApiServices &services)
{
    router.add("GET", Router::client(u"/sync"), Router::Auth::Required, bindEndpoint(services, sync));
}

} // namespace trellis::clientapi
