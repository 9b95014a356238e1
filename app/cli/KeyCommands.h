#pragma once
#include <QStringList>

// trellis-cli key generate | public
namespace trellis::cli {

int keyGenerate(const QStringList &arguments);
int keyPublic(const QStringList &arguments);

} // namespace trellis::cli
