#include "core/services/SyncFilter.h"

#include "core/json/Fields.h"
#include "core/json/QtStrings.h"

#include <algorithm>

namespace trellis::services {

namespace {

/// Glob match where only '*' is special (event_filter.yaml: "A '*' can be used as a wildcard").
bool globMatches(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, star = -1, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] != u'*' && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool anyMatches(const QStringList &patterns, const QString &value, bool glob)
{
    return std::any_of(patterns.cbegin(), patterns.cend(), [&](const QString &pattern) {
        return glob ? globMatches(pattern, value) : pattern == value;
    });
}

Result<void> readList(const json::Object &object, std::string_view key, std::optional<QStringList> &into)
{
    auto list = json::optionalStringList(object, key);
    if (!list)
        return list.error();
    into = *list;
    return {};
}

Result<void> readNotList(const json::Object &object, std::string_view key, QStringList &into)
{
    auto list = json::optionalStringList(object, key);
    if (!list)
        return list.error();
    into = list->value_or(QStringList());
    return {};
}

Result<void> readFlag(const json::Object &object, std::string_view key, bool &into)
{
    auto flag = json::optionalBool(object, key);
    if (!flag)
        return flag.error();
    into = flag->value_or(into);
    return {};
}

Result<EventFilter> subFilter(const json::Object &parent, std::string_view key, const QString &context)
{
    auto object = json::optionalObject(parent, key);
    if (!object)
        return object.error().prefixed(context);
    return EventFilter::parse(object->value_or(json::Object{}), context + u'.' + json::toQString(key));
}

} // namespace

Result<EventFilter> EventFilter::parse(const json::Object &object, const QString &context)
{
    EventFilter filter;
    for (Result<void> step : {readList(object, "types", filter.types), readNotList(object, "not_types", filter.notTypes),
                              readList(object, "senders", filter.senders), readNotList(object, "not_senders", filter.notSenders),
                              readList(object, "rooms", filter.rooms), readNotList(object, "not_rooms", filter.notRooms),
                              readFlag(object, "lazy_load_members", filter.lazyLoadMembers),
                              readFlag(object, "include_redundant_members", filter.includeRedundantMembers),
                              readFlag(object, "unread_thread_notifications", filter.unreadThreadNotifications)}) {
        if (!step)
            return step.error().prefixed(context);
    }
    auto containsUrl = json::optionalBool(object, "contains_url");
    auto limit = json::optionalInteger(object, "limit");
    if (!containsUrl)
        return containsUrl.error().prefixed(context);
    if (!limit)
        return limit.error().prefixed(context);
    filter.containsUrl = *containsUrl;
    if (*limit) {
        if (**limit < 1)
            return Error::badJson(QStringLiteral("%1: 'limit' must be a positive integer").arg(context));
        filter.limit = int(std::min<qint64>(**limit, kMaxLimit));
    }
    return filter;
}

bool EventFilter::matches(const QString &type, const QString &sender, const QString &roomId, bool hasUrl) const
{
    if (anyMatches(notTypes, type, true) || notSenders.contains(sender) || (!roomId.isEmpty() && notRooms.contains(roomId)))
        return false;
    if (types && !anyMatches(*types, type, true))
        return false;
    if (senders && !senders->contains(sender))
        return false;
    if (rooms && !roomId.isEmpty() && !rooms->contains(roomId))
        return false;
    return !containsUrl || *containsUrl == hasUrl;
}

Result<SyncFilter> SyncFilter::parse(const json::Object &definition)
{
    SyncFilter filter;
    auto fields = json::optionalStringList(definition, "event_fields");
    auto format = json::optionalString(definition, "event_format");
    auto room = json::optionalObject(definition, "room");
    if (!fields)
        return fields.error();
    if (!format)
        return format.error();
    if (!room)
        return room.error();
    filter.eventFields = fields->value_or(QStringList());
    const QString formatName = format->value_or(QStringLiteral("client"));
    if (formatName != QLatin1String("client") && formatName != QLatin1String("federation"))
        return Error::badJson(QStringLiteral("'event_format' is client or federation"));
    filter.federationFormat = formatName == QLatin1String("federation");
    const json::Object roomObject = room->value_or(json::Object{});
    struct Part { EventFilter *into; const json::Object *parent; std::string_view key; QString context; };
    for (const Part &part : {Part{&filter.presence, &definition, "presence", QString()},
                             Part{&filter.accountData, &definition, "account_data", QString()},
                             Part{&filter.state, &roomObject, "state", QStringLiteral("room")},
                             Part{&filter.timeline, &roomObject, "timeline", QStringLiteral("room")},
                             Part{&filter.ephemeral, &roomObject, "ephemeral", QStringLiteral("room")},
                             Part{&filter.roomAccountData, &roomObject, "account_data", QStringLiteral("room")}}) {
        auto parsed = subFilter(*part.parent, part.key, part.context.isEmpty() ? QStringLiteral("filter") : part.context);
        if (!parsed)
            return parsed.error();
        *part.into = *parsed;
    }
    for (Result<void> step : {readList(roomObject, "rooms", filter.rooms), readNotList(roomObject, "not_rooms", filter.notRooms),
                              readFlag(roomObject, "include_leave", filter.includeLeave)}) {
        if (!step)
            return step.error().prefixed(QStringLiteral("room"));
    }
    return filter;
}

bool SyncFilter::includesRoom(const QString &roomId) const
{
    return !notRooms.contains(roomId) && (!rooms || rooms->contains(roomId));
}

namespace {

/// "content.body" -> ["content", "body"]; "content.m\.relates_to" keeps the dot.
QStringList splitPath(const QString &field)
{
    QStringList parts{QString()};
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == u'\\' && i + 1 < field.size()) {
            parts.last().append(field[++i]);
        } else if (field[i] == u'.') {
            parts.append(QString());
        } else {
            parts.last().append(field[i]);
        }
    }
    return parts;
}

void copyPath(const json::Object &from, json::Object &to, const QStringList &path, qsizetype at)
{
    const std::string key = json::toUtf8(path[at]);
    const json::Value *value = from.find(key);
    if (!value)
        return;
    if (at == path.size() - 1) {
        to.insert(key, *value);
        return;
    }
    if (!value->isObject())
        return;
    json::Value *existing = to.find(key);
    json::Object child = existing && existing->isObject() ? existing->toObject() : json::Object{};
    copyPath(value->toObject(), child, path, at + 1);
    if (!child.isEmpty())
        to.insert(key, json::Value(std::move(child)));
}

} // namespace

json::Object SyncFilter::applyEventFields(const json::Object &clientEvent) const
{
    if (eventFields.isEmpty())
        return clientEvent;
    json::Object kept;
    for (const QString &field : eventFields)
        copyPath(clientEvent, kept, splitPath(field), 0);
    return kept;
}

} // namespace trellis::services
