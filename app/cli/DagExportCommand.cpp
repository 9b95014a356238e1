#include "app/cli/DagExportCommand.h"

#include "app/cli/CliSupport.h"
#include "core/server/ServerConfig.h"
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QDir>
#include <QFile>

namespace trellis::cli {

namespace {
const QString kDataDir = QStringLiteral("data-dir");
}

int dagExportCommand(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("dag export"),
                   QStringLiteral("Write a room of the homeserver's database as a room dump (a JSON "
                                  "array of PDUs, oldest first), the format 'dag layout', 'state-at' "
                                  "and the explorer read. The server may be running."));
    cl.addOption({kDataDir, QStringLiteral("The server's data directory (default: %1).")
                                .arg(server::ServerConfig::defaultDataDirectory()),
                  QStringLiteral("DIR")});
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("ROOM_ID"), QStringLiteral("The room, e.g. !abc:example.org."),
                     QStringLiteral("ROOM_ID"));
    if (auto stop = cl.parse(arguments, 1, 1))
        return *stop;
    auto room = RoomId::parse(cl.positional().first());
    if (!room)
        return usageError(QStringLiteral("dag export: %1").arg(room.error().message));
    const QString dataDir = cl.isSet(kDataDir) ? cl.value(kDataDir) : server::ServerConfig::defaultDataDirectory();
    const QString path = server::ServerConfig::defaults(QDir(dataDir).absolutePath()).databasePath();
    if (!QFile::exists(path))
        return usageError(QStringLiteral("dag export: no database in %1").arg(dataDir));
    auto db = storage::Database::open(path);
    if (!db)
        return inputError(db.error());
    auto events = storage::EventStore::open(**db);
    auto rooms = storage::RoomStore::open(**db);
    if (!events)
        return inputError(events.error());
    if (!rooms)
        return inputError(rooms.error());
    auto record = (*rooms)->room(*room);
    if (!record)
        return inputError(record.error());
    if (!*record)
        return usageError(QStringLiteral("dag export: the server has no room %1").arg(room->toString()));
    auto dump = (*events)->roomDump(*room);
    if (!dump)
        return inputError(dump.error());
    writeJson(json::Value(std::move(*dump)), cl.pretty());
    return Success;
}

} // namespace trellis::cli
