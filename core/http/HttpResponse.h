#pragma once
#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QPair>

#include <memory>

namespace trellis::http {

/// An answer to one request. The server adds Date, Content-Length (or chunked encoding for a
/// streamed body), Connection and Server headers itself.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; ///< e.g. {"Content-Type", "application/json"}
    QByteArray body;
    /// Instead of `body`: a device read and sent in chunks as the socket drains (media
    /// downloads); the server owns it from here on, opens it if needed and closes it when done.
    /// It must deliver its bytes without waiting (a file, a buffer): an empty read ends the body.
    std::shared_ptr<QIODevice> bodyDevice;
    qint64 bodyDeviceSize = -1; ///< known size, or -1 to send chunked

    void setHeader(const QByteArray &name, const QByteArray &value);
    static HttpResponse json(int status, QByteArray jsonBody);
};

} // namespace trellis::http
