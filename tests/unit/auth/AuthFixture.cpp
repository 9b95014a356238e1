// Reading the authorisation-rule fixtures (tests/data/auth/README.md).
#include "tests/unit/auth/AuthFixture.h"

#include "core/crypto/JsonSigning.h"
#include "core/json/Base64.h"
#include "tests/TestData.h"
#include "tests/unit/auth/AuthCaseRunner.h"

#include <QSet>

#include <memory>

namespace trellis::test::authfixture {
namespace {

const QSet<QString> kCaseKeys = {
    QStringLiteral("name"),       QStringLiteral("note"),          QStringLiteral("versions"),
    QStringLiteral("room"),       QStringLiteral("events"),        QStringLiteral("room_id"),
    QStringLiteral("patch"),      QStringLiteral("auth_override"), QStringLiteral("room_create"),
    QStringLiteral("other_room"), QStringLiteral("expect"),        QStringLiteral("expect_state"),
};

const QSet<QString> kStepKeys = {
    QStringLiteral("name"),         QStringLiteral("type"),     QStringLiteral("sender"),
    QStringLiteral("state_key"),    QStringLiteral("content"),  QStringLiteral("prev"),
    QStringLiteral("auth"),         QStringLiteral("ts"),       QStringLiteral("depth"),
    QStringLiteral("redacts"),      QStringLiteral("versions"), QStringLiteral("verbatim_content"),
    QStringLiteral("content_base"),
};

[[noreturn]] void broken(const QString &path, const QString &what)
{
    qFatal("broken fixture %s: %s", qPrintable(path), qPrintable(what));
}

void validateSteps(const Fixture &f, const QString &where, const json::Value &steps)
{
    if (!steps.isArray())
        broken(f.path, where + QStringLiteral(": the events must be an array"));
    for (const json::Value &step : steps.toArray()) {
        for (const json::Member &member : step.toObject()) {
            if (!kStepKeys.contains(QString::fromStdString(member.key)))
                broken(f.path, QStringLiteral("%1: unknown step key '%2'")
                                   .arg(where, QString::fromStdString(member.key)));
        }
        if (step.toObject().contains("versions") &&
            parseVersionRanges(str(step.toObject()["versions"])).isEmpty())
            broken(f.path, where + QStringLiteral(": bad step versions"));
    }
}

void validateCase(const Fixture &f, const json::Object &c, QSet<QString> &names)
{
    const QString name = str(c["name"]);
    if (name.isEmpty() || names.contains(name))
        broken(f.path, QStringLiteral("case '%1': missing or repeated name").arg(name));
    names.insert(name);
    for (const json::Member &member : c) {
        if (!kCaseKeys.contains(QString::fromStdString(member.key)))
            broken(f.path, QStringLiteral("case '%1': unknown key '%2'")
                               .arg(name, QString::fromStdString(member.key)));
    }
    const QList<int> versions = parseVersionRanges(str(c["versions"]));
    if (versions.isEmpty())
        broken(f.path, QStringLiteral("case '%1': bad versions").arg(name));
    for (std::string_view room : {"room", "other_room"}) {
        if (c.contains(room) && !f.root["rooms"].toObject().contains(c[room].toString()))
            broken(f.path, QStringLiteral("case '%1': unknown room").arg(name));
    }
    validateSteps(f, name, c.contains("events") ? c["events"] : json::Value(json::Array()));
    if (!c.contains("events") && !c.contains("room"))
        broken(f.path, QStringLiteral("case '%1': nothing to check").arg(name));
    for (int version : versions) {
        QString error;
        for (std::string_view key : {"expect", "expect_state"}) {
            if ((key == "expect" || c.contains(key)) && !expectationFor(c[key], version, &error))
                broken(f.path,
                       QStringLiteral("case '%1' v%2: %3").arg(name).arg(version).arg(error));
        }
    }
}

std::unique_ptr<Fixture> read(const QString &path)
{
    auto f = std::make_unique<Fixture>();
    f->path = path;
    f->root = readJson(path).toObject();
    for (const json::Member &key : f->root["keys"].toObject()) {
        const std::string &seed = key.value.toObject()["seed"].toString();
        auto signingKey =
            crypto::SigningKey::fromSeed(QByteArrayView(seed.data(), qsizetype(seed.size())),
                                         str(key.value.toObject()["version"]));
        if (!signingKey)
            broken(path, QStringLiteral("key %1: %2")
                             .arg(QString::fromStdString(key.key), signingKey.error().message));
        f->keys.insert(QString::fromStdString(key.key), *signingKey);
    }
    for (const json::Member &room : f->root["rooms"].toObject())
        validateSteps(*f, QString::fromStdString(room.key), room.value);
    QSet<QString> names;
    for (const json::Value &c : f->root["cases"].toArray())
        validateCase(*f, c.toObject(), names);
    if (names.isEmpty())
        broken(path, QStringLiteral("no cases"));
    return f;
}

} // namespace

const Fixture &load(const QString &path)
{
    static QHash<QString, std::shared_ptr<const Fixture>> cache;
    if (!cache.contains(path))
        cache.insert(path, std::shared_ptr<const Fixture>(read(path)));
    return *cache.value(path);
}

std::optional<Expected> expectationFor(const json::Value &expect, int version, QString *error)
{
    if (expect.isString()) {
        if (str(expect) != QStringLiteral("allowed")) {
            *error = QStringLiteral("a bare expectation must be \"allowed\"");
            return std::nullopt;
        }
        return Expected{str(expect), {}};
    }
    if (const json::Array *list = expect.asArray()) {
        for (const json::Value &entry : *list) {
            if (parseVersionRanges(str(entry.toObject()["versions"])).contains(version))
                return expectationFor(entry, version, error);
        }
        *error = QStringLiteral("no expectation for this version");
        return std::nullopt;
    }
    const json::Object &object = expect.toObject();
    if (object.contains("versions") &&
        !parseVersionRanges(str(object["versions"])).contains(version)) {
        *error = QStringLiteral("the expectation's versions leave this version out");
        return std::nullopt;
    }
    Expected expected{str(object["rule"]), {}};
    if (!authRuleFromName(expected.rule)) {
        *error = QStringLiteral("unknown rule name '%1'").arg(expected.rule);
        return std::nullopt;
    }
    if (expected.rule == QStringLiteral("allowed"))
        return expected;
    int matches = 0;
    for (const json::Member &number : object["numbers"].toObject()) {
        if (parseVersionRanges(QString::fromStdString(number.key)).contains(version)) {
            expected.number = str(number.value);
            ++matches;
        }
    }
    if (matches != 1) {
        *error = QStringLiteral("%1 rule numbers for this version").arg(matches);
        return std::nullopt;
    }
    return expected;
}

json::Value expand(const json::Value &value, const Fixture &fixture, const QString &roomId,
                   QString *error)
{
    if (const std::string *text = value.asString()) {
        const QString s = QString::fromStdString(*text);
        for (const auto &[prefix, alphabet] :
             {std::pair(QStringLiteral("$public:"), base64::Alphabet::Standard),
              std::pair(QStringLiteral("$public_url:"), base64::Alphabet::UrlSafe)}) {
            if (s.startsWith(prefix)) {
                const QString name = s.mid(prefix.size());
                if (!fixture.keys.contains(name))
                    *error = QStringLiteral("unknown key %1").arg(name);
                return base64::encodeToString(fixture.keys.value(name).publicKey(), alphabet);
            }
        }
        if (s == QStringLiteral("$room_id") && !roomId.isEmpty())
            return roomId.toStdString();
        return value;
    }
    if (const json::Array *array = value.asArray()) {
        json::Array out;
        for (const json::Value &entry : *array)
            out.push_back(expand(entry, fixture, roomId, error));
        return out;
    }
    const json::Object *object = value.asObject();
    if (!object)
        return value;
    json::Object out;
    for (const json::Member &member : *object) {
        if (member.key != "$sign" && member.key != "$as" && member.key != "$then")
            out.insert(member.key, expand(member.value, fixture, roomId, error));
    }
    if (object->contains("$sign")) {
        const QString keyName = str((*object)["$sign"]);
        if (!fixture.keys.contains(keyName))
            *error = QStringLiteral("unknown key %1").arg(keyName);
        else
            crypto::signJson(out, str((*object)["$as"]), fixture.keys.value(keyName));
        for (const json::Member &member : (*object)["$then"].toObject())
            out.insert(member.key, expand(member.value, fixture, roomId, error));
    }
    return out;
}

json::Value merged(const json::Value &base, const json::Value &changes)
{
    if (!base.isObject() || !changes.isObject())
        return changes;
    json::Object out = base.toObject();
    for (const json::Member &member : changes.toObject()) {
        if (member.value.isNull())
            out.remove(member.key);
        else
            out.insert(member.key, merged(out[member.key], member.value));
    }
    return out;
}

json::Object script(const json::Array &steps, const events::RoomVersion &version,
                    const Fixture &fixture, QString *error)
{
    json::Array events;
    QHash<QString, json::Value> contents; // by step name, for content_base
    for (const json::Value &stepValue : steps) {
        const json::Object &step = stepValue.toObject();
        if (step.contains("versions") &&
            !parseVersionRanges(str(step["versions"])).contains(version.number))
            continue;
        json::Object event;
        for (const json::Member &member : step) {
            if (member.key != "versions" && member.key != "verbatim_content" &&
                member.key != "content_base")
                event.insert(member.key, member.value);
        }
        json::Value content =
            expand(step.contains("content") ? step["content"] : json::Value(json::Object()),
                   fixture, {}, error);
        if (step.contains("content_base")) {
            const QString base = str(step["content_base"]);
            if (!contents.contains(base))
                *error = QStringLiteral("content_base '%1' names no earlier step").arg(base);
            content = merged(contents.value(base), content);
        }
        contents.insert(str(step["name"]), content);
        event.insert("content", std::move(content));
        if (step["type"].toString() == "m.room.create" && !step["verbatim_content"].toBool()) {
            json::Object createContent = event["content"].toObject();
            if (!createContent.contains("room_version"))
                createContent.insert("room_version", version.id.toStdString());
            if (version.creatorInContent && !createContent.contains("creator"))
                createContent.insert("creator", step["sender"]);
            event.insert("content", std::move(createContent));
        }
        events.push_back(std::move(event));
    }
    json::Object out;
    out.insert("room_version", version.id.toStdString());
    out.insert("events", std::move(events));
    return out;
}

} // namespace trellis::test::authfixture
