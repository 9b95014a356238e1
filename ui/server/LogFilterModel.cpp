#include "ui/server/LogFilterModel.h"

#include "ui/server/LogTableModel.h"

namespace trellis::ui {

LogFilterModel::LogFilterModel(LogTableModel *lines, QObject *parent)
    : QSortFilterProxyModel(parent), m_lines(lines)
{
    setSourceModel(lines);
}

void LogFilterModel::setMinimumLevel(api::LogLevel level)
{
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    invalidateFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const api::LogEntry &line = m_lines->entry(sourceRow);
    if (line.level < m_minimumLevel)
        return false;
    return m_text.isEmpty() || line.message.contains(m_text, Qt::CaseInsensitive) ||
           line.category.contains(m_text, Qt::CaseInsensitive);
}

} // namespace trellis::ui
