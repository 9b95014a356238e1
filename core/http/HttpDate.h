#pragma once
#include <QByteArray>

namespace trellis::http {

/// The current time as an HTTP date (RFC 9110 "IMF-fixdate"), computed once per second.
QByteArray httpDate();

} // namespace trellis::http
