#include "app/imaging/Thumbnailer.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace trellis::imaging {

using services::RenderedThumbnail;
using services::ThumbnailMethod;
using services::ThumbnailPlan;
using services::ThumbnailRequest;
using services::planThumbnail;

namespace {

/// Formats whose decoders are worth exposing to uploads; others (XPM, PBM, ...) add attack
/// surface for no thumbnail anyone needs.
bool isAllowedFormat(const QByteArray &format)
{
    return format == "png" || format == "jpeg" || format == "gif" || format == "bmp";
}

Error cannotThumbnail(const QString &why)
{
    return Error{ErrorCode::BadRequest,
                 QStringLiteral("Cannot generate thumbnails for the requested content"), why};
}

/// The size the decoded image will have once its EXIF orientation is applied.
QSize orientedSize(const QImageReader &reader)
{
    QSize size = reader.size();
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        size.transpose();
    return size;
}

Result<QByteArray> encode(const QImage &image, bool jpeg)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, jpeg ? "jpeg" : "png");
    if (jpeg)
        writer.setQuality(85);
    const QImage prepared = jpeg ? image.convertToFormat(QImage::Format_RGB32) : image;
    if (!writer.write(prepared))
        return Error::io(QStringLiteral("cannot encode the thumbnail"), writer.errorString());
    return bytes;
}

} // namespace

Result<RenderedThumbnail> Thumbnailer::render(const QString &path, const ThumbnailRequest &request,
                                              qint64 maxPixels)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(
        true); // stored files have no suffix; the uploader's type is not trusted
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();
    if (!reader.canRead() || !isAllowedFormat(format))
        return cannotThumbnail(QStringLiteral("not an image this server decodes"));
    const QSize size = orientedSize(reader);
    if (!size.isValid() || size.isEmpty())
        return cannotThumbnail(QStringLiteral("the image header has no size"));
    if (qint64(size.width()) * size.height() > maxPixels)
        return Error::tooLarge(QStringLiteral("Content is too large to thumbnail"));
    const ThumbnailPlan plan = planThumbnail(size, request);
    const bool animatedOriginal = reader.supportsAnimation() && reader.imageCount() != 1;
    const bool jpeg = format == "jpeg";
    // authed-content-repo.yaml `animated`: without animated=true nothing animated goes out.
    if (plan.useOriginal &&
        (jpeg || format == "png" || (animatedOriginal && request.animated == true)))
        return RenderedThumbnail{
            true, QStringLiteral("image/") + QString::fromLatin1(format), {}, size};
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return cannotThumbnail(QStringLiteral("the image does not decode: ") +
                               reader.errorString());
    if (image.size() != size)
        return cannotThumbnail(
            QStringLiteral("the image decodes to another size than its header says"));
    QImage thumbnail = image.copy(plan.source);
    if (thumbnail.size() != plan.output)
        thumbnail = thumbnail.scaled(plan.output, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto bytes = encode(thumbnail, jpeg);
    if (!bytes)
        return bytes.error();
    return RenderedThumbnail{false,
                             jpeg ? QStringLiteral("image/jpeg") : QStringLiteral("image/png"),
                             std::move(*bytes), thumbnail.size()};
}

} // namespace trellis::imaging
