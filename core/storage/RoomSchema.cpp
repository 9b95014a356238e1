#include "core/storage/RoomSchema.h"

namespace trellis::storage {

Schema roomSchema()
{
    Schema schema{QStringLiteral("rooms"), {}};
    schema.migrations.append({1, {
        QStringLiteral("CREATE TABLE rooms ("
                       " room_id TEXT PRIMARY KEY NOT NULL, version TEXT NOT NULL, creator TEXT NOT NULL,"
                       " created_ts INTEGER NOT NULL, is_public INTEGER NOT NULL DEFAULT 0,"
                       " current_state_group INTEGER)"),
        // stream_ordering is the order events arrived in: /sync and /messages walk it.
        QStringLiteral("CREATE TABLE events ("
                       " stream_ordering INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " event_id TEXT NOT NULL UNIQUE, room_id TEXT NOT NULL, room_version TEXT NOT NULL,"
                       " type TEXT NOT NULL, state_key TEXT, sender TEXT NOT NULL,"
                       " depth INTEGER NOT NULL, origin_server_ts INTEGER NOT NULL, json BLOB NOT NULL,"
                       " outlier INTEGER NOT NULL DEFAULT 0, rejection INTEGER NOT NULL DEFAULT 0,"
                       " rejected_rule TEXT, rejected_detail TEXT, soft_failed INTEGER NOT NULL DEFAULT 0,"
                       " state_before INTEGER, state_after INTEGER, redacted_by TEXT,"
                       " txn_device TEXT, txn_id TEXT)"),
        QStringLiteral("CREATE INDEX events_room_stream ON events (room_id, stream_ordering)"),
        QStringLiteral("CREATE UNIQUE INDEX events_txn ON events (txn_device, txn_id, room_id) WHERE txn_id IS NOT NULL"),
        QStringLiteral("CREATE TABLE event_edges (event_id TEXT NOT NULL, prev_event_id TEXT NOT NULL,"
                       " PRIMARY KEY (event_id, prev_event_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX event_edges_prev ON event_edges (prev_event_id)"),
        QStringLiteral("CREATE TABLE event_auth (event_id TEXT NOT NULL, auth_event_id TEXT NOT NULL,"
                       " PRIMARY KEY (event_id, auth_event_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE forward_extremities (room_id TEXT NOT NULL, event_id TEXT NOT NULL,"
                       " PRIMARY KEY (room_id, event_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE current_state (room_id TEXT NOT NULL, type TEXT NOT NULL,"
                       " state_key TEXT NOT NULL, event_id TEXT NOT NULL,"
                       " PRIMARY KEY (room_id, type, state_key)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE memberships (room_id TEXT NOT NULL, user_id TEXT NOT NULL,"
                       " membership TEXT NOT NULL, event_id TEXT NOT NULL, stream_ordering INTEGER NOT NULL,"
                       " forgotten INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (room_id, user_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX memberships_user ON memberships (user_id, membership)"),
        QStringLiteral("CREATE TABLE membership_history (stream_ordering INTEGER PRIMARY KEY,"
                       " room_id TEXT NOT NULL, user_id TEXT NOT NULL, membership TEXT NOT NULL, event_id TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX membership_history_user ON membership_history (user_id, stream_ordering)"),
        QStringLiteral("CREATE TABLE room_aliases (alias TEXT PRIMARY KEY NOT NULL, room_id TEXT NOT NULL,"
                       " creator TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX room_aliases_room ON room_aliases (room_id)"),
        // State snapshots with deltas: a group is its prev group's state plus its entries
        // (event_id NULL removes a key); chains are bounded (StateStore::kMaxChain).
        QStringLiteral("CREATE TABLE state_groups (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " room_id TEXT NOT NULL, prev_group INTEGER REFERENCES state_groups (id),"
                       " chain_length INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE state_group_entries (state_group INTEGER NOT NULL, type TEXT NOT NULL,"
                       " state_key TEXT NOT NULL, event_id TEXT,"
                       " PRIMARY KEY (state_group, type, state_key)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE server_keys (server_name TEXT NOT NULL, key_id TEXT NOT NULL,"
                       " verify_key BLOB NOT NULL, valid_until_ts INTEGER NOT NULL, fetched_ts INTEGER NOT NULL,"
                       " PRIMARY KEY (server_name, key_id)) WITHOUT ROWID"),
    }});
    return schema;
}

} // namespace trellis::storage
