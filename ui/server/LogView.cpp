#include "ui/server/LogView.h"

#include "ui/server/LogFilterModel.h"
#include "ui/server/LogLevelDelegate.h"
#include "ui/server/LogTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace trellis::ui {

LogView::LogView(QWidget *parent, int maximumRows)
    : QWidget(parent), m_model(new LogTableModel(maximumRows, this)),
      m_filter(new LogFilterModel(m_model, this))
{
    setObjectName(QStringLiteral("LogView"));
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevelFilter"));
    for (const api::LogLevel level : {api::LogLevel::Debug, api::LogLevel::Info,
                                      api::LogLevel::Warning, api::LogLevel::Critical})
        m_level->addItem(LogTableModel::levelName(level), int(level));
    m_level->setCurrentIndex(m_level->findData(int(m_filter->minimumLevel())));
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(api::LogLevel(m_level->currentData().toInt())); });
    auto *levelLabel = new QLabel(tr("Minimum &level:"), this);
    levelLabel->setBuddy(m_level);

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("logTextFilter"));
    m_text->setPlaceholderText(tr("Filter by category or message"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);

    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut); // only while the lines have the focus
    m_copy->setToolTip(tr("Copies the selected lines, or all shown lines when none is selected"));
    connect(m_copy, &QAction::triggered, this, &LogView::copy);
    auto *copyButton = new QPushButton(m_copy->text(), this);
    copyButton->setObjectName(QStringLiteral("logCopyButton"));
    copyButton->setToolTip(m_copy->toolTip());
    connect(copyButton, &QPushButton::clicked, this, &LogView::copy);

    m_lines = new QTreeView(this);
    m_lines->setObjectName(QStringLiteral("logLines"));
    m_lines->setModel(m_filter);
    m_lines->setItemDelegate(new LogLevelDelegate(m_lines));
    // One height for all rows and no decoration: the view lays out thousands of rows fast.
    m_lines->setRootIsDecorated(false);
    m_lines->setUniformRowHeights(true);
    m_lines->setItemsExpandable(false);
    m_lines->setAllColumnsShowFocus(true);
    m_lines->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setTextElideMode(Qt::ElideRight);
    m_lines->addAction(m_copy);
    m_lines->setContextMenuPolicy(Qt::ActionsContextMenu);
    fitColumns();

    // Follow the end while the user is there: a new range (lines arrived, filter changed)
    // moves to the new bottom; scrolling up stops that until the user scrolls back down.
    QScrollBar *scroll = m_lines->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this,
            [this, scroll](int value) { m_followEnd = value >= scroll->maximum(); });
    connect(scroll, &QScrollBar::rangeChanged, this, [this, scroll](int, int maximum) {
        if (m_followEnd)
            scroll->setValue(maximum);
    });
    // Scrolled up, the user reads lines that should stay put while the oldest are dropped
    // above them. Per item, the scroll value counts rows: move it up by the rows dropped.
    m_lines->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this,
            [this, scroll](const QModelIndex &, int first, int last) {
                if (!m_followEnd && first == 0)
                    scroll->setValue(scroll->value() - (last - first + 1));
            });

    auto *filters = new QHBoxLayout;
    filters->addWidget(levelLabel);
    filters->addWidget(m_level);
    filters->addWidget(m_text, 1);
    filters->addWidget(copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_lines, 1);
}

void LogView::fitColumns()
{
    // Fixed widths from the font, not ResizeToContents: that would measure rows on each burst.
    const QFontMetrics metrics = m_lines->fontMetrics();
    QFont bold = m_lines->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int padding = 3 * metrics.averageCharWidth();
    int levelWidth = boldMetrics.horizontalAdvance(
        m_model->headerData(LogTableModel::LevelColumn, Qt::Horizontal).toString());
    for (const api::LogLevel level : {api::LogLevel::Debug, api::LogLevel::Info,
                                      api::LogLevel::Warning, api::LogLevel::Critical})
        levelWidth =
            std::max(levelWidth, boldMetrics.horizontalAdvance(LogTableModel::levelName(level)));
    QHeaderView *header = m_lines->header();
    header->setStretchLastSection(true);
    header->resizeSection(LogTableModel::TimeColumn,
                          metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + padding);
    header->resizeSection(LogTableModel::LevelColumn, levelWidth + padding);
    header->resizeSection(LogTableModel::CategoryColumn,
                          metrics.horizontalAdvance(QStringLiteral("trellis.clientapi")) + padding);
}

int LogView::lineCount() const
{
    return m_model->rowCount();
}

int LogView::shownLineCount() const
{
    return m_filter->rowCount();
}

const QAbstractItemModel *LogView::shownLines() const
{
    return m_filter;
}

void LogView::setMinimumLevel(api::LogLevel level)
{
    m_level->setCurrentIndex(m_level->findData(int(level))); // the combo box sets the filter
}

void LogView::setFilterText(const QString &text)
{
    m_text->setText(text);
}

void LogView::append(const QList<api::LogEntry> &entries)
{
    m_model->append(entries);
    if (std::any_of(entries.cbegin(), entries.cend(),
                    [](const api::LogEntry &line) { return line.level >= api::LogLevel::Warning; }))
        Q_EMIT problemLogged();
}

QString LogView::copyText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_lines->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty()) {
        for (int row = 0; row < m_filter->rowCount(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end()); // in the order logged, not the order clicked
    QString text;
    for (const int row : std::as_const(rows)) {
        const api::LogEntry &line =
            m_model->entry(m_filter->mapToSource(m_filter->index(row, 0)).row());
        text += m_filter->index(row, LogTableModel::TimeColumn).data().toString() + u'\t' +
                LogTableModel::levelName(line.level) + u'\t' + line.category + u'\t' +
                line.message + u'\n';
    }
    return text;
}

void LogView::copy()
{
    QApplication::clipboard()->setText(copyText());
}

} // namespace trellis::ui
