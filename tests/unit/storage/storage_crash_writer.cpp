// Helper of tst_storage_crash: persists the events of one room, one transaction each, printing
// each event ID once persist() returned, until it is killed. The room is the same on every
// run (a seeded key and fixed timestamps make the same events), so a restarted writer skips
// what an earlier run stored and continues the room from where that run was killed.
// Usage: storage_crash_writer <database> [max events]
#include "core/crypto/SigningKey.h"
#include "core/room/RoomBuilder.h"
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace trellis;

namespace {

room::RoomBuilder::Event makeEvent(const QString &type, std::optional<QString> key, const char *content)
{
    room::RoomBuilder::Event e;
    e.type = type;
    e.sender = QStringLiteral("@a:x.test");
    e.stateKey = std::move(key);
    e.content = *json::parseObject(content);
    return e;
}

/// Event `n` of the room: the usual set-up, then messages and display name changes, and
/// every 17th step a fork of two state events that the next event merges.
QList<room::RoomBuilder::Event> step(int n, const QList<events::Pdu> &built)
{
    const QString a = QStringLiteral("@a:x.test");
    switch (n) {
    case 0: return {makeEvent(QStringLiteral("m.room.create"), QString(), R"({"room_version":"12"})")};
    case 1: return {makeEvent(QStringLiteral("m.room.member"), a, R"({"membership":"join"})")};
    case 2: return {makeEvent(QStringLiteral("m.room.power_levels"), QString(), R"({"users":{}})")};
    case 3: return {makeEvent(QStringLiteral("m.room.join_rules"), QString(), R"({"join_rule":"public"})")};
    default: break;
    }
    if (n % 17 == 0) {
        const QList<EventId> base{built.last().eventId()};
        auto left = makeEvent(QStringLiteral("m.room.name"), QString(), R"({"name":"left"})");
        left.prev = base;
        auto right = makeEvent(QStringLiteral("m.room.topic"), QString(), R"({"topic":"right"})");
        right.prev = base;
        return {left, right};
    }
    if (n % 17 == 1) {
        auto merge = makeEvent(QStringLiteral("m.room.message"), std::nullopt, R"({"body":"merge"})");
        merge.prev = QList<EventId>{built[built.size() - 2].eventId(), built.last().eventId()};
        return {merge};
    }
    if (n % 5 == 0)
        return {makeEvent(QStringLiteral("m.room.member"), a,
                          n % 10 ? R"({"membership":"join","displayname":"x"})" : R"({"membership":"join","displayname":"y"})")};
    return {makeEvent(QStringLiteral("m.room.message"), std::nullopt, R"({"body":"hello"})")};
}

int fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error.internalDetail));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const int maxEvents = args.size() > 2 ? args[2].toInt() : 100000;
    auto db = storage::Database::open(args[1]);
    if (!db)
        return fail("open", db.error());
    auto events = storage::EventStore::open(**db);
    auto rooms = storage::RoomStore::open(**db);
    if (!events || !rooms)
        return fail("stores", events ? rooms.error() : events.error());
    auto key = crypto::SigningKey::fromSeed(QByteArray(32, 's'), QStringLiteral("k1"));
    if (!key)
        return fail("key", key.error());
    room::RoomBuilder builder(events::RoomVersion::defaultVersion(), &*key);
    for (int n = 0; builder.events().size() < maxEvents; ++n) {
        for (const auto &spec : step(n, builder.events())) {
            auto pdu = builder.add(spec);
            if (!pdu)
                return fail("build", pdu.error());
            auto known = (*events)->event(pdu->eventId());
            if (!known)
                return fail("read", known.error());
            if (*known)
                continue; // an earlier run stored it
            if (n == 0) {
                auto made = (*rooms)->createRoom(pdu->roomId(), QStringLiteral("12"), pdu->sender(), 1);
                if (!made && made.error().code != ErrorCode::RoomInUse)
                    return fail("room", made.error());
            }
            storage::NewEvent stored;
            stored.pdu = *pdu;
            stored.stateBefore = *builder.stateBefore(pdu->prevEvents());
            if (auto persisted = (*events)->persist(stored); !persisted)
                return fail("persist", persisted.error());
            std::printf("%s\n", qPrintable(pdu->eventId().toString()));
            std::fflush(stdout);
        }
    }
    return 0;
}
