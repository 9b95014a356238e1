#include "ui/rooms/RoomAvatar.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

namespace trellis::ui {

QIcon roomAvatar(const QString &title, const QString &seed, int size)
{
    QString letter;
    for (const QChar c : title) {
        if (c != u'#' && c != u'!' && !c.isSpace()) {
            letter = QString(c).toUpper();
            break;
        }
    }
    // A stable hue per room; saturation and value keep white text readable in either palette.
    const QColor background = QColor::fromHsv(int(qHash(seed) % 360), 150, 170);
    QPixmap pixmap(size * 2, size * 2); // drawn at twice the size: crisp on high-DPI screens
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont font = painter.font();
    font.setPixelSize(size / 2);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, letter);
    return QIcon(pixmap);
}

} // namespace trellis::ui
