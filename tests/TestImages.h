#pragma once
#include <QBuffer>
#include <QByteArray>
#include <QImage>

// Images for the media and thumbnail tests: made on the spot, so no binary fixtures.
namespace trellis::test {

/// A smooth gradient (every pixel different, so scaling and cropping show).
inline QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / width, y * 255 / height, 100));
    return image;
}

/// The image's bytes in `format` ("png", "jpeg", …).
inline QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

/// The CRC-32 PNG chunks carry (ISO 3309, as zlib's crc32).
inline quint32 crc32(QByteArrayView bytes)
{
    quint32 crc = 0xffffffffu;
    for (char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

/// A valid PNG of 4 x 4 pixels whose IHDR (with a correct CRC) claims `width` x `height`: the
/// header of a decompression bomb, without the data.
inline QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray png = encoded(gradient(4, 4), "png");
    const auto putBigEndian = [&png](int at, quint32 value) {
        for (int i = 0; i < 4; ++i)
            png[at + i] = char((value >> (24 - 8 * i)) & 0xff);
    };
    // IHDR: length at 8, type at 12, width at 16, height at 20, CRC over type and data at 29.
    putBigEndian(16, width);
    putBigEndian(20, height);
    putBigEndian(29, crc32(QByteArrayView(png).sliced(12, 17)));
    return png;
}

} // namespace trellis::test
