#include "core/auth/AuthEventsSelection.h"

#include "core/auth/EventTypes.h"
#include "core/json/QtStrings.h"

namespace trellis::auth {

QList<StateKey> authEventKeys(const EventShape &event, const events::RoomVersion &version)
{
    QList<StateKey> keys;
    if (event.type == types::create && event.stateKey == QString())
        return keys;
    const auto add = [&](const QString &type, const QString &stateKey) {
        const StateKey key{type, stateKey};
        if (!keys.contains(key))
            keys.append(key);
    };
    if (version.roomIdFormat != events::RoomIdFormat::CreateEventHash)
        add(types::create, QString());
    add(types::powerLevels, QString());
    add(types::member, event.sender);

    if (event.type == types::member && event.stateKey && event.content) {
        const json::Object &content = *event.content;
        add(types::member, *event.stateKey);
        const QString membership = json::toQString(content["membership"].toString());
        if (membership == memberships::join || membership == memberships::invite
            || membership == memberships::knock)
            add(types::joinRules, QString());
        if (membership == memberships::invite) {
            const json::Value &token =
                content["third_party_invite"].toObject()["signed"].toObject()["token"];
            if (const std::string *text = token.asString())
                add(types::thirdPartyInvite, json::toQString(*text));
        }
        if (membership == memberships::join && version.restrictedJoins) {
            if (const std::string *via = content["join_authorised_via_users_server"].asString())
                add(types::member, json::toQString(*via));
        }
    }
    return keys;
}

} // namespace trellis::auth
