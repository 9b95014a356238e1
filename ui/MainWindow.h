#pragma once
#include <QMainWindow>

class QTabWidget;

namespace trellis::ui {

/// Trellis's main window: a welcome tab, and a DAG explorer tab per opened room dump (File >
/// Open, drag and drop, or `trellis FILE`); the state-resolution views grow into it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Opens a room dump (a JSON array of PDUs) in a new DAG tab; it loads in the background.
    void openRoomDump(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseRoomDump();
    void createMenus();
    void showAbout();

    QTabWidget *m_tabs;
};

} // namespace trellis::ui
