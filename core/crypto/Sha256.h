#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <array>
#include <string_view>

namespace trellis::crypto {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view data);
QByteArray sha256Bytes(QByteArrayView data);

inline QByteArrayView digestView(const Sha256Digest &digest)
{
    return QByteArrayView(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()));
}

} // namespace trellis::crypto
