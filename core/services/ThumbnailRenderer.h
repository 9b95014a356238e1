#pragma once
#include "core/base/Result.h"
#include "core/services/ThumbnailSizing.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace trellis::services {

/// A rendered thumbnail, or the verdict that the original file serves as one.
struct RenderedThumbnail
{
    bool useOriginal = false; ///< serve the original file's bytes, as `contentType`
    QString contentType;      ///< image/png or image/jpeg (image/gif for an animated original)
    QByteArray bytes;         ///< the encoded thumbnail (empty when useOriginal)
    QSize size;
};

/// Makes the thumbnail of the image file at `path` (client-server-api "Thumbnails"). It runs
/// on a pool thread, so it must be reentrant. Decoding images needs an image library (Qt Gui's
/// QImage), which the core does not link: the program that hosts the server provides one
/// (app/imaging); without one, thumbnail requests answer "cannot thumbnail".
using ThumbnailRenderer = std::function<Result<RenderedThumbnail>(const QString &path, const ThumbnailRequest &request)>;

} // namespace trellis::services
