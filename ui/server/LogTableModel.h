#pragma once
#include "core/api/LogEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace trellis::ui {

/// The lines of the log view, oldest first, at most maximumRows(): appending past the bound
/// drops the oldest. Lines arrive in batches and each batch is one insertion, so that a burst
/// of thousands of lines does not relayout the view line by line.
class LogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    /// The line's api::LogLevel as an int, for the delegate that marks warnings.
    static constexpr int LevelRole = Qt::UserRole + 1;

    explicit LogTableModel(int maximumRows, QObject *parent = nullptr);

    int maximumRows() const { return m_maximumRows; }
    const api::LogEntry &entry(int row) const { return m_entries.at(row); }
    void append(const QList<api::LogEntry> &entries);

    /// "Warning", in the user's language.
    static QString levelName(api::LogLevel level);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const int m_maximumRows;
    QList<api::LogEntry> m_entries;
};

} // namespace trellis::ui
