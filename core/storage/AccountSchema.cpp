#include "core/storage/AccountSchema.h"

namespace trellis::storage {

Schema accountSchema()
{
    Migration v1{1,
                 {
                     // The server has exactly one local account: the CHECK makes a second
                     // row impossible whatever the code above does.
                     QStringLiteral("CREATE TABLE account ("
                                    " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                    " user_id TEXT NOT NULL,"
                                    " password_hash BLOB NOT NULL,"
                                    " created_ts INTEGER NOT NULL,"
                                    " displayname TEXT,"
                                    " avatar_url TEXT)"),
                     QStringLiteral("CREATE TABLE devices ("
                                    " device_id TEXT PRIMARY KEY,"
                                    " display_name TEXT,"
                                    " created_ts INTEGER NOT NULL,"
                                    " last_seen_ts INTEGER,"
                                    " last_seen_ip TEXT)"),
                     // Only SHA-256 digests: a copied database file gives no session away.
                     QStringLiteral("CREATE TABLE access_tokens ("
                                    " token_hash BLOB PRIMARY KEY,"
                                    " device_id TEXT NOT NULL"
                                    "  REFERENCES devices(device_id) ON DELETE CASCADE,"
                                    " created_ts INTEGER NOT NULL)"),
                     QStringLiteral("CREATE INDEX access_tokens_by_device"
                                    " ON access_tokens(device_id)"),
                     // digest: clients upload the same filter at every start; reuse its id.
                     QStringLiteral("CREATE TABLE filters ("
                                    " filter_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                    " digest BLOB NOT NULL UNIQUE,"
                                    " json BLOB NOT NULL)"),
                     // Latest change per user (local owner and remote users alike).
                     QStringLiteral("CREATE TABLE device_list_changes ("
                                    " user_id TEXT PRIMARY KEY,"
                                    " stream_pos INTEGER NOT NULL)"),
                     QStringLiteral("CREATE INDEX device_list_changes_by_pos"
                                    " ON device_list_changes(stream_pos)"),
                     QStringLiteral("CREATE TABLE account_streams ("
                                    " stream TEXT PRIMARY KEY,"
                                    " position INTEGER NOT NULL)"),
                 }};
    return Schema{QStringLiteral("accounts"), {v1}};
}

} // namespace trellis::storage
