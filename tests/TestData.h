#pragma once
#include "core/json/Reader.h"
#include "core/json/Value.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>

// Fixture access for the tests: files under tests/data (TRELLIS_TEST_DATA).
namespace trellis::test {

inline QString dataPath(const QString &relative)
{
    const QByteArray fromEnv = qgetenv("TRELLIS_TEST_DATA");
    const QString root = fromEnv.isEmpty() ? QStringLiteral(TRELLIS_TEST_DATA) : QString::fromLocal8Bit(fromEnv);
    return QDir(root).filePath(relative);
}

inline QByteArray readData(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// Parses a fixture (or any test bytes) as JSON; fails the process on error, since a broken
/// fixture is a broken test.
inline json::Value parseJson(const QByteArray &bytes,
                             json::NumberPolicy numbers = json::NumberPolicy::Lenient)
{
    json::ReadOptions options;
    options.numbers = numbers;
    auto value = json::parse(std::string_view(bytes.constData(), size_t(bytes.size())), options);
    if (!value)
        qFatal("bad JSON in test data: %s", qPrintable(value.error().message));
    return std::move(*value);
}

inline json::Value readJson(const QString &relative) { return parseJson(readData(relative)); }

} // namespace trellis::test
