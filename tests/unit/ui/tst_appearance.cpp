// Settings ▸ Appearance: the theme is stored in the settings, applies to the whole application
// (a dark palette on Fusion, or back to the platform's look), and the custom-painted views
// follow it at once: the DAG view's background and text, the timeline's grey.
#include "core/json/Reader.h"
#include "core/room/RoomBuilder.h"
#include "ui/Appearance.h"
#include "ui/MainWindow.h"
#include "ui/dag/DagView.h"
#include "ui/rooms/RoomTimeline.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::ui;

namespace {

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 100 &&
           palette.color(QPalette::WindowText).lightness() > 180;
}

// A room of version 12 with one message (alice creates it, joins and says hello).
QList<events::Pdu> oneMessageRoom()
{
    room::RoomBuilder builder(*events::RoomVersion::find(QStringLiteral("12")));
    const QString alice = QStringLiteral("@alice:example.org");
    const auto add = [&](const QString &type, std::optional<QString> stateKey, const char *content) {
        room::RoomBuilder::Event event;
        event.type = type;
        event.sender = alice;
        event.stateKey = std::move(stateKey);
        event.content = json::parseObject(std::string(content)).value();
        return builder.add(event).hasValue();
    };
    if (!add(QStringLiteral("m.room.create"), QString(), "{}") ||
        !add(QStringLiteral("m.room.member"), alice, "{\"membership\": \"join\"}") ||
        !add(QStringLiteral("m.room.message"), std::nullopt,
             "{\"msgtype\": \"m.text\", \"body\": \"hello\"}"))
        qFatal("cannot build the room");
    return builder.events();
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void namesRoundTrip();
    void darkAndBack();
    void viewsFollowThePalette();
    void menuStoresAndAppliesTheChoice();

private:
    QTemporaryDir m_settings;
};

void TestAppearance::initTestCase()
{
    // A throwaway settings file, not the user's.
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TrellisAppearanceTest"));
}

void TestAppearance::namesRoundTrip()
{
    using appearance::Theme;
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        QCOMPARE(appearance::themeFromName(appearance::themeName(theme)), theme);
    QCOMPARE(appearance::themeFromName(QStringLiteral("solarized")), Theme::System);
    QCOMPARE(appearance::savedTheme(), Theme::System); // nothing saved yet
    appearance::saveTheme(Theme::Dark);
    QCOMPARE(appearance::savedTheme(), Theme::Dark);
    appearance::saveTheme(Theme::System);
}

void TestAppearance::darkAndBack()
{
    const QString platformStyle = QApplication::style()->name();
    const QColor platformWindow = QApplication::palette().color(QPalette::Window);
    appearance::applyTheme(appearance::Theme::Dark);
    QVERIFY(paletteIsDark(QApplication::palette()));
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
    // Disabled text must stay readable on the dark window, not vanish into it.
    const QPalette dark = QApplication::palette();
    QVERIFY(dark.color(QPalette::Disabled, QPalette::Text).lightness() -
                dark.color(QPalette::Base).lightness() >
            80);
    appearance::applyTheme(appearance::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    appearance::applyTheme(appearance::Theme::System);
    QCOMPARE(QApplication::style()->name(), platformStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), platformWindow);
}

void TestAppearance::viewsFollowThePalette()
{
    // Inside a shown window, as in the app: a theme change reaches the window and its children.
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto &view = *new ui::dag::DagView(&window);
    auto &timeline = *new RoomTimeline(&window);
    layout->addWidget(&view);
    layout->addWidget(&timeline);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    timeline.setEvents(oneMessageRoom());
    auto *rows = timeline.findChild<QListWidget *>();
    QVERIFY(rows && rows->count() > 0);
    const QString lightHtml = rows->item(rows->count() - 1)->data(Qt::UserRole).toString();

    // The palette reaches the widgets through events: the checks wait for them.
    appearance::applyTheme(appearance::Theme::Dark);
    QTRY_VERIFY(view.paintOptions().background.lightness() < 100);
    QCOMPARE(view.paintOptions().background, view.palette().color(QPalette::Base));
    QVERIFY(view.paintOptions().text.lightness() > 180);
    const QString darkGrey = timeline.palette().color(QPalette::Disabled, QPalette::Text).name();
    const QString darkHtml = rows->item(rows->count() - 1)->data(Qt::UserRole).toString();
    QVERIFY2(darkHtml.contains(darkGrey), qPrintable(darkHtml));
    QVERIFY(darkHtml != lightHtml);

    appearance::applyTheme(appearance::Theme::System);
    QTRY_VERIFY(view.paintOptions().background.lightness() > 180);
}

void TestAppearance::menuStoresAndAppliesTheChoice()
{
    MainWindow window;
    auto *menu = window.findChild<QMenu *>(QStringLiteral("appearanceMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 3);
    QVERIFY(menu->actions().at(0)->isChecked()); // like the system
    menu->actions().at(2)->trigger();
    QCOMPARE(appearance::savedTheme(), appearance::Theme::Dark);
    QVERIFY(paletteIsDark(QApplication::palette()));
    QVERIFY(menu->actions().at(2)->isChecked() && !menu->actions().at(0)->isChecked());
    MainWindow again; // a new window shows the stored choice
    QVERIFY(again.findChild<QMenu *>(QStringLiteral("appearanceMenu"))->actions().at(2)->isChecked());
    menu->actions().at(0)->trigger();
    QCOMPARE(appearance::savedTheme(), appearance::Theme::System);
    QVERIFY(!paletteIsDark(QApplication::palette()));
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
