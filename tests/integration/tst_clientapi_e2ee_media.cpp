// Cross-signing, thumbnails and presence over real HTTP against `trellis-cli serve`:
// uploading cross-signing keys (free the first time and for a retry, behind the password
// otherwise), refusing bad keys and bad signatures with the spec's errcodes, signatures of
// devices and of the master key showing in /keys/query, the change reaching /sync and
// /keys/changes; thumbnails of generated PNG and JPEG images at several sizes and methods,
// served from the cache the second time, and hostile inputs (not an image, a truncated one,
// a header claiming billions of pixels, bad parameters); presence set, read, delivered in
// /sync (through its filter), set by /sync's set_presence, and waking a waiting /sync.
#include "tests/TestImages.h"
#include "tests/integration/MatrixClient.h"
#include "tests/integration/ServerProcess.h"

#include "core/crypto/JsonSigning.h"
#include "core/crypto/SigningKey.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

#include <QBuffer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QImage>
#include <QNetworkReply>
#include <QTest>
#include <QUrl>

using namespace trellis;
using namespace trellis::test;

namespace {

QString enc(const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }
QString str(const json::Value &value) { return json::toQString(value.toString()); }
QByteArray bytesOf(const json::Object &object) { return json::toCanonicalBytes(json::Value(object)); }

crypto::SigningKey newKey()
{
    auto key = crypto::SigningKey::generate(QStringLiteral("t"));
    if (!key)
        qFatal("cannot generate a key");
    return *key;
}

QString publicOf(const crypto::SigningKey &key) { return QString::fromLatin1(base64::encode(key.publicKey())); }

/// Adds signatures.<user>.<keyId> made with `key` over the object's signing bytes.
void signAs(json::Object &object, const QString &user, const QString &keyId, const crypto::SigningKey &key)
{
    const std::string signature = base64::encodeToString(key.sign(crypto::signingBytes(object)));
    json::Value *signatures = object.find("signatures");
    if (!signatures)
        signatures = &object.insert("signatures", json::Object{});
    json::Value *mine = signatures->asObject()->find(json::toUtf8(user));
    if (!mine)
        mine = &signatures->asObject()->insert(json::toUtf8(user), json::Object{});
    mine->asObject()->insert(json::toUtf8(keyId), json::Value(signature));
}

json::Object crossSigningKey(const QString &user, const QString &usage, const crypto::SigningKey &key)
{
    json::Object keys;
    keys.insert(json::toUtf8(QStringLiteral("ed25519:") + publicOf(key)), json::Value(json::toUtf8(publicOf(key))));
    json::Object object;
    object.insert("user_id", json::Value(json::toUtf8(user)));
    object.insert("usage", json::Value(json::Array{json::Value(json::toUtf8(usage))}));
    object.insert("keys", json::Value(std::move(keys)));
    return object;
}

} // namespace

class TestClientApiE2eeMedia : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    std::unique_ptr<MatrixClient> m_a, m_b; // two devices of the owner
    crypto::SigningKey m_deviceKey = newKey(), m_master = newKey(), m_selfSigning = newKey(), m_userSigning = newKey();
    json::Object m_deviceKeys;
    QString v3(const QString &path) const { return QStringLiteral("/_matrix/client/v3") + path; }
    QString user() const { return m_server.userId(); }
    QString since(MatrixClient &client) { return str(client.get(v3(QStringLiteral("/sync?timeout=0"))).json["next_batch"]); }
    QString upload(const QByteArray &bytes, const QByteArray &type);
    Reply thumbnail(const QString &mediaId, const QString &query, bool legacy = false);
    Reply uploadSigningKeys(const json::Object &body) { return m_a->post(v3(QStringLiteral("/keys/device_signing/upload")), bytesOf(body)); }

private Q_SLOTS:
    void initTestCase();
    void crossSigningUpload();
    void crossSigningRejectsBadKeys();
    void signaturesUpload();
    void thumbnailsOfImages();
    void thumbnailsAreCached();
    void thumbnailsRefuseHostileInput();
    void presenceRoundTrip();
    void presenceInSync();
    void presenceWakesLongPoll();
};

void TestClientApiE2eeMedia::initTestCase()
{
    QVERIFY2(m_server.start(true), qPrintable(m_server.error()));
    m_a = std::make_unique<MatrixClient>(m_server.baseUrl());
    m_b = std::make_unique<MatrixClient>(m_server.baseUrl());
    QVERIFY(m_a->login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword), QStringLiteral("DEVA")));
    QVERIFY(m_b->login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword), QStringLiteral("DEVB")));
    // DEVA publishes device keys with a real ed25519 key, self-signed as clients do.
    json::Object keys;
    keys.insert("ed25519:DEVA", json::Value(json::toUtf8(publicOf(m_deviceKey))));
    keys.insert("curve25519:DEVA", json::Value("curve"));
    m_deviceKeys.insert("user_id", json::Value(json::toUtf8(user())));
    m_deviceKeys.insert("device_id", json::Value("DEVA"));
    m_deviceKeys.insert("algorithms", json::Value(json::Array{json::Value("m.olm.v1.curve25519-aes-sha2")}));
    m_deviceKeys.insert("keys", json::Value(std::move(keys)));
    signAs(m_deviceKeys, user(), QStringLiteral("ed25519:DEVA"), m_deviceKey);
    json::Object body;
    body.insert("device_keys", json::Value(m_deviceKeys));
    QCOMPARE(m_a->post(v3(QStringLiteral("/keys/upload")), bytesOf(body)).status, 200);
}

void TestClientApiE2eeMedia::crossSigningUpload()
{
    const QString syncSince = since(*m_b);
    const QString changesFrom = syncSince;
    const QString masterId = QStringLiteral("ed25519:") + publicOf(m_master);
    json::Object ssk = crossSigningKey(user(), QStringLiteral("self_signing"), m_selfSigning);
    signAs(ssk, user(), masterId, m_master);
    json::Object usk = crossSigningKey(user(), QStringLiteral("user_signing"), m_userSigning);
    signAs(usk, user(), masterId, m_master);
    json::Object body;
    body.insert("master_key", json::Value(crossSigningKey(user(), QStringLiteral("master"), m_master)));
    body.insert("self_signing_key", json::Value(ssk));
    body.insert("user_signing_key", json::Value(usk));
    // The first upload needs no password, and neither does a retry of the same keys.
    Reply first = uploadSigningKeys(body);
    QCOMPARE(first.status, 200);
    QCOMPARE(uploadSigningKeys(body).status, 200);

    // The change reaches the other device's /sync and /keys/changes.
    const Reply synced = m_b->get(v3(QStringLiteral("/sync?timeout=0&since=") + syncSince));
    const json::Array &changed = synced.json["device_lists"].toObject()["changed"].toArray();
    QVERIFY(std::find(changed.begin(), changed.end(), json::Value(user().toStdString())) != changed.end());
    const Reply changes = m_b->get(v3(QStringLiteral("/keys/changes?from=%1&to=%2").arg(changesFrom, str(synced.json["next_batch"]))));
    QCOMPARE(changes.status, 200);
    QVERIFY(changes.body.contains(user().toUtf8()));

    // Replacing a key needs user-interactive auth: 401 with the flows, then the password.
    m_userSigning = newKey();
    json::Object newUsk = crossSigningKey(user(), QStringLiteral("user_signing"), m_userSigning);
    signAs(newUsk, user(), masterId, m_master);
    json::Object replace;
    replace.insert("user_signing_key", json::Value(newUsk));
    const Reply challenged = uploadSigningKeys(replace);
    QCOMPARE(challenged.status, 401);
    QVERIFY(challenged.json.contains("flows"));
    const QString session = str(challenged.json["session"]);
    QVERIFY(!session.isEmpty());
    json::Object wrongAuth;
    wrongAuth.insert("type", json::Value("m.login.password"));
    wrongAuth.insert("session", json::Value(json::toUtf8(session)));
    wrongAuth.insert("identifier", json::Value(json::Object{}));
    wrongAuth.insert("password", json::Value("wrong"));
    json::Object identifier;
    identifier.insert("type", json::Value("m.id.user"));
    identifier.insert("user", json::Value(ServerProcess::kUser));
    wrongAuth.insert("identifier", json::Value(identifier));
    replace.insert("auth", json::Value(wrongAuth));
    QCOMPARE(uploadSigningKeys(replace).status, 401);
    json::Object auth = wrongAuth;
    auth.insert("password", json::Value(ServerProcess::kPassword));
    replace.insert("auth", json::Value(auth));
    QCOMPARE(uploadSigningKeys(replace).status, 200);

    // /keys/query: the owner sees all three keys, the device keys stay as they were.
    const Reply query = m_b->post(v3(QStringLiteral("/keys/query")), QStringLiteral(R"({"device_keys":{"%1":[]}})").arg(user()).toUtf8());
    QCOMPARE(query.status, 200);
    const std::string me = user().toStdString();
    QCOMPARE(query.json["master_keys"].toObject()[me].toObject()["keys"].toObject()[masterId.toStdString()].toString(), publicOf(m_master).toStdString());
    QCOMPARE(query.json["self_signing_keys"].toObject()[me].toObject()["usage"].toArray().front().toString(), std::string("self_signing"));
    QVERIFY(query.json["user_signing_keys"].toObject()[me].toObject()["keys"].toObject().contains(QString(QStringLiteral("ed25519:") + publicOf(m_userSigning)).toStdString()));
    QVERIFY(query.json["device_keys"].toObject()[me].toObject().contains("DEVA"));
}

void TestClientApiE2eeMedia::crossSigningRejectsBadKeys()
{
    const QString masterId = QStringLiteral("ed25519:") + publicOf(m_master);
    const crypto::SigningKey stranger = newKey();
    const auto withSsk = [&](json::Object ssk) {
        json::Object body;
        body.insert("self_signing_key", json::Value(std::move(ssk)));
        return uploadSigningKeys(body);
    };
    // Signed by someone else under the master's key ID, or not signed at all.
    json::Object forged = crossSigningKey(user(), QStringLiteral("self_signing"), newKey());
    signAs(forged, user(), masterId, stranger);
    Reply reply = withSsk(forged);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errcode(), QStringLiteral("M_INVALID_SIGNATURE"));
    reply = withSsk(crossSigningKey(user(), QStringLiteral("self_signing"), newKey()));
    QCOMPARE(reply.errcode(), QStringLiteral("M_INVALID_SIGNATURE"));
    // Someone else's key, the wrong usage, a malformed key.
    json::Object other = crossSigningKey(QStringLiteral("@mallory:trellis.test"), QStringLiteral("self_signing"), newKey());
    QCOMPARE(withSsk(other).errcode(), QStringLiteral("M_INVALID_PARAM"));
    json::Object wrongUsage = crossSigningKey(user(), QStringLiteral("master"), newKey());
    signAs(wrongUsage, user(), masterId, m_master);
    QCOMPARE(withSsk(wrongUsage).errcode(), QStringLiteral("M_INVALID_PARAM"));
    QCOMPARE(m_a->post(v3(QStringLiteral("/keys/device_signing/upload")), R"({"self_signing_key":"key"})").errcode(), QStringLiteral("M_BAD_JSON"));
    QCOMPARE(m_a->post(v3(QStringLiteral("/keys/device_signing/upload")), R"({"master_key":{"user_id":"x","usage":"master","keys":{}}})").status, 400);
    QCOMPARE(m_a->post(v3(QStringLiteral("/keys/device_signing/upload")), "{not json").errcode(), QStringLiteral("M_NOT_JSON"));
    // Nothing of that was stored.
    const Reply query = m_a->post(v3(QStringLiteral("/keys/query")), QStringLiteral(R"({"device_keys":{"%1":[]}})").arg(user()).toUtf8());
    const json::Object ssk = query.json["self_signing_keys"].toObject()[user().toStdString()].toObject();
    QVERIFY(ssk["keys"].toObject().contains(QString(QStringLiteral("ed25519:") + publicOf(m_selfSigning)).toStdString()));
}

void TestClientApiE2eeMedia::signaturesUpload()
{
    const QString sskId = QStringLiteral("ed25519:") + publicOf(m_selfSigning);
    const std::string me = user().toStdString();
    const QString syncSince = since(*m_b);
    // The device signed by the self-signing key, the master key signed by the device.
    json::Object device = m_deviceKeys;
    signAs(device, user(), sskId, m_selfSigning);
    json::Object master = crossSigningKey(user(), QStringLiteral("master"), m_master);
    signAs(master, user(), QStringLiteral("ed25519:DEVA"), m_deviceKey);
    // And three bad ones: a forged device signature, an unknown key, another server's user.
    json::Object forged = m_deviceKeys;
    forged.insert("device_id", json::Value("DEVA"));
    signAs(forged, user(), sskId, newKey());
    json::Object byKey;
    byKey.insert("DEVA", json::Value(device));
    byKey.insert(json::toUtf8(publicOf(m_master)), json::Value(master));
    byKey.insert("NOSUCHKEY", json::Value(device));
    json::Object body;
    body.insert(me, json::Value(byKey));
    json::Object remote;
    remote.insert("KEY", json::Value(device));
    body.insert("@bob:elsewhere.test", json::Value(remote));
    Reply reply = m_a->post(v3(QStringLiteral("/keys/signatures/upload")), bytesOf(body));
    QCOMPARE(reply.status, 200);
    const json::Object failures = reply.json["failures"].toObject();
    QVERIFY(!failures[me].toObject().contains("DEVA"));
    QVERIFY(!failures[me].toObject().contains(json::toUtf8(publicOf(m_master))));
    QCOMPARE(failures[me].toObject()["NOSUCHKEY"].toObject()["errcode"].toString(), std::string("M_NOT_FOUND"));
    QVERIFY(failures["@bob:elsewhere.test"].toObject().contains("KEY"));

    json::Object bad;
    json::Object badByKey;
    badByKey.insert("DEVA", json::Value(forged));
    bad.insert(me, json::Value(badByKey));
    reply = m_a->post(v3(QStringLiteral("/keys/signatures/upload")), bytesOf(bad));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json["failures"].toObject()[me].toObject()["DEVA"].toObject()["errcode"].toString(), std::string("M_INVALID_SIGNATURE"));
    // A changed device object (not what was uploaded) is refused too.
    json::Object altered = m_deviceKeys;
    altered.insert("algorithms", json::Value(json::Array{}));
    signAs(altered, user(), sskId, m_selfSigning);
    badByKey.insert("DEVA", json::Value(altered));
    bad.insert(me, json::Value(badByKey));
    reply = m_a->post(v3(QStringLiteral("/keys/signatures/upload")), bytesOf(bad));
    QCOMPARE(reply.json["failures"].toObject()[me].toObject()["DEVA"].toObject()["errcode"].toString(), std::string("M_INVALID_PARAM"));
    QCOMPARE(m_a->post(v3(QStringLiteral("/keys/signatures/upload")), QStringLiteral(R"({"%1":[]})").arg(user()).toUtf8()).errcode(), QStringLiteral("M_BAD_JSON"));

    // /keys/query shows the added signatures, and the other device hears of the change.
    const Reply query = m_b->post(v3(QStringLiteral("/keys/query")), QStringLiteral(R"({"device_keys":{"%1":["DEVA"]}})").arg(user()).toUtf8());
    const json::Object deva = query.json["device_keys"].toObject()[me].toObject()["DEVA"].toObject();
    QCOMPARE(deva["signatures"].toObject()[me].toObject()[sskId.toStdString()], device["signatures"].toObject()[me].toObject()[sskId.toStdString()]);
    QVERIFY(deva["signatures"].toObject()[me].toObject().contains("ed25519:DEVA")); // its own signature stays
    const json::Object masterKey = query.json["master_keys"].toObject()[me].toObject();
    QVERIFY(masterKey["signatures"].toObject()[me].toObject().contains("ed25519:DEVA"));
    const Reply synced = m_b->get(v3(QStringLiteral("/sync?timeout=0&since=") + syncSince));
    QVERIFY(synced.json["device_lists"].toObject()["changed"].toArray().size() >= 1);
}

QString TestClientApiE2eeMedia::upload(const QByteArray &bytes, const QByteArray &type)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_server.baseUrl() + QStringLiteral("/_matrix/media/v3/upload")));
    request.setRawHeader("Authorization", "Bearer " + m_a->accessToken());
    request.setRawHeader("Content-Type", type);
    QNetworkReply *reply = network.post(request, bytes);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        return {};
    const QByteArray body = reply->readAll();
    delete reply;
    const qsizetype at = body.indexOf("mxc://trellis.test/");
    return at < 0 ? QString() : QString::fromUtf8(body.mid(at + 19, body.indexOf('"', at) - at - 19));
}

Reply TestClientApiE2eeMedia::thumbnail(const QString &mediaId, const QString &query, bool legacy)
{
    const QString base = legacy ? QStringLiteral("/_matrix/media/v3/thumbnail/trellis.test/")
                                : QStringLiteral("/_matrix/client/v1/media/thumbnail/trellis.test/");
    return m_a->get(base + mediaId + u'?' + query);
}

void TestClientApiE2eeMedia::thumbnailsOfImages()
{
    const QString png = upload(encoded(gradient(800, 600), "png"), "image/png");
    const QString jpeg = upload(encoded(gradient(640, 480), "jpeg"), "image/jpeg");
    QVERIFY(!png.isEmpty() && !jpeg.isEmpty());
    struct Case { QString media; QString query; QSize size; QByteArray type; };
    const QList<Case> cases = {
        {png, QStringLiteral("width=320&height=240&method=scale"), {320, 240}, "image/png"},
        {png, QStringLiteral("width=100&height=100"), {100, 75}, "image/png"}, // scale is the default
        {png, QStringLiteral("width=96&height=96&method=crop"), {96, 96}, "image/png"},
        {png, QStringLiteral("width=32&height=32&method=crop&animated=false"), {32, 32}, "image/png"},
        {png, QStringLiteral("width=200&height=50&method=crop"), {200, 50}, "image/png"},
        {jpeg, QStringLiteral("width=320&height=240&method=scale"), {320, 240}, "image/jpeg"},
        {jpeg, QStringLiteral("width=96&height=96&method=crop&animated=true"), {96, 96}, "image/jpeg"},
        {png, QStringLiteral("width=2000&height=2000&method=crop"), {800, 600}, "image/png"}, // never upscaled
    };
    for (const Case &c : cases) {
        const Reply reply = thumbnail(c.media, c.query);
        QVERIFY2(reply.status == 200, qPrintable(c.query + QString::fromUtf8(reply.body.left(200))));
        QImage image;
        QVERIFY2(image.loadFromData(reply.body), qPrintable(c.query));
        QCOMPARE(image.size(), c.size);
        QCOMPARE(QImage::fromData(reply.body, c.type == "image/jpeg" ? "jpeg" : "png").size(), c.size);
    }
    // The original is served when it is no larger than asked for; the legacy path needs no token.
    const Reply whole = thumbnail(png, QStringLiteral("width=800&height=600"), true);
    QCOMPARE(whole.status, 200);
    QVERIFY(whole.body == encoded(gradient(800, 600), "png"));
    MatrixClient anonymous(m_server.baseUrl());
    QCOMPARE(anonymous.get(QStringLiteral("/_matrix/client/v1/media/thumbnail/trellis.test/") + png + QStringLiteral("?width=8&height=8")).status, 401);
    QCOMPARE(anonymous.get(QStringLiteral("/_matrix/media/v3/thumbnail/trellis.test/") + png + QStringLiteral("?width=8&height=8")).status, 200);
    // Uploads and the media config still work as before.
    QVERIFY(m_a->get(QStringLiteral("/_matrix/client/v1/media/config")).json["m.upload.size"].toInteger() > 0);
    QCOMPARE(m_a->get(QStringLiteral("/_matrix/client/v1/media/download/trellis.test/") + png).body, encoded(gradient(800, 600), "png"));
}

void TestClientApiE2eeMedia::thumbnailsAreCached()
{
    const QString media = upload(encoded(gradient(500, 500), "png"), "image/png");
    const Reply first = thumbnail(media, QStringLiteral("width=50&height=40&method=crop"));
    QCOMPARE(first.status, 200);
    // The rendered file is kept under the media directory, named after its request.
    const QString dir = m_server.dataDir() + QStringLiteral("/media/thumbnails");
    QStringList files;
    for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        files.append(QFileInfo(it.next()).fileName());
    QVERIFY2(files.contains(media + QStringLiteral("-50x40-crop")), qPrintable(files.join(u' ')));
    const QDateTime written = QFileInfo(dir + u'/' + media.left(2) + u'/' + media + QStringLiteral("-50x40-crop")).lastModified();
    QTest::qWait(20);
    const Reply second = thumbnail(media, QStringLiteral("width=50&height=40&method=crop"));
    QCOMPARE(second.status, 200);
    QVERIFY(second.body == first.body);
    QCOMPARE(QFileInfo(dir + u'/' + media.left(2) + u'/' + media + QStringLiteral("-50x40-crop")).lastModified(), written);
}

void TestClientApiE2eeMedia::thumbnailsRefuseHostileInput()
{
    const QByteArray png = encoded(gradient(300, 200), "png");
    const QString text = upload("plain text, not a picture", "text/plain");
    const QString disguised = upload("<html><script>alert(1)</script></html>", "image/png");
    const QString truncated = upload(png.left(png.size() / 2), "image/png");
    const QString bomb = upload(pngClaiming(50000, 50000), "image/png");
    const QString good = upload(png, "image/png");
    for (const QString &media : {text, disguised, truncated}) {
        const Reply reply = thumbnail(media, QStringLiteral("width=64&height=64"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errcode(), QStringLiteral("M_UNKNOWN"));
    }
    const Reply tooLarge = thumbnail(bomb, QStringLiteral("width=64&height=64"));
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.errcode(), QStringLiteral("M_TOO_LARGE"));
    const QList<QPair<QString, QString>> badQueries = {
        {QStringLiteral("width=-1&height=64"), QStringLiteral("M_INVALID_PARAM")},
        {QStringLiteral("width=0&height=64"), QStringLiteral("M_INVALID_PARAM")},
        {QStringLiteral("width=1.5&height=64"), QStringLiteral("M_INVALID_PARAM")},
        {QStringLiteral("width=abc&height=64"), QStringLiteral("M_INVALID_PARAM")},
        {QStringLiteral("width=64&height=99999999999"), QStringLiteral("M_INVALID_PARAM")},
        {QStringLiteral("width=64"), QStringLiteral("M_MISSING_PARAM")},
        {QStringLiteral("height=64"), QStringLiteral("M_MISSING_PARAM")},
        {QStringLiteral("width=64&height=64&method=zoom"), QStringLiteral("M_INVALID_PARAM")},
        {QStringLiteral("width=64&height=64&animated=maybe"), QStringLiteral("M_INVALID_PARAM")},
    };
    for (const auto &[query, errcode] : badQueries) {
        const Reply reply = thumbnail(good, query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errcode(), errcode);
    }
    QCOMPARE(thumbnail(QStringLiteral("nothing"), QStringLiteral("width=64&height=64")).status, 404);
    QCOMPARE(m_a->get(QStringLiteral("/_matrix/client/v1/media/thumbnail/other.test/") + good + QStringLiteral("?width=64&height=64")).status, 404);
    // The server is still there and still makes thumbnails.
    QCOMPARE(thumbnail(good, QStringLiteral("width=64&height=64")).status, 200);
}

void TestClientApiE2eeMedia::presenceRoundTrip()
{
    const QString path = v3(QStringLiteral("/presence/%1/status").arg(enc(user())));
    QCOMPARE(m_a->put(path, R"({"presence":"unavailable","status_msg":"in a meeting"})").status, 200);
    Reply got = m_a->get(path);
    QCOMPARE(got.status, 200);
    QCOMPARE(str(got.json["presence"]), QStringLiteral("unavailable"));
    QCOMPARE(str(got.json["status_msg"]), QStringLiteral("in a meeting"));
    QVERIFY(got.json["last_active_ago"].isInteger() && got.json["last_active_ago"].toInteger() >= 0);
    QCOMPARE(got.json["currently_active"].toBool(true), false);
    // Polling /sync without set_presence keeps the state the user chose.
    QCOMPARE(m_b->get(v3(QStringLiteral("/sync?timeout=0"))).status, 200);
    QCOMPARE(str(m_a->get(path).json["presence"]), QStringLiteral("unavailable"));
    QCOMPARE(m_a->put(path, R"({"presence":"online"})").status, 200);
    got = m_a->get(path);
    QCOMPARE(str(got.json["presence"]), QStringLiteral("online"));
    QVERIFY(!got.json.contains("status_msg")); // a new state without a message clears it
    QCOMPARE(got.json["currently_active"].toBool(), true);

    QCOMPARE(m_a->put(path, R"({"presence":"busy"})").errcode(), QStringLiteral("M_INVALID_PARAM"));
    QCOMPARE(m_a->put(path, R"({"status_msg":"x"})").errcode(), QStringLiteral("M_MISSING_PARAM"));
    QCOMPARE(m_a->put(path, R"({"presence":"online","status_msg":7})").errcode(), QStringLiteral("M_BAD_JSON"));
    QCOMPARE(m_a->put(path, "[]").errcode(), QStringLiteral("M_BAD_JSON"));
    QCOMPARE(m_a->put(v3(QStringLiteral("/presence/%1/status").arg(enc(QStringLiteral("@bob:trellis.test")))), R"({"presence":"online"})").status, 403);
    QCOMPARE(m_a->get(v3(QStringLiteral("/presence/%1/status").arg(enc(QStringLiteral("@bob:trellis.test"))))).status, 404);
    QCOMPARE(m_a->get(v3(QStringLiteral("/presence/not-a-user/status"))).errcode(), QStringLiteral("M_INVALID_PARAM"));
}

void TestClientApiE2eeMedia::presenceInSync()
{
    const QString path = v3(QStringLiteral("/presence/%1/status").arg(enc(user())));
    const QString from = since(*m_b);
    QCOMPARE(m_a->put(path, R"({"presence":"online","status_msg":"back"})").status, 200);
    const Reply synced = m_b->get(v3(QStringLiteral("/sync?timeout=0&since=") + from));
    const json::Array &events = synced.json["presence"].toObject()["events"].toArray();
    QCOMPARE(events.size(), size_t(1));
    const json::Object event = events.front().toObject();
    QCOMPARE(str(event["type"]), QStringLiteral("m.presence"));
    QCOMPARE(str(event["sender"]), user());
    QCOMPARE(str(event["content"].toObject()["presence"]), QStringLiteral("online"));
    QCOMPARE(str(event["content"].toObject()["status_msg"]), QStringLiteral("back"));
    QVERIFY(event["content"].toObject().contains("last_active_ago"));
    // Nothing new: nothing again. A filter leaving presence out leaves it out.
    QVERIFY(m_b->get(v3(QStringLiteral("/sync?timeout=0&since=") + str(synced.json["next_batch"]))).json["presence"].toObject()["events"].toArray().empty());
    const QString filter = enc(QStringLiteral(R"({"presence":{"not_types":["m.presence"]}})"));
    QVERIFY(m_b->get(v3(QStringLiteral("/sync?timeout=0&since=%1&filter=%2").arg(from, filter))).json["presence"].toObject()["events"].toArray().empty());
    const QString senders = enc(QStringLiteral(R"({"presence":{"senders":["@someone:else.test"]}})"));
    QVERIFY(m_b->get(v3(QStringLiteral("/sync?timeout=0&since=%1&filter=%2").arg(from, senders))).json["presence"].toObject()["events"].toArray().empty());
    // An initial sync carries the current presence.
    QVERIFY(!m_b->get(v3(QStringLiteral("/sync?timeout=0"))).json["presence"].toObject()["events"].toArray().empty());

    // set_presence on /sync: unavailable marks the user idle, offline changes nothing.
    const Reply idle = m_b->get(v3(QStringLiteral("/sync?timeout=0&set_presence=unavailable")));
    QCOMPARE(idle.status, 200);
    QCOMPARE(str(m_a->get(path).json["presence"]), QStringLiteral("unavailable"));
    QCOMPARE(m_b->get(v3(QStringLiteral("/sync?timeout=0&set_presence=offline"))).status, 200);
    QCOMPARE(str(m_a->get(path).json["presence"]), QStringLiteral("unavailable"));
    QCOMPARE(m_b->get(v3(QStringLiteral("/sync?timeout=0&set_presence=online"))).status, 200);
    QCOMPARE(str(m_a->get(path).json["presence"]), QStringLiteral("online"));
    QCOMPARE(m_b->get(v3(QStringLiteral("/sync?timeout=0&set_presence=away"))).errcode(), QStringLiteral("M_INVALID_PARAM"));
}

void TestClientApiE2eeMedia::presenceWakesLongPoll()
{
    const QString from = since(*m_b);
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_server.baseUrl() + v3(QStringLiteral("/sync?timeout=20000&since=") + from)));
    request.setRawHeader("Authorization", "Bearer " + m_b->accessToken());
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *waiting = network.get(request);
    QTest::qWait(300);
    QVERIFY(!waiting->isFinished()); // nothing new: it waits
    QCOMPARE(m_a->put(v3(QStringLiteral("/presence/%1/status").arg(enc(user()))), R"({"presence":"unavailable","status_msg":"lunch"})").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 10000);
    QVERIFY(clock.elapsed() < 10000);
    const QByteArray body = waiting->readAll();
    QVERIFY(body.contains("\"m.presence\""));
    QVERIFY(body.contains("\"lunch\""));
    delete waiting;
}

QTEST_GUILESS_MAIN(TestClientApiE2eeMedia)
#include "tst_clientapi_e2ee_media.moc"
