#pragma once
#include <QByteArray>

namespace trellis::http {

/// The reason phrase for a status line (RFC 9110 section 15); "Status" for codes it does
/// not name, which clients ignore anyway.
QByteArray reasonPhrase(int status);

} // namespace trellis::http
