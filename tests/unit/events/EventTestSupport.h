#pragma once
// Shared by the events tests: fixture access (tests/data/events, written by make_fixtures.py),
// room versions by number, the test servers' keys, and JSON edits by path.
#include "core/crypto/KeyRing.h"
#include "core/crypto/SigningKey.h"
#include "core/events/EventSigning.h"
#include "core/events/RoomVersion.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"
#include "tests/TestData.h"

#include <QList>
#include <QStringList>

#include <algorithm>

Q_DECLARE_METATYPE(trellis::json::Object)
Q_DECLARE_METATYPE(trellis::json::Value)

namespace trellis::test {

inline const events::RoomVersion &roomVersion(int number)
{
    const events::RoomVersion *version = events::RoomVersion::find(QString::number(number));
    if (!version)
        qFatal("no room version %d", number);
    return *version;
}

inline QString qstr(const json::Value &value)
{
    return json::toQString(value.toString());
}

inline QByteArray canonical(const json::Value &value)
{
    return json::toCanonicalBytes(value);
}

/// The numbers of a fixture's "versions" array.
inline QList<int> versionList(const json::Value &versions)
{
    QList<int> out;
    for (const json::Value &v : versions.toArray())
        out.append(int(v.toInteger()));
    return out;
}

/// From a fixture's [{"versions": [..], <field>: value}] groups, the value for `version`;
/// fails the process when the groups do not cover each version 1..12 exactly once.
inline json::Value valueForVersion(const json::Value &groups, std::string_view field, int version)
{
    QList<int> seen;
    json::Value found;
    for (const json::Value &g : groups.toArray()) {
        for (int v : versionList(g.toObject()["versions"])) {
            seen.append(v);
            if (v == version)
                found = g.toObject()[field];
        }
    }
    std::sort(seen.begin(), seen.end());
    if (seen != QList<int>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
        qFatal("fixture groups do not cover versions 1-12 exactly once");
    return found;
}

inline const json::Object &signingKeysFixture()
{
    static const json::Value value = readJson(QStringLiteral("events/signing/keys.json"));
    return value.toObject();
}

inline const json::Object &serverEntry(const QString &server)
{
    for (const json::Value &s : signingKeysFixture()["servers"].toArray()) {
        if (qstr(s.toObject()["server"]) == server)
            return s.toObject();
    }
    qFatal("no test key for %s", qPrintable(server));
}

/// The signing key of a test server ("origin.example", "auth.example", "idp.example").
inline crypto::SigningKey serverKey(const QString &server)
{
    const json::Object &entry = serverEntry(server);
    const QString keyId = qstr(entry["key_id"]);
    auto key = crypto::SigningKey::fromSeed(
        *base64::decode(QByteArray::fromStdString(entry["seed"].toString())),
        keyId.mid(keyId.indexOf(u':') + 1));
    if (!key)
        qFatal("bad test key");
    return *key;
}

/// The public keys of `servers` as the fixture states them (computed by Python).
inline crypto::StaticKeyRing serverRing(
    const QStringList &servers = {QStringLiteral("origin.example"), QStringLiteral("auth.example"),
                                  QStringLiteral("idp.example")})
{
    crypto::StaticKeyRing ring;
    for (const QString &server : servers) {
        const json::Object &entry = serverEntry(server);
        auto key = crypto::VerifyKey::fromBase64(
            qstr(entry["key_id"]), QByteArray::fromStdString(entry["public_key"].toString()));
        if (!key)
            qFatal("bad public key in fixture");
        ring.add(server, *key);
    }
    return ring;
}

/// The realistic events of every room version (events/signing/events.json), by name.
inline const json::Object &signingEvent(const QString &name)
{
    static const json::Value value = readJson(QStringLiteral("events/signing/events.json"));
    for (const json::Value &e : value.toObject()["events"].toArray()) {
        if (qstr(e.toObject()["name"]) == name)
            return e.toObject();
    }
    qFatal("no signing fixture %s", qPrintable(name));
}

inline const json::Array &signingEvents()
{
    static const json::Value value = readJson(QStringLiteral("events/signing/events.json"));
    return value.toObject()["events"].toArray();
}

/// The value at a "/"-separated path, creating objects on the way.
inline json::Value &at(json::Object &object, const QString &path)
{
    const QStringList parts = path.split(u'/');
    json::Object *current = &object;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        json::Value *next = current->find(json::toUtf8(parts[i]));
        if (!next || !next->isObject())
            next = &current->insert(json::toUtf8(parts[i]), json::Object());
        current = next->asObject();
    }
    json::Value *leaf = current->find(json::toUtf8(parts.last()));
    return leaf ? *leaf : current->insert(json::toUtf8(parts.last()), json::Value());
}

inline void setAt(json::Object &object, const QString &path, json::Value value)
{
    at(object, path) = std::move(value);
}

inline void removeAt(json::Object &object, const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0) {
        object.remove(json::toUtf8(path));
        return;
    }
    if (json::Object *parent = at(object, path.left(slash)).asObject())
        parent->remove(json::toUtf8(path.mid(slash + 1)));
}

/// The keys of an object, in order.
inline QStringList keysOf(const json::Value &value)
{
    QStringList out;
    for (const json::Member &m : value.toObject())
        out.append(json::toQString(m.key));
    return out;
}

// Signs `event` as each of `servers` (hash first, as a sending server does; later servers
// add their signature to the redacted event with the same hashes).
inline json::Object signedBy(json::Object event, const events::RoomVersion &version,
                             const QStringList &servers)
{
    for (const QString &server : servers)
        events::hashAndSignEvent(event, version, server, test::serverKey(server));
    return event;
}

inline QStringList signerNames(const events::EventCheck &check)
{
    QStringList out;
    for (const events::SignerCheck &s : check.signers)
        out.append(s.server + QLatin1Char('/') + s.why + QLatin1Char('/') +
                   crypto::statusName(s.check.status));
    return out;
}

} // namespace trellis::test
