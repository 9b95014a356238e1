#include "tests/bench/BenchCorpus.h"

#include "core/events/EventSigning.h"
#include "core/json/Writer.h"

#include <QRandomGenerator>

namespace trellis::bench {
namespace {

constexpr const char *kWords[] = {"the", "room", "state", "resolution", "federation", "event",
                                  "graph", "server", "signature", "matrix", "hello", "über",
                                  "日本語", "power", "levels", "join", "😀", "merge", "fork"};

std::string words(QRandomGenerator &random, int bytes)
{
    std::string text;
    while (int(text.size()) < bytes) {
        if (!text.empty())
            text.push_back(' ');
        text += kWords[random.bounded(int(std::size(kWords)))];
    }
    return text;
}

std::string eventIdLike(QRandomGenerator &random)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string id = "$";
    for (int i = 0; i < 43; ++i)
        id.push_back(kAlphabet[random.bounded(64)]);
    return id;
}

json::Object makeEvent(QRandomGenerator &random, int index)
{
    const std::string sender = "@user" + std::to_string(random.bounded(500)) + ":example.org";
    json::Object event;
    event.insert("room_id", "!Nhcu5BS-UMnFX7hBVfVSoXiD7OgH6iRT-xyIuqDnpYQ");
    event.insert("sender", sender);
    event.insert("origin_server_ts", qint64(1700000000000) + index * 997);
    event.insert("depth", qint64(100 + index));
    json::Array prev, auth;
    const int prevCount = 1 + (random.bounded(10) == 0 ? 1 : 0);
    for (int i = 0; i < prevCount; ++i)
        prev.push_back(eventIdLike(random));
    for (int i = 0; i < 3; ++i)
        auth.push_back(eventIdLike(random));
    event.insert("prev_events", std::move(prev));
    event.insert("auth_events", std::move(auth));

    json::Object content;
    const int kind = random.bounded(10);
    if (kind < 7) { // messages, with formatted bodies and relations
        const std::string body = words(random, 250 + random.bounded(900));
        event.insert("type", "m.room.message");
        content.insert("msgtype", "m.text");
        content.insert("body", body);
        content.insert("format", "org.matrix.custom.html");
        // Cut at a space, never inside a multi-byte character.
        const std::string half = body.substr(0, body.find(' ', body.size() / 2));
        content.insert("formatted_body", "<p>" + half + "</p>");
        if (random.bounded(3) == 0) {
            json::Object inReplyTo, relates;
            inReplyTo.insert("event_id", eventIdLike(random));
            relates.insert("m.in_reply_to", std::move(inReplyTo));
            content.insert("m.relates_to", std::move(relates));
        }
    } else if (kind < 9) { // membership
        event.insert("type", "m.room.member");
        event.insert("state_key", sender);
        content.insert("membership", random.bounded(4) == 0 ? "leave" : "join");
        content.insert("displayname", words(random, 10 + random.bounded(30)));
        content.insert("avatar_url", "mxc://example.org/" + eventIdLike(random).substr(1));
    } else { // other state
        event.insert("type", "m.room.topic");
        event.insert("state_key", "");
        content.insert("topic", words(random, 300 + random.bounded(1200)));
    }
    event.insert("content", std::move(content));
    json::Object unsignedData;
    unsignedData.insert("age", qint64(random.bounded(100000)));
    event.insert("unsigned", std::move(unsignedData));
    return event;
}

} // namespace

PduCorpus PduCorpus::generate(int count, const events::RoomVersion &version, quint32 seed)
{
    PduCorpus corpus;
    corpus.version = &version;
    corpus.key = *crypto::SigningKey::fromSeed(QByteArray(32, '\x07'), QStringLiteral("bench"));
    corpus.keys.add(QStringLiteral("example.org"), corpus.key.verifyKey());
    QRandomGenerator random(seed);
    for (int i = 0; corpus.wire.size() < count; ++i) {
        json::Object event = makeEvent(random, i);
        events::hashAndSignEvent(event, version, QStringLiteral("example.org"), corpus.key);
        std::string bytes = json::toCanonical(event);
        if (bytes.size() < 500 || bytes.size() > 2000)
            continue; // keep to the size band the issue names
        corpus.wire.append(std::move(bytes));
    }
    return corpus;
}

qsizetype PduCorpus::totalBytes() const
{
    qsizetype total = 0;
    for (const std::string &bytes : wire)
        total += qsizetype(bytes.size());
    return total;
}

} // namespace trellis::bench
