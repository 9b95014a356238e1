#pragma once
#include <QStringList>

namespace trellis::cli {

/// `trellis-cli serve`: runs the homeserver headless until SIGINT or SIGTERM.
int serveCommand(const QStringList &arguments);

} // namespace trellis::cli
