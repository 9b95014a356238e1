#pragma once
#include "core/base/Result.h"

#include <QByteArray>
#include <QStringView>

// Bounds on what clients and peers may make the account-side stores keep. Identifiers and
// types are arbitrary client strings; a bound keeps one request from filling the disk or
// making every later /sync slow. Lengths are in UTF-8 bytes, like the spec's 255-byte limit
// on identifiers (appendices.md, "Identifier Grammar").
namespace trellis::storage::limits {

/// Device IDs, transaction IDs, key IDs, room/user/event IDs, media IDs, server names.
inline constexpr qsizetype kMaxIdBytes = 255;
/// Account data, receipt and to-device event types, key algorithms.
inline constexpr qsizetype kMaxTypeBytes = 255;
/// Device display names, profile display names, avatar URLs, upload names, content types.
inline constexpr qsizetype kMaxLabelBytes = 1024;
/// One account data value (push rules can be large, but not unboundedly).
inline constexpr qsizetype kMaxAccountDataBytes = 1024 * 1024;
/// One stored filter.
inline constexpr qsizetype kMaxFilterBytes = 64 * 1024;
/// One device's signed device keys.
inline constexpr qsizetype kMaxDeviceKeysBytes = 64 * 1024;
/// One one-time or fallback key object.
inline constexpr qsizetype kMaxOneTimeKeyBytes = 4 * 1024;
/// One to-device message content (the size of a federation EDU).
inline constexpr qsizetype kMaxToDeviceBytes = 64 * 1024;
/// Unclaimed one-time keys kept per device (all algorithms together).
inline constexpr int kMaxOneTimeKeysPerDevice = 10000;
/// Undelivered to-device messages kept per device; more are dropped, as for a gone device.
inline constexpr int kMaxPendingToDevice = 10000;

/// `what` must be non-empty (M_INVALID_PARAM) and at most `maxBytes` in UTF-8 (M_TOO_LARGE),
/// and must not contain NUL, which some clients of the database mishandle.
Result<void> checkText(QStringView value, qsizetype maxBytes, const char *what);
/// Like checkText, but the empty string is allowed (optional labels).
Result<void> checkOptionalText(QStringView value, qsizetype maxBytes, const char *what);
/// `what` must be non-empty and at most `maxBytes` long.
Result<void> checkBlob(const QByteArray &value, qsizetype maxBytes, const char *what);

} // namespace trellis::storage::limits
