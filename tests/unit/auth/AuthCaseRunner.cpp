// Runs the authorisation-rule cases: builds each case's room with room::buildRoom, then
// checks the event under test as server-server-api "Checks performed on receipt of a PDU"
// does in checks 4 (against its auth events) and 5 (against the state before it).
#include "tests/unit/auth/AuthCaseRunner.h"

#include "core/auth/AuthRules.h"
#include "core/auth/EventTypes.h"
#include "core/room/RoomReplay.h"
#include "core/room/RoomScript.h"
#include "tests/unit/auth/AuthFixture.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

namespace trellis::test {
namespace {

using authfixture::Expected;
using authfixture::Fixture;
using authfixture::str;

#define AUTH_FAIL(message)                                                                         \
    do {                                                                                           \
        QTest::qFail(qPrintable(QString(message)), __FILE__, __LINE__);                            \
        return false;                                                                              \
    } while (false)

// One built room and its replay (which events were rejected, the state before the event).
struct Room
{
    room::BuiltRoom built;
    QList<events::Pdu> events;
    std::unique_ptr<room::RoomReplay> replay;

    const events::Pdu *named(const QString &name) const
    {
        const auto id = built.ids.constFind(name);
        for (const events::Pdu &event : events) {
            if (id != built.ids.constEnd() && event.eventId() == *id)
                return &event;
        }
        return nullptr;
    }
    bool rejected(const events::Pdu &event) const
    {
        return replay->events().rejection(event.eventId()) != stateres::Rejection::None;
    }
};

struct CaseRun
{
    const Fixture *fixture = nullptr;
    json::Object spec;
    const events::RoomVersion *version = nullptr;
    Room main;
    std::optional<Room> other;
    events::Pdu event;
};

json::Array stepsOf(const Fixture &f, const json::Object &c, std::string_view roomKey,
                    bool withCase)
{
    json::Array steps;
    if (c.contains(roomKey)) {
        for (const json::Value &step : f.root["rooms"].toObject()[c[roomKey].toString()].toArray())
            steps.push_back(step);
    }
    if (withCase) {
        for (const json::Value &step : c["events"].toArray())
            steps.push_back(step);
    }
    return steps;
}

bool build(CaseRun &run, Room &room, const json::Object &script, bool keepLast,
           const json::Value *patch)
{
    auto built = room::buildRoom(script);
    if (!built)
        AUTH_FAIL(QStringLiteral("buildRoom: ") + built.error().message);
    room.built = *built;
    room.events = built->events;
    if (patch) {
        // Fields of the event under test replaced (or removed, for null) after building.
        json::Object patched = room.events.last().json();
        QString error;
        for (const json::Member &member : patch->toObject()) {
            if (member.value.isNull())
                patched.remove(member.key);
            else
                patched.insert(member.key,
                               authfixture::expand(member.value, *run.fixture,
                                                   room.events.last().roomId().toString(), &error));
        }
        auto pdu = events::Pdu::parse(std::move(patched), *run.version);
        if (!error.isEmpty() || !pdu)
            AUTH_FAIL(QStringLiteral("patch: ") + (error.isEmpty() ? pdu.error().message : error));
        room.events.last() = *pdu;
    }
    room.replay = std::make_unique<room::RoomReplay>(*run.version);
    QSet<EventId> kept;
    if (keepLast)
        kept.insert(room.events.last().eventId());
    if (auto replayed = room.replay->run(room.events, kept); !replayed)
        AUTH_FAIL(QStringLiteral("replay: ") + replayed.error().message);
    return true;
}

bool prepare(CaseRun &run)
{
    const json::Object &c = run.spec;
    QString error;
    json::Object script = authfixture::script(stepsOf(*run.fixture, c, "room", true), *run.version,
                                              *run.fixture, &error);
    if (c.contains("room_id"))
        script.insert("room_id", c["room_id"]);
    if (!error.isEmpty())
        AUTH_FAIL(error);
    if (!build(run, run.main, script, true, c.contains("patch") ? &c["patch"] : nullptr))
        return false;
    run.event = run.main.events.last();
    if (c.contains("other_room")) {
        json::Object other = authfixture::script(stepsOf(*run.fixture, c, "other_room", false),
                                                 *run.version, *run.fixture, &error);
        // Another room: another creation time (another v12 room ID) and room ID.
        other.insert("start_ts", qint64(1600000000000));
        other.insert("room_id", "!elsewhere:a.org");
        run.other.emplace();
        if (!build(run, *run.other, other, false, nullptr))
            return false;
    }
    return true;
}

// "name" for the main room, "other:name" for the other room's events.
bool resolve(const CaseRun &run, const QString &name, auth::AuthEvent &out)
{
    const bool inOther = name.startsWith(QStringLiteral("other:"));
    const Room *room = inOther ? (run.other ? &*run.other : nullptr) : &run.main;
    const events::Pdu *pdu = room ? room->named(inOther ? name.mid(6) : name) : nullptr;
    if (!pdu)
        AUTH_FAIL(QStringLiteral("no event named '%1'").arg(name));
    out = auth::AuthEvent{*pdu, room->rejected(*pdu)};
    return true;
}

bool authEventsOf(const CaseRun &run, QList<auth::AuthEvent> &out)
{
    if (run.spec.contains("auth_override")) {
        for (const json::Value &name : run.spec["auth_override"].toArray()) {
            auth::AuthEvent event;
            if (!resolve(run, str(name), event))
                return false;
            out.append(event);
        }
        return true;
    }
    for (const EventId &id : run.event.authEvents()) {
        const events::Pdu *pdu = run.main.replay->events().event(id);
        if (!pdu)
            AUTH_FAIL(QStringLiteral("auth event %1 is not in the room").arg(id.toString()));
        out.append({*pdu, run.main.rejected(*pdu)});
    }
    return true;
}

// Version 12: the create event the room ID names, as the case says.
bool roomCreateOf(const CaseRun &run, std::optional<auth::AuthEvent> &out)
{
    if (run.version->roomIdFormat != events::RoomIdFormat::CreateEventHash)
        return true;
    const QString choice = str(run.spec["room_create"]);
    if (choice == QStringLiteral("none"))
        return true;
    if (!choice.isEmpty()) {
        out.emplace();
        return resolve(run, choice, *out);
    }
    for (const events::Pdu &event : run.main.events) {
        if (event.type() == auth::types::create && event.eventId() != run.event.eventId() &&
            event.roomId() == run.event.roomId())
            out = auth::AuthEvent{event, run.main.rejected(event)};
    }
    return true;
}

bool matches(const auth::AuthVerdict &actual, const Expected &expected,
             const events::RoomVersion &version, const QString &what)
{
    const QString name = auth::ruleName(actual.failedRule);
    const QString number = auth::ruleNumber(actual.failedRule, version);
    if (name != expected.rule || number != expected.number)
        AUTH_FAIL(QStringLiteral("%1: got %2 %3 (\"%4\"), expected %5 %6")
                      .arg(what, name, number, actual.reason, expected.rule, expected.number));
    // A rejection says why; an acceptance says nothing.
    if (actual.allowed() == !actual.reason.isEmpty())
        AUTH_FAIL(QStringLiteral("%1: verdict reason \"%2\"").arg(what, actual.reason));
    return true;
}

// Shuffling `auth_events` never changes a verdict: every order of up to six entries, and
// fixed-seed random orders of longer lists.
bool orderIndependent(const CaseRun &run, const QList<auth::AuthEvent> &authEvents,
                      const auth::AuthEvent *create, const auth::AuthVerdict &reference)
{
    std::vector<qsizetype> order(size_t(authEvents.size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(20240611);
    const bool exhaustive = authEvents.size() <= 6;
    for (int round = 0; exhaustive || round < 200; ++round) {
        QList<auth::AuthEvent> shuffled;
        for (qsizetype index : order)
            shuffled.append(authEvents[index]);
        const auth::AuthVerdict verdict = auth::checkAgainstAuthEvents(run.event, shuffled, create);
        if (verdict.failedRule != reference.failedRule)
            AUTH_FAIL(
                QStringLiteral("the order of auth_events changed the verdict: %1 instead of %2")
                    .arg(auth::ruleName(verdict.failedRule), auth::ruleName(reference.failedRule)));
        if (exhaustive && !std::next_permutation(order.begin(), order.end()))
            break;
        if (!exhaustive)
            std::shuffle(order.begin(), order.end(), random);
    }
    return true;
}

bool isStateIndependent(auth::AuthRule rule)
{
    using auth::AuthRule;
    switch (rule) {
    case AuthRule::CreateHasPrevEvents:
    case AuthRule::CreateRoomIdDomainMismatch:
    case AuthRule::CreateHasRoomId:
    case AuthRule::CreateUnknownRoomVersion:
    case AuthRule::CreateNoCreator:
    case AuthRule::CreateBadAdditionalCreators:
    case AuthRule::RoomIdNotAcceptedCreateEvent:
    case AuthRule::AuthEventsDuplicate:
    case AuthRule::AuthEventsUnexpected:
    case AuthRule::AuthEventsRejected:
    case AuthRule::AuthEventsNoCreate:
    case AuthRule::AuthEventsWrongRoom:
        return true;
    default:
        return false;
    }
}

bool checkCase(CaseRun &run)
{
    if (!prepare(run))
        return false;
    QList<auth::AuthEvent> authEvents;
    std::optional<auth::AuthEvent> create;
    if (!authEventsOf(run, authEvents) || !roomCreateOf(run, create))
        return false;
    const auth::AuthEvent *createPtr = create ? &*create : nullptr;
    const events::RoomVersion &version = *run.version;
    QString error;

    // Check 4: the event against its auth events.
    const auth::AuthVerdict againstAuth =
        auth::checkAgainstAuthEvents(run.event, authEvents, createPtr);
    const Expected expected =
        *authfixture::expectationFor(run.spec["expect"], version.number, &error);
    if (!matches(againstAuth, expected, version, QStringLiteral("against auth events")) ||
        !orderIndependent(run, authEvents, createPtr, againstAuth))
        return false;
    if (run.event.type() == auth::types::create)
        return true; // decided by rule 1 alone

    // Check 5: the event against the state before it.
    const auto before = run.main.replay->stateBefore(run.event.eventId());
    if (!before)
        AUTH_FAIL(QStringLiteral("the replay kept no state before the event"));
    auth::StateMap state;
    for (const EventId &id : *before)
        state.insert(*run.main.replay->events().event(id));
    if (createPtr && !state.find(auth::types::create, QString()))
        state.insert(createPtr->pdu);
    const auth::AuthVerdict againstState = auth::checkStateDependent(run.event, state);
    if (run.spec.contains("expect_state")) {
        const Expected expectedState =
            *authfixture::expectationFor(run.spec["expect_state"], version.number, &error);
        if (!matches(againstState, expectedState, version,
                     QStringLiteral("against the state before")))
            return false;
    } else if (!isStateIndependent(againstAuth.failedRule)) {
        if (!matches(againstState, expected, version, QStringLiteral("against the state before")))
            return false;
    }

    // RoomReplay, which checks the event as a server would, must agree.
    if (run.spec.contains("auth_override") || run.spec.contains("room_create"))
        return true;
    const room::EventOutcome *outcome = run.main.replay->outcome(run.event.eventId());
    const auth::AuthVerdict &first = !againstAuth.allowed() ? againstAuth : againstState;
    const stateres::Rejection rejection = !againstAuth.allowed() ? stateres::Rejection::AuthEvents
                                          : !againstState.allowed()
                                              ? stateres::Rejection::StateBefore
                                              : stateres::Rejection::None;
    if (!outcome || outcome->rejection != rejection ||
        outcome->verdict.failedRule != first.failedRule)
        AUTH_FAIL(QStringLiteral("RoomReplay recorded %1 instead of %2")
                      .arg(outcome ? auth::ruleName(outcome->verdict.failedRule)
                                   : QStringLiteral("nothing"),
                           auth::ruleName(first.failedRule)));
    return true;
}

} // namespace

QList<int> parseVersionRanges(const QString &ranges)
{
    if (ranges == QStringLiteral("all"))
        return parseVersionRanges(QStringLiteral("1-12"));
    QList<int> versions;
    for (const QString &part : ranges.split(QLatin1Char(','))) {
        const QStringList bounds = part.split(QLatin1Char('-'));
        bool okFirst = false, okLast = false;
        const int first = bounds.first().trimmed().toInt(&okFirst);
        const int last = bounds.last().trimmed().toInt(&okLast);
        if (bounds.size() > 2 || !okFirst || !okLast || first < 1 || last > 12 || first > last)
            return {};
        for (int version = first; version <= last; ++version) {
            if (!versions.contains(version))
                versions.append(version);
        }
    }
    return versions;
}

QList<auth::AuthRule> allAuthRules()
{
    QList<auth::AuthRule> rules;
    for (int value = int(auth::AuthRule::None);
         value <= int(auth::AuthRule::RedactionInsufficientPower); ++value)
        rules.append(auth::AuthRule(value));
    return rules;
}

std::optional<auth::AuthRule> authRuleFromName(const QString &name)
{
    for (auth::AuthRule rule : allAuthRules()) {
        if (auth::ruleName(rule) == name)
            return rule;
    }
    return std::nullopt;
}

void addAuthCaseRows(const QStringList &fixtures)
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<int>("version");
    for (const QString &path : fixtures) {
        const Fixture &f = authfixture::load(path);
        const QString stem = path.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0);
        const json::Array &cases = f.root["cases"].toArray();
        for (qsizetype i = 0; i < qsizetype(cases.size()); ++i) {
            const json::Object &c = cases[size_t(i)].toObject();
            for (int version : parseVersionRanges(str(c["versions"])))
                QTest::newRow(qPrintable(
                    QStringLiteral("%1: %2 [v%3]").arg(stem, str(c["name"])).arg(version)))
                    << path << int(i) << version;
        }
    }
}

void runAuthCaseRow()
{
    QFETCH(QString, fixture);
    QFETCH(int, caseIndex);
    QFETCH(int, version);
    CaseRun run;
    run.fixture = &authfixture::load(fixture);
    run.spec = run.fixture->root["cases"].toArray()[size_t(caseIndex)].toObject();
    run.version = events::RoomVersion::find(QString::number(version));
    QVERIFY(run.version);
    checkCase(run);
}

} // namespace trellis::test
