#include "tests/bench/BenchRooms.h"

#include "core/events/EventHashes.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"

namespace trellis::bench {
namespace {

class Builder
{
public:
    explicit Builder(ForkedRoom &room) : m_room(room), m_version(*room.version) {}

    events::Pdu add(const std::string &type, const std::string &sender, const std::string &stateKey,
                    json::Object content, const QList<events::Pdu> &prev, const QList<events::Pdu> &auth,
                    stateres::StateSet *state)
    {
        json::Object event;
        event.insert("type", type);
        event.insert("sender", sender);
        event.insert("state_key", stateKey);
        event.insert("content", std::move(content));
        event.insert("origin_server_ts", qint64(1700000000000) + m_count);
        qint64 depth = 0;
        json::Array prevRefs, authRefs;
        for (const events::Pdu &p : prev) {
            depth = std::max(depth, p.depth());
            prevRefs.push_back(json::toUtf8(p.eventId().toString()));
        }
        for (const events::Pdu &a : auth)
            authRefs.push_back(json::toUtf8(a.eventId().toString()));
        event.insert("depth", depth + 1);
        event.insert("prev_events", std::move(prevRefs));
        event.insert("auth_events", std::move(authRefs));
        if (!m_roomId.empty())
            event.insert("room_id", m_roomId);
        else if (m_version.roomIdFormat == events::RoomIdFormat::WithDomain)
            event.insert("room_id", m_roomId = "!bench:example.org");
        json::Object hashes;
        hashes.insert("sha256", base64::encodeToString(crypto::digestView(events::contentHash(event))));
        event.insert("hashes", std::move(hashes));
        event.insert("signatures", json::Object());
        events::Pdu pdu = *events::Pdu::parse(std::move(event), m_version);
        if (m_roomId.empty())
            m_roomId = json::toUtf8(pdu.roomId().toString());
        m_room.events.add(pdu);
        ++m_count;
        if (state)
            state->insert(stateres::StateKey{pdu.type(), *pdu.stateKey()}, pdu.eventId());
        return pdu;
    }

private:
    ForkedRoom &m_room;
    const events::RoomVersion &m_version;
    std::string m_roomId;
    qint64 m_count = 0;
};

std::string user(int i) { return "@user" + std::to_string(i) + ":example.org"; }

} // namespace

ForkedRoom makeForkedRoom(const events::RoomVersion &version, int members, int forks, int changesPerFork)
{
    ForkedRoom room;
    room.version = &version;
    Builder builder(room);
    stateres::StateSet base;
    const std::string admin = user(0);
    const bool v12 = version.additionalCreators;
    // In versions 1-11 events cite the create event; in 12 the room ID names it.
    const auto withCreate = [&](const events::Pdu &create, QList<events::Pdu> auth) {
        if (!v12)
            auth.prepend(create);
        return auth;
    };

    json::Object createContent;
    createContent.insert("room_version", json::toUtf8(version.id));
    if (version.creatorInContent)
        createContent.insert("creator", admin);
    const events::Pdu create = builder.add("m.room.create", admin, "", std::move(createContent), {}, {}, &base);
    json::Object join;
    join.insert("membership", "join");
    const events::Pdu adminJoin = builder.add("m.room.member", admin, admin, join, {create}, withCreate(create, {}), &base);
    json::Object levels, users;
    if (!v12)
        users.insert(admin, 100);
    levels.insert("users", std::move(users));
    const events::Pdu powerLevels =
        builder.add("m.room.power_levels", admin, "", std::move(levels), {adminJoin}, withCreate(create, {adminJoin}), &base);
    json::Object rules;
    rules.insert("join_rule", "public");
    const events::Pdu joinRules =
        builder.add("m.room.join_rules", admin, "", std::move(rules), {powerLevels}, withCreate(create, {adminJoin, powerLevels}), &base);

    QList<events::Pdu> memberJoins{adminJoin};
    events::Pdu last = joinRules;
    for (int i = 1; i < members; ++i) {
        last = builder.add("m.room.member", user(i), user(i), join, {last},
                           withCreate(create, {powerLevels, joinRules}), &base);
        memberJoins.append(last);
    }
    const events::Pdu forkPoint = last;
    for (int f = 0; f < forks; ++f) {
        stateres::StateSet state = base;
        events::Pdu tip = forkPoint;
        for (int c = 0; c < changesPerFork; ++c) {
            const int member = 1 + (f * changesPerFork + c) % std::max(1, members - 1);
            json::Object content;
            content.insert("membership", "join");
            content.insert("displayname", "fork " + std::to_string(f) + " name " + std::to_string(c));
            tip = builder.add("m.room.member", user(member), user(member), std::move(content), {tip},
                              withCreate(create, {powerLevels, joinRules, memberJoins[member]}), &state);
        }
        room.forkStates.append(state);
    }
    room.eventCount = room.events.size();
    room.conflictedKeys = qsizetype(forks) * changesPerFork;
    return room;
}

} // namespace trellis::bench
