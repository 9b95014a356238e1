#pragma once
#include <QMetaType>
#include <QString>
#include <QtGlobal>

// The cross-thread contract (ARCHITECTURE "core/api"): one line the process logged, as the
// dashboard's log view shows it.
namespace trellis::api {

/// How serious a line is; ordered, so that "at least Info" is a comparison.
enum class LogLevel : quint8 {
    Debug,
    Info,
    Warning,
    Critical, ///< also Qt's fatal messages, which end the process right after
};

/// One message of the Qt logging framework (qCInfo(lcServer) and friends).
struct LogEntry
{
    qint64 atMs = 0; ///< when it was logged (ms since the epoch), not when the GUI saw it
    LogLevel level = LogLevel::Info;
    QString category; ///< "trellis.server"; "default" for plain qWarning()
    QString message;
};

/// The level of a Qt message type.
constexpr LogLevel logLevelOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return LogLevel::Debug;
    case QtInfoMsg:
        return LogLevel::Info;
    case QtWarningMsg:
        return LogLevel::Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return LogLevel::Critical;
    }
    return LogLevel::Critical; // an unknown future type: rather shown than hidden
}

} // namespace trellis::api

Q_DECLARE_METATYPE(trellis::api::LogEntry)
