// The protocol kernel's throughput on realistic signed PDUs (issue "Foundation", Performance):
// parse, canonicalise, content hash, reference hash, full verification of a received PDU, and
// libsodium's raw crypto_sign_verify_detached on the same bytes as the baseline of the same run.
#include "tests/bench/BenchCorpus.h"

#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/events/Redaction.h"
#include "core/json/Base64.h"
#include "core/json/Reader.h"
#include "core/json/Writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <numeric>
#include <vector>

using namespace trellis;

namespace {

std::atomic<std::size_t> g_sink{0}; // keeps the optimiser from dropping measured work

void consume(std::size_t value) { g_sink.fetch_add(value, std::memory_order_relaxed); }

/// Items per second of `pass` (which handles `items` items), as the median of 5 rounds of at
/// least 0.3 s each.
template <typename Pass>
double measure(qsizetype items, Pass &&pass)
{
    std::vector<double> rates;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        qint64 done = 0;
        do {
            pass();
            done += items;
        } while (timer.nsecsElapsed() < 300'000'000);
        rates.push_back(double(done) * 1e9 / double(timer.nsecsElapsed()));
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

/// Rates of two passes measured in alternation (A B A B ..., 9 rounds of at least 0.2 s
/// each), and the median of the per-round ratios A/B: a ratio that holds while the shared
/// machine's speed drifts.
struct Paired
{
    double rateA = 0;
    double rateB = 0;
    double ratio = 0;
};

template <typename PassA, typename PassB>
Paired measurePaired(qsizetype items, PassA &&passA, PassB &&passB)
{
    const auto once = [items](auto &&pass) {
        QElapsedTimer timer;
        timer.start();
        qint64 done = 0;
        do {
            pass();
            done += items;
        } while (timer.nsecsElapsed() < 200'000'000);
        return double(done) * 1e9 / double(timer.nsecsElapsed());
    };
    std::vector<double> as, bs, ratios;
    for (int round = 0; round < 9; ++round) {
        const double a = once(passA);
        const double b = once(passB);
        as.push_back(a);
        bs.push_back(b);
        ratios.push_back(a / b);
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    return {median(as), median(bs), median(ratios)};
}

void printRow(const char *name, double perSecond, const char *note = "")
{
    std::printf("  %-44s %10.0f /s %9.2f µs  %s\n", name, perSecond, 1e6 / perSecond, note);
}

struct RawInput
{
    std::string message; // the redacted event's signing bytes
    QByteArray signature;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (sodium_init() < 0)
        return 1;
    const events::RoomVersion &version = events::RoomVersion::defaultVersion();
    const bench::PduCorpus corpus = bench::PduCorpus::generate(2000, version, 20261128);
    const qsizetype n = corpus.wire.size();

    json::ReadOptions options;
    options.numbers = version.numbers;
    std::vector<json::Object> parsed;
    std::vector<RawInput> raw;
    for (const std::string &bytes : corpus.wire) {
        auto read = json::parseObject(bytes, options);
        if (!read)
            qFatal("bench corpus event does not parse: %s", qPrintable(read.error().message));
        json::Object event = std::move(*read);
        const json::Object redacted = events::redact(event, version);
        const std::string sig = redacted["signatures"].toObject()["example.org"].toObject()["ed25519:bench"].toString();
        raw.push_back({events::referenceHashInput(redacted), *base64::decode(QByteArray::fromStdString(sig))});
        parsed.push_back(std::move(event));
    }
    const QByteArray publicKey = corpus.key.publicKey();
    const auto *pk = reinterpret_cast<const unsigned char *>(publicKey.constData());

    // `bench_kernel --profile-verify` verifies the corpus once and exits: a short, steady
    // workload to run under perf or callgrind.
    if (app.arguments().contains(QStringLiteral("--profile-verify"))) {
        for (const std::string &bytes : corpus.wire) {
            auto check = events::verifyEvent(*json::parseObject(bytes, options), version, corpus.keys);
            consume(std::size_t(check.verdict == events::EventVerdict::Valid));
        }
        return 0;
    }

    std::printf("Trellis kernel bench: %lld PDUs of room version %s, %lld bytes on average "
                "(500-2,000), %d cores\n\n",
                qlonglong(n), qPrintable(version.id), qlonglong(corpus.totalBytes() / n),
                QThread::idealThreadCount());
    std::printf("One core:\n");

    const double parseRate = measure(n, [&] {
        for (const std::string &bytes : corpus.wire)
            consume(json::parseObject(bytes, options)->size());
    });
    printRow("parse (bytes -> JSON value)", parseRate);

    std::string out;
    const double canonicalRate = measure(n, [&] {
        for (const json::Object &event : parsed) {
            out.clear();
            json::writeCanonicalWithout(event, {}, out);
            consume(out.size());
        }
    });
    printRow("canonicalise (JSON value -> canonical bytes)", canonicalRate);

    const double contentRate = measure(n, [&] {
        for (const json::Object &event : parsed)
            consume(events::contentHash(event)[0]);
    });
    printRow("content hash", contentRate);

    const double referenceRate = measure(n, [&] {
        for (const json::Object &event : parsed)
            consume(events::referenceHash(event, version)[0]);
    });
    printRow("reference hash (redact, canonicalise, hash)", referenceRate);

    const auto verifyOne = [&](const std::string &bytes) {
        auto check = events::verifyEvent(*json::parseObject(bytes, options), version, corpus.keys);
        if (check.verdict != events::EventVerdict::Valid)
            qFatal("bench corpus event did not verify: %s", qPrintable(check.detail));
        consume(std::size_t(check.pdu.depth()));
    };
    const auto rawOne = [&](const RawInput &input) {
        const int ok = crypto_sign_verify_detached(
            reinterpret_cast<const unsigned char *>(input.signature.constData()),
            reinterpret_cast<const unsigned char *>(input.message.data()), input.message.size(), pk);
        if (ok != 0)
            qFatal("raw verification failed");
        consume(std::size_t(ok + 1));
    };
    const Paired single = measurePaired(
        n, [&] { for (const std::string &bytes : corpus.wire) verifyOne(bytes); },
        [&] { for (const RawInput &input : raw) rawOne(input); });
    printRow("full verification of a received PDU", single.rateA);
    printRow("raw crypto_sign_verify_detached (baseline)", single.rateB);
    std::printf("\n  full verification / raw verify: %.2f  (median of paired rounds; target >= 0.80: %s)\n",
                single.ratio, single.ratio >= 0.80 ? "met" : "NOT met");

    std::printf("\nBatch verification on the compute pool, 2 threads against 1:\n");
    QThreadPool one, two;
    one.setMaxThreadCount(1);
    two.setMaxThreadCount(2);
    const Paired rawScaling = measurePaired(
        n, [&] { QtConcurrent::blockingMap(&two, raw, rawOne); },
        [&] { QtConcurrent::blockingMap(&one, raw, rawOne); });
    const Paired fullScaling = measurePaired(
        n, [&] { QtConcurrent::blockingMap(&two, corpus.wire, verifyOne); },
        [&] { QtConcurrent::blockingMap(&one, corpus.wire, verifyOne); });
    char note[96];
    std::snprintf(note, sizeof note, "scaling %.2fx (what the machine allows)", rawScaling.ratio);
    printRow("raw verify (baseline), 2 threads", rawScaling.rateA, note);
    std::snprintf(note, sizeof note, "scaling %.2fx (target >= 1.7x: %s)", fullScaling.ratio,
                  fullScaling.ratio >= 1.7 ? "met" : "NOT met");
    printRow("full verification, 2 threads", fullScaling.rateA, note);
    return 0;
}
