#include "core/http/HttpResponse.h"

namespace trellis::http {

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

HttpResponse HttpResponse::json(int status, QByteArray jsonBody)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    response.body = std::move(jsonBody);
    return response;
}

} // namespace trellis::http
