#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/events/RoomVersion.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace trellis::server {

/// Where the server listens: an address and a port ("127.0.0.1:8008", "[::1]:8008").
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    static Result<ListenAddress> parse(QStringView text);
    QString toString() const;
    friend bool operator==(const ListenAddress &, const ListenAddress &) = default;
};

/// The server's configuration: `trellis.conf` in the data directory (an INI file, written
/// with comments and safe defaults on first run), then command-line flags over it.
struct ServerConfig
{
    QString dataDirectory;
    ServerName serverName;
    QList<ListenAddress> listen;
    QString tlsCertificatePath; ///< PEM; TLS is on when both paths are set
    QString tlsKeyPath;
    qint64 maxUploadBytes = 50 * 1024 * 1024;
    /// rooms/default_version: the version of new rooms that name none (rooms/_index "Room
    /// versions": 12 recommended; an older one for clients that predate it).
    const events::RoomVersion *defaultRoomVersion = &events::RoomVersion::defaultVersion();

    /// The platform's standard data location for Trellis (~/.local/share/trellis on Linux):
    /// the same for the desktop app and trellis-cli.
    static QString defaultDataDirectory();
    /// Defaults: server name "localhost", listening on 127.0.0.1:8008 without TLS.
    static ServerConfig defaults(const QString &dataDirectory);

    QString configPath() const;
    QString databasePath() const;
    /// Where the signing key is kept when no OS keychain is available.
    QString signingKeyFallbackPath() const;
    QString mediaDirectory() const;
    bool tlsEnabled() const { return !tlsCertificatePath.isEmpty() && !tlsKeyPath.isEmpty(); }

    /// Reads `path` over the defaults; a missing file gives the defaults. Errors name the key
    /// and the line's problem.
    static Result<ServerConfig> load(const QString &dataDirectory, const QString &path = {});
    /// Writes the configuration as a commented INI file (atomically).
    Result<void> save(const QString &path = {}) const;
};

} // namespace trellis::server
