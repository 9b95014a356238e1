#include "tests/unit/stateres/ReferenceResolver.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/AuthRules.h"
#include "core/auth/EventTypes.h"
#include "core/auth/PowerLevels.h"
#include "core/json/QtStrings.h"

namespace trellis::test {
namespace {

using stateres::Rejection;
using stateres::StateKey;
using stateres::StateSet;

class Reference
{
public:
    Reference(const events::RoomVersion &version, const stateres::EventProvider &events)
        : m_version(version), m_events(events)
    {
    }

    const events::Pdu &pdu(const EventId &id) const { return *m_events.event(id); }

    // "Auth chain": everything reachable through auth_events.
    const QSet<EventId> &chain(const EventId &id)
    {
        if (!m_chains.contains(id)) {
            QSet<EventId> out;
            QList<EventId> todo = pdu(id).authEvents();
            while (!todo.isEmpty()) {
                const EventId next = todo.takeLast();
                if (out.contains(next) || !m_events.event(next))
                    continue;
                out.insert(next);
                todo += pdu(next).authEvents();
            }
            m_chains.insert(id, out);
        }
        return m_chains[id];
    }

    bool isPower(const EventId &id) const
    {
        const events::Pdu &e = pdu(id);
        if (!e.isState())
            return false;
        if (e.type() == auth::types::powerLevels || e.type() == auth::types::joinRules)
            return true;
        const QString membership = json::toQString(e.content()["membership"].toString());
        return e.type() == auth::types::member && (membership == auth::memberships::leave || membership == auth::memberships::ban)
               && e.sender().toString() != *e.stateKey();
    }

    const events::Pdu *authEventOfType(const EventId &id, const QString &type) const
    {
        for (const EventId &a : pdu(id).authEvents()) {
            if (const events::Pdu *p = m_events.event(a); p && p->type() == type && p->stateKey() == QString())
                return p;
        }
        return nullptr;
    }

    const events::Pdu *createFor(const EventId &id) const
    {
        if (m_version.roomIdFormat == events::RoomIdFormat::CreateEventHash) {
            auto createId = EventId::parse(QString(QLatin1Char('$') + pdu(id).roomId().opaqueId()));
            return createId ? m_events.event(*createId) : nullptr;
        }
        return authEventOfType(id, auth::types::create);
    }

    auth::PowerLevel senderPower(const EventId &id) const
    {
        return auth::PowerLevels(authEventOfType(id, auth::types::powerLevels), createFor(id), m_version)
            .userLevel(pdu(id).sender().toString());
    }

    // "Iterative auth checks", literally: the state's entries for the keys the rules need,
    // else the event's own auth events that were not rejected.
    QList<QPair<EventId, bool>> iterate(const QList<EventId> &order, StateSet &state) const
    {
        QList<QPair<EventId, bool>> checks;
        for (const EventId &id : order) {
            const events::Pdu &e = pdu(id);
            bool allowed = false;
            if (m_events.rejection(id) != Rejection::AuthEvents) {
                const auth::EventShape shape{e.type(), e.stateKey(), e.sender().toString(), &e.content()};
                QList<StateKey> needed = auth::authEventKeys(shape, m_version);
                needed.append(StateKey{auth::types::create, QString()});
                auth::StateMap view;
                for (const StateKey &key : needed) {
                    if (state.contains(key) && m_events.rejection(state.value(key)) != Rejection::AuthEvents) {
                        view.insert(pdu(state.value(key)));
                        continue;
                    }
                    for (const EventId &a : e.authEvents()) {
                        const events::Pdu *p = m_events.event(a);
                        if (p && p->type() == key.type && p->stateKey() == key.stateKey
                            && m_events.rejection(a) == Rejection::None)
                            view.insert(*p);
                    }
                }
                if (!view.find(auth::types::create, QString()) && createFor(id))
                    view.insert(*createFor(id));
                allowed = auth::checkStateDependent(e, view).allowed();
            }
            if (allowed)
                state.insert(StateKey{e.type(), *e.stateKey()}, id);
            checks.append({id, allowed});
        }
        return checks;
    }

private:
    const events::RoomVersion &m_version;
    const stateres::EventProvider &m_events;
    QHash<EventId, QSet<EventId>> m_chains;
};

QByteArray idBytes(const EventId &id) { return id.toString().toUtf8(); }

} // namespace

ReferenceResolution referenceResolveV2(const events::RoomVersion &version, const QList<StateSet> &sets,
                                       const stateres::EventProvider &events, bool countStateEvents)
{
    const bool v21 = version.stateResolution == events::StateResolutionAlgorithm::V2_1;
    Reference ref(version, events);
    ReferenceResolution out;

    // Unconflicted state map and conflicted state set.
    QSet<StateKey> keys;
    for (const StateSet &set : sets) {
        for (auto it = set.cbegin(); it != set.cend(); ++it)
            keys.insert(it.key());
    }
    for (const StateKey &key : std::as_const(keys)) {
        QSet<EventId> values;
        bool everywhere = true;
        for (const StateSet &set : sets) {
            everywhere = everywhere && set.contains(key);
            if (set.contains(key))
                values.insert(set.value(key));
        }
        if (everywhere && values.size() == 1)
            out.unconflicted.insert(key, *values.begin());
        else
            out.conflicted += values;
    }
    if (out.conflicted.isEmpty()) {
        out.resolved = out.unconflicted;
        return out;
    }

    // Auth difference: the union of the full auth chains less their intersection.
    QList<QSet<EventId>> fullChains;
    for (const StateSet &set : sets) {
        QSet<EventId> full;
        for (const EventId &id : set) {
            full += ref.chain(id);
            if (countStateEvents)
                full.insert(id);
        }
        fullChains.append(full);
    }
    QSet<EventId> all, common = fullChains.first();
    for (const QSet<EventId> &c : std::as_const(fullChains)) {
        all += c;
        common &= c;
    }
    out.authDifference = all - common;

    // Conflicted state subgraph: on a path (of one edge or more) between conflicted events.
    if (v21) {
        QSet<EventId> below; // reachable from a conflicted event
        for (const EventId &c : std::as_const(out.conflicted))
            below += ref.chain(c);
        for (const EventId &n : below + out.conflicted) {
            const bool reached = below.contains(n);
            const bool reachesOne = ref.chain(n).intersects(out.conflicted);
            if ((reached && (out.conflicted.contains(n) || reachesOne)) || (out.conflicted.contains(n) && reachesOne))
                out.conflictedSubgraph.insert(n);
        }
    }
    out.fullConflicted = out.conflicted + out.authDifference + out.conflictedSubgraph;

    // Step 1: power events and their auth chains within the full conflicted set, sorted by
    // Kahn's algorithm taking the smallest ready event each time.
    QSet<EventId> x;
    for (const EventId &id : std::as_const(out.fullConflicted)) {
        if (ref.isPower(id)) {
            x.insert(id);
            x += ref.chain(id) & out.fullConflicted;
        }
    }
    QSet<EventId> placed;
    while (placed.size() < x.size()) {
        std::optional<EventId> best;
        for (const EventId &id : std::as_const(x)) {
            if (placed.contains(id))
                continue;
            bool ready = true;
            for (const EventId &a : ref.pdu(id).authEvents())
                ready = ready && (!x.contains(a) || placed.contains(a));
            if (!ready)
                continue;
            const auto key = [&](const EventId &e) {
                return std::make_tuple(ref.senderPower(e), ref.pdu(e).originServerTs(), idBytes(e));
            };
            if (!best) {
                best = id;
                continue;
            }
            const auto [pa, ta, ia] = key(id);
            const auto [pb, tb, ib] = key(*best);
            if (pa > pb || (pa == pb && (ta < tb || (ta == tb && ia < ib))))
                best = id;
        }
        out.powerEvents.append(*best);
        placed.insert(*best);
    }

    // Step 2.
    out.partial = v21 ? StateSet() : out.unconflicted;
    out.powerChecks = ref.iterate(out.powerEvents, out.partial);

    // Step 3: the mainline of the partial state's power levels, and each other event's place.
    const StateKey plKey{auth::types::powerLevels, QString()};
    for (std::optional<EventId> p = out.partial.contains(plKey) ? std::optional<EventId>(out.partial.value(plKey)) : std::nullopt;
         p; ) {
        out.mainline.append(*p);
        const events::Pdu *next = ref.authEventOfType(*p, auth::types::powerLevels);
        p = next ? std::optional<EventId>(next->eventId()) : std::nullopt;
    }
    for (const EventId &id : std::as_const(out.fullConflicted)) {
        if (x.contains(id))
            continue;
        std::optional<int> position;
        for (const events::Pdu *e = ref.authEventOfType(id, auth::types::powerLevels); e && !position;
             e = ref.authEventOfType(e->eventId(), auth::types::powerLevels)) {
            if (out.mainline.contains(e->eventId()))
                position = int(out.mainline.indexOf(e->eventId()));
        }
        out.otherEvents.append({id, position});
    }
    std::sort(out.otherEvents.begin(), out.otherEvents.end(), [&](const auto &a, const auto &b) {
        const qint64 pa = a.second ? *a.second : std::numeric_limits<qint64>::max();
        const qint64 pb = b.second ? *b.second : std::numeric_limits<qint64>::max();
        if (pa != pb)
            return pa > pb;
        if (ref.pdu(a.first).originServerTs() != ref.pdu(b.first).originServerTs())
            return ref.pdu(a.first).originServerTs() < ref.pdu(b.first).originServerTs();
        return idBytes(a.first) < idBytes(b.first);
    });

    // Step 4, then step 5: the unconflicted state map wins.
    QList<EventId> others;
    for (const auto &entry : std::as_const(out.otherEvents))
        others.append(entry.first);
    out.resolved = out.partial;
    out.otherChecks = ref.iterate(others, out.resolved);
    for (auto it = out.unconflicted.cbegin(); it != out.unconflicted.cend(); ++it)
        out.resolved.insert(it.key(), it.value());
    return out;
}

} // namespace trellis::test
