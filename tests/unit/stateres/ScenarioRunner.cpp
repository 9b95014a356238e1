#include "tests/unit/stateres/ScenarioRunner.h"

#include "core/auth/AuthRule.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"
#include "core/room/RoomReplay.h"
#include "core/room/RoomScript.h"
#include "core/stateres/Orderings.h"
#include "core/stateres/Resolver.h"
#include "core/stateres/TraceJson.h"
#include "tests/TestData.h"

#include <algorithm>

namespace trellis::test {
namespace {

const QStringList kSetFields = {QStringLiteral("unconflicted"), QStringLiteral("conflicted"),
                                QStringLiteral("auth_difference"), QStringLiteral("conflicted_subgraph"),
                                QStringLiteral("full_conflicted_set"), QStringLiteral("partial_state"),
                                QStringLiteral("resolved")};

QStringList stringList(const json::Value &value)
{
    QStringList out;
    for (const json::Value &entry : value.toArray())
        out.append(json::toQString(entry.toString()));
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Event IDs back to script names, so that expectations and failures read as the script does.
class Names
{
public:
    explicit Names(const room::BuiltRoom &room)
    {
        for (auto it = room.ids.cbegin(); it != room.ids.cend(); ++it) {
            m_byId.insert(it.value().toString(), it.key());
            m_byName.insert(it.key(), it.value());
        }
    }
    QString of(const QString &id) const { return m_byId.value(id, QLatin1Char('?') + id); }
    QString of(const EventId &id) const { return of(id.toString()); }
    QString of(const json::Value &id) const { return of(json::toQString(id.toString())); }
    std::optional<EventId> id(const QString &name) const
    {
        const auto it = m_byName.constFind(name);
        return it == m_byName.constEnd() ? std::nullopt : std::optional<EventId>(*it);
    }
    QStringList ofList(const json::Value &ids) const
    {
        QStringList out;
        for (const json::Value &id : ids.toArray())
            out.append(of(id));
        return out;
    }
    QStringList ofState(const json::Value &state) const // {"type": {"key": id}}
    {
        QStringList out;
        for (const json::Member &type : state.toObject()) {
            for (const json::Member &key : type.value.toObject())
                out.append(of(key.value));
        }
        return sorted(out);
    }
    QStringList ofState(const stateres::StateSet &state) const
    {
        QStringList out;
        for (const EventId &id : state)
            out.append(of(id));
        return sorted(out);
    }

private:
    QHash<QString, QString> m_byId;
    QHash<QString, EventId> m_byName;
};

QStringList checks(const json::Value &steps, const Names &names)
{
    QStringList out;
    for (const json::Value &step : steps.toArray()) {
        const json::Object &o = step.toObject();
        out.append(names.of(o["event_id"]) + QLatin1Char(':')
                   + (o["allowed"].toBool() ? QStringLiteral("allowed") : json::toQString(o["rule_name"].toString())));
    }
    return out;
}

// One field of traceToJson(), in the fixture's notation.
QStringList projectTrace(const json::Object &trace, const QString &field, const Names &names)
{
    const std::string key = json::toUtf8(field);
    const json::Value &value = trace[key];
    if (field == QStringLiteral("unconflicted") || field == QStringLiteral("partial_state")
        || field == QStringLiteral("resolved"))
        return names.ofState(value);
    if (kSetFields.contains(field))
        return sorted(names.ofList(value));
    if (field == QStringLiteral("power_events") || field == QStringLiteral("mainline"))
        return names.ofList(value);
    if (field == QStringLiteral("power_event_checks") || field == QStringLiteral("other_event_checks"))
        return checks(value, names);
    QStringList out;
    if (field == QStringLiteral("other_events")) {
        for (const json::Value &entry : value.toArray()) {
            const json::Value &position = entry.toObject()["mainline_position"];
            out.append(names.of(entry.toObject()["event_id"]) + QLatin1Char('@')
                       + (position.isInteger() ? QString::number(position.toInteger()) : QStringLiteral("inf")));
        }
        return out;
    }
    if (field == QStringLiteral("passes")) {
        for (const json::Value &entry : value.toArray()) {
            const json::Object &pass = entry.toObject();
            out.append(QStringLiteral("%1|%2 order=%3 checks=%4 chosen=%5")
                           .arg(json::toQString(pass["type"].toString()),
                                json::toQString(pass["state_key"].toString()),
                                names.ofList(pass["order"]).join(QLatin1Char(',')),
                                checks(pass["checks"], names).join(QLatin1Char(',')),
                                names.of(pass["chosen"])));
        }
        return out;
    }
    return {QStringLiteral("unknown trace field ") + field};
}

QString outcomeText(const room::EventOutcome &outcome)
{
    switch (outcome.rejection) {
    case stateres::Rejection::None: return QStringLiteral("accepted");
    case stateres::Rejection::AuthEvents:
        return QStringLiteral("auth_events:") + auth::ruleName(outcome.verdict.failedRule);
    case stateres::Rejection::StateBefore:
        return QStringLiteral("state_before:") + auth::ruleName(outcome.verdict.failedRule);
    }
    return {};
}

// The expectations for this version: "expect", with each field of the version's override
// replacing the base one (trace fields one by one).
json::Object expectations(const ScenarioCase &c)
{
    json::Object expect = c.scenario["expect"].toObject();
    const json::Value *override = c.scenario["overrides"].toObject().find(json::toUtf8(c.version));
    if (!override)
        return expect;
    for (const json::Member &m : override->toObject()) {
        if (m.key == "trace") {
            json::Object trace = expect["trace"].toObject();
            for (const json::Member &t : m.value.toObject())
                trace.insert(t.key, t.value);
            expect.insert("trace", std::move(trace));
        } else {
            expect.insert(m.key, m.value);
        }
    }
    return expect;
}

struct Sets
{
    QList<stateres::StateSet> sets;
    std::optional<stateres::StateSet> replayedBefore; // state_before: what RoomReplay found
    QString error;
};

Sets stateSets(const ScenarioCase &c, const room::BuiltRoom &room, const room::RoomReplay &replay,
               const Names &names)
{
    Sets out;
    const auto after = [&](const QString &name) -> std::optional<stateres::StateSet> {
        const auto id = names.id(name);
        if (!id) {
            out.error = QStringLiteral("no event named %1").arg(name);
            return std::nullopt;
        }
        return replay.stateAfter(*id);
    };
    if (const std::string *target = c.scenario["state_before"].asString()) {
        const auto id = names.id(json::toQString(*target));
        if (!id)
            return {{}, {}, QStringLiteral("no event named %1").arg(json::toQString(*target))};
        for (const events::Pdu &event : room.events) {
            if (event.eventId() != *id)
                continue;
            for (const EventId &prev : event.prevEvents()) {
                const auto state = replay.stateAfter(prev);
                if (state && !out.sets.contains(*state)) // as RoomReplay does: equal states once
                    out.sets.append(*state);
            }
        }
        out.replayedBefore = replay.stateBefore(*id);
    } else if (c.scenario.contains("resolve_after")) {
        for (const QString &name : stringList(c.scenario["resolve_after"])) {
            if (auto state = after(name))
                out.sets.append(*state);
        }
    } else {
        for (const json::Value &list : c.scenario["resolve"].toArray()) {
            stateres::StateSet set;
            for (const QString &name : stringList(list)) {
                const auto id = names.id(name);
                const events::Pdu *pdu = id ? replay.events().event(*id) : nullptr;
                if (!pdu || !pdu->isState())
                    return {{}, {}, QStringLiteral("'%1' names no state event").arg(name)};
                set.insert(stateres::StateKey{pdu->type(), *pdu->stateKey()}, *id);
            }
            out.sets.append(set);
        }
    }
    return out;
}

// Base expectations are written for v2; v1 has no v2 steps, and only v2.1 a subgraph.
bool appliesTo(const QString &field, const QString &algorithm)
{
    static const QStringList common = {QStringLiteral("unconflicted"), QStringLiteral("conflicted"),
                                       QStringLiteral("resolved")};
    if (common.contains(field))
        return true;
    if (algorithm == QStringLiteral("v1"))
        return field == QStringLiteral("passes");
    if (field == QStringLiteral("conflicted_subgraph"))
        return algorithm == QStringLiteral("v2.1");
    return field != QStringLiteral("passes");
}

void compare(QStringList &failures, const QString &what, const QStringList &actual, const QStringList &expected)
{
    if (actual != expected)
        failures.append(QStringLiteral("%1:\n    actual:   [%2]\n    expected: [%3]")
                            .arg(what, actual.join(QStringLiteral(", ")), expected.join(QStringLiteral(", "))));
}

} // namespace

QList<ScenarioCase> loadScenarios(const QString &relativePath)
{
    const json::Value doc = readJson(relativePath);
    QList<ScenarioCase> cases;
    for (const json::Value &scenario : doc.toObject()["scenarios"].toArray()) {
        const json::Object &o = scenario.toObject();
        for (const QString &version : stringList(o["versions"]))
            cases.append({relativePath, json::toQString(o["name"].toString()), version, o,
                          doc.toObject()["preludes"].toObject()});
    }
    return cases;
}

json::Object scenarioScript(const ScenarioCase &c)
{
    json::Array events;
    if (const std::string *prelude = c.scenario["prelude"].asString())
        events = c.preludes[*prelude].toArray();
    for (const json::Value &event : c.scenario["events"].toArray())
        events.push_back(event);
    const bool v12 = c.version == QStringLiteral("12");
    std::string createName;
    for (json::Value &event : events) {
        json::Object &o = *event.asObject();
        if (o["type"].toString() == "m.room.create") {
            createName = o["name"].toString();
            o.find("content")->asObject()->insert("room_version", json::toUtf8(c.version));
        } else if (json::Value *auth = o.find("auth"); auth && v12) {
            json::Array kept;
            for (const json::Value &name : auth->toArray()) {
                if (name.toString() != createName)
                    kept.push_back(name);
            }
            *auth = std::move(kept);
        }
    }
    json::Object script;
    script.insert("room_version", json::toUtf8(c.version));
    script.insert("events", std::move(events));
    return script;
}

QStringList runScenario(const ScenarioCase &c)
{
    const auto room = room::buildRoom(scenarioScript(c));
    if (!room)
        return {QStringLiteral("the script does not build: ") + room.error().message};
    const Names names(*room);
    room::RoomReplay replay(*room->version, room::RoomReplay::KeepStates::All);
    QSet<EventId> all;
    for (const events::Pdu &event : room->events)
        all.insert(event.eventId());
    if (auto ran = replay.run(room->events, all); !ran)
        return {QStringLiteral("replay failed: ") + ran.error().message};

    const json::Object expect = expectations(c);
    QStringList failures;

    // Every event's outcome: those named are rejected for that reason, the others accepted.
    const json::Object &rejected = expect["rejected"].toObject();
    for (const events::Pdu &event : room->events) {
        const QString name = names.of(event.eventId());
        const json::Value *wanted = rejected.find(json::toUtf8(name));
        const QString expected = wanted ? json::toQString(wanted->toString()) : QStringLiteral("accepted");
        const QString actual = outcomeText(*replay.outcome(event.eventId()));
        if (actual != expected)
            failures.append(QStringLiteral("outcome of %1: %2, expected %3 (%4)")
                                .arg(name, actual, expected, replay.outcome(event.eventId())->verdict.reason));
    }

    // The premises a scenario states about event IDs, which hashes decide from version 3 on.
    for (const json::Value &list : expect["id_order"].toArray()) {
        const QStringList order = stringList(list);
        for (qsizetype i = 1; i < order.size(); ++i) {
            const auto a = names.id(order[i - 1]), b = names.id(order[i]);
            if (!a || !b || !stateres::eventIdLess(*a, *b))
                failures.append(QStringLiteral("premise: the ID of %1 is not below that of %2").arg(order[i - 1], order[i]));
        }
    }

    const Sets sets = stateSets(c, *room, replay, names);
    if (!sets.error.isEmpty())
        return failures << sets.error;
    stateres::Trace trace;
    const auto resolved = stateres::resolve(*room->version, sets.sets, replay.events(), &trace);
    if (!resolved)
        return failures << QStringLiteral("resolve failed: ") + resolved.error().message;
    compare(failures, QStringLiteral("resolved state"), names.ofState(*resolved), sorted(stringList(expect["state"])));
    // The reference implementation's reading of "auth difference" (see ResolveOptions) must
    // reach the same state, unless the scenario says where it does not.
    stateres::ResolveOptions reference;
    reference.authChainsIncludeStateEvents = true;
    const auto referenceResolved = stateres::resolve(*room->version, sets.sets, replay.events(), reference);
    const json::Value *referenceState = expect.find("reference_reading_state");
    if (!referenceResolved)
        failures << QStringLiteral("resolve (reference reading) failed: ") + referenceResolved.error().message;
    else
        compare(failures, QStringLiteral("resolved state, reference implementation's auth difference"),
                names.ofState(*referenceResolved),
                sorted(stringList(referenceState ? *referenceState : expect["state"])));
    if (sets.replayedBefore)
        compare(failures, QStringLiteral("RoomReplay's state before"), names.ofState(*sets.replayedBefore),
                names.ofState(*resolved));

    const json::Object traceJson = stateres::traceToJson(trace, *room->version);
    const QString algorithm = json::toQString(traceJson["algorithm"].toString());
    for (const json::Member &field : expect["trace"].toObject()) {
        const QString name = json::toQString(field.key);
        if (!appliesTo(name, algorithm))
            continue;
        if (!traceJson.contains(field.key)) {
            failures.append(QStringLiteral("the trace has no '%1'").arg(name));
            continue;
        }
        QStringList expected = stringList(field.value);
        if (kSetFields.contains(name))
            expected.sort();
        compare(failures, QStringLiteral("trace ") + name, projectTrace(traceJson, name, names), expected);
    }

    // The same sets in the opposite order resolve the same way, step by step.
    QList<stateres::StateSet> reversed(sets.sets.crbegin(), sets.sets.crend());
    stateres::Trace reversedTrace;
    const auto again = stateres::resolve(*room->version, reversed, replay.events(), &reversedTrace);
    if (!again || *again != *resolved)
        failures.append(QStringLiteral("resolving the state sets in reverse order gives another result"));
    json::Object a = traceJson, b = stateres::traceToJson(reversedTrace, *room->version);
    a.remove("state_sets");
    b.remove("state_sets");
    if (!(a == b))
        failures.append(QStringLiteral("resolving the state sets in reverse order gives another trace:\n%1\n%2")
                            .arg(QString::fromStdString(json::toCanonical(a)),
                                 QString::fromStdString(json::toCanonical(b))));
    return failures;
}

} // namespace trellis::test
