#include "core/room/RoomDump.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

namespace trellis::room {

Result<RoomDump> readRoomDump(std::string_view bytes, const events::RoomVersion *version)
{
    // Read leniently first: the room version, and so the number rules, come from the dump.
    json::ReadOptions options;
    options.numbers = json::NumberPolicy::Lenient;
    options.maxBytes = 1024LL * 1024 * 1024;
    auto document = json::parse(bytes, options);
    if (!document)
        return document.error();
    const json::Array *array = document->asArray();
    if (!array)
        return Error::badJson(QStringLiteral("a room dump is a JSON array of events"));

    RoomDump dump;
    dump.version = version;
    if (!dump.version) {
        QString id = QStringLiteral("1");
        for (const json::Value &event : *array) {
            if (event.toObject()["type"].toString() == "m.room.create") {
                if (const std::string *text = event.toObject()["content"].toObject()["room_version"].asString())
                    id = json::toQString(*text);
                break;
            }
        }
        dump.version = events::RoomVersion::find(id);
        if (!dump.version)
            return Error{ErrorCode::UnsupportedRoomVersion,
                         QStringLiteral("the dump's room version '%1' is not one Trellis knows").arg(id), {}};
    }
    // Versions 6 and later enforce canonical JSON numbers: read again by their rules.
    if (dump.version->numbers != json::NumberPolicy::Lenient) {
        options.numbers = dump.version->numbers;
        document = json::parse(bytes, options);
        if (!document)
            return document.error();
        array = document->asArray();
    }
    for (qsizetype i = 0; i < qsizetype(array->size()); ++i) {
        const json::Value &value = (*array)[size_t(i)];
        if (!value.isObject())
            return Error::badJson(QStringLiteral("event %1 of the dump is not an object").arg(i));
        auto pdu = events::Pdu::parse(value.toObject(), *dump.version);
        if (!pdu)
            return pdu.error().prefixed(QStringLiteral("event %1 of the dump").arg(i));
        dump.events.append(std::move(*pdu));
    }
    return dump;
}

json::Array roomDumpToJson(const QList<events::Pdu> &events)
{
    json::Array array;
    array.reserve(size_t(events.size()));
    for (const events::Pdu &event : events)
        array.push_back(event.json());
    return array;
}

} // namespace trellis::room
