#pragma once
#include <QMainWindow>

#include <memory>

class QMenu;

namespace trellis::crypto {
class KeyRing;
}
class QTabWidget;

namespace trellis::ui {

/// Trellis's main window: a welcome tab, and a DAG explorer tab per opened room dump (File >
/// Open, drag and drop, or `trellis FILE`) or live room of the server (the Rooms dock).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Opens a room dump (a JSON array of PDUs) in a new DAG tab; it loads in the background.
    void openRoomDump(const QString &path);
    /// Shows a live room of the server (its dump, fresh from the core thread) in its DAG tab,
    /// which is made on the first call and reloaded on the next; `focus` brings it forward.
    void showLiveRoom(const QString &roomId, const QString &title, const QByteArray &dump, bool focus);
    /// The room IDs of the live tabs open now (to refresh when those rooms change).
    QStringList liveRooms() const;
    /// The owner, whose messages the live tabs' timelines offer to edit.
    void setOwnUserId(const QString &userId);
    /// The running server's key: live rooms check their events' signatures with it.
    void setServerKeys(std::shared_ptr<const crypto::KeyRing> keys);

Q_SIGNALS:
    /// A live tab's composer wrote an m.room.message with this content (JSON).
    void messageWritten(const QString &roomId, const QByteArray &content);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseRoomDump();
    void createMenus();
    QMenu *createAppearanceMenu();
    void showAbout();

    QTabWidget *m_tabs;
    QString m_ownUserId;
    std::shared_ptr<const crypto::KeyRing> m_serverKeys;
};

} // namespace trellis::ui
