#pragma once
#include "core/api/LogEntry.h"

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace trellis::ui {

class LogFilterModel;
class LogTableModel;

/// What the process logged (the server's trellis.* categories and Qt's own warnings): time,
/// level, category and message, newest at the bottom. Filters by minimum level (Info unless
/// chosen otherwise) and by a text; follows new lines only while the user is at the bottom;
/// marks warnings and critical lines; copies the selected lines (Ctrl+C, context menu, the
/// Copy button), or all shown lines when none is selected.
class LogView : public QWidget
{
    Q_OBJECT
public:
    /// How many lines the view keeps; older ones are dropped.
    static constexpr int kMaxRows = 5000;

    explicit LogView(QWidget *parent = nullptr, int maximumRows = kMaxRows);

    /// Lines kept, shown or not.
    int lineCount() const;
    /// Lines that pass the filter.
    int shownLineCount() const;
    /// The lines that pass the filter, as the view shows them (column LogTableModel::Column).
    const QAbstractItemModel *shownLines() const;
    void setMinimumLevel(api::LogLevel level);
    void setFilterText(const QString &text);
    /// Whether new lines scroll the view: the user is at the bottom.
    bool followsEnd() const { return m_followEnd; }
    /// The text Copy puts on the clipboard: selected lines, else all shown ones; one line
    /// each, the columns separated by tabs.
    QString copyText() const;

public Q_SLOTS:
    void append(const QList<trellis::api::LogEntry> &entries);
    void copy();

Q_SIGNALS:
    /// A warning or critical line arrived (the dashboard marks the Log tab).
    void problemLogged();

private:
    void fitColumns();

    LogTableModel *m_model;
    LogFilterModel *m_filter;
    QTreeView *m_lines;
    QComboBox *m_level;
    QLineEdit *m_text;
    QAction *m_copy;
    bool m_followEnd = true;
};

} // namespace trellis::ui
