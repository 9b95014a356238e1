#pragma once
// Internal to the auth tests: reading the case fixtures (format in tests/data/auth/README.md)
// and turning their scripts into room::buildRoom scripts for one room version.
#include "core/crypto/SigningKey.h"
#include "core/events/RoomVersion.h"
#include "core/json/Value.h"

#include <QHash>
#include <QString>
#include <optional>

namespace trellis::test::authfixture {

/// A loaded fixture file: its JSON and the signing keys it names.
struct Fixture
{
    QString path;
    json::Object root;
    QHash<QString, crypto::SigningKey> keys;
};

/// Loads, validates (unknown keys, version lists, expectations) and caches a fixture; a
/// malformed fixture stops the test program, since it is a broken test.
const Fixture &load(const QString &path);

/// The expected verdict of a case in one room version: "allowed" or a rule name, and then
/// the rule's number in that version's text.
struct Expected
{
    QString rule;
    QString number;
};

/// The expectation in `expect` ("allowed", {rule, numbers}, or a list of {versions, ...})
/// that applies to `version`; nullopt with `error` set when there is none.
std::optional<Expected> expectationFor(const json::Value &expect, int version, QString *error);

/// Expands the placeholders of a fixture value: "$public:KEY" / "$public_url:KEY" (a key's
/// public key in unpadded standard / URL-safe base64), "$room_id" (when `roomId` is given),
/// and objects with "$sign": KEY, "$as": ENTITY (signed as by the appendices' "Signing
/// JSON"), then "$then": {...} merged in after signing.
json::Value expand(const json::Value &value, const Fixture &fixture, const QString &roomId,
                   QString *error);

/// The buildRoom script of `steps` for `version`: steps of other versions dropped,
/// placeholders expanded, and create events given `room_version` and (versions 1-10)
/// `creator` unless they are marked "verbatim_content".
json::Object script(const json::Array &steps, const events::RoomVersion &version,
                    const Fixture &fixture, QString *error);

inline QString str(const json::Value &value)
{
    return QString::fromStdString(value.toString());
}

} // namespace trellis::test::authfixture
