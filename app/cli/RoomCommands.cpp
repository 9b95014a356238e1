#include "app/cli/RoomCommands.h"

#include "app/cli/CliSupport.h"
#include "core/auth/AuthRules.h"
#include "core/crypto/KeyFile.h"
#include "core/json/QtStrings.h"
#include "core/room/MergedStates.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomReplay.h"
#include "core/room/RoomScript.h"
#include "core/stateres/Resolver.h"
#include "core/stateres/TraceJson.h"

namespace trellis::cli {
namespace {

const QString kInputHelp = QStringLiteral("Input JSON; '-' or nothing reads stdin.");

// Parses each entry of a JSON array as a PDU of `version`.
std::optional<QList<events::Pdu>> readPdus(const json::Value &list, const events::RoomVersion &version,
                                          const char *what)
{
    QList<events::Pdu> pdus;
    if (!list.isArray()) {
        usageError(QStringLiteral("'%1' must be an array of events").arg(QLatin1String(what)));
        return std::nullopt;
    }
    qsizetype index = 0;
    for (const json::Value &entry : list.toArray()) {
        auto pdu = entry.isObject() ? events::Pdu::parse(entry.toObject(), version)
                                    : Result<events::Pdu>(Error::badJson(QStringLiteral("not an object")));
        if (!pdu) {
            inputError(pdu.error().prefixed(QStringLiteral("%1[%2]").arg(QLatin1String(what)).arg(index)));
            return std::nullopt;
        }
        pdus.append(std::move(*pdu));
        ++index;
    }
    return pdus;
}

// The optional "rejected": [event IDs] of an input: events to treat as rejected.
QSet<QString> rejectedIds(const json::Object &input)
{
    QSet<QString> ids;
    for (const json::Value &id : input["rejected"].toArray())
        ids.insert(json::toQString(id.toString()));
    return ids;
}

int missing(const QStringList &ids, const QString &what)
{
    QStringList sorted = ids;
    sorted.sort();
    return usageError(QStringLiteral("missing %1: %2").arg(what, sorted.join(QStringLiteral(", "))));
}

} // namespace

int authCommand(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("auth"),
                   QStringLiteral("Check an event against its auth events with the room version's "
                                  "authorisation rules. FILE is {\"event\": PDU, \"auth_events\": "
                                  "[PDU, ...], \"rejected\": [event IDs, optional]}; auth_events "
                                  "must hold every event the event cites (and, in version 12, the "
                                  "create event its room ID names). Prints {\"allowed\": true} or "
                                  "{\"allowed\": false, \"rule\": ..., \"reason\": ...}; exit "
                                  "status 0 allowed, 1 rejected. Signatures are not checked."));
    cl.addRoomVersionOption(true);
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("FILE"), kInputHelp, QStringLiteral("[FILE]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    const events::RoomVersion &version = *cl.roomVersion();
    const auto input = readObject(cl.positional(), version.numbers);
    if (!input)
        return UsageError;
    if (!(*input)["event"].isObject())
        return usageError(QStringLiteral("the input needs an 'event' object"));
    auto event = events::Pdu::parse((*input)["event"].toObject(), version);
    if (!event)
        return inputError(event.error().prefixed(QStringLiteral("event")));
    const auto pool = readPdus((*input)["auth_events"], version, "auth_events");
    if (!pool)
        return UsageError;
    const QSet<QString> rejected = rejectedIds(*input);
    QHash<EventId, auth::AuthEvent> byId;
    for (const events::Pdu &pdu : *pool)
        byId.insert(pdu.eventId(), {pdu, rejected.contains(pdu.eventId().toString())});

    QList<auth::AuthEvent> authEvents;
    QStringList absent;
    for (const EventId &id : event->authEvents()) {
        if (byId.contains(id))
            authEvents.append(byId.value(id));
        else
            absent.append(id.toString());
    }
    if (!absent.isEmpty())
        return missing(absent, QStringLiteral("auth events"));
    std::optional<auth::AuthEvent> roomCreate;
    if (version.roomIdFormat == events::RoomIdFormat::CreateEventHash && event->type() != QStringLiteral("m.room.create")) {
        if (auto id = EventId::parse(QString(QLatin1Char('$') + event->roomId().opaqueId())); id && byId.contains(*id))
            roomCreate = byId.value(*id);
    }

    const auth::AuthVerdict verdict =
        auth::checkAgainstAuthEvents(*event, authEvents, roomCreate ? &*roomCreate : nullptr);
    json::Object out;
    out.insert("allowed", verdict.allowed());
    if (!verdict.allowed()) {
        out.insert("rule", json::toUtf8(auth::ruleNumber(verdict.failedRule, version)));
        out.insert("rule_name", json::toUtf8(auth::ruleName(verdict.failedRule)));
        out.insert("reason", json::toUtf8(verdict.reason));
    }
    writeJson(std::move(out), cl.pretty());
    return verdict.allowed() ? Success : NegativeVerdict;
}

int resolveCommand(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("resolve"),
                   QStringLiteral("Resolve state sets with the room version's state resolution "
                                  "algorithm. FILE is {\"events\": [PDU, ...], \"state_sets\": "
                                  "[[event_id, ...], ...], \"rejected\": [event IDs, optional]}, "
                                  "where events holds every event the sets and their auth chains "
                                  "need. Prints {\"<type>\": {\"<state_key>\": \"<event_id>\"}}; "
                                  "with --trace, {\"state\": ..., \"trace\": every step}."));
    cl.addRoomVersionOption(true);
    cl.addOption({QStringLiteral("trace"), QStringLiteral("Also print every step of the algorithm.")});
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("FILE"), kInputHelp, QStringLiteral("[FILE]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    const events::RoomVersion &version = *cl.roomVersion();
    const auto input = readObject(cl.positional(), version.numbers);
    if (!input)
        return UsageError;
    const auto pdus = readPdus((*input)["events"], version, "events");
    if (!pdus)
        return UsageError;
    const QSet<QString> rejected = rejectedIds(*input);
    stateres::MapEventProvider provider;
    for (const events::Pdu &pdu : *pdus)
        provider.add(pdu, rejected.contains(pdu.eventId().toString()) ? stateres::Rejection::StateBefore
                                                                       : stateres::Rejection::None);
    if (!(*input)["state_sets"].isArray())
        return usageError(QStringLiteral("the input needs 'state_sets': an array of arrays of event IDs"));
    QList<stateres::StateSet> sets;
    QStringList absent;
    for (const json::Value &list : (*input)["state_sets"].toArray()) {
        stateres::StateSet set;
        for (const json::Value &entry : list.toArray()) {
            auto id = EventId::parse(json::toQString(entry.toString()));
            if (!id)
                return inputError(id.error());
            const events::Pdu *pdu = provider.event(*id);
            if (!pdu) {
                absent.append(id->toString());
                continue;
            }
            if (!pdu->isState())
                return usageError(QStringLiteral("%1 in a state set is not a state event").arg(id->toString()));
            const stateres::StateKey key{pdu->type(), *pdu->stateKey()};
            if (set.contains(key))
                return usageError(QStringLiteral("a state set holds two events for (%1, \"%2\")")
                                      .arg(key.type, key.stateKey));
            set.insert(key, *id);
        }
        sets.append(set);
    }
    if (!absent.isEmpty())
        return missing(absent, QStringLiteral("events"));

    stateres::Trace trace;
    auto resolved = stateres::resolve(version, sets, provider, cl.isSet(QStringLiteral("trace")) ? &trace : nullptr);
    if (!resolved)
        return inputError(resolved.error());
    if (!cl.isSet(QStringLiteral("trace"))) {
        writeJson(stateres::stateSetToJson(*resolved), cl.pretty());
        return Success;
    }
    json::Object out;
    out.insert("state", stateres::stateSetToJson(*resolved));
    out.insert("trace", stateres::traceToJson(trace, version));
    writeJson(std::move(out), cl.pretty());
    return Success;
}

int stateAtCommand(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("state-at"),
                   QStringLiteral("Print the room state before an event of a room dump (a JSON "
                                  "array of PDUs), computed from the DAG: every event is checked "
                                  "as a server would, and the states of each event's prev events "
                                  "are resolved. --after gives the state after the event. With "
                                  "several events: the state an event on top of them would see "
                                  "(the states after them, resolved); --trace adds the "
                                  "resolution's steps, as 'resolve --trace' prints them."));
    cl.addRoomVersionOption(false);
    cl.addOption({QStringLiteral("after"), QStringLiteral("The state after the event instead.")});
    cl.addOption({QStringLiteral("trace"),
                  QStringLiteral("With several events: print {\"state\": ..., \"trace\": ...}.")});
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("Room dump."), QStringLiteral("FILE"));
    cl.addPositional(QStringLiteral("EVENT_ID"), QStringLiteral("The event, or several."),
                     QStringLiteral("EVENT_ID..."));
    if (auto stop = cl.parse(arguments, 2, 64))
        return *stop;
    const QStringList ids = cl.positional().mid(1);
    const bool merge = ids.size() > 1;
    if (merge && cl.isSet(QStringLiteral("after")))
        return usageError(QStringLiteral("--after takes one event; several are merged"));
    if (!merge && cl.isSet(QStringLiteral("trace")))
        return usageError(QStringLiteral("--trace needs several events to merge"));
    const auto bytes = readInput(cl.positional(), 0);
    if (!bytes)
        return UsageError;
    auto dump = room::readRoomDump(std::string_view(bytes->constData(), size_t(bytes->size())), cl.roomVersion());
    if (!dump)
        return inputError(dump.error());
    QList<EventId> targets;
    for (const QString &text : ids) {
        auto id = EventId::parse(text);
        if (!id)
            return inputError(id.error());
        targets.append(*id);
    }
    room::RoomReplay replay(*dump->version);
    if (auto ran = replay.run(dump->events, QSet<EventId>(targets.begin(), targets.end())); !ran)
        return inputError(ran.error());
    QStringList absent;
    for (const EventId &target : std::as_const(targets)) {
        if (!replay.events().event(target))
            absent.append(target.toString());
    }
    if (!absent.isEmpty())
        return missing(absent, QStringLiteral("events in the dump"));
    if (!merge) {
        const EventId &target = targets.first();
        const auto state = cl.isSet(QStringLiteral("after")) ? replay.stateAfter(target) : replay.stateBefore(target);
        if (!state)
            return missing({target.toString()}, QStringLiteral("event in the dump"));
        writeJson(stateres::stateSetToJson(*state), cl.pretty());
        return Success;
    }
    stateres::Trace trace;
    auto merged = room::mergeStatesAfter(replay, *dump->version, targets, &trace);
    if (!merged)
        return inputError(merged.error());
    if (!cl.isSet(QStringLiteral("trace"))) {
        writeJson(stateres::stateSetToJson(merged->resolved), cl.pretty());
        return Success;
    }
    json::Object out;
    out.insert("state", stateres::stateSetToJson(merged->resolved));
    out.insert("trace", stateres::traceToJson(trace, *dump->version));
    writeJson(std::move(out), cl.pretty());
    return Success;
}

int dagBuildCommand(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("dag build"),
                   QStringLiteral("Build a room dump from a room script: named events whose prev "
                                  "and auth events refer to each other by name (see README). "
                                  "Prints the dump (a JSON array of PDUs); --names prints "
                                  "{\"events\": dump, \"names\": {name: event_id}}."));
    cl.addOption({QStringLiteral("key"),
                  QStringLiteral("Sign every event with this key file's first key, as its sender's "
                                 "server."),
                  QStringLiteral("KEYFILE")});
    cl.addOption({QStringLiteral("names"), QStringLiteral("Also print the event ID of each name.")});
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("SCRIPT"), QStringLiteral("Room script; '-' or nothing reads stdin."),
                     QStringLiteral("[SCRIPT]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    std::optional<crypto::SigningKey> key;
    if (cl.isSet(QStringLiteral("key"))) {
        auto keys = crypto::keyfile::load(cl.value(QStringLiteral("key")));
        if (!keys)
            return inputError(keys.error());
        key = keys->first();
    }
    const auto script = readObject(cl.positional(), json::NumberPolicy::Strict);
    if (!script)
        return UsageError;
    auto built = room::buildRoom(*script, key ? &*key : nullptr);
    if (!built)
        return inputError(built.error());
    json::Array dump = room::roomDumpToJson(built->events);
    if (!cl.isSet(QStringLiteral("names"))) {
        writeJson(std::move(dump), cl.pretty());
        return Success;
    }
    json::Object names;
    for (auto it = built->ids.cbegin(); it != built->ids.cend(); ++it)
        names.insert(json::toUtf8(it.key()), json::toUtf8(it.value().toString()));
    json::Object out;
    out.insert("events", std::move(dump));
    out.insert("names", std::move(names));
    writeJson(std::move(out), cl.pretty());
    return Success;
}

} // namespace trellis::cli
