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
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace trellis;
using namespace trellis::test;

namespace {

constexpr int kInFlight = 6; // Qt opens up to six connections per host

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

/// Runs `count` requests made by `make`, `kInFlight` at a time; requests per second.
double throughput(int count, const std::function<QNetworkReply *(QNetworkAccessManager &, int)> &make, int &failures)
{
    QNetworkAccessManager network;
    QEventLoop loop;
    int started = 0, finished = 0;
    failures = 0;
    std::function<void()> next = [&] {
        if (started == count)
            return;
        QNetworkReply *reply = make(network, started++);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
            reply->deleteLater();
            if (++finished == count)
                loop.quit();
            else
                next();
        });
    };
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kInFlight; ++i)
        next();
    loop.exec();
    return count / (double(clock.nsecsElapsed()) / 1e9);
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
    return throughput(count, [&](QNetworkAccessManager &network, int i) {
        return network.put(authorised(server.baseUrl() + QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2%3").arg(roomPath(room), prefix).arg(i), token),
                           QByteArrayLiteral(R"({"msgtype":"m.text","body":"benchmark message"})"));
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

    int failures = 0;
    const double versionsRate = throughput(sends, [&](QNetworkAccessManager &network, int) {
        return network.get(QNetworkRequest(QUrl(server.baseUrl() + QStringLiteral("/_matrix/client/versions"))));
    }, failures);
    const double sendRate = fill(server, sender.accessToken(), room, sends, QStringLiteral("s"), failures);
    const int sendFailures = failures;
    const Latency latency = syncLatency(server, sender, receiver, room, 200);

    // Start-up with a large history.
    int fillFailures = 0;
    fill(server, sender.accessToken(), room, std::max(0, history - sends - 200), QStringLiteral("h"), fillFailures);
    const double fullStartup = startup(server);

    std::printf("Homeserver (trellis-cli serve on loopback, %d requests in flight)\n", kInFlight);
    std::printf("  %-44s %9.0f /s   (GET /versions: %.0f /s, ratio %.2f)%s\n", "local sends through the HTTP API", sendRate,
                versionsRate, sendRate / versionsRate, sendFailures ? "  FAILURES" : "");
    std::printf("  %-44s %9.2f ms   (GET /versions round trip: %.2f ms, ratio %.1f)\n", "send -> waiting /sync, median of 200",
                latency.sendToSync, latency.versions, latency.sendToSync / latency.versions);
    std::printf("  %-44s %9.1f MB\n", "idle RSS", double(idleKb) / 1024.0);
    std::printf("  %-44s %9.0f ms   (empty database: %.0f ms, ratio %.2f)%s\n",
                qPrintable(QStringLiteral("start-up to serving, %1 events").arg(history)), fullStartup, emptyStartup,
                fullStartup / emptyStartup, fillFailures ? "  FAILURES" : "");
    server.stop();
    return sendFailures || fillFailures ? 1 : 0;
}
