#pragma once
#include <QSettings>
#include <QString>

// The desktop app's settings (QSettings: the platform's usual place), each with its default,
// read by the window's Settings menu and by the parts that act on them.
namespace trellis::ui::settings {

struct Flag
{
    const char *key;
    bool defaultValue;

    bool value() const { return QSettings().value(QLatin1String(key), defaultValue).toBool(); }
    void setValue(bool on) const { QSettings().setValue(QLatin1String(key), on); }
};

/// Closing the window hides it; the server keeps running in the tray.
inline constexpr Flag keepRunningInTray{"server/keepRunningInTray", true};
/// The homeserver starts with Trellis (else from the dashboard's Start button).
inline constexpr Flag startServerWithTrellis{"server/startWithTrellis", true};

} // namespace trellis::ui::settings
