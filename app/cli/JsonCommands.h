#pragma once
#include <QStringList>

// trellis-cli json canonical | sign | verify
namespace trellis::cli {

int jsonCanonical(const QStringList &arguments);
int jsonSign(const QStringList &arguments);
int jsonVerify(const QStringList &arguments);

} // namespace trellis::cli
