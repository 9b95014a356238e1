// Matrix identifiers (appendices.md "Identifier Grammar": "Server Name", "User Identifiers",
// "Historical User IDs", "Room IDs", "Room Aliases", "Event IDs"). Table cases live in
// tests/data/identifiers/*.json; limits that are easier to generate are built here.
#include "core/base/EventId.h"
#include "core/base/RoomAlias.h"
#include "core/base/RoomId.h"
#include "core/base/ServerName.h"
#include "core/base/UserId.h"
#include "core/json/Writer.h"
#include "tests/TestData.h"

#include <QTest>

using namespace trellis;

namespace {

QString stringOf(const std::string &s)
{
    return QString::fromStdString(s);
}

// The identifier as a JSON string, so that control characters show in row names.
QByteArray rowName(const std::string &text)
{
    return QByteArray::fromStdString(json::toCanonical(json::Value(text)));
}

const char *kindName(ServerName::HostKind kind)
{
    switch (kind) {
    case ServerName::HostKind::Dns:
        return "dns";
    case ServerName::HostKind::IPv4:
        return "ipv4";
    case ServerName::HostKind::IPv6:
        break;
    }
    return "ipv6";
}

// Columns text, valid, message, and one string column per field in `fields`; rows from the
// fixture's "valid" and "invalid" arrays. Booleans become "true"/"false", null "null".
void addRows(const QString &file, std::initializer_list<const char *> fields)
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");
    for (const char *field : fields)
        QTest::addColumn<QString>(field);
    const json::Value doc = test::readJson(QStringLiteral("identifiers/") + file);
    for (const char *group : {"valid", "invalid"}) {
        for (const json::Value &value : doc.toObject()[group].toArray()) {
            const json::Object &c = value.toObject();
            const std::string &text = c["text"].toString();
            const QByteArray name = group + QByteArray(" ") + rowName(text);
            QTestData &row = QTest::newRow(name.constData());
            row << stringOf(text) << (QByteArray(group) == "valid")
                << stringOf(c["message"].toString());
            for (const char *field : fields) {
                const json::Value &v = c[field];
                row << (v.isString() ? stringOf(v.toString())
                                     : QString::fromStdString(json::toCanonical(v)));
            }
        }
    }
}

template <typename T> void checkRefused(const Result<T> &result, const QString &message)
{
    QVERIFY2(!result, "accepted");
    QCOMPARE(result.error().code, ErrorCode::InvalidParam);
    QCOMPARE(result.error().errcode(), QStringLiteral("M_INVALID_PARAM"));
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

// checkRefused(), then leave the test function if it failed (QVERIFY only leaves the helper).
#define CHECK_REFUSED(result, message)                                                             \
    do {                                                                                           \
        checkRefused(result, message);                                                             \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

#define CHECK_ACCEPTED(result)                                                                     \
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message))

// Parses `text` as the identifier type its sigil names; its string form or the error.
Result<QString> parseBySigil(const QString &text)
{
    const auto asString = [](const auto &result) -> Result<QString> {
        if (!result)
            return result.error();
        return result->toString();
    };
    switch (text.isEmpty() ? u'\0' : text[0].unicode()) {
    case u'@':
        return asString(UserId::parse(text));
    case u'#':
        return asString(RoomAlias::parse(text));
    case u'!':
        return asString(RoomId::parse(text));
    case u'$':
        return asString(EventId::parse(text));
    default:
        return asString(ServerName::parse(text));
    }
}

} // namespace

class TestIdentifiers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverNames_data();
    void serverNames();
    void everyPort();
    void ipv4Octets();
    void dnsNameLength();
    void userIds_data();
    void userIds();
    void roomIds_data();
    void roomIds();
    void eventIds_data();
    void eventIds();
    void roomAliases_data();
    void roomAliases();
    void lengthInUtf8Bytes_data();
    void lengthInUtf8Bytes();
    void loneSurrogates_data();
    void loneSurrogates();
    void caseSensitive();
};

void TestIdentifiers::serverNames_data()
{
    addRows(QStringLiteral("server_names.json"), {"host", "port", "kind"});
}

void TestIdentifiers::serverNames()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, kind);
    const auto name = ServerName::parse(text);
    if (!valid) {
        CHECK_REFUSED(name, message);
        QCOMPARE(name.error().message,
                 QStringLiteral("invalid server name '%1': %2").arg(text, message));
        return;
    }
    CHECK_ACCEPTED(name);
    QCOMPARE(name->toString(), text);
    QCOMPARE(name->host().toString(), host);
    QCOMPARE(name->port() ? QString::number(*name->port()) : QStringLiteral("null"), port);
    QCOMPARE(QString::fromLatin1(kindName(name->hostKind())), kind);
}

void TestIdentifiers::everyPort()
{
    // port = 1*5DIGIT, and a TCP port: 0..65535 accepted with their value, more refused.
    for (int port = 0; port <= 99999; ++port) {
        const QString text = QStringLiteral("example.org:%1").arg(port);
        const auto name = ServerName::parse(text);
        if (port <= 65535) {
            QVERIFY2(name && name->port() == quint16(port), qPrintable(text));
            QCOMPARE(name->host(), QStringView(u"example.org"));
        } else {
            QVERIFY2(!name, qPrintable(text));
            QVERIFY(name.error().message.endsWith(QLatin1String("port is above 65535")));
        }
    }
}

void TestIdentifiers::ipv4Octets()
{
    // Each of the four numbers is 0..255 (appendices.md "Server Name"), in every position.
    for (int position = 0; position < 4; ++position) {
        for (int octet = 0; octet <= 999; ++octet) {
            QStringList parts = {QStringLiteral("10"), QStringLiteral("20"), QStringLiteral("30"),
                                 QStringLiteral("40")};
            parts[position] = QString::number(octet);
            const QString text = parts.join(u'.');
            const auto name = ServerName::parse(text);
            if (octet <= 255) {
                QVERIFY2(name && name->hostKind() == ServerName::HostKind::IPv4, qPrintable(text));
            } else {
                QVERIFY2(!name, qPrintable(text));
                QVERIFY(name.error().message.contains(QLatin1String("four decimal numbers")));
            }
        }
    }
}

void TestIdentifiers::dnsNameLength()
{
    // dns-name = 1*255dns-char, with or without a port after it.
    const QString longest = QString(127, u'a').replace(u'a', QLatin1String("a.")) + u'b';
    QCOMPARE(longest.size(), 255);
    for (const QString &suffix : {QString(), QStringLiteral(":8448")}) {
        const auto ok = ServerName::parse(QString(longest + suffix));
        CHECK_ACCEPTED(ok);
        QCOMPARE(ok->host().size(), 255);
        QVERIFY(!ServerName::parse(QString(QLatin1Char('a') + longest + suffix)));
        QVERIFY(ServerName::parse(QString(QString(255, u'x') + suffix)));
        CHECK_REFUSED(ServerName::parse(QString(QString(256, u'x') + suffix)),
                      QStringLiteral("the host is not a DNS name"));
    }
}

void TestIdentifiers::userIds_data()
{
    addRows(QStringLiteral("user_ids.json"), {"localpart", "server", "compliant", "printable"});
}

void TestIdentifiers::userIds()
{
    // Parsing accepts the historical grammar; isCompliant() is the current (v1.8) grammar,
    // isWithinPrintableAscii() the "non-compliant" test of "Historical User IDs".
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QFETCH(QString, localpart);
    QFETCH(QString, server);
    QFETCH(QString, compliant);
    QFETCH(QString, printable);
    const auto id = UserId::parse(text);
    if (!valid) {
        CHECK_REFUSED(id, message);
        QVERIFY(id.error().message.startsWith(QLatin1String("invalid user ID '") + text));
        return;
    }
    CHECK_ACCEPTED(id);
    QCOMPARE(id->toString(), text);
    QCOMPARE(id->localpart().toString(), localpart);
    QCOMPARE(id->serverName().toString(), server);
    QCOMPARE(id->isCompliant(), compliant == QLatin1String("true"));
    QCOMPARE(id->isWithinPrintableAscii(), printable == QLatin1String("true"));
}

void TestIdentifiers::roomIds_data()
{
    addRows(QStringLiteral("room_ids.json"), {"opaque", "server"});
}

void TestIdentifiers::roomIds()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QFETCH(QString, opaque);
    QFETCH(QString, server);
    const auto id = RoomId::parse(text);
    if (!valid) {
        CHECK_REFUSED(id, message);
        QVERIFY(id.error().message.startsWith(QLatin1String("invalid room ID '") + text));
        return;
    }
    CHECK_ACCEPTED(id);
    QCOMPARE(id->toString(), text);
    QCOMPARE(id->opaqueId().toString(), opaque);
    QCOMPARE(id->hasDomain(), server != QLatin1String("null"));
    QCOMPARE(id->serverName() ? id->serverName()->toString() : QStringLiteral("null"), server);
}

void TestIdentifiers::eventIds_data()
{
    addRows(QStringLiteral("event_ids.json"), {"opaque", "server"});
}

void TestIdentifiers::eventIds()
{
    // serverName() is the domain of a room version 1/2 event ID, when it is a server name.
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QFETCH(QString, opaque);
    QFETCH(QString, server);
    const auto id = EventId::parse(text);
    if (!valid) {
        CHECK_REFUSED(id, message);
        QVERIFY(id.error().message.startsWith(QLatin1String("invalid event ID '") + text));
        return;
    }
    CHECK_ACCEPTED(id);
    QCOMPARE(id->toString(), text);
    QCOMPARE(id->opaqueId().toString(), opaque);
    const auto domain = id->serverName();
    QCOMPARE(domain ? domain->toString() : QStringLiteral("null"), server);
    if (!domain)
        QCOMPARE(domain.error().code, ErrorCode::InvalidParam);
}

void TestIdentifiers::roomAliases_data()
{
    addRows(QStringLiteral("room_aliases.json"), {"localpart", "server"});
}

void TestIdentifiers::roomAliases()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QFETCH(QString, localpart);
    QFETCH(QString, server);
    const auto alias = RoomAlias::parse(text);
    if (!valid) {
        CHECK_REFUSED(alias, message);
        QVERIFY(alias.error().message.startsWith(QLatin1String("invalid room alias '") + text));
        return;
    }
    CHECK_ACCEPTED(alias);
    QCOMPARE(alias->toString(), text);
    QCOMPARE(alias->localpart().toString(), localpart);
    QCOMPARE(alias->serverName().toString(), server);
}

void TestIdentifiers::lengthInUtf8Bytes_data()
{
    // "MUST NOT exceed 255 bytes", sigil and domain included, counted in UTF-8: an identifier
    // of 255 bytes passes and one of 256 fails, whatever the width of its characters.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("bytes");
    const QString fillers[] = {QStringLiteral("a"), QStringLiteral("\u00e9"),
                               QStringLiteral("\u65e5"), QStringLiteral("\U0001F600")};
    const QString shapes[] = {QStringLiteral("@%1:example.org"),
                              QStringLiteral("#%1:example.org"),
                              QStringLiteral("!%1:example.org"),
                              QStringLiteral("$%1:example.org"),
                              QStringLiteral("$%1"),
                              QStringLiteral("!%1")};
    for (const QString &shape : shapes) {
        for (const QString &filler : fillers) {
            if (shape == QLatin1String("!%1") && filler != QLatin1String("a"))
                continue; // the domain-less room ID is ASCII only
            const int width = int(filler.toUtf8().size());
            for (const int total : {254, 255, 256, 300}) {
                const int room = total - int(shape.arg(QString()).toUtf8().size());
                const QString body = QString(room % width, u'a') + filler.repeated(room / width);
                const QString text = shape.arg(body);
                QTest::newRow(qPrintable(QStringLiteral("%1 of %2-byte chars, %3 bytes")
                                             .arg(shape, QString::number(width))
                                             .arg(total)))
                    << text << total;
            }
        }
    }
}

void TestIdentifiers::lengthInUtf8Bytes()
{
    QFETCH(QString, text);
    QFETCH(int, bytes);
    QCOMPARE(int(text.toUtf8().size()), bytes);
    const auto parsed = parseBySigil(text);
    if (bytes <= 255) {
        CHECK_ACCEPTED(parsed);
        QCOMPARE(*parsed, text);
    } else {
        CHECK_REFUSED(parsed, QStringLiteral("longer than 255 bytes"));
    }
}

void TestIdentifiers::loneSurrogates_data()
{
    // Localparts and opaque IDs are of non-surrogate code points: an unpaired UTF-16
    // surrogate (which has no UTF-8 form) is refused, a proper pair is one code point.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // empty when accepted
    const QString high(QChar(0xD83D)), low(QChar(0xDE00));
    const QString cases[][2] = {
        {QStringLiteral("@a%1b:example.org"), QStringLiteral("the localpart contains NUL or an "
                                                             "invalid code point")},
        {QStringLiteral("#a%1b:example.org"), QStringLiteral("the localpart contains NUL or an "
                                                             "invalid code point")},
        {QStringLiteral("!a%1b:example.org"), QStringLiteral("the localpart contains NUL or an "
                                                             "invalid code point")},
        {QStringLiteral("$a%1b"), QStringLiteral("contains a lone UTF-16 surrogate")},
        {QStringLiteral("$a%1b:example.org"), QStringLiteral("contains a lone UTF-16 surrogate")},
        {QStringLiteral("!a%1b"), QStringLiteral("must be URL-safe base64")},
    };
    for (const auto &[shape, message] : cases) {
        const QString name =
            shape.left(1) + QLatin1String(shape.contains(u':') ? " with domain" : "");
        QTest::newRow(qPrintable(name + QLatin1String(": lone high")))
            << shape.arg(high) << message;
        QTest::newRow(qPrintable(name + QLatin1String(": lone low"))) << shape.arg(low) << message;
        QTest::newRow(qPrintable(name + QLatin1String(": reversed pair")))
            << shape.arg(low + high) << message;
        QTest::newRow(qPrintable(name + QLatin1String(": pair")))
            << shape.arg(high + low) << (shape == QLatin1String("!a%1b") ? message : QString());
    }
}

void TestIdentifiers::loneSurrogates()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = parseBySigil(text);
    if (message.isEmpty()) {
        CHECK_ACCEPTED(parsed);
        QCOMPARE(*parsed, text);
    } else {
        CHECK_REFUSED(parsed, message);
    }
}

void TestIdentifiers::caseSensitive()
{
    // appendices.md "Server Name": @user:matrix.org is a different person from
    // @user:MATRIX.ORG. Equality, ordering and hashing follow the exact text.
    const auto lower = UserId::parse(u"@user:matrix.org");
    const auto upper = UserId::parse(u"@user:MATRIX.ORG");
    QVERIFY(lower && upper);
    QVERIFY(*lower != *upper);
    QVERIFY(lower->serverName() != upper->serverName());
    QVERIFY(*upper < *lower); // 'M' sorts before 'm'
    QCOMPARE(*UserId::parse(u"@user:matrix.org"), *lower);
    QCOMPARE(qHash(*UserId::parse(u"@user:matrix.org")), qHash(*lower));
    QCOMPARE(qHash(*ServerName::parse(u"matrix.org")), qHash(lower->serverName()));
    QVERIFY(*RoomId::parse(u"!a:x.org") != *RoomId::parse(u"!A:x.org"));
    QVERIFY(*EventId::parse(u"$abc") != *EventId::parse(u"$ABC"));
    QVERIFY(*RoomAlias::parse(u"#a:x.org") != *RoomAlias::parse(u"#a:X.org"));
}

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "tst_identifiers.moc"
