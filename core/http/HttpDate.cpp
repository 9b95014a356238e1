#include "core/http/HttpDate.h"

#include <QDateTime>
#include <QLocale>

namespace trellis::http {

QByteArray httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cachedSecond = second;
        cached = QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
    }
    return cached;
}

} // namespace trellis::http
