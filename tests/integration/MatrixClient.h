#pragma once
#include "core/json/Value.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>

// A minimal Client-Server API client for the integration tests: one request at a time, raw
// bodies in and parsed JSON out, so that tests can send exactly the bytes they mean to.
namespace trellis::test {

struct Reply
{
    int status = 0;
    QByteArray body;
    json::Object json; ///< empty if the body was not a JSON object
    QString errcode() const;
};

class MatrixClient
{
public:
    explicit MatrixClient(QString baseUrl) : m_baseUrl(std::move(baseUrl)) {}

    /// `path` starts with "/_matrix/...". The access token, if set, goes in the header.
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  int timeoutMs = 30000);
    Reply get(const QString &path) { return request("GET", path); }
    Reply post(const QString &path, const QByteArray &body) { return request("POST", path, body); }
    Reply put(const QString &path, const QByteArray &body) { return request("PUT", path, body); }

    /// Logs in with the password; false if that failed.
    bool login(const QString &user, const QString &password, const QString &deviceId = {});
    void setAccessToken(QByteArray token) { m_token = std::move(token); }
    const QByteArray &accessToken() const { return m_token; }
    QString deviceId() const { return m_deviceId; }

private:
    QString m_baseUrl;
    QByteArray m_token;
    QString m_deviceId;
    QNetworkAccessManager m_network;
};

/// A JSON text from a QString built with arg(): the test's request bodies.
QByteArray body(const QString &json);

} // namespace trellis::test
