#include "core/http/HttpRequest.h"

#include <QUrl>

namespace trellis::http {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

QString decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

} // namespace

QList<QPair<QString, QString>> HttpRequest::queryItems() const
{
    QList<QPair<QString, QString>> items;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        items.append({decodeQueryPart(pair.left(equals < 0 ? pair.size() : equals)),
                      equals < 0 ? QString() : decodeQueryPart(pair.mid(equals + 1))});
    }
    return items;
}

QString HttpRequest::query(const QString &name) const
{
    for (const auto &[key, value] : queryItems()) {
        if (key == name)
            return value.isNull() ? QStringLiteral("") : value;
    }
    return {};
}

} // namespace trellis::http
