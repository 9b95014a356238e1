#include "tests/unit/stateres/RandomRoom.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/EventTypes.h"
#include "core/auth/PowerLevels.h"
#include "core/json/QtStrings.h"
#include "core/room/RoomBuilder.h"

#include <random>

namespace trellis::test {
namespace {

using room::RoomBuilder;
using stateres::StateSet;

RoomBuilder::Event draft(const QString &type, const QString &sender, std::optional<QString> stateKey,
                        json::Object content)
{
    RoomBuilder::Event event;
    event.type = type;
    event.sender = sender;
    event.stateKey = std::move(stateKey);
    event.content = std::move(content);
    return event;
}

class Generator
{
public:
    Generator(const events::RoomVersion &version, quint64 seed, const RandomRoomOptions &options)
        : m_version(version), m_random(seed), m_options(options), m_builder(version)
    {
        for (int i = 0; i <= options.users; ++i)
            m_users.append(QStringLiteral("@u%1:s%2.example").arg(i).arg(i % 3));
    }

    RandomRoom run()
    {
        setUp();
        for (int i = 0; i < m_options.events; ++i)
            step();
        if (m_tips.size() > 1) {
            json::Object content;
            content.insert("body", "merge");
            send(m_tips, QStringLiteral("m.room.message"), std::nullopt, pickJoined(stateBefore(m_tips)),
                 std::move(content));
        }
        return {&m_version, m_builder.events()};
    }

private:
    // mt19937_64's output is fixed by the standard; the distributions are not, so the mapping
    // is ours: the same seed grows the same room with any standard library.
    int below(int n) { return n <= 1 ? 0 : int(m_random() % quint64(n)); }
    double unit() { return double(m_random() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template<typename T> const T &pick(const QList<T> &list) { return list[below(int(list.size()))]; }

    void setUp()
    {
        const QString creator = m_users[0];
        json::Object create;
        create.insert("creator", json::toUtf8(creator));
        create.insert("room_version", json::toUtf8(m_version.id));
        add(auth::types::create, QString(), creator, create);
        add(auth::types::member, creator, creator, membership("join"));
        add(auth::types::joinRules, QString(), creator, joinRule("public"));
        json::Object users;
        if (!m_version.additionalCreators) // from version 12 creators may not be listed
            users.insert(json::toUtf8(creator), 100);
        users.insert(json::toUtf8(m_users[1]), 100);
        users.insert(json::toUtf8(m_users[2]), 50);
        add(auth::types::powerLevels, QString(), creator, powerLevels(users));
        for (int i = 1; i <= 3 && i < m_users.size(); ++i)
            add(auth::types::member, m_users[i], m_users[i], membership("join"));
        m_tips = {m_builder.events().last().eventId()};
    }

    static json::Object membership(const char *value) { json::Object o; o.insert("membership", value); return o; }
    static json::Object joinRule(const char *value) { json::Object o; o.insert("join_rule", value); return o; }
    static json::Object powerLevels(const json::Object &users) { json::Object o; o.insert("users", users); return o; }

    StateSet stateBefore(const QList<EventId> &prev)
    {
        auto state = m_builder.stateBefore(prev);
        return state ? *state : StateSet();
    }

    const events::Pdu *stateEvent(const StateSet &state, const QString &type, const QString &key) const
    {
        const auto it = state.constFind(stateres::StateKey{type, key});
        return it == state.constEnd() ? nullptr : m_builder.replay().events().event(*it);
    }

    QString membershipOf(const StateSet &state, const QString &user) const
    {
        const events::Pdu *event = stateEvent(state, auth::types::member, user);
        return event ? json::toQString(event->content()["membership"].toString()) : QString();
    }

    auth::PowerLevels levels(const StateSet &state) const
    {
        return auth::PowerLevels(stateEvent(state, auth::types::powerLevels, QString()),
                                 &m_builder.events().first(), m_version);
    }

    QStringList usersWith(const StateSet &state, const QStringList &memberships) const
    {
        QStringList out;
        for (const QString &user : m_users) {
            if (memberships.contains(membershipOf(state, user)))
                out.append(user);
        }
        return out;
    }

    QString pickJoined(const StateSet &state)
    {
        const QStringList joined = usersWith(state, {auth::memberships::join});
        return joined.isEmpty() ? m_users[1] : pick(joined);
    }

    // Joined users at or above `level`.
    QStringList powerful(const StateSet &state, qint64 level) const
    {
        const auth::PowerLevels pl = levels(state);
        QStringList out;
        for (const QString &user : usersWith(state, {auth::memberships::join})) {
            if (pl.userLevel(user) >= auth::PowerLevel(level))
                out.append(user);
        }
        return out;
    }

    void step()
    {
        // Where the event goes: a new branch from a recent event, a merge, or a tip.
        QList<EventId> prev;
        const double r = unit();
        if (m_tips.size() < m_options.maxBranches && r < 0.2) {
            const auto &all = m_builder.events();
            prev = {all[all.size() - 1 - below(int(std::min<qsizetype>(all.size() - 1, 8)))].eventId()};
        } else if (m_tips.size() > 1 && r < 0.4) {
            prev = m_tips;
            while (prev.size() > 2 && chance(0.5))
                prev.removeAt(below(int(prev.size())));
        } else {
            prev = {pick(m_tips)};
        }
        // A rogue event is sent by anyone, or by whoever the state of an older event allowed,
        // citing that state's auth events (as a server that missed the latest events would).
        const bool rogue = chance(m_options.rogue);
        const auto &all = m_builder.events();
        m_staleFrom.reset();
        if (rogue && chance(0.5) && all.size() > 8)
            m_staleFrom = all[all.size() - 2 - below(6)].eventId();
        const StateSet state = stateBefore(m_staleFrom ? QList<EventId>{*m_staleFrom} : prev);
        const auth::PowerLevels pl = levels(state);
        const bool anyone = rogue && !m_staleFrom;
        const auto sender = [&](const QStringList &allowed) { return anyone || allowed.isEmpty() ? pick(m_users) : pick(allowed); };
        const QStringList joined = usersWith(state, {auth::memberships::join});
        const QString joinRule = json::toQString(
            stateEvent(state, auth::types::joinRules, QString()) ? stateEvent(state, auth::types::joinRules, QString())->content()["join_rule"].toString() : std::string());

        // Weights keep rooms alive: joins and invites outnumber departures.
        static constexpr int kWeights[] = {3, 2, 1, 1, 1, 1, 2, 1, 1, 1};
        int roll = below(14);
        int action = 0;
        while (roll >= kWeights[action])
            roll -= kWeights[action++];
        switch (action) {
        case 0: { // join (public room, or invited)
            const QStringList can = usersWith(state, joinRule == auth::joinrules::publicRule
                                                         ? QStringList{QString(), auth::memberships::leave, auth::memberships::invite}
                                                         : QStringList{auth::memberships::invite});
            const QString who = sender(can);
            send(prev, auth::types::member, who, who, membership("join"));
            break;
        }
        case 1: { // invite
            const QString who = sender(powerful(state, pl.invite()));
            const QStringList targets = usersWith(state, {QString(), auth::memberships::leave});
            send(prev, auth::types::member, targets.isEmpty() ? pick(m_users) : pick(targets), who, membership("invite"));
            break;
        }
        case 2: { // leave
            const QString who = sender(joined);
            send(prev, auth::types::member, who, who, membership("leave"));
            break;
        }
        case 3: { // kick or ban someone less powerful
            const bool ban = chance(0.5);
            const QString who = sender(powerful(state, ban ? pl.ban() : pl.kick()));
            QStringList targets;
            for (const QString &user : m_users) {
                if (user != who && pl.userLevel(user) < pl.userLevel(who))
                    targets.append(user);
            }
            send(prev, auth::types::member, targets.isEmpty() ? pick(m_users) : pick(targets), who,
                 membership(ban ? "ban" : "leave"));
            break;
        }
        case 4: { // unban
            const QString who = sender(powerful(state, std::max(pl.ban(), pl.kick())));
            const QStringList banned = usersWith(state, {auth::memberships::ban});
            send(prev, auth::types::member, banned.isEmpty() ? pick(m_users) : pick(banned), who, membership("leave"));
            break;
        }
        case 5:
        case 6: { // power levels: someone's level changes
            const QString who = sender(powerful(state, pl.eventLevel(auth::types::powerLevels, true)));
            const events::Pdu *current = stateEvent(state, auth::types::powerLevels, QString());
            json::Object content = current ? current->content() : json::Object();
            json::Object users = content["users"].toObject();
            QStringList lower = {who};
            for (const QString &user : m_users) {
                if (pl.userLevel(user) < pl.userLevel(who))
                    lower.append(user);
            }
            const QString target = anyone ? pick(m_users) : pick(lower);
            if (m_version.additionalCreators && target == m_users[0])
                break;
            const qint64 cap = pl.userLevel(who).isInfinite() ? 100 : pl.userLevel(who).value();
            users.insert(json::toUtf8(target), qint64(below(int(cap / 25) + 1) * 25));
            content.insert("users", std::move(users));
            send(prev, auth::types::powerLevels, QString(), who, std::move(content));
            break;
        }
        case 7: { // join rules
            const QString who = sender(powerful(state, pl.eventLevel(auth::types::joinRules, true)));
            send(prev, auth::types::joinRules, QString(), who, Generator::joinRule(chance(0.5) ? "public" : "invite"));
            break;
        }
        case 8: { // topic
            const QString who = sender(powerful(state, pl.eventLevel(QStringLiteral("m.room.topic"), true)));
            json::Object content;
            content.insert("topic", json::toUtf8(QStringLiteral("topic %1").arg(m_builder.events().size())));
            send(prev, QStringLiteral("m.room.topic"), QString(), who, std::move(content));
            break;
        }
        default: { // a message
            json::Object content;
            content.insert("body", "hi");
            send(prev, QStringLiteral("m.room.message"), std::nullopt, sender(joined), std::move(content));
            break;
        }
        }
    }

    void send(const QList<EventId> &prev, const QString &type, std::optional<QString> stateKey,
              const QString &sender, json::Object content)
    {
        RoomBuilder::Event event = draft(type, sender, std::move(stateKey), std::move(content));
        event.prev = prev;
        const auto &all = m_builder.events();
        qint64 ts = all.last().originServerTs() + 1000;
        if (chance(0.1))
            ts = all[all.size() - 1 - below(int(std::min<qsizetype>(all.size(), 4)))].originServerTs(); // a tie
        else if (chance(0.1))
            ts -= below(5000); // clock skew
        event.ts = ts;
        if (m_staleFrom) {
            const StateSet stale = stateBefore({*m_staleFrom});
            const auth::EventShape shape{type, event.stateKey, sender, &event.content};
            QList<EventId> auth;
            for (const auth::StateKey &key : auth::authEventKeys(shape, m_version)) {
                if (stale.contains(key))
                    auth.append(stale.value(key));
            }
            event.auth = auth;
        }
        event.name = QStringLiteral("e%1").arg(all.size());
        const auto added = m_builder.add(event);
        if (!added) // the builder refuses nothing a room may hold: this is a bug
            qFatal("random room: %s", qPrintable(added.error().message));
        for (const EventId &p : prev)
            m_tips.removeAll(p);
        m_tips.append(added->eventId());
    }

    // A set-up event, after the one before it.
    void add(const QString &type, const QString &stateKey, const QString &sender, const json::Object &content)
    {
        RoomBuilder::Event event = draft(type, sender, stateKey, content);
        event.name = QStringLiteral("e%1").arg(m_builder.events().size());
        if (const auto added = m_builder.add(event); !added)
            qFatal("random room: %s", qPrintable(added.error().message));
    }

    const events::RoomVersion &m_version;
    std::mt19937_64 m_random;
    RandomRoomOptions m_options;
    RoomBuilder m_builder;
    QStringList m_users;
    QList<EventId> m_tips;
    std::optional<EventId> m_staleFrom; // the rogue event being built sees this event's state
};

} // namespace

RandomRoom makeRandomRoom(const events::RoomVersion &version, quint64 seed, const RandomRoomOptions &options)
{
    return Generator(version, seed, options).run();
}

} // namespace trellis::test
