#include "ui/server/LogTableModel.h"

#include <QDateTime>

namespace trellis::ui {

LogTableModel::LogTableModel(int maximumRows, QObject *parent)
    : QAbstractTableModel(parent), m_maximumRows(maximumRows)
{
}

void LogTableModel::append(const QList<api::LogEntry> &entries)
{
    // A batch larger than the bound only keeps its newest lines.
    const qsizetype kept = std::min<qsizetype>(entries.size(), m_maximumRows);
    if (kept == 0)
        return;
    const qsizetype overflow = m_entries.size() + kept - m_maximumRows;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_entries.remove(0, overflow); // cheap in Qt 6: the list's start moves forward
        endRemoveRows();
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, int(first + kept - 1));
    m_entries.append(entries.sliced(entries.size() - kept));
    endInsertRows();
}

QString LogTableModel::levelName(api::LogLevel level)
{
    switch (level) {
    case api::LogLevel::Debug:
        return tr("Debug");
    case api::LogLevel::Info:
        return tr("Info");
    case api::LogLevel::Warning:
        return tr("Warning");
    case api::LogLevel::Critical:
        return tr("Critical");
    }
    return {};
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const api::LogEntry &line = m_entries.at(index.row());
    if (role == LevelRole)
        return int(line.level);
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return line.message; // with its line breaks, which the row shows as spaces
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(line.atMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelColumn:
        return levelName(line.level);
    case CategoryColumn:
        return line.category;
    case MessageColumn:
        // One text line per row: the rows keep one height, which keeps the view fast.
        return QString(line.message).replace(u'\n', u' ');
    }
    return {};
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace trellis::ui
