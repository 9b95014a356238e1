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
    // Client bodies are not events: any number whose value is an integer reads as one, and a
    // fraction is refused rather than rounded (client-server-api "API Standards").
    auto value = json::parse(std::string_view(body.constData(), size_t(body.size())), options);
    if (!value)
        return value.error();
    if (!value->isObject())
        return Error::badJson(QStringLiteral("the request body must be a JSON object"));
    return std::move(*value->asObject());
}

} // namespace trellis::clientapi
