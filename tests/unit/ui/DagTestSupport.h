#pragma once
// What the explorer's tests share: writing a dump to a file, and opening one as the explorer
// does (RoomDumpDocument, off the GUI thread) and waiting for it.
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

} // namespace trellis::test
