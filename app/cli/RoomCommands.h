#pragma once
#include <QStringList>

// trellis-cli auth | resolve | state-at | dag build: the room rules on hand-written and
// generated DAGs.
namespace trellis::cli {

int authCommand(const QStringList &arguments);
int resolveCommand(const QStringList &arguments);
int stateAtCommand(const QStringList &arguments);
int dagBuildCommand(const QStringList &arguments);

} // namespace trellis::cli
