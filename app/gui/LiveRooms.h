#pragma once
#include "core/server/HomeserverHost.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace trellis::ui {
class MainWindow;
class RoomsPanel;
}

namespace trellis::app {

/// The owner's rooms in the GUI, live: a Rooms dock (ui::RoomsPanel) beside the explorer, and
/// DAG tabs of the server's rooms that reload when their room changes. It carries the panel's
/// requests to the server's host (queued to the core thread) and the answers back; nothing
/// waits on the server. Changes are gathered for a moment, so a busy room reloads its tab a few
/// times a second at most.
class LiveRooms : public QObject
{
    Q_OBJECT
public:
    LiveRooms(ui::MainWindow *window, server::HomeserverHost &host, QObject *parent = nullptr);

    ui::RoomsPanel *panel() const { return m_panel; }

private:
    void refreshChanged();
    /// The message for a failed action, with %1 for the error.
    static QString failureText(const QString &action);

    ui::MainWindow *m_window;
    server::HomeserverHost &m_host;
    ui::RoomsPanel *m_panel;
    QHash<QString, QString> m_titles; ///< room ID -> the title its tab shows
    QString m_opening;                ///< the room the user asked to open: its tab comes forward
    QSet<QString> m_changed;          ///< rooms changed since the last refresh
    QTimer m_refresh;
};

} // namespace trellis::app
