#pragma once
#include "core/base/Result.h"
#include "core/json/Value.h"

#include <QStringList>
#include <optional>

namespace trellis::services {

/// An EventFilter / RoomEventFilter (client-server-api "Filtering"; event_filter.yaml,
/// room_event_filter.yaml). Absent lists mean "everything"; `not_` lists win over the others;
/// `*` in a type matches any run of characters.
struct EventFilter
{
    static constexpr int kMaxLimit = 1000;

    std::optional<QStringList> types;
    QStringList notTypes;
    std::optional<QStringList> senders;
    QStringList notSenders;
    std::optional<QStringList> rooms;
    QStringList notRooms;
    std::optional<bool> containsUrl;
    int limit = -1; ///< -1: the endpoint's default; else 1..kMaxLimit (larger is clamped)
    bool lazyLoadMembers = false;
    bool includeRedundantMembers = false;
    bool unreadThreadNotifications = false;

    /// M_BAD_JSON naming `context` and the field for anything of the wrong type.
    static Result<EventFilter> parse(const json::Object &object, const QString &context);
    bool matches(const QString &type, const QString &sender, const QString &roomId = {},
                 bool hasUrl = false) const;
    int limitOr(int fallback) const { return limit > 0 ? limit : fallback; }
};

/// A whole filter definition (filter.yaml "Filter").
struct SyncFilter
{
    QStringList eventFields;
    bool federationFormat = false;
    EventFilter presence;
    EventFilter accountData;
    std::optional<QStringList> rooms;
    QStringList notRooms;
    bool includeLeave = false;
    EventFilter state;
    EventFilter timeline;
    EventFilter ephemeral;
    EventFilter roomAccountData;

    static Result<SyncFilter> parse(const json::Object &definition);
    bool includesRoom(const QString &roomId) const;
    /// The event with only the `event_fields` kept (dotted paths, `\.` for a literal dot).
    json::Object applyEventFields(const json::Object &clientEvent) const;
};

} // namespace trellis::services
