#include "core/json/Base64.h"

namespace trellis::base64 {
namespace {

QByteArray::Base64Options options(Alphabet alphabet)
{
    return alphabet == Alphabet::UrlSafe ? QByteArray::Base64UrlEncoding
                                         : QByteArray::Base64Encoding;
}

} // namespace

QByteArray encode(QByteArrayView data, Alphabet alphabet)
{
    return data.toByteArray().toBase64(options(alphabet) | QByteArray::OmitTrailingEquals);
}

std::string encodeToString(QByteArrayView data, Alphabet alphabet)
{
    return encode(data, alphabet).toStdString();
}

std::optional<QByteArray> decode(QByteArrayView text, Alphabet alphabet)
{
    // A single leftover character cannot encode a byte; Qt would silently drop it.
    qsizetype unpadded = text.size();
    while (unpadded > 0 && text[unpadded - 1] == '=')
        --unpadded;
    if (unpadded % 4 == 1)
        return std::nullopt;
    const auto result = QByteArray::fromBase64Encoding(
        text.toByteArray(), options(alphabet) | QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return result.decoded;
}

} // namespace trellis::base64
