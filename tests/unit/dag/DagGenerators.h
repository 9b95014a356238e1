#pragma once
#include "core/dag/DagNodeInput.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <algorithm>

// Generated event DAGs for the layout's tests and benchmark. Event IDs look like room
// version 1 IDs ($eN:sK.example) so that the benchmark can write them as room dumps.
namespace trellis::test::dag {

using trellis::dag::DagNodeInput;

inline QString eventName(int i, int server = 0)
{
    return QStringLiteral("$e%1:s%2.example").arg(i).arg(server);
}

/// An event citing `prevs`, one deeper than the deepest of them.
inline DagNodeInput makeEvent(const QList<DagNodeInput> &so_far, int index, const QList<int> &prevs,
                              qint64 ts, int server = 0)
{
    DagNodeInput event;
    event.id = eventName(index, server);
    event.sender = QStringLiteral("@u%1:s%2.example").arg(index % 7).arg(server);
    event.type =
        index % 5 == 0 ? QStringLiteral("m.room.member") : QStringLiteral("m.room.message");
    if (index % 5 == 0)
        event.stateKey = event.sender;
    qint64 depth = 0;
    for (int prev : prevs) {
        event.prevIds.append(so_far[prev].id);
        depth = std::max(depth, so_far[prev].depth);
    }
    if (index > 0)
        event.authIds.append(so_far[0].id);
    event.depth = depth + 1;
    event.ts = ts;
    return event;
}

/// A single chain of `n` events.
inline QList<DagNodeInput> linearChain(int n)
{
    QList<DagNodeInput> events;
    for (int i = 0; i < n; ++i)
        events.append(makeEvent(events, i, i == 0 ? QList<int>{} : QList<int>{i - 1}, 1000 + i));
    return events;
}

/// Events with at most `width` forward extremities at any time: each new event cites 1-3 of
/// the current tips (a merge) and replaces them, or forks from a tip when there is room.
/// Timestamps are noisy and often equal, so every tie-break gets exercised.
inline QList<DagNodeInput> boundedRandomDag(int n, int width, quint32 seed, int maxPrevs = 3)
{
    QRandomGenerator random(seed);
    QList<DagNodeInput> events;
    QList<int> tips;
    for (int i = 0; i < n; ++i) {
        QList<int> prevs;
        if (!tips.isEmpty()) {
            const int wanted = 1 + int(random.bounded(std::min<qsizetype>(maxPrevs, tips.size())));
            while (prevs.size() < wanted) {
                const int tip = tips[random.bounded(int(tips.size()))];
                if (!prevs.contains(tip))
                    prevs.append(tip);
            }
        }
        const bool fork = tips.size() < width && random.bounded(3) == 0;
        for (int prev : prevs) {
            if (!fork || prevs.size() > 1)
                tips.removeOne(prev);
        }
        events.append(
            makeEvent(events, i, prevs, 1000 + i / 2 + random.bounded(4), int(random.bounded(3))));
        tips.append(i);
    }
    return events;
}

/// `branches` forks of `length` events from a root, merged by one event citing every tip:
/// with 20 branches the widest merge a PDU may make.
inline QList<DagNodeInput> wideMerge(int branches, int length)
{
    QList<DagNodeInput> events;
    events.append(makeEvent(events, 0, {}, 1000));
    QList<int> tips;
    for (int b = 0; b < branches; ++b) {
        int previous = 0;
        for (int k = 0; k < length; ++k) {
            events.append(makeEvent(events, int(events.size()), {previous}, 2000 + k, b));
            previous = int(events.size()) - 1;
        }
        tips.append(previous);
    }
    events.append(makeEvent(events, int(events.size()), tips, 9000));
    return events;
}

/// Repeated rounds of `forks` branches of varied lengths merging back into one event.
inline QList<DagNodeInput> forksAndMerges(int rounds, int forks)
{
    QList<DagNodeInput> events;
    events.append(makeEvent(events, 0, {}, 1000));
    int base = 0;
    for (int round = 0; round < rounds; ++round) {
        QList<int> tips;
        for (int f = 0; f < forks; ++f) {
            int previous = base;
            for (int k = 0; k <= (f * 7 + round) % 4; ++k) {
                events.append(
                    makeEvent(events, int(events.size()), {previous}, 2000 + round * 10 + k, f));
                previous = int(events.size()) - 1;
            }
            tips.append(previous);
        }
        events.append(makeEvent(events, int(events.size()), tips, 2000 + round * 10 + 9));
        base = int(events.size()) - 1;
    }
    return events;
}

/// `events` without every `stride`-th one after the first: their children cite missing events.
inline QList<DagNodeInput> withGaps(const QList<DagNodeInput> &events, int stride)
{
    QList<DagNodeInput> kept;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (i == 0 || i % stride != 0)
            kept.append(events[i]);
    }
    return kept;
}

} // namespace trellis::test::dag
