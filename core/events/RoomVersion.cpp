#include "core/events/RoomVersion.h"

#include <limits>

namespace trellis::events {
namespace {

RoomVersion makeVersion(int number)
{
    RoomVersion v;
    v.id = QString::number(number);
    v.number = number;
    v.eventIdFormat = number <= 2   ? EventIdFormat::Field
                      : number == 3 ? EventIdFormat::ReferenceHash
                                    : EventIdFormat::ReferenceHashUrlSafe;
    v.roomIdFormat = number >= 12 ? RoomIdFormat::CreateEventHash : RoomIdFormat::WithDomain;
    v.redaction = number <= 5    ? RedactionRules::V1
                  : number <= 7  ? RedactionRules::V6
                  : number == 8  ? RedactionRules::V8
                  : number <= 10 ? RedactionRules::V9
                                 : RedactionRules::V11;
    v.stateResolution = number == 1    ? StateResolutionAlgorithm::V1
                        : number <= 11 ? StateResolutionAlgorithm::V2
                                       : StateResolutionAlgorithm::V2_1;
    v.numbers = number <= 5 ? json::NumberPolicy::Lenient : json::NumberPolicy::Strict;
    v.enforceKeyValidity = number >= 5;
    v.referencesWithHashes = number <= 2;
    v.redactsInContent = number >= 11;
    v.restrictedJoins = number >= 8;
    v.maxDepth = number <= 5 ? std::numeric_limits<qint64>::max() : json::kMaxCanonicalInteger;
    v.creatorInContent = number <= 10;
    v.additionalCreators = number >= 12;
    v.aliasesAuthRule = number <= 5;
    v.redactionAuthRule = number <= 2;
    v.knocking = number >= 7;
    v.knockRestricted = number >= 10;
    v.integerPowerLevels = number >= 10;
    v.stringPowerLevels = number <= 9;
    v.floatPowerLevels = number <= 5;
    v.notificationPowerLevels = number >= 6;
    return v;
}

const QList<RoomVersion> &table()
{
    static const QList<RoomVersion> versions = [] {
        QList<RoomVersion> list;
        for (int number = 1; number <= 12; ++number)
            list.append(makeVersion(number));
        return list;
    }();
    return versions;
}

} // namespace

const RoomVersion *RoomVersion::find(QStringView id)
{
    for (const RoomVersion &version : table()) {
        if (version.id == id)
            return &version;
    }
    return nullptr;
}

const RoomVersion &RoomVersion::defaultVersion() { return table().last(); }

const QList<const RoomVersion *> &RoomVersion::all()
{
    static const QList<const RoomVersion *> pointers = [] {
        QList<const RoomVersion *> list;
        for (const RoomVersion &version : table())
            list.append(&version);
        return list;
    }();
    return pointers;
}

} // namespace trellis::events
