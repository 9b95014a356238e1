#include "core/clientapi/MediaEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/services/MediaRepository.h"

#include <QUrl>

namespace trellis::clientapi {

namespace {

// Uploaded files must never run as part of a page of this origin.
constexpr char kMediaSecurityPolicy[] = "sandbox; default-src 'none'; script-src 'none'; plugin-types application/pdf; style-src 'unsafe-inline'; object-src 'self';";

void upload(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    QByteArray contentType = request.http.header("Content-Type");
    if (contentType.isEmpty())
        contentType = "application/octet-stream";
    auto mediaId = services.media.store(request.http.body, QString::fromUtf8(contentType),
                                        request.http.query(QStringLiteral("filename")),
                                        request.caller().userId.toString(), services.nowMs());
    if (failed(mediaId, reply))
        return;
    json::Object answer;
    answer.insert("content_uri", jsonText(QStringLiteral("mxc://%1/%2").arg(services.serverName.toString(), *mediaId)));
    reply.ok(answer);
}

/// A header value safe to send whatever the uploader called the file.
QByteArray dispositionOf(const storage::MediaInfo &info, const QString &requestedName)
{
    const QString name = requestedName.isEmpty() ? info.uploadName : requestedName;
    // Only types a browser cannot run are shown inline (client-server-api "Content repository":
    // servers should send content-disposition attachment for anything else).
    static const QStringList inlineTypes = {
        QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("image/gif"),
        QStringLiteral("image/webp"), QStringLiteral("image/apng"), QStringLiteral("image/avif"),
        QStringLiteral("video/mp4"),  QStringLiteral("video/webm"), QStringLiteral("audio/mpeg"),
        QStringLiteral("audio/ogg"),  QStringLiteral("audio/wav"), QStringLiteral("text/plain")};
    QByteArray disposition = inlineTypes.contains(info.contentType.section(u';', 0, 0).trimmed())
                                 ? QByteArrayLiteral("inline")
                                 : QByteArrayLiteral("attachment");
    if (!name.isEmpty())
        disposition += "; filename*=utf-8''" + QUrl::toPercentEncoding(name);
    return disposition;
}

void download(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto media = services.media.open(request.param(QStringLiteral("serverName")), request.param(QStringLiteral("mediaId")));
    if (failed(media, reply))
        return;
    http::HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", media->info.contentType.toUtf8());
    response.setHeader("Content-Disposition", dispositionOf(media->info, request.param(QStringLiteral("fileName"))));
    response.setHeader("Content-Security-Policy", kMediaSecurityPolicy);
    response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    response.setHeader("Cache-Control", "public, max-age=86400, immutable");
    response.bodyDeviceSize = media->file->size();
    response.bodyDevice = media->file;
    reply.send(std::move(response));
}

/// client-server-api "Thumbnails" (authed-content-repo.yaml, content-repo.yaml).
void thumbnail(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const http::HttpRequest &http = request.http;
    auto wanted = services::ThumbnailRequest::parse(http.query(QStringLiteral("width")), http.query(QStringLiteral("height")),
                                                    http.query(QStringLiteral("method")), http.query(QStringLiteral("animated")));
    if (failed(wanted, reply))
        return;
    services.media.thumbnail(
        request.param(QStringLiteral("serverName")), request.param(QStringLiteral("mediaId")), *wanted, services.nowMs(),
        [reply](Result<services::ThumbnailData> result) {
            if (!reply.isOpen())
                return; // the client left while the thumbnail was made
            if (!result) {
                reply.fail(result.error());
                return;
            }
            http::HttpResponse response;
            response.status = 200;
            response.setHeader("Content-Type", result->contentType.toUtf8());
            // The spec requires inline, with a file name for the saved thumbnail.
            const QByteArray extension = result->contentType.section(u'/', 1).toLatin1();
            response.setHeader("Content-Disposition", "inline; filename=\"thumbnail." + extension + "\"");
            response.setHeader("Content-Security-Policy", kMediaSecurityPolicy);
            response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
            response.setHeader("Cache-Control", "public, max-age=86400, immutable");
            if (result->file) {
                response.bodyDeviceSize = result->file->size();
                response.bodyDevice = result->file;
            } else {
                response.body = result->bytes;
            }
            reply.send(std::move(response));
        });
}

void config(ClientApiServices &services, ApiRequest &, const ApiResponder &reply)
{
    json::Object answer;
    answer.insert("m.upload.size", json::Value(services.media.maxUploadBytes()));
    reply.ok(answer);
}

} // namespace

void registerMediaEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto legacy = [](QStringView pattern) {
        return QStringList{u"/_matrix/media/v3"_qs + pattern, u"/_matrix/media/r0"_qs + pattern};
    };
    router.add("POST", legacy(u"/upload"), Router::Auth::Required, bind(upload));
    const auto serve = [&](QStringView path, EndpointHandler handler) {
        // The legacy paths stay unauthenticated: older clients fetch media without tokens.
        router.add("GET", legacy(path), Router::Auth::None, bind(handler));
        router.add("GET", Router::clientV1(QString(u"/media" + path.toString())), Router::Auth::Required, bind(handler));
    };
    serve(u"/download/{serverName}/{mediaId}", download);
    serve(u"/download/{serverName}/{mediaId}/{fileName}", download);
    serve(u"/thumbnail/{serverName}/{mediaId}", thumbnail);
    router.add("GET", legacy(u"/config"), Router::Auth::Required, bind(config));
    router.add("GET", Router::clientV1(u"/media/config"), Router::Auth::Required, bind(config));
}

} // namespace trellis::clientapi
