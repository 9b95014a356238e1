#pragma once
#include <QIcon>
#include <QString>

namespace trellis::ui {

/// A round avatar with the first letter of `title` (after a leading '#' or '!'), coloured by
/// `seed` (the room ID) so that a room keeps its colour when renamed.
QIcon roomAvatar(const QString &title, const QString &seed, int size);

} // namespace trellis::ui
