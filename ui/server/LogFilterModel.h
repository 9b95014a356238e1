#pragma once
#include "core/api/LogEntry.h"

#include <QSortFilterProxyModel>

namespace trellis::ui {

class LogTableModel;

/// Which lines of a LogTableModel the log view shows: those at or above a minimum level
/// whose category or message contains a text (ignoring case). New lines are filtered as they
/// arrive; only a change of the filter looks at every line again.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(LogTableModel *lines, QObject *parent = nullptr);

    api::LogLevel minimumLevel() const { return m_minimumLevel; }
    void setMinimumLevel(api::LogLevel level);
    QString text() const { return m_text; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const LogTableModel *m_lines;
    api::LogLevel m_minimumLevel = api::LogLevel::Info;
    QString m_text;
};

} // namespace trellis::ui
