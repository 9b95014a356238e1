#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <optional>
#include <string>

// Unpadded Base64 (appendices.md, "Unpadded Base64", "URL-safe unpadded Base64").
namespace trellis::base64 {

enum class Alphabet { Standard, UrlSafe };

/// Encodes without '=' padding.
QByteArray encode(QByteArrayView data, Alphabet alphabet = Alphabet::Standard);
std::string encodeToString(QByteArrayView data, Alphabet alphabet = Alphabet::Standard);

/// Decodes padded or unpadded input of the given alphabet; nullopt for any other character,
/// misplaced padding or an impossible length.
std::optional<QByteArray> decode(QByteArrayView text, Alphabet alphabet = Alphabet::Standard);

} // namespace trellis::base64
