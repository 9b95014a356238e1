#pragma once
// Data-driven authorisation-rule cases (tests/data/auth/*.json, format in
// tests/data/auth/README.md): each case builds a room from a script, adds the event under
// test, and compares the verdicts of core/auth with the expected rule name and its number in
// each room version's text.
#include "core/auth/AuthRule.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace trellis::test {

/// "1-5,12" -> {1, 2, 3, 4, 5, 12}; "all" -> 1..12. Empty on a malformed list.
QList<int> parseVersionRanges(const QString &ranges);

/// Every AuthRule, None first.
QList<auth::AuthRule> allAuthRules();

/// The rule whose ruleName() is `name` ("allowed" is AuthRule::None).
std::optional<auth::AuthRule> authRuleFromName(const QString &name);

/// Adds the columns and one row per (case, room version) of the fixtures, paths relative to
/// tests/data. Call from a `_data()` slot.
void addAuthCaseRows(const QStringList &fixtures);

/// Runs the current row: checks against the auth events (also with every order of them),
/// against the state before the event, and that RoomReplay records the same outcome.
void runAuthCaseRow();

} // namespace trellis::test
