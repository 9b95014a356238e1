#pragma once
#include <QList>
#include <QMetaType>
#include <QString>

// What the GUI learns of the owner's rooms (ARCHITECTURE "core/api"): immutable values,
// made on the core thread and handed over through queued signals.
namespace trellis::api {

/// One room of the owner's, as the rooms list shows it.
struct RoomListEntry
{
    QString roomId;
    QString name;            ///< m.room.name, empty if none
    QString topic;
    QString canonicalAlias;
    QString joinRule;        ///< m.room.join_rules: "public", "invite", "knock", …
    QByteArray powerLevels;  ///< m.room.power_levels content (JSON), empty if none
    QString version;         ///< the room version, "1" … "12"
    QString membership;      ///< the owner's: "join" or "invite"
    int joinedMembers = 0;
    bool local = true;       ///< created on this server (all rooms until federation)
    int unread = 0;          ///< messages from others after the owner's read receipt
};

/// A room the owner asks for (the desktop's New Room dialog).
struct NewRoom
{
    QString name;    ///< empty: no m.room.name
    QString version; ///< empty: the server's default
    bool isPublic = false; ///< preset public_chat, else private_chat
};

} // namespace trellis::api

Q_DECLARE_METATYPE(trellis::api::RoomListEntry)
