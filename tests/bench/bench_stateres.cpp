// Room rules throughput (issue "Room rules", Performance): authorisation checks per second,
// and state resolution of (a) two forks of a 10,000-member room with 500 conflicted entries,
// (b) ten forks of a room with 100,000 state events and 2,000 conflicted entries — on one core.
#include "tests/bench/BenchRooms.h"

#include "core/auth/AuthRules.h"
#include "core/stateres/Resolver.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace trellis;

namespace {

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Median wall time of `runs` resolutions, in milliseconds.
double resolveMs(const bench::ForkedRoom &room, int runs, stateres::StateSet &result)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto resolved = stateres::resolve(*room.version, room.forkStates, room.events);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!resolved)
            qFatal("resolution failed: %s", qPrintable(resolved.error().message));
        result = *resolved;
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void scenario(const char *label, const events::RoomVersion &version, int members, int forks,
              int changes, double targetMs)
{
    QElapsedTimer build;
    build.start();
    const bench::ForkedRoom room = bench::makeForkedRoom(version, members, forks, changes);
    const double buildMs = double(build.nsecsElapsed()) / 1e6;
    stateres::StateSet resolved;
    const double ms = resolveMs(room, 5, resolved);
    std::printf("  %s, room version %s: %lld events, %d forks, %lld conflicted entries\n", label,
                qPrintable(version.id), qlonglong(room.eventCount), forks, qlonglong(room.conflictedKeys));
    std::printf("      resolve: %8.1f ms (median of 5; target < %.0f ms: %s)   [room built in %.0f ms; "
                "resolved state has %lld entries; peak RSS %ld MiB]\n",
                ms, targetMs, ms < targetMs ? "met" : "NOT met", buildMs, qlonglong(resolved.size()),
                peakRssMiB());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const events::RoomVersion &v10 = *events::RoomVersion::find(QStringLiteral("10"));
    const events::RoomVersion &v12 = events::RoomVersion::defaultVersion();

    // `bench_stateres --profile-b` builds scenario (b) and resolves it once: a steady workload
    // for perf or callgrind.
    if (app.arguments().contains(QStringLiteral("--profile-b"))) {
        const bench::ForkedRoom room = bench::makeForkedRoom(v10, 100'000, 10, 200);
        stateres::StateSet resolved;
        std::printf("%.1f ms\n", resolveMs(room, 1, resolved));
        return 0;
    }

    // Authorisation checks: a member join against its auth events.
    const bench::ForkedRoom small = bench::makeForkedRoom(v10, 200, 1, 50);
    QList<events::Pdu> joins;
    for (const EventId &id : small.forkStates.first()) {
        const events::Pdu *pdu = small.events.event(id);
        if (pdu->type() == QStringLiteral("m.room.member"))
            joins.append(*pdu);
    }
    qint64 checks = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.nsecsElapsed() < 1'000'000'000) {
        for (const events::Pdu &join : std::as_const(joins)) {
            QList<auth::AuthEvent> authEvents;
            for (const EventId &id : join.authEvents())
                authEvents.append({*small.events.event(id), false});
            if (!auth::checkAgainstAuthEvents(join, authEvents).allowed())
                qFatal("bench event rejected");
            ++checks;
        }
    }
    std::printf("Trellis room rules bench (one core)\n\n");
    std::printf("  authorisation checks (a join against its auth events): %.0f /s\n\n",
                double(checks) * 1e9 / double(timer.nsecsElapsed()));

    std::printf("State resolution:\n");
    scenario("(a) two forks of a 10,000-member room", v10, 10'000, 2, 250, 50);
    scenario("(a) two forks of a 10,000-member room", v12, 10'000, 2, 250, 50);
    scenario("(b) ten forks, 100,000 state events", v10, 100'000, 10, 200, 1000);
    scenario("(b) ten forks, 100,000 state events", v12, 100'000, 10, 200, 1000);
    return 0;
}
