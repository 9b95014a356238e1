#pragma once
#include <QString>

// The window's colour scheme: the platform's own, or Trellis' light or dark palette (on the
// Fusion style, which draws every widget from the palette, so a dark palette looks right
// everywhere, including where the platform theme has no dark variant).
namespace trellis::ui::appearance {

enum class Theme { System, Light, Dark };

/// The theme saved in the settings (System when none is, or an unknown name).
Theme savedTheme();
void saveTheme(Theme theme);
/// Applies `theme` to the whole application; widgets get a PaletteChange event. The first
/// call remembers the platform's style and palette, so System can return to them.
void applyTheme(Theme theme);

QString themeName(Theme theme);
Theme themeFromName(const QString &name);

} // namespace trellis::ui::appearance
