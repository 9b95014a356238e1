#pragma once
#include <QMetaType>
#include <QString>
#include <QStringList>

// The cross-thread contract (ARCHITECTURE "core/api"): immutable values the core hands the GUI.
namespace trellis::api {

/// The certificate a TLS listener presents, for the dashboard.
struct CertificateInfo
{
    QString subject;     ///< its common name (or the whole subject when it has none)
    QString issuer;      ///< the issuer's common name
    bool selfSigned = false;
    qint64 notAfterMs = 0; ///< end of its validity, ms since the epoch
    QString sha256;      ///< fingerprint, "AB:CD:…"
};

/// What a started server tells its host.
struct ServerStatus
{
    QString serverName;
    QString userId;          ///< the owner, empty until an account exists
    QStringList listening;   ///< "127.0.0.1:8008", one per listener, with the real port
    bool tls = false;
    CertificateInfo certificate; ///< when tls
    QString signingKeyId;
    QByteArray signingPublicKey; ///< the signing key's public half (32 bytes)
    QString defaultRoomVersion;  ///< of rooms created without one (rooms/default_version)
    QString dataDirectory;
    qint64 startupMillis = 0;
};

/// One login (device) of the owner, for the dashboard (client-server-api "Device management").
struct DeviceEntry
{
    QString deviceId;
    QString displayName;
    qint64 lastSeenMs = 0; ///< 0: never seen since login
    QString lastSeenIp;
};

/// One request the server answered, for the dashboard's request log.
struct RequestLogEntry
{
    QByteArray method;
    QByteArray path;
    int status = 0;
    qint64 elapsedMicros = 0;
    qint64 atMs = 0;
};

} // namespace trellis::api

Q_DECLARE_METATYPE(trellis::api::ServerStatus)
Q_DECLARE_METATYPE(trellis::api::RequestLogEntry)
Q_DECLARE_METATYPE(trellis::api::DeviceEntry)
