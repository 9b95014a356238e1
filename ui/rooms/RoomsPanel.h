#pragma once
#include "core/api/RoomSnapshots.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace trellis::ui {

/// The owner's rooms on the running server: each with an avatar initial, its name, version,
/// members and whether it is an invite; a field to join a room by ID or alias, a button for a
/// new room; opening a room (double click, Enter, Open) shows it in a tab of its own, where its
/// timeline has the composer. It only shows what it is given
/// (setRooms()) and asks for actions through signals: the server's host carries them to the
/// core thread (queued), so nothing here waits on the server.
class RoomsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RoomsPanel(QWidget *parent = nullptr);

    /// Replaces the list, keeping the selection where the room is still there.
    void setRooms(const QList<trellis::api::RoomListEntry> &rooms);
    /// A failed action, shown under the list until the next success (it ends a join's wait).
    void showError(const QString &message);
    /// The join asked for succeeded: the wait ends and the room is selected once listed.
    void joinSucceeded(const QString &requested, const QString &roomId);
    /// Whether the server runs: without it, nothing can be joined or created, and a join on
    /// its way is over (it will not be answered).
    void setServerRunning(bool running);
    /// The server's version for new rooms, chosen first in the New Room dialog.
    void setDefaultRoomVersion(const QString &version) { m_defaultVersion = version; }
    /// Whether a join is on its way (its progress shows under the list).
    bool isJoining() const { return !m_joining.isEmpty(); }
    /// The selected room's ID, empty if none.
    QString selectedRoomId() const;
    int roomCount() const;
    /// Selects the room in that row and asks to open it (as a double click does).
    void openRow(int row);

Q_SIGNALS:
    /// Open the room live from the server: its timeline, composer and event DAG.
    void openRequested(const QString &roomId, const QString &title);
    void joinRequested(const QString &roomIdOrAlias);
    void createRequested(const trellis::api::NewRoom &room);
    /// Leave the room, or reject its invite.
    void leaveRequested(const QString &roomId);
    /// Send a state event with an empty state key (the settings dialog's changes).
    void stateChangeRequested(const QString &roomId, const QString &type, const QByteArray &content);

private:
    void join();
    void createRoom();
    void openSelected();
    void editSettings();
    bool selectedIsInvite() const;
    void setJoining(const QString &target);
    void selectRoom(const QString &roomId);
    void updateActions();

    QLineEdit *m_joinField;
    QPushButton *m_joinButton;
    QPushButton *m_createButton;
    QListWidget *m_list;
    QLabel *m_status;
    QProgressBar *m_progress; ///< busy while a join is on its way
    QString m_joining;        ///< the room ID or alias being joined
    QString m_selectWhenListed; ///< a joined room, selected when the list next has it
    QString m_defaultVersion = QStringLiteral("12");
    bool m_serverRunning = true;
    QPushButton *m_openButton;
    QPushButton *m_acceptButton;
    QPushButton *m_leaveButton;
    QPushButton *m_settingsButton;
    QHash<QString, trellis::api::RoomListEntry> m_rooms; ///< by room ID, as last given
};

} // namespace trellis::ui
