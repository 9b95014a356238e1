#pragma once
#include <QStringList>

namespace trellis::cli {

/// `trellis-cli dag export`: a room of the server's database as a room dump.
int dagExportCommand(const QStringList &arguments);

} // namespace trellis::cli
