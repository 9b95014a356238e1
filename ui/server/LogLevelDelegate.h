#pragma once
#include "core/api/LogEntry.h"

#include <QStyledItemDelegate>

namespace trellis::ui {

/// Paints the rows of the log view by level: warnings and critical lines on a tinted row with
/// their level in a strong colour, debug lines dimmed. The colours come from the palette the
/// row is painted with, so they stay readable in a dark palette too.
class LogLevelDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The strong colour of a level's name; invalid for levels painted as usual.
    static QColor accent(api::LogLevel level, const QPalette &palette);
    /// The row's background; invalid for levels painted as usual.
    static QColor rowBackground(api::LogLevel level, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace trellis::ui
