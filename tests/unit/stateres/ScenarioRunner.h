#pragma once
#include "core/json/Value.h"

#include <QList>
#include <QString>
#include <QStringList>

// Runs the hand-written state resolution scenarios of tests/data/stateres: a room script with
// forks, the state sets to resolve, and what the spec says the result and every step of the
// algorithm must be, by event name.
//
// Fixture format (one file holds {"preludes": {name: [script events]}, "scenarios": [...]}):
//   {"name": "...", "why": "the hand derivation, citing the spec",
//    "versions": ["2", "10"],          room versions to run it in
//    "prelude": "basic",               script events put before "events" (optional)
//    "events": [script events],        see core/room/RoomScript.h
//    one of: "state_before": NAME      the state before that event (its prev events' states)
//            "resolve_after": [NAMES]  the states after those events
//            "resolve": [[NAMES]...]   explicit state sets
//    "expect": {"state": [NAMES],      the resolved state, exactly
//               "rejected": {NAME: "auth_events:RULE" | "state_before:RULE"} (all others
//                                     must be accepted),
//               "trace": {field: value},   fields of traceToJson() by name, see below
//               "reference_reading_state": [NAMES],  the state when the auth difference counts
//                                     the states' own events (ResolveOptions); default "state"
//               "id_order": [[NAMES]...]}  premises: each list is in ascending event ID order
//    "overrides": {"12": {"state": ..., "trace": {...}}}  per-version replacements, by field}
//
// Trace fields: sets ("unconflicted", "conflicted", "auth_difference", "conflicted_subgraph",
// "full_conflicted_set", "partial_state", "resolved") compare as sorted names; lists
// ("power_events", "mainline") in order; "other_events" as "name@position" ("name@inf");
// "power_event_checks" and "other_event_checks" as "name:rule_name" ("name:allowed");
// v1's "passes" as "type|state_key order=a,b checks=b:allowed chosen=b".
//
// In room version 12 the create event is never cited, so a script's explicit "auth" lists
// lose it there, and every scenario's create event gets content.room_version.
namespace trellis::test {

struct ScenarioCase
{
    QString file;
    QString name;
    QString version;
    json::Object scenario;
    json::Object preludes;
};

/// Every (scenario, version) pair of a fixture file under tests/data.
QList<ScenarioCase> loadScenarios(const QString &relativePath);

/// Runs one case; returns what differed from the expectations (empty when all held).
QStringList runScenario(const ScenarioCase &scenarioCase);

/// The scenario's script for `version`, with its prelude, ready for room::buildRoom().
json::Object scenarioScript(const ScenarioCase &scenarioCase);

} // namespace trellis::test
