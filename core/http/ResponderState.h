#pragma once
#include "core/http/HttpServer.h"

#include <QElapsedTimer>
#include <QPointer>

namespace trellis::http {

class Connection;

/// One request's place in its connection's answer queue, shared by the connection and the
/// Responder copies a handler keeps. The connection is held weakly: it may be gone by the
/// time a long-poll answers.
struct Responder::State
{
    QPointer<Connection> connection;
    QByteArray method;
    QByteArray path;
    bool keepAlive = true;
    bool http10 = false; ///< no chunked answers for this client
    bool sent = false;
    bool abandoned = false;
    std::optional<HttpResponse> response;
    std::function<void()> onAbandoned;
    QElapsedTimer clock;
};

} // namespace trellis::http
