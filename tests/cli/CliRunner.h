#pragma once
#include "tests/TestData.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

// Runs the real trellis-cli binary (TRELLIS_CLI, from CMake) for the end-to-end tests.
namespace trellis::test {

/// What one run of trellis-cli did.
struct CliResult
{
    int exitCode = -1;
    bool crashed = false;  ///< ended by a signal (or could not start)
    bool timedOut = false; ///< still running after the timeout, then killed
    QByteArray out;
    QByteArray err;
};

inline constexpr int kCliTimeoutMs = 30000;

/// Runs `trellis-cli arguments...` with `pieces` written to its stdin one after another, with
/// a pause between them so that the CLI sees a pipe that delivers its data in parts; stdin is
/// then closed.
inline CliResult runCliPieces(const QStringList &arguments, const QList<QByteArray> &pieces,
                              const QString &workingDirectory = {})
{
    CliResult result;
    QProcess process;
    process.setProgram(QStringLiteral(TRELLIS_CLI));
    process.setArguments(arguments);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start();
    if (!process.waitForStarted(kCliTimeoutMs)) {
        result.crashed = true;
        result.err = process.errorString().toUtf8();
        return result;
    }
    bool first = true;
    for (const QByteArray &piece : pieces) {
        if (!first)
            QThread::msleep(150);
        first = false;
        process.write(piece);
        while (process.bytesToWrite() > 0 && process.waitForBytesWritten(kCliTimeoutMs)) {
        }
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(kCliTimeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(kCliTimeoutMs);
    }
    result.crashed = result.crashed || process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

/// Runs `trellis-cli arguments...` with `input` on stdin.
inline CliResult runCli(const QStringList &arguments, const QByteArray &input = {},
                        const QString &workingDirectory = {})
{
    return runCliPieces(arguments, {input}, workingDirectory);
}

/// Empty if the run ended normally with `exitCode`; otherwise what went wrong, for QVERIFY2.
inline QString exitProblem(const CliResult &result, int exitCode)
{
    if (result.timedOut)
        return QStringLiteral("trellis-cli timed out");
    if (result.crashed)
        return QStringLiteral("trellis-cli crashed (signal or failed start): ") +
               QString::fromUtf8(result.err);
    if (result.exitCode != exitCode)
        return QStringLiteral("exit status %1, expected %2; stderr: %3")
            .arg(result.exitCode)
            .arg(exitCode)
            .arg(QString::fromUtf8(result.err));
    return {};
}

/// Empty if the run is a usage error as the CLI contract has it: exit status 2, nothing on
/// stdout, exactly one line on stderr starting "trellis-cli:" and containing `needle`
/// (case-insensitive).
inline QString usageErrorProblem(const CliResult &result, const QString &needle)
{
    if (QString problem = exitProblem(result, 2); !problem.isEmpty())
        return problem;
    if (!result.out.isEmpty())
        return QStringLiteral("unexpected stdout: ") + QString::fromUtf8(result.out);
    if (!result.err.startsWith("trellis-cli: ") || !result.err.endsWith('\n') ||
        result.err.count('\n') != 1)
        return QStringLiteral("stderr is not one 'trellis-cli: ' line: ") +
               QString::fromUtf8(result.err);
    if (!QString::fromUtf8(result.err).contains(needle, Qt::CaseInsensitive))
        return QStringLiteral("stderr does not mention '%1': %2")
            .arg(needle, QString::fromUtf8(result.err));
    return {};
}

/// A fixture of tests/data/cli.
inline QString cliData(const QString &relative)
{
    return dataPath(QStringLiteral("cli/") + relative);
}

inline QByteArray readCliData(const QString &relative)
{
    return readData(QStringLiteral("cli/") + relative);
}

/// Writes `bytes` to `name` in `dir`; returns the path.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace trellis::test
