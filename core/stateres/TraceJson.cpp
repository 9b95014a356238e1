#include "core/stateres/TraceJson.h"

#include "core/auth/AuthRule.h"
#include "core/json/QtStrings.h"

namespace trellis::stateres {
namespace {

json::Value idList(const QList<EventId> &ids)
{
    json::Array array;
    for (const EventId &id : ids)
        array.push_back(json::toUtf8(id.toString()));
    return array;
}

json::Value checks(const QList<AuthCheckStep> &steps, const events::RoomVersion &version)
{
    json::Array array;
    for (const AuthCheckStep &step : steps) {
        json::Object entry;
        entry.insert("event_id", json::toUtf8(step.event.toString()));
        entry.insert("type", json::toUtf8(step.key.type));
        entry.insert("state_key", json::toUtf8(step.key.stateKey));
        entry.insert("allowed", step.verdict.allowed());
        if (!step.verdict.allowed()) {
            entry.insert("rule", json::toUtf8(auth::ruleNumber(step.verdict.failedRule, version)));
            entry.insert("rule_name", json::toUtf8(auth::ruleName(step.verdict.failedRule)));
            entry.insert("reason", json::toUtf8(step.verdict.reason));
        }
        array.push_back(std::move(entry));
    }
    return array;
}

} // namespace

json::Object stateSetToJson(const StateSet &state)
{
    json::Object object;
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        const std::string type = json::toUtf8(it.key().type);
        json::Value *byType = object.find(type);
        if (!byType)
            byType = &object.insert(type, json::Object());
        byType->asObject()->insert(json::toUtf8(it.key().stateKey), json::toUtf8(it.value().toString()));
    }
    return object;
}

json::Object traceToJson(const Trace &trace, const events::RoomVersion &version)
{
    json::Object out;
    out.insert("algorithm", json::toUtf8(trace.algorithm));
    json::Array sets;
    for (const StateSet &set : trace.stateSets)
        sets.push_back(stateSetToJson(set));
    out.insert("state_sets", std::move(sets));
    out.insert("unconflicted", stateSetToJson(trace.unconflicted));
    out.insert("conflicted", idList(trace.conflicted));
    if (trace.algorithm == QStringLiteral("v1")) {
        json::Array passes;
        for (const V1Pass &pass : trace.passes) {
            json::Object entry;
            entry.insert("pass", json::toUtf8(pass.what));
            entry.insert("type", json::toUtf8(pass.key.type));
            entry.insert("state_key", json::toUtf8(pass.key.stateKey));
            entry.insert("order", idList(pass.order));
            entry.insert("checks", checks(pass.checks, version));
            entry.insert("chosen", json::toUtf8(pass.chosen.toString()));
            passes.push_back(std::move(entry));
        }
        out.insert("passes", std::move(passes));
    } else {
        out.insert("auth_difference", idList(trace.authDifference));
        if (trace.algorithm == QStringLiteral("v2.1"))
            out.insert("conflicted_subgraph", idList(trace.conflictedSubgraph));
        out.insert("full_conflicted_set", idList(trace.fullConflicted));
        out.insert("power_events", idList(trace.powerEvents));
        out.insert("power_event_checks", checks(trace.powerChecks, version));
        out.insert("partial_state", stateSetToJson(trace.partialState));
        out.insert("mainline", idList(trace.mainline));
        json::Array others;
        for (const MainlinePlace &place : trace.otherEvents) {
            json::Object entry;
            entry.insert("event_id", json::toUtf8(place.event.toString()));
            entry.insert("mainline_position", place.position ? json::Value(qint64(*place.position)) : json::Value());
            others.push_back(std::move(entry));
        }
        out.insert("other_events", std::move(others));
        out.insert("other_event_checks", checks(trace.otherChecks, version));
    }
    out.insert("resolved", stateSetToJson(trace.resolved));
    return out;
}

} // namespace trellis::stateres
