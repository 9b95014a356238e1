#include "core/clientapi/ProfileEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/services/RoomService.h"
#include "core/services/SyncNotifier.h"
#include "core/storage/AccountStore.h"

namespace trellis::clientapi {

namespace {

constexpr std::string_view kDisplayName = "displayname";
constexpr std::string_view kAvatarUrl = "avatar_url";

/// The owner's account, or an answered M_NOT_FOUND for anyone else (profiles of users on
/// other servers come with federation).
const storage::Account *ownerOf(ClientApiServices &services, const ApiRequest &request, const ApiResponder &reply)
{
    const auto &account = services.accounts.account();
    if (!account || request.param(QStringLiteral("userId")) != account->userId.toString()) {
        reply.fail(Error::notFound(QStringLiteral("no profile for this user")));
        return nullptr;
    }
    return &*account;
}

json::Object profileJson(const storage::Account &account, std::string_view only = {})
{
    json::Object answer;
    if ((only.empty() || only == kDisplayName) && !account.displayName.isEmpty())
        answer.insert(kDisplayName, jsonText(account.displayName));
    if ((only.empty() || only == kAvatarUrl) && !account.avatarUrl.isEmpty())
        answer.insert(kAvatarUrl, jsonText(account.avatarUrl));
    return answer;
}

void getProfile(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (const auto *account = ownerOf(services, request, reply))
        reply.ok(profileJson(*account));
}

template <const std::string_view &field>
void getField(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto *account = ownerOf(services, request, reply);
    if (!account)
        return;
    json::Object answer = profileJson(*account, field);
    if (answer.isEmpty())
        reply.fail(Error::notFound(QStringLiteral("not set")));
    else
        reply.ok(answer);
}

template <const std::string_view &field>
void putField(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return;
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto value = json::optionalString(*body, field);
    if (failed(value, reply))
        return;
    const QString text = value->value_or(QString());
    if (field == kAvatarUrl && !text.isEmpty() && !text.startsWith(QLatin1String("mxc://"))) {
        reply.fail(Error::invalidParam(QStringLiteral("avatar_url must be an mxc:// URI")));
        return;
    }
    const auto stored = field == kDisplayName ? services.accounts.setDisplayName(text)
                                              : services.accounts.setAvatarUrl(text);
    if (failed(stored, reply) || failed(services.rooms.propagateProfile(request.caller()), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

} // namespace

void registerProfileEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    router.add("GET", Router::client(u"/profile/{userId}"), Router::Auth::None, bind(getProfile));
    router.add("GET", Router::client(u"/profile/{userId}/displayname"), Router::Auth::None, bind(getField<kDisplayName>));
    router.add("GET", Router::client(u"/profile/{userId}/avatar_url"), Router::Auth::None, bind(getField<kAvatarUrl>));
    router.add("PUT", Router::client(u"/profile/{userId}/displayname"), Router::Auth::Required, bind(putField<kDisplayName>));
    router.add("PUT", Router::client(u"/profile/{userId}/avatar_url"), Router::Auth::Required, bind(putField<kAvatarUrl>));
}

} // namespace trellis::clientapi
