#pragma once
#include <QStringList>

// trellis-cli event id | content-hash | redact | sign | verify
namespace trellis::cli {

int eventId(const QStringList &arguments);
int eventContentHash(const QStringList &arguments);
int eventRedact(const QStringList &arguments);
int eventSign(const QStringList &arguments);
int eventVerify(const QStringList &arguments);

} // namespace trellis::cli
