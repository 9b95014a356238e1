#pragma once
#include "core/services/ThumbnailRenderer.h"

namespace trellis::imaging {

/// Makes thumbnails with QImage: the server's services::ThumbnailRenderer, given to it by the
/// programs that host it (trellis, trellis-cli). Pure and reentrant: it reads one file and
/// returns bytes, so it runs on a pool thread. QImage needs no QGuiApplication, only Qt Gui's
/// image code and its format plugins.
class Thumbnailer
{
public:
    /// Images larger than this are not decoded (a small PNG can claim 60000 x 60000 pixels
    /// and would take gigabytes to decode): 32 megapixels, about 128 MB as 32-bit pixels.
    static constexpr qint64 kMaxPixels = 32'000'000;

    /// The thumbnail of the image in `path`. M_TOO_LARGE (413) for images past `maxPixels`;
    /// M_UNKNOWN with status 400 ("cannot thumbnail", as authed-content-repo.yaml answers)
    /// for anything that is not a PNG, JPEG, GIF or BMP image or fails to decode. JPEG
    /// sources give JPEG thumbnails, others PNG; no thumbnail is animated, and an animated
    /// original is only passed through when the request asks for animation.
    static Result<services::RenderedThumbnail> render(const QString &path, const services::ThumbnailRequest &request,
                                                      qint64 maxPixels = kMaxPixels);
    /// render() with the default limit, as the server calls it.
    static services::ThumbnailRenderer renderer()
    {
        return [](const QString &path, const services::ThumbnailRequest &request) { return render(path, request); };
    }
};

} // namespace trellis::imaging
