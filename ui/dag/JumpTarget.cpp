#include "ui/dag/JumpTarget.h"

#include <QDateTime>
#include <QTime>

namespace trellis::ui::dag {

std::optional<JumpTarget> JumpTarget::parse(const QString &input, QDate day)
{
    const QString text = input.trimmed();
    bool isNumber = false;
    const qint64 depth = text.toLongLong(&isNumber);
    if (isNumber)
        return depth >= 0 ? std::optional<JumpTarget>({Kind::Depth, depth}) : std::nullopt;

    const auto at = [](const QDateTime &local) {
        return local.isValid() ? std::optional<JumpTarget>({Kind::Time, local.toMSecsSinceEpoch()})
                               : std::nullopt;
    };
    for (const QString &format :
         {QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-dd HH:mm"),
          QStringLiteral("yyyy-MM-ddTHH:mm:ss"), QStringLiteral("yyyy-MM-ddTHH:mm")}) {
        if (auto target = at(QDateTime::fromString(text, format)))
            return target;
    }
    if (const QDate date = QDate::fromString(text, Qt::ISODate); date.isValid())
        return at(date.startOfDay());
    for (const QString &format : {QStringLiteral("HH:mm:ss"), QStringLiteral("HH:mm"),
                                  QStringLiteral("H:mm")}) {
        if (const QTime time = QTime::fromString(text, format); time.isValid() && day.isValid())
            return at(QDateTime(day, time));
    }
    return std::nullopt;
}

} // namespace trellis::ui::dag
