#include "core/clientapi/ApiRequest.h"

#include "core/json/Reader.h"

namespace trellis::clientapi {

Result<json::Object> ApiRequest::jsonBody(qsizetype maxBytes, bool emptyIsObject) const
{
    const QByteArray &body = http.body;
    if (body.isEmpty() && emptyIsObject)
        return json::Object{};
    if (body.size() > maxBytes)
        return Error::tooLarge(QStringLiteral("request body is larger than %1 bytes").arg(maxBytes));
    json::ReadOptions options;
    options.maxBytes = maxBytes;
    options.maxDepth = 100;
    // Any JSON number: account data and tags carry fractions (m.tag "order"). Events are
    // held to their room version's number rules when they become PDUs.
    options.numbers = json::NumberPolicy::Lenient;
    auto value = json::parse(std::string_view(body.constData(), size_t(body.size())), options);
    if (!value)
        return value.error();
    if (!value->isObject())
        return Error::badJson(QStringLiteral("the request body must be a JSON object"));
    return std::move(*value->asObject());
}

} // namespace trellis::clientapi
