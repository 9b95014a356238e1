// Thumbnails (client-server-api "Thumbnails"): the query's validation, the sizing arithmetic
// of scale and crop (never upscaling, the original when it is small enough), and rendering
// real PNG and JPEG files, non-images, damaged images and images whose header claims more
// pixels than the server decodes.
#include "tests/TestImages.h"
#include "core/services/ThumbnailSizing.h"
#include "app/imaging/Thumbnailer.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::services;
using trellis::imaging::Thumbnailer;
using namespace trellis::test;

Q_DECLARE_METATYPE(trellis::services::ThumbnailMethod)

namespace {

ThumbnailRequest request(int w, int h, ThumbnailMethod method)
{
    ThumbnailRequest r;
    r.size = QSize(w, h);
    r.method = method;
    return r;
}

} // namespace

class TestThumbnails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void plan_data();
    void plan();
    void planNeverUpscales();
    void renderPng();
    void renderJpegStaysJpeg();
    void renderSmallImageIsOriginal();
    void renderRejects_data();
    void renderRejects();

private:
    QString write(const QByteArray &bytes);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestThumbnails::write(const QByteArray &bytes)
{
    const QString path = m_dir.filePath(QString::number(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write a test file");
    return path;
}

void TestThumbnails::parseAccepts()
{
    auto parsed = ThumbnailRequest::parse(QStringLiteral("64"), QStringLiteral("32"), QString(), QString());
    QVERIFY(parsed);
    QCOMPARE(parsed->size, QSize(64, 32));
    QCOMPARE(parsed->method, ThumbnailMethod::Scale);
    QVERIFY(!parsed->animated);
    parsed = ThumbnailRequest::parse(QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("crop"), QStringLiteral("false"));
    QVERIFY(parsed);
    QCOMPARE(parsed->method, ThumbnailMethod::Crop);
    QCOMPARE(parsed->animated, std::optional<bool>(false));
}

void TestThumbnails::parseRejects_data()
{
    QTest::addColumn<QString>("width");
    QTest::addColumn<QString>("height");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("animated");
    QTest::addColumn<QString>("errcode");
    const QString none;
    const QString invalid = QStringLiteral("M_INVALID_PARAM");
    QTest::newRow("no width") << none << "32" << none << none << "M_MISSING_PARAM";
    QTest::newRow("no height") << "32" << none << none << none << "M_MISSING_PARAM";
    QTest::newRow("zero") << "0" << "32" << none << none << invalid;
    QTest::newRow("negative") << "32" << "-5" << none << none << invalid;
    QTest::newRow("fraction") << "32.5" << "32" << none << none << invalid;
    QTest::newRow("text") << "wide" << "32" << none << none << invalid;
    QTest::newRow("plus") << "+32" << "32" << none << none << invalid;
    QTest::newRow("empty") << "" << "32" << none << none << invalid;
    QTest::newRow("huge") << "100001" << "32" << none << none << invalid;
    QTest::newRow("overflow") << "99999999999999999999999" << "32" << none << none << invalid;
    QTest::newRow("method") << "32" << "32" << "stretch" << none << invalid;
    QTest::newRow("method case") << "32" << "32" << "Crop" << none << invalid;
    QTest::newRow("animated") << "32" << "32" << none << "yes" << invalid;
}

void TestThumbnails::parseRejects()
{
    QFETCH(QString, width);
    QFETCH(QString, height);
    QFETCH(QString, method);
    QFETCH(QString, animated);
    QFETCH(QString, errcode);
    const auto parsed = ThumbnailRequest::parse(width, height, method, animated);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().errcode(), errcode);
    QCOMPARE(parsed.error().httpStatus(), 400);
}

void TestThumbnails::plan_data()
{
    QTest::addColumn<QSize>("original");
    QTest::addColumn<QSize>("wanted");
    QTest::addColumn<ThumbnailMethod>("method");
    QTest::addColumn<bool>("useOriginal");
    QTest::addColumn<QRect>("source");
    QTest::addColumn<QSize>("output");
    const auto scale = ThumbnailMethod::Scale;
    const auto crop = ThumbnailMethod::Crop;
    QTest::newRow("scale landscape") << QSize(800, 600) << QSize(320, 240) << scale << false << QRect(0, 0, 800, 600) << QSize(320, 240);
    QTest::newRow("scale wide into square") << QSize(1000, 500) << QSize(100, 100) << scale << false << QRect(0, 0, 1000, 500) << QSize(100, 50);
    QTest::newRow("scale tall into square") << QSize(500, 1000) << QSize(100, 100) << scale << false << QRect(0, 0, 500, 1000) << QSize(50, 100);
    QTest::newRow("scale one side too big") << QSize(1000, 50) << QSize(100, 100) << scale << false << QRect(0, 0, 1000, 50) << QSize(100, 5);
    QTest::newRow("scale sliver keeps a pixel") << QSize(10000, 1) << QSize(10, 10) << scale << false << QRect(0, 0, 10000, 1) << QSize(10, 1);
    QTest::newRow("scale smaller than box") << QSize(64, 48) << QSize(320, 240) << scale << true << QRect(0, 0, 64, 48) << QSize(64, 48);
    QTest::newRow("scale equal to box") << QSize(320, 240) << QSize(320, 240) << scale << true << QRect(0, 0, 320, 240) << QSize(320, 240);
    QTest::newRow("crop square of landscape") << QSize(800, 600) << QSize(96, 96) << crop << false << QRect(100, 0, 600, 600) << QSize(96, 96);
    QTest::newRow("crop square of portrait") << QSize(600, 800) << QSize(32, 32) << crop << false << QRect(0, 100, 600, 600) << QSize(32, 32);
    QTest::newRow("crop wide of square") << QSize(400, 400) << QSize(200, 100) << crop << false << QRect(0, 100, 400, 200) << QSize(200, 100);
    QTest::newRow("crop exact region") << QSize(1000, 50) << QSize(100, 100) << crop << false << QRect(475, 0, 50, 50) << QSize(50, 50);
    QTest::newRow("crop smaller than box") << QSize(20, 20) << QSize(96, 96) << crop << true << QRect(0, 0, 20, 20) << QSize(20, 20);
}

void TestThumbnails::plan()
{
    QFETCH(QSize, original);
    QFETCH(QSize, wanted);
    QFETCH(ThumbnailMethod, method);
    QFETCH(bool, useOriginal);
    QFETCH(QRect, source);
    QFETCH(QSize, output);
    const ThumbnailPlan plan = planThumbnail(original, request(wanted.width(), wanted.height(), method));
    QCOMPARE(plan.useOriginal, useOriginal);
    QCOMPARE(plan.source, source);
    QCOMPARE(plan.output, output);
}

void TestThumbnails::planNeverUpscales()
{
    // Every combination of a few shapes: the output fits in the source region, the source
    // region in the image, and a scaled output in the requested box.
    const QList<QSize> sizes = {{1, 1}, {1, 700}, {3, 2}, {640, 480}, {481, 640}, {4000, 3000}, {99999, 7}};
    for (const QSize original : sizes) {
        for (const QSize wanted : sizes) {
            for (const auto method : {ThumbnailMethod::Scale, ThumbnailMethod::Crop}) {
                const ThumbnailPlan plan = planThumbnail(original, request(wanted.width(), wanted.height(), method));
                QVERIFY(QRect(QPoint(0, 0), original).contains(plan.source));
                QVERIFY(plan.output.width() <= plan.source.width() && plan.output.height() <= plan.source.height());
                QVERIFY(plan.output.width() >= 1 && plan.output.height() >= 1);
                if (method == ThumbnailMethod::Scale && !plan.useOriginal)
                    QVERIFY(plan.output.width() <= wanted.width() && plan.output.height() <= wanted.height());
            }
        }
    }
}

void TestThumbnails::renderPng()
{
    const QString path = write(encoded(gradient(800, 600), "png"));
    auto scaled = Thumbnailer::render(path, request(320, 240, ThumbnailMethod::Scale));
    QVERIFY2(scaled, qPrintable(scaled ? QString() : scaled.error().message));
    QCOMPARE(scaled->contentType, QStringLiteral("image/png"));
    QImage image;
    QVERIFY(image.loadFromData(scaled->bytes, "png"));
    QCOMPARE(image.size(), QSize(320, 240));
    auto cropped = Thumbnailer::render(path, request(96, 96, ThumbnailMethod::Crop));
    QVERIFY(cropped);
    QVERIFY(image.loadFromData(cropped->bytes, "png"));
    QCOMPARE(image.size(), QSize(96, 96));
}

void TestThumbnails::renderJpegStaysJpeg()
{
    if (!QImageReader::supportedImageFormats().contains("jpeg"))
        QSKIP("Qt's JPEG plugin is not installed");
    const QString path = write(encoded(gradient(640, 480), "jpeg"));
    auto thumbnail = Thumbnailer::render(path, request(100, 100, ThumbnailMethod::Scale));
    QVERIFY(thumbnail);
    QCOMPARE(thumbnail->contentType, QStringLiteral("image/jpeg"));
    QImage image;
    QVERIFY(image.loadFromData(thumbnail->bytes, "jpeg"));
    QCOMPARE(image.size(), QSize(100, 75));
}

void TestThumbnails::renderSmallImageIsOriginal()
{
    const QString path = write(encoded(gradient(40, 30), "png"));
    auto thumbnail = Thumbnailer::render(path, request(96, 96, ThumbnailMethod::Crop));
    QVERIFY(thumbnail);
    QVERIFY(thumbnail->useOriginal);
    QCOMPARE(thumbnail->contentType, QStringLiteral("image/png"));
    QCOMPARE(thumbnail->size, QSize(40, 30));
}

void TestThumbnails::renderRejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errcode");
    const QByteArray png = encoded(gradient(300, 300), "png");
    QTest::newRow("text") << QByteArray("just some text, not an image\n") << 400 << "M_UNKNOWN";
    QTest::newRow("empty") << QByteArray() << 400 << "M_UNKNOWN";
    QTest::newRow("html labelled anything") << QByteArray("<html><script>alert(1)</script></html>") << 400 << "M_UNKNOWN";
    QTest::newRow("truncated png") << png.left(png.size() / 2) << 400 << "M_UNKNOWN";
    QTest::newRow("png signature only") << png.left(8) << 400 << "M_UNKNOWN";
    QTest::newRow("huge dimensions") << pngClaiming(60000, 60000) << 413 << "M_TOO_LARGE";
    QTest::newRow("just past the limit") << pngClaiming(8000, 4001) << 413 << "M_TOO_LARGE";
    QTest::newRow("xpm is not served") << QByteArray("/* XPM */\nstatic char *x[] = {\"1 1 1 1\", \"a c #000000\", \"a\"};\n") << 400 << "M_UNKNOWN";
}

void TestThumbnails::renderRejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, errcode);
    const auto thumbnail = Thumbnailer::render(write(bytes), request(64, 64, ThumbnailMethod::Scale));
    QVERIFY(!thumbnail);
    QCOMPARE(thumbnail.error().httpStatus(), status);
    QCOMPARE(thumbnail.error().errcode(), errcode);
}

QTEST_GUILESS_MAIN(TestThumbnails)
#include "tst_thumbnails.moc"
