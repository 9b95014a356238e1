// The dashboard's log view, offscreen: filters by level and text, keeps its bound, follows the
// end only from the bottom, copies lines, and marks warnings in light and dark palettes.
#include "ui/server/LogLevelDelegate.h"
#include "ui/server/LogTableModel.h"
#include "ui/server/LogView.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QTreeView>
#include <cmath>

using namespace trellis;
using api::LogEntry;
using api::LogLevel;
using ui::LogLevelDelegate;
using ui::LogTableModel;
using ui::LogView;

namespace {

constexpr qint64 kNoon = 1700000000000;

LogEntry line(LogLevel level, const char *category, const char *message, qint64 at = kNoon)
{
    return {at, level, QString::fromLatin1(category), QString::fromLatin1(message)};
}

QList<LogEntry> numbered(int from, int to)
{
    QList<LogEntry> lines;
    for (int i = from; i < to; ++i)
        lines.append(
            {kNoon + i, LogLevel::Info, QStringLiteral("trellis.http"), QString::number(i)});
    return lines;
}

QStringList shownMessages(const LogView &view)
{
    QStringList messages;
    const QAbstractItemModel *shown = view.shownLines();
    for (int row = 0; row < shown->rowCount(); ++row)
        messages.append(shown->index(row, LogTableModel::MessageColumn).data().toString());
    return messages;
}

QPalette darkPalette(const QColor &base)
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x31, 0x36, 0x3b));
    dark.setColor(QPalette::WindowText, QColor(0xef, 0xf0, 0xf1));
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::Text, QColor(0xef, 0xf0, 0xf1));
    dark.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xef, 0xf0, 0xf1));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x93, 0x96));
    return dark;
}

// WCAG contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 &&
           std::abs(a.blue() - b.blue()) <= 2;
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersByLevelAndText();
    void keepsItsRowBound();
    void followsTheEndOnlyFromTheBottom();
    void scrolledUpLinesStayWhileOldOnesDrop();
    void copiesSelectedOrShownLines();
    void marksProblems_data();
    void marksProblems();
};

void TestLogView::filtersByLevelAndText()
{
    LogView view;
    view.append({line(LogLevel::Debug, "trellis.http", "parsed headers"),
                 line(LogLevel::Info, "trellis.server", "listening on 127.0.0.1:8008"),
                 line(LogLevel::Warning, "trellis.keys", "key server unreachable"),
                 line(LogLevel::Critical, "trellis.storage", "database is locked")});
    QCOMPARE(view.lineCount(), 4);
    // Info and up unless chosen otherwise: debug lines are hidden.
    QCOMPARE(shownMessages(view), (QStringList{QStringLiteral("listening on 127.0.0.1:8008"),
                                               QStringLiteral("key server unreachable"),
                                               QStringLiteral("database is locked")}));
    auto *level = view.findChild<QComboBox *>(QStringLiteral("logLevelFilter"));
    QVERIFY(level);
    QCOMPARE(level->currentData().toInt(), int(LogLevel::Info));
    level->setCurrentIndex(level->findData(int(LogLevel::Debug)));
    QCOMPARE(view.shownLineCount(), 4);
    level->setCurrentIndex(level->findData(int(LogLevel::Warning)));
    QCOMPARE(view.shownLineCount(), 2);

    // Text matches category or message, ignoring case; with the level it narrows further.
    auto *text = view.findChild<QLineEdit *>(QStringLiteral("logTextFilter"));
    QVERIFY(text);
    QTest::keyClicks(text, QStringLiteral("STORAGE"));
    QCOMPARE(shownMessages(view), QStringList{QStringLiteral("database is locked")});
    text->clear();
    QTest::keyClicks(text, QStringLiteral("server"));
    QCOMPARE(shownMessages(view), QStringList{QStringLiteral("key server unreachable")});
    view.setMinimumLevel(LogLevel::Debug);
    QCOMPARE(view.shownLineCount(), 2); // trellis.server's line comes back
    // New lines are filtered as they come.
    view.append({line(LogLevel::Info, "trellis.server", "stopped"),
                 line(LogLevel::Info, "trellis.http", "GET")});
    QCOMPARE(shownMessages(view).constLast(), QStringLiteral("stopped"));
    QCOMPARE(view.shownLineCount(), 3);
}

void TestLogView::keepsItsRowBound()
{
    LogView view(nullptr, 100);
    for (int from = 0; from < 90; from += 30)
        view.append(numbered(from, from + 30));
    QCOMPARE(view.lineCount(), 90);
    view.append(numbered(90, 130)); // drops the oldest 30
    QCOMPARE(view.lineCount(), 100);
    QCOMPARE(shownMessages(view).constFirst(), QStringLiteral("30"));
    view.append(numbered(130, 380)); // more than the bound at once: its newest 100
    QCOMPARE(view.lineCount(), 100);
    const QStringList shown = shownMessages(view);
    QCOMPARE(shown.constFirst(), QStringLiteral("280"));
    QCOMPARE(shown.constLast(), QStringLiteral("379"));
}

void TestLogView::followsTheEndOnlyFromTheBottom()
{
    LogView view;
    view.resize(500, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *scroll =
        view.findChild<QTreeView *>(QStringLiteral("logLines"))->verticalScrollBar();
    view.append(numbered(0, 200));
    QTRY_VERIFY(scroll->maximum() > 0);
    QTRY_COMPARE(scroll->value(), scroll->maximum());
    QVERIFY(view.followsEnd());

    scroll->setValue(0); // the user scrolls up to read
    QVERIFY(!view.followsEnd());
    const int maximum = scroll->maximum();
    view.append(numbered(200, 300));
    QTRY_VERIFY(scroll->maximum() > maximum);
    QCOMPARE(scroll->value(), 0);

    scroll->setValue(scroll->maximum()); // and back down: the view follows again
    QVERIFY(view.followsEnd());
    const int longer = scroll->maximum();
    view.append(numbered(300, 400));
    QTRY_VERIFY(scroll->maximum() > longer);
    QTRY_COMPARE(scroll->value(), scroll->maximum());
}

void TestLogView::scrolledUpLinesStayWhileOldOnesDrop()
{
    LogView view(nullptr, 300);
    view.resize(500, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *lines = view.findChild<QTreeView *>(QStringLiteral("logLines"));
    QScrollBar *scroll = lines->verticalScrollBar();
    auto topLine = [lines] {
        return lines->indexAt(QPoint(4, 4))
            .siblingAtColumn(LogTableModel::MessageColumn)
            .data()
            .toString();
    };
    view.append(numbered(0, 300));
    QTRY_VERIFY(scroll->maximum() > 200); // laid out
    scroll->setValue(150);
    QTRY_COMPARE(topLine(), QStringLiteral("150"));
    view.append(numbered(300, 340)); // drops lines 0..39
    QCOMPARE(view.lineCount(), 300);
    QCOMPARE(topLine(), QStringLiteral("150"));
    QVERIFY(!view.followsEnd());
}

void TestLogView::copiesSelectedOrShownLines()
{
    LogView view;
    view.append({line(LogLevel::Info, "trellis.server", "one"),
                 line(LogLevel::Warning, "trellis.http", "two\nlines"),
                 line(LogLevel::Debug, "trellis.http", "hidden"),
                 line(LogLevel::Info, "trellis.rooms", "three")});
    const QString time =
        QDateTime::fromMSecsSinceEpoch(kNoon).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString one = time + QStringLiteral("\tInfo\ttrellis.server\tone\n");
    const QString two = time + QStringLiteral("\tWarning\ttrellis.http\ttwo\nlines\n");
    const QString three = time + QStringLiteral("\tInfo\ttrellis.rooms\tthree\n");
    QCOMPARE(view.copyText(), one + two + three); // nothing selected: all shown lines

    auto *lines = view.findChild<QTreeView *>(QStringLiteral("logLines"));
    const QAbstractItemModel *shown = view.shownLines();
    // Selected bottom first: copied in the order logged.
    lines->selectionModel()->select(shown->index(2, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    lines->selectionModel()->select(shown->index(0, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(view.copyText(), one + three);

    // Ctrl+C on the lines copies the selected lines, not only the current cell.
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    lines->setFocus();
    lines->selectionModel()->setCurrentIndex(shown->index(0, LogTableModel::MessageColumn),
                                             QItemSelectionModel::NoUpdate);
    QApplication::clipboard()->clear();
    QTest::keyClick(lines, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), one + three);
}

void TestLogView::marksProblems_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << QApplication::style()->standardPalette();
    QPalette greyish = QApplication::style()->standardPalette();
    greyish.setColor(QPalette::Base, QColor(0xf0, 0xf0, 0xf0));
    QTest::newRow("light grey base") << greyish;
    QTest::newRow("dark") << darkPalette(QColor(0x23, 0x26, 0x29));
    QTest::newRow("dark grey base") << darkPalette(QColor(0x3c, 0x3f, 0x41));
}

void TestLogView::marksProblems()
{
    QFETCH(QPalette, palette);
    for (const LogLevel level : {LogLevel::Warning, LogLevel::Critical}) {
        const QColor background = LogLevelDelegate::rowBackground(level, palette);
        QVERIFY(background.isValid());
        QVERIFY2(!near(background, palette.color(QPalette::Base)), "the row must stand out");
        // Readable: the level in its colour and the message in the palette's text colour.
        QVERIFY2(contrast(LogLevelDelegate::accent(level, palette), background) >= 4.5,
                 qPrintable(QString::number(
                     contrast(LogLevelDelegate::accent(level, palette), background))));
        QVERIFY(contrast(palette.color(QPalette::Text), background) >= 4.5);
    }
    QVERIFY(!LogLevelDelegate::rowBackground(LogLevel::Info, palette).isValid());

    LogView view;
    view.setPalette(palette);
    view.resize(640, 200);
    view.append({line(LogLevel::Info, "trellis.server", "started"),
                 line(LogLevel::Warning, "trellis.keys", "slow"),
                 line(LogLevel::Critical, "trellis.storage", "failed")});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *lines = view.findChild<QTreeView *>(QStringLiteral("logLines"));
    const QAbstractItemModel *shown = view.shownLines();
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    // The empty right end of each message cell shows the row's background.
    auto backgroundOf = [&](int row) {
        const QRect cell = lines->visualRect(shown->index(row, LogTableModel::MessageColumn));
        const QPoint at =
            lines->viewport()->mapTo(&view, QPoint(cell.right() - 4, cell.center().y()));
        return image.pixelColor(at * image.devicePixelRatio());
    };
    QVERIFY2(near(backgroundOf(0), palette.color(QPalette::Base)),
             qPrintable(backgroundOf(0).name()));
    QVERIFY2(near(backgroundOf(1), LogLevelDelegate::rowBackground(LogLevel::Warning, palette)),
             qPrintable(backgroundOf(1).name()));
    QVERIFY2(near(backgroundOf(2), LogLevelDelegate::rowBackground(LogLevel::Critical, palette)),
             qPrintable(backgroundOf(2).name()));
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
