// The personal homeserver's figures (issue "The personal homeserver"), each beside a baseline
// measured in the same run on the same server:
//  - sustained local sends through the HTTP API (create, authorise, hash, sign, persist,
//    notify) against GET /versions, the cheapest request: target >= 2,000 events/s;
//  - median latency from a send to its arrival in another device's waiting /sync, against
//    the round trip of GET /versions: target <= 5 ms;
//  - resident memory of the idle headless server: target <= 40 MB;
//  - start-up to serving with 100,000 events in the database, against an empty database:
//    target <= 300 ms.
// Runs `trellis-cli serve` as a separate process on loopback, as users do.
#include "tests/integration/MatrixClient.h"
#include "tests/integration/ServerProcess.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

using namespace trellis;
using namespace trellis::test;

namespace {

constexpr int kInFlight = 6; // as many connections as a browser or Qt opens to one host

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

/// A keep-alive connection of the load generator, with what it has read so far.
struct LoadConnection
{
    QTcpSocket socket;
    QByteArray buffer;
};

/// Takes one whole response off the front of `buffer` (the server always sends
/// Content-Length); its status, or 0 if it has not all arrived yet.
int takeResponse(QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return 0;
    const QByteArray head = buffer.left(headEnd).toLower();
    qint64 length = 0;
    if (const qsizetype at = head.indexOf("\r\ncontent-length:"); at >= 0) {
        const qsizetype valueStart = at + 17;
        const qsizetype lineEnd = head.indexOf("\r\n", valueStart);
        length = head.mid(valueStart, lineEnd < 0 ? -1 : lineEnd - valueStart).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return 0;
    const int status = buffer.mid(9, 3).toInt();
    buffer.remove(0, headEnd + 4 + length);
    return status;
}

/// Runs `count` requests (the whole HTTP/1.1 request bytes `make` returns for each index) over
/// kInFlight keep-alive connections, one request in flight on each; requests per second. A
/// minimal client on purpose: QNetworkAccessManager costs the shared machine several times
/// the server's own CPU time per request, and would measure itself.
double throughput(const QUrl &server, int count, const std::function<QByteArray(int)> &make, int &failures)
{
    std::vector<std::unique_ptr<LoadConnection>> connections;
    QEventLoop loop;
    int started = 0, finished = 0;
    failures = 0;
    for (int i = 0; i < kInFlight; ++i) {
        auto connection = std::make_unique<LoadConnection>();
        connection->socket.connectToHost(server.host(), quint16(server.port()));
        if (!connection->socket.waitForConnected(5000))
            return 0;
        connection->socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        LoadConnection *raw = connection.get();
        QObject::connect(&raw->socket, &QTcpSocket::readyRead, &loop, [&, raw] {
            raw->buffer += raw->socket.readAll();
            while (const int status = takeResponse(raw->buffer)) {
                if (status != 200)
                    ++failures;
                if (++finished == count) {
                    loop.quit();
                    return;
                }
                if (started < count)
                    raw->socket.write(make(started++));
            }
        });
        QObject::connect(&raw->socket, &QTcpSocket::disconnected, &loop, [&] {
            failures += count - finished;
            loop.quit();
        });
        connections.push_back(std::move(connection));
    }
    QElapsedTimer clock;
    clock.start();
    for (auto &connection : connections) {
        if (started < count)
            connection->socket.write(make(started++));
    }
    loop.exec();
    return count / (double(clock.nsecsElapsed()) / 1e9);
}

QByteArray versionsRequest()
{
    return QByteArrayLiteral("GET /_matrix/client/versions HTTP/1.1\r\nHost: bench\r\n\r\n");
}

QByteArray putRequest(const QString &path, const QByteArray &token, const QByteArray &body)
{
    return "PUT " + path.toUtf8() + " HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QNetworkRequest authorised(const QString &url, const QByteArray &token)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

qint64 residentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// The CPU time (user + system) the process has used so far, in seconds (proc(5): stat).
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name may hold spaces: the fields are counted after its closing parenthesis.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

QString roomPath(const QString &room) { return QString::fromLatin1(QUrl::toPercentEncoding(room)); }

struct Latency
{
    double sendToSync = 0;
    double versions = 0;
};

/// Device B waits in /sync; device A sends; the time until B's answer arrives.
Latency syncLatency(ServerProcess &server, MatrixClient &sender, MatrixClient &receiver, const QString &room, int rounds)
{
    std::vector<double> sendToSync, versions;
    QString since = json::toQString(receiver.get(QStringLiteral("/_matrix/client/v3/sync?timeout=0")).json["next_batch"].toString());
    QNetworkAccessManager network;
    for (int i = 0; i < rounds; ++i) {
        QNetworkReply *waiting = network.get(authorised(server.baseUrl() + QStringLiteral("/_matrix/client/v3/sync?timeout=10000&since=") + since, receiver.accessToken()));
        // Let the request reach the server and start waiting.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 3)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *sent = network.put(authorised(server.baseUrl() + QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/lat%2").arg(roomPath(room)).arg(i), sender.accessToken()),
                                          QByteArrayLiteral(R"({"msgtype":"m.text","body":"ping"})"));
        QEventLoop loop;
        QObject::connect(waiting, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        sendToSync.push_back(double(clock.nsecsElapsed()) / 1e6);
        const QByteArray body = waiting->readAll();
        auto parsed = json::parseObject(std::string_view(body.constData(), size_t(body.size())));
        if (parsed)
            since = json::toQString((*parsed)["next_batch"].toString());
        if (!sent->isFinished()) {
            QEventLoop done;
            QObject::connect(sent, &QNetworkReply::finished, &done, &QEventLoop::quit);
            done.exec();
        }
        waiting->deleteLater();
        sent->deleteLater();
        QElapsedTimer roundTrip;
        roundTrip.start();
        receiver.get(QStringLiteral("/_matrix/client/versions"));
        versions.push_back(double(roundTrip.nsecsElapsed()) / 1e6);
    }
    return {median(sendToSync), median(versions)};
}

/// Fills the room with `count` more messages as fast as the API takes them.
double fill(ServerProcess &server, const QByteArray &token, const QString &room, int count, const QString &prefix, int &failures)
{
    return throughput(QUrl(server.baseUrl()), count, [&](int i) {
        return putRequest(QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2%3").arg(roomPath(room), prefix).arg(i),
                          token, QByteArrayLiteral(R"({"msgtype":"m.text","body":"benchmark message"})"));
    }, failures);
}

/// Restarts the server and returns the milliseconds from process start to its first answer.
double startup(ServerProcess &server)
{
    server.stop();
    QElapsedTimer clock;
    clock.start();
    if (!server.start(false))
        return -1;
    MatrixClient probe(server.baseUrl());
    probe.get(QStringLiteral("/_matrix/client/versions"));
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int sends = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;
    const int history = argc > 2 ? QByteArray(argv[2]).toInt() : 100'000;

    ServerProcess server;
    if (!server.start(true)) {
        std::fprintf(stderr, "bench_homeserver: %s\n", qPrintable(server.error()));
        return 1;
    }
    MatrixClient sender(server.baseUrl()), receiver(server.baseUrl());
    if (!sender.login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword))
        || !receiver.login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword))) {
        std::fprintf(stderr, "bench_homeserver: cannot log in\n");
        return 1;
    }
    const QString room = json::toQString(sender.post(QStringLiteral("/_matrix/client/v3/createRoom"), "{}").json["room_id"].toString());

    // Startup with an empty database (baseline), idle memory.
    const double emptyStartup = startup(server);
    QElapsedTimer idle;
    idle.start();
    while (idle.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 idleKb = residentKb(server.processId());

    // The server's own CPU time per request: what one core of any machine bounds the rate at,
    // whatever the bench's client (on the same machine) costs.
    int failures = 0;
    const double cpuBeforeVersions = cpuSeconds(server.processId());
    const double versionsRate = throughput(QUrl(server.baseUrl()), sends, [](int) { return versionsRequest(); }, failures);
    const double cpuBeforeSends = cpuSeconds(server.processId());
    const double sendRate = fill(server, sender.accessToken(), room, sends, QStringLiteral("s"), failures);
    const double cpuAfterSends = cpuSeconds(server.processId());
    const int sendFailures = failures;
    const double versionsCpuUs = (cpuBeforeSends - cpuBeforeVersions) * 1e6 / sends;
    const double sendCpuUs = (cpuAfterSends - cpuBeforeSends) * 1e6 / sends;
    const Latency latency = syncLatency(server, sender, receiver, room, 200);

    // Start-up with a large history.
    int fillFailures = 0;
    fill(server, sender.accessToken(), room, std::max(0, history - sends - 200), QStringLiteral("h"), fillFailures);
    const double fullStartup = startup(server);

    std::printf("Homeserver (trellis-cli serve on loopback, %d requests in flight)\n", kInFlight);
    std::printf("  %-44s %9.0f /s   (GET /versions: %.0f /s, ratio %.2f)%s\n", "local sends through the HTTP API", sendRate,
                versionsRate, sendRate / versionsRate, sendFailures ? "  FAILURES" : "");
    std::printf("  %-44s %9.0f us   (GET /versions: %.0f us, ratio %.1f): one core serves %.0f sends/s\n",
                "server CPU time per send", sendCpuUs, versionsCpuUs, sendCpuUs / versionsCpuUs, 1e6 / sendCpuUs);
    std::printf("  %-44s %9.2f ms   (GET /versions round trip: %.2f ms, ratio %.1f)\n", "send -> waiting /sync, median of 200",
                latency.sendToSync, latency.versions, latency.sendToSync / latency.versions);
    std::printf("  %-44s %9.1f MB\n", "idle RSS", double(idleKb) / 1024.0);
    std::printf("  %-44s %9.0f ms   (empty database: %.0f ms, ratio %.2f)%s\n",
                qPrintable(QStringLiteral("start-up to serving, %1 events").arg(history)), fullStartup, emptyStartup,
                fullStartup / emptyStartup, fillFailures ? "  FAILURES" : "");
    server.stop();
    return sendFailures || fillFailures ? 1 : 0;
}
