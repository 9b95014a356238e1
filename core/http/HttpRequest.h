#pragma once
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace trellis::http {

/// One parsed HTTP/1.1 request, body complete. Paths stay percent-encoded: Matrix path
/// parameters (room IDs, event IDs, user IDs) are decoded per segment by the router, after
/// splitting on '/', so that an encoded '/' inside an ID cannot change the route.
struct HttpRequest
{
    QByteArray method;   ///< "GET", "PUT", ... as sent (upper case)
    QByteArray rawPath;  ///< "/_matrix/client/v3/rooms/%21a%3Ab/send/m.room.message/1"
    QByteArray rawQuery; ///< "since=s12&timeout=30000" (without '?'), still encoded
    QList<QPair<QByteArray, QByteArray>> headers; ///< in order; names as sent
    QByteArray body;
    QHostAddress peer;
    quint16 peerPort = 0;
    bool secure = false; ///< arrived over TLS
    quint64 connectionId = 0; ///< unique per connection, for logs and per-client state

    /// The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    /// Query parameters, percent-decoded ('+' is a space), in order; repeated keys kept.
    QList<QPair<QString, QString>> queryItems() const;
    /// The first value of a query parameter, or a null QString.
    QString query(const QString &name) const;
};

} // namespace trellis::http
