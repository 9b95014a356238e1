#pragma once
#include "core/base/Result.h"

#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

// What a thumbnail request asks for and the size that answers it (client-server-api
// "Thumbnails", content_repo.md; authed-content-repo.yaml GET /media/thumbnail). Pure
// arithmetic, no image code: unit tested on its own.
namespace trellis::services {

enum class ThumbnailMethod { Crop, Scale };

/// "crop" or "scale".
QString thumbnailMethodName(ThumbnailMethod method);

/// The query of a thumbnail request.
struct ThumbnailRequest
{
    /// Larger requests make no sense for any image this server decodes; they are refused
    /// rather than carried into the arithmetic.
    static constexpr int kMaxDimension = 100'000;

    QSize size; ///< the desired (minimum) width and height, both > 0
    ThumbnailMethod method = ThumbnailMethod::Scale;
    std::optional<bool> animated; ///< absent: the server should not animate

    /// From the query values (null QString = absent): width and height are required
    /// (M_MISSING_PARAM), positive integers up to kMaxDimension (M_INVALID_PARAM); method is
    /// crop or scale (default scale), animated true or false (M_INVALID_PARAM otherwise).
    static Result<ThumbnailRequest> parse(const QString &width, const QString &height,
                                          const QString &method, const QString &animated);
};

/// How to make the thumbnail of an image of a given size.
struct ThumbnailPlan
{
    /// The image is no larger than requested: serve it as it is (content_repo.md "Thumbnails":
    /// never upscale; return the original content when it is smaller than asked for).
    bool useOriginal = false;
    QRect source; ///< the part of the image to use (all of it for scale, centred for crop)
    QSize output; ///< the thumbnail's size, never larger than `source`
};

/// scale: the whole image, fitted inside the requested box with its aspect ratio kept.
/// crop: the largest centred part of the image with the requested aspect ratio, scaled down
/// to the requested size (or kept at its own size if that is smaller: no upscaling).
/// `original` must be a valid, non-empty size.
ThumbnailPlan planThumbnail(QSize original, const ThumbnailRequest &request);

} // namespace trellis::services
