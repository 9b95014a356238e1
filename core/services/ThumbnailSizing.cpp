#include "core/services/ThumbnailSizing.h"

namespace trellis::services {

namespace {

Result<int> dimension(const QString &value, const char *name)
{
    if (value.isNull())
        return Error::missingParam(QStringLiteral("%1 is required").arg(QLatin1String(name)));
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || value.startsWith(u'+') || number <= 0 || number > ThumbnailRequest::kMaxDimension)
        return Error::invalidParam(QStringLiteral("%1 must be an integer from 1 to %2")
                                       .arg(QLatin1String(name))
                                       .arg(ThumbnailRequest::kMaxDimension));
    return int(number);
}

/// a * b / c rounded to nearest, at least 1 (a, b, c > 0 and small enough for 64 bits).
int scaledLength(qint64 a, qint64 b, qint64 c)
{
    return int(std::max<qint64>(1, (a * b + c / 2) / c));
}

ThumbnailPlan planScale(QSize original, QSize box)
{
    const qint64 w = original.width(), h = original.height();
    ThumbnailPlan plan;
    plan.source = QRect(QPoint(0, 0), original);
    // The side that hits the box first decides: w/h compared with box.w/box.h.
    if (w * box.height() >= h * box.width())
        plan.output = QSize(box.width(), scaledLength(h, box.width(), w));
    else
        plan.output = QSize(scaledLength(w, box.height(), h), box.height());
    plan.output = plan.output.boundedTo(original);
    return plan;
}

ThumbnailPlan planCrop(QSize original, QSize box)
{
    const qint64 w = original.width(), h = original.height();
    QSize crop;
    if (w * box.height() >= h * box.width()) // wider than asked: full height, trimmed sides
        crop = QSize(std::min<int>(int(w), scaledLength(h, box.width(), box.height())), int(h));
    else
        crop = QSize(int(w), std::min<int>(int(h), scaledLength(w, box.height(), box.width())));
    ThumbnailPlan plan;
    plan.source = QRect(QPoint(int((w - crop.width()) / 2), int((h - crop.height()) / 2)), crop);
    plan.output = crop.width() >= box.width() && crop.height() >= box.height() ? box : crop;
    return plan;
}

} // namespace

QString thumbnailMethodName(ThumbnailMethod method)
{
    return method == ThumbnailMethod::Crop ? QStringLiteral("crop") : QStringLiteral("scale");
}

Result<ThumbnailRequest> ThumbnailRequest::parse(const QString &width, const QString &height,
                                                 const QString &method, const QString &animated)
{
    auto w = dimension(width, "width");
    if (!w)
        return w.error();
    auto h = dimension(height, "height");
    if (!h)
        return h.error();
    ThumbnailRequest request;
    request.size = QSize(*w, *h);
    if (method == u"crop")
        request.method = ThumbnailMethod::Crop;
    else if (!method.isNull() && method != u"scale")
        return Error::invalidParam(QStringLiteral("method must be crop or scale"));
    if (animated == u"true")
        request.animated = true;
    else if (animated == u"false")
        request.animated = false;
    else if (!animated.isNull())
        return Error::invalidParam(QStringLiteral("animated must be true or false"));
    return request;
}

ThumbnailPlan planThumbnail(QSize original, const ThumbnailRequest &request)
{
    if (original.width() <= request.size.width() && original.height() <= request.size.height()) {
        ThumbnailPlan plan;
        plan.useOriginal = true;
        plan.source = QRect(QPoint(0, 0), original);
        plan.output = original;
        return plan;
    }
    return request.method == ThumbnailMethod::Crop ? planCrop(original, request.size)
                                                   : planScale(original, request.size);
}

} // namespace trellis::services
