#pragma once
#include "core/base/Error.h"
#include "core/server/HomeserverOptions.h"

#include <QObject>
#include <memory>

namespace trellis::server {

/// The personal homeserver: the composition root that lives on the core thread (ARCHITECTURE
/// "Threading"). It opens the database, makes the stores and services, registers the
/// Client-Server API and listens; it owns all of them, and stops them in reverse order on its
/// own thread. Talk to it through queued signals only.
class Homeserver : public QObject
{
    Q_OBJECT
public:
    explicit Homeserver(HomeserverOptions options, QObject *parent = nullptr);
    ~Homeserver() override;

public Q_SLOTS:
    /// Ends with started() or failed().
    void start();
    /// Stops listening, drops waiting requests, closes the database; ends with stopped().
    void stop();

Q_SIGNALS:
    void started(const trellis::api::ServerStatus &status);
    void failed(const trellis::Error &error);
    void stopped();
    /// The requests answered lately, a batch at most four times a second (a busy server must
    /// not flood its host's thread with one signal per request).
    void requestsServed(const QList<trellis::api::RequestLogEntry> &entries);

private:
    Result<ServerStatus> open();
    Result<void> ensureAccount();
    Result<QStringList> listen();
    void shutDown();

    struct Parts;
    HomeserverOptions m_options;
    std::unique_ptr<Parts> d;
};

} // namespace trellis::server
