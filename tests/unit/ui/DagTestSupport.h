#pragma once
// What the explorer's tests share: writing a dump to a file, and opening one as the explorer
// does (RoomDumpDocument, off the GUI thread) and waiting for it.
#include "tests/TestData.h"

#include "core/json/Writer.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomScript.h"
#include "ui/dag/RoomDumpDocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace trellis::test {

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// The dump's first snapshot (laid out, not yet replayed), or null if it did not load.
inline ui::dag::DagSnapshotPtr loadSnapshot(const QString &path)
{
    ui::dag::RoomDumpDocument document(ui::dag::RoomDumpDocument::Options{false, 0});
    QSignalSpy loaded(&document, &ui::dag::RoomDumpDocument::loaded);
    document.open(path);
    if (!loaded.wait(20000))
        return nullptr;
    return document.snapshot();
}

/// The explorer tests' sample room (tests/data/cli/room/ban_races_topic.json: bob bans carol
/// while she sets the topic; her late message is rejected), built and written as a dump to
/// `path`. QVERIFY fails the calling test when it cannot be built.
inline void writeSampleRoom(const QString &path, room::BuiltRoom &room)
{
    const json::Value script = readJson(QStringLiteral("cli/room/ban_races_topic.json"));
    auto built = room::buildRoom(script.toObject());
    QVERIFY2(bool(built), built ? "" : qPrintable(built.error().message));
    room = std::move(*built);
    writeFile(path, json::toCanonicalBytes(json::Value(room::roomDumpToJson(room.events))));
}

} // namespace trellis::test
