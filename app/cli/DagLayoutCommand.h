#pragma once
#include <QStringList>

// trellis-cli dag layout: the explorer's DAG layout of a room dump, as JSON or SVG.
namespace trellis::cli {

int dagLayoutCommand(const QStringList &arguments);

} // namespace trellis::cli
