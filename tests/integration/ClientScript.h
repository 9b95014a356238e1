#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace trellis::test {

/// Runs a real Matrix client's script (matrix-nio, matrix-js-sdk) to its end: empty when it
/// exited 0, else what it printed and why it failed (its exit, a crash or the time limit).
QByteArray runClientScript(const QString &program, const QStringList &arguments, int timeoutMs = 120000);

} // namespace trellis::test
