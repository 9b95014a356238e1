#pragma once
#include <QMainWindow>

namespace trellis::ui {

/// Trellis's main window. For now it introduces the application; the rooms, DAG and
/// state-resolution views and the server dashboard grow into it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createMenus();
    void showAbout();
};

} // namespace trellis::ui
