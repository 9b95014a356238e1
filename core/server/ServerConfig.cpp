#include "core/server/ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace trellis::server {
namespace {

const QString kServerName = QStringLiteral("server/name");
const QString kListen = QStringLiteral("server/listen");
const QString kMaxUpload = QStringLiteral("media/max_upload_bytes");
const QString kTlsCertificate = QStringLiteral("tls/certificate");
const QString kTlsKey = QStringLiteral("tls/key");
const QString kDefaultRoomVersion = QStringLiteral("rooms/default_version");

Error configError(const QString &path, const QString &key, const QString &why)
{
    return Error::invalidParam(QStringLiteral("%1: '%2': %3").arg(path, key, why));
}

} // namespace

Result<ListenAddress> ListenAddress::parse(QStringView text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    const auto bad = [&] {
        return Error::invalidParam(
            QStringLiteral("'%1' is not ADDRESS:PORT (e.g. 127.0.0.1:8008 or [::1]:8008)").arg(text));
    };
    if (colon <= 0)
        return bad();
    QStringView host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return bad(); // an IPv6 address needs brackets, or its port is ambiguous
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    ListenAddress listen;
    if (!ok || port > 65535 || !listen.address.setAddress(host.toString()))
        return bad();
    listen.port = quint16(port);
    return listen;
}

QString ListenAddress::toString() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

QString ServerConfig::defaultDataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("trellis"));
}

ServerConfig ServerConfig::defaults(const QString &dataDirectory)
{
    ServerConfig config;
    config.dataDirectory = dataDirectory;
    config.serverName = *ServerName::parse(u"localhost");
    config.listen = {*ListenAddress::parse(u"127.0.0.1:8008")};
    return config;
}

QString ServerConfig::configPath() const { return QDir(dataDirectory).filePath(QStringLiteral("trellis.conf")); }
QString ServerConfig::databasePath() const { return QDir(dataDirectory).filePath(QStringLiteral("trellis.db")); }
QString ServerConfig::signingKeyFallbackPath() const
{
    return QDir(dataDirectory).filePath(QStringLiteral("signing.key"));
}
QString ServerConfig::mediaDirectory() const { return QDir(dataDirectory).filePath(QStringLiteral("media")); }

Result<ServerConfig> ServerConfig::load(const QString &dataDirectory, const QString &path)
{
    ServerConfig config = defaults(dataDirectory);
    const QString file = path.isEmpty() ? config.configPath() : path;
    if (!QFile::exists(file))
        return config;
    QSettings settings(file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error::invalidParam(QStringLiteral("%1: not a readable INI file").arg(file));

    if (settings.contains(kServerName)) {
        auto name = ServerName::parse(settings.value(kServerName).toString());
        if (!name)
            return configError(file, kServerName, name.error().message);
        config.serverName = *name;
    }
    if (settings.contains(kListen)) {
        config.listen.clear();
        // QSettings reads an unquoted "a, b" as a list, a quoted one as one string.
        const QVariant value = settings.value(kListen);
        const QStringList entries = value.typeId() == QMetaType::QStringList
                                        ? value.toStringList()
                                        : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &entry : entries) {
            if (entry.trimmed().isEmpty())
                continue;
            auto listen = ListenAddress::parse(entry.trimmed());
            if (!listen)
                return configError(file, kListen, listen.error().message);
            config.listen.append(*listen);
        }
        if (config.listen.isEmpty())
            return configError(file, kListen, QStringLiteral("needs at least one address"));
    }
    config.tlsCertificatePath = settings.value(kTlsCertificate).toString();
    config.tlsKeyPath = settings.value(kTlsKey).toString();
    if (config.tlsCertificatePath.isEmpty() != config.tlsKeyPath.isEmpty())
        return configError(file, kTlsKey, QStringLiteral("give both tls/certificate and tls/key, or neither"));
    if (settings.contains(kMaxUpload)) {
        bool ok = false;
        const qint64 bytes = settings.value(kMaxUpload).toLongLong(&ok);
        if (!ok || bytes <= 0)
            return configError(file, kMaxUpload, QStringLiteral("must be a positive number of bytes"));
        config.maxUploadBytes = bytes;
    }
    if (settings.contains(kDefaultRoomVersion)) {
        const QString id = settings.value(kDefaultRoomVersion).toString().trimmed();
        config.defaultRoomVersion = events::RoomVersion::find(id);
        if (!config.defaultRoomVersion)
            return configError(file, kDefaultRoomVersion,
                               QStringLiteral("unknown room version '%1' (1 to 12)").arg(id.left(20)));
    }
    return config;
}

Result<void> ServerConfig::save(const QString &path) const
{
    const QString file = path.isEmpty() ? configPath() : path;
    QStringList listens;
    for (const ListenAddress &address : listen)
        listens.append(address.toString());
    const QString text =
        QStringLiteral("; Trellis homeserver configuration. Command-line flags override it.\n"
                       "\n[server]\n"
                       "; The server's name: the part after ':' in user IDs (@you:name). It cannot\n"
                       "; change once rooms exist. Other servers reach it under this name.\n"
                       "name = %1\n"
                       "; Addresses to listen on, comma-separated: 127.0.0.1:8008, [::1]:8008.\n"
                       "; Listening beyond loopback exposes the server: use TLS then.\n"
                       "listen = \"%2\"\n"
                       "\n[tls]\n"
                       "; PEM certificate chain and private key. Empty: plain HTTP.\n"
                       "certificate = %3\n"
                       "key = %4\n"
                       "\n[media]\n"
                       "max_upload_bytes = %5\n"
                       "\n[rooms]\n"
                       "; The version of new rooms that name none. 12 is the spec's recommendation;\n"
                       "; clients older than it (nheko 0.11) handle rooms of version 10 better.\n"
                       "default_version = %6\n")
            // One arg() for all: a "%1" in a path must not be taken for a placeholder.
            .arg(serverName.toString(), listens.join(QStringLiteral(", ")), tlsCertificatePath,
                 tlsKeyPath, QString::number(maxUploadBytes), defaultRoomVersion->id);
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Error::io(QStringLiteral("cannot create the directory of %1").arg(file));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(file, out.errorString()));
    return {};
}

} // namespace trellis::server
