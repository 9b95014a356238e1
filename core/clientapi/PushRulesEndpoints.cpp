#include "core/clientapi/PushRulesEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/DefaultPushRules.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/services/SyncNotifier.h"
#include "core/storage/ClientDataStore.h"

namespace trellis::clientapi {

namespace {

const QString kPushRulesType = QStringLiteral("m.push_rules");
const QStringList kKinds = {QStringLiteral("override"), QStringLiteral("content"), QStringLiteral("room"),
                            QStringLiteral("sender"), QStringLiteral("underride")};

Result<json::Object> loadRules(ClientApiServices &services, const Session &caller)
{
    auto stored = services.clientData.accountData(QString(), kPushRulesType);
    if (!stored)
        return stored.error();
    return *stored ? objectFromBytes(**stored) : defaultPushRules(caller.userId);
}

Result<void> saveRules(ClientApiServices &services, const json::Object &rules)
{
    auto stored = services.clientData.setAccountData(QString(), kPushRulesType, canonicalBytes(rules));
    if (!stored)
        return stored.error();
    services.notifier.notify();
    return {};
}

/// The rule list of the path's kind inside `rules` (scope "global" only).
Result<json::Array *> kindList(json::Object &rules, const ApiRequest &request)
{
    if (request.param(QStringLiteral("scope")) != QLatin1String("global"))
        return Error::invalidParam(QStringLiteral("the only push rule scope is global"));
    const QString kind = request.param(QStringLiteral("kind"));
    if (!kKinds.contains(kind))
        return Error::invalidParam(QStringLiteral("unknown push rule kind %1").arg(kind.left(40)));
    json::Value *global = rules.find("global");
    if (!global || !global->isObject())
        global = &rules.insert("global", json::Value(json::Object{}));
    json::Value *list = global->asObject()->find(json::toUtf8(kind));
    if (!list || !list->isArray())
        list = &global->asObject()->insert(json::toUtf8(kind), json::Value(json::Array{}));
    return list->asArray();
}

json::Array::iterator findRule(json::Array &list, const QString &ruleId)
{
    return std::find_if(list.begin(), list.end(), [&](const json::Value &rule) {
        return rule.isObject() && rule.toObject()["rule_id"].toString() == json::toUtf8(ruleId);
    });
}

/// Runs `edit` on the path's rule (M_NOT_FOUND if none), then saves the rules.
void withRule(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply,
              const std::function<Result<json::Object>(json::Object &rule, json::Array &list, json::Array::iterator at)> &edit,
              bool save)
{
    auto rules = loadRules(services, request.caller());
    if (failed(rules, reply))
        return;
    auto list = kindList(*rules, request);
    if (failed(list, reply))
        return;
    const auto at = findRule(**list, request.param(QStringLiteral("ruleId")));
    if (at == (*list)->end()) {
        reply.fail(Error::notFound(QStringLiteral("no such push rule")));
        return;
    }
    auto answer = edit(*at->asObject(), **list, at);
    if (failed(answer, reply) || (save && failed(saveRules(services, *rules), reply)))
        return;
    reply.ok(*answer);
}

void getAll(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto rules = loadRules(services, request.caller());
    if (failed(rules, reply))
        return;
    if (request.params.contains(QStringLiteral("scope")))
        reply.ok((*rules)["global"].toObject());
    else
        reply.ok(*rules);
}

void getRule(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    withRule(services, request, reply, [](json::Object &rule, json::Array &, json::Array::iterator) -> Result<json::Object> { return rule; }, false);
}

void deleteRule(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    withRule(services, request, reply, [](json::Object &rule, json::Array &list, json::Array::iterator at) -> Result<json::Object> {
        if (rule["default"].toBool())
            return Error::invalidParam(QStringLiteral("server-default rules cannot be deleted"));
        list.erase(at);
        return json::Object{};
    }, true);
}

template <bool enabledNotActions>
void getFlag(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    withRule(services, request, reply, [](json::Object &rule, json::Array &, json::Array::iterator) -> Result<json::Object> {
        json::Object answer;
        if (enabledNotActions)
            answer.insert("enabled", json::Value(rule["enabled"].toBool(true)));
        else
            answer.insert("actions", rule["actions"].isArray() ? rule["actions"] : json::Value(json::Array{}));
        return answer;
    }, false);
}

template <bool enabledNotActions>
void putFlag(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    const json::Value *value = body->find(enabledNotActions ? "enabled" : "actions");
    if (!value || (enabledNotActions ? !value->isBool() : !value->isArray())) {
        reply.fail(Error::badJson(enabledNotActions ? QStringLiteral("'enabled' must be a boolean")
                                                    : QStringLiteral("'actions' must be an array")));
        return;
    }
    withRule(services, request, reply, [value](json::Object &rule, json::Array &, json::Array::iterator) -> Result<json::Object> {
        rule.insert(enabledNotActions ? "enabled" : "actions", *value);
        return json::Object{};
    }, true);
}

void putRule(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const QString ruleId = request.param(QStringLiteral("ruleId"));
    if (ruleId.startsWith(u'.') || ruleId.isEmpty()) {
        reply.fail(Error::invalidParam(QStringLiteral("rule IDs starting with '.' belong to the server")));
        return;
    }
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    const json::Value *actions = body->find("actions");
    if (!actions || !actions->isArray()) {
        reply.fail(Error::badJson(QStringLiteral("'actions' must be an array")));
        return;
    }
    auto rules = loadRules(services, request.caller());
    if (failed(rules, reply))
        return;
    auto list = kindList(*rules, request);
    if (failed(list, reply))
        return;
    json::Object rule;
    rule.insert("rule_id", jsonText(ruleId));
    rule.insert("default", json::Value(false));
    rule.insert("enabled", json::Value(true));
    rule.insert("actions", *actions);
    for (const char *key : {"conditions", "pattern"}) {
        if (const json::Value *value = body->find(key))
            rule.insert(key, *value);
    }
    json::Array &rulesOfKind = **list;
    if (const auto existing = findRule(rulesOfKind, ruleId); existing != rulesOfKind.end())
        rulesOfKind.erase(existing);
    // before/after place it next to another user rule; by default user rules come first,
    // ahead of the server's (push.md "Push Rules": user rules of a kind outrank defaults).
    auto position = rulesOfKind.begin();
    for (const char *anchor : {"before", "after"}) {
        const QString other = request.http.query(QLatin1String(anchor));
        if (other.isEmpty())
            continue;
        position = findRule(rulesOfKind, other);
        if (position == rulesOfKind.end()) {
            reply.fail(Error::notFound(QStringLiteral("no rule %1 to place this one next to").arg(other.left(60))));
            return;
        }
        if (qstrcmp(anchor, "after") == 0)
            ++position;
    }
    rulesOfKind.insert(position, json::Value(std::move(rule)));
    if (!failed(saveRules(services, *rules), reply))
        reply.ok({});
}

} // namespace

void registerPushRulesEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto required = Router::Auth::Required;
    router.add("GET", Router::client(u"/pushrules/"), required, bind(getAll));
    router.add("GET", Router::client(u"/pushrules"), required, bind(getAll));
    router.add("GET", Router::client(u"/pushrules/{scope}/"), required, bind(getAll));
    const QString rule = QStringLiteral("/pushrules/{scope}/{kind}/{ruleId}");
    router.add("GET", Router::client(rule), required, bind(getRule));
    router.add("PUT", Router::client(rule), required, bind(putRule));
    router.add("DELETE", Router::client(rule), required, bind(deleteRule));
    router.add("GET", Router::client(QString(rule + u"/enabled")), required, bind(getFlag<true>));
    router.add("PUT", Router::client(QString(rule + u"/enabled")), required, bind(putFlag<true>));
    router.add("GET", Router::client(QString(rule + u"/actions")), required, bind(getFlag<false>));
    router.add("PUT", Router::client(QString(rule + u"/actions")), required, bind(putFlag<false>));
}

} // namespace trellis::clientapi
