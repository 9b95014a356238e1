#include "tests/integration/MatrixClient.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace trellis::test {

QString Reply::errcode() const
{
    const json::Value *value = json.find("errcode");
    return value && value->isString() ? json::toQString(value->toString()) : QString();
}

Reply MatrixClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                            int timeoutMs)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    json::ReadOptions options;
    options.numbers = json::NumberPolicy::Lenient; // replies may carry fractions (tag orders)
    auto parsed = json::parseObject(std::string_view(result.body.constData(), size_t(result.body.size())), options);
    if (parsed)
        result.json = std::move(*parsed);
    return result;
}

bool MatrixClient::login(const QString &user, const QString &password, const QString &deviceId)
{
    QString device = deviceId.isEmpty() ? QString() : QStringLiteral(",\"device_id\":\"%1\"").arg(deviceId);
    const Reply reply = post(QStringLiteral("/_matrix/client/v3/login"),
                             body(QStringLiteral("{\"type\":\"m.login.password\",\"identifier\":"
                                                 "{\"type\":\"m.id.user\",\"user\":\"%1\"},"
                                                 "\"password\":\"%2\"%3}")
                                      .arg(user, password, device)));
    if (reply.status != 200)
        return false;
    m_token = QByteArray::fromStdString(reply.json["access_token"].toString());
    m_deviceId = json::toQString(reply.json["device_id"].toString());
    return !m_token.isEmpty();
}

QByteArray body(const QString &json) { return json.toUtf8(); }

} // namespace trellis::test
