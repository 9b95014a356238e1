#include "core/storage/ClientDataSchema.h"

namespace trellis::storage {
namespace {

QStringList streamTables()
{
    return {
        QStringLiteral("CREATE TABLE clientdata_streams ("
                       " stream TEXT PRIMARY KEY, position INTEGER NOT NULL)"),
        // room_id '' holds global account data.
        QStringLiteral("CREATE TABLE account_data ("
                       " room_id TEXT NOT NULL, type TEXT NOT NULL, content BLOB NOT NULL,"
                       " stream_pos INTEGER NOT NULL, PRIMARY KEY (room_id, type))"),
        QStringLiteral("CREATE INDEX account_data_by_pos ON account_data(stream_pos)"),
        // thread_id '' is an unthreaded receipt.
        QStringLiteral("CREATE TABLE receipts ("
                       " room_id TEXT NOT NULL, receipt_type TEXT NOT NULL,"
                       " user_id TEXT NOT NULL, thread_id TEXT NOT NULL,"
                       " event_id TEXT NOT NULL, ts INTEGER NOT NULL,"
                       " stream_pos INTEGER NOT NULL,"
                       " PRIMARY KEY (room_id, receipt_type, user_id, thread_id))"),
        QStringLiteral("CREATE INDEX receipts_by_pos ON receipts(stream_pos)"),
    };
}

QStringList keyTables()
{
    return {
        QStringLiteral("CREATE TABLE device_keys ("
                       " device_id TEXT PRIMARY KEY"
                       "  REFERENCES devices(device_id) ON DELETE CASCADE,"
                       " json BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE one_time_keys ("
                       " device_id TEXT NOT NULL"
                       "  REFERENCES devices(device_id) ON DELETE CASCADE,"
                       " algorithm TEXT NOT NULL, key_id TEXT NOT NULL, json BLOB NOT NULL,"
                       " PRIMARY KEY (device_id, algorithm, key_id))"),
        QStringLiteral("CREATE TABLE fallback_keys ("
                       " device_id TEXT NOT NULL"
                       "  REFERENCES devices(device_id) ON DELETE CASCADE,"
                       " algorithm TEXT NOT NULL, key_id TEXT NOT NULL, json BLOB NOT NULL,"
                       " used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (device_id, algorithm))"),
    };
}

QStringList messageTables()
{
    return {
        QStringLiteral("CREATE TABLE to_device_messages ("
                       " stream_id INTEGER PRIMARY KEY,"
                       " device_id TEXT NOT NULL"
                       "  REFERENCES devices(device_id) ON DELETE CASCADE,"
                       " sender TEXT NOT NULL, type TEXT NOT NULL, content BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX to_device_by_device"
                       " ON to_device_messages(device_id, stream_id)"),
        QStringLiteral("CREATE TABLE to_device_txns ("
                       " device_id TEXT NOT NULL"
                       "  REFERENCES devices(device_id) ON DELETE CASCADE,"
                       " txn_id TEXT NOT NULL, created_ts INTEGER NOT NULL,"
                       " PRIMARY KEY (device_id, txn_id))"),
        QStringLiteral("CREATE INDEX to_device_txns_by_ts ON to_device_txns(created_ts)"),
        QStringLiteral("CREATE TABLE media ("
                       " origin TEXT NOT NULL, media_id TEXT NOT NULL,"
                       " content_type TEXT, upload_name TEXT, size INTEGER NOT NULL,"
                       " sha256 BLOB, created_ts INTEGER NOT NULL, uploader TEXT,"
                       " PRIMARY KEY (origin, media_id))"),
    };
}

/// Version 2: cross-signing keys and the signatures uploaded for keys (client-server-api
/// "Cross-signing"), the owner's presence ("Presence") and generated thumbnails
/// ("Thumbnails").
QStringList version2Tables()
{
    return {
        // One key per user and usage (master, self_signing, user_signing), as uploaded.
        QStringLiteral("CREATE TABLE cross_signing_keys ("
                       " user_id TEXT NOT NULL, usage TEXT NOT NULL,"
                       " public_key TEXT NOT NULL, json BLOB NOT NULL,"
                       " PRIMARY KEY (user_id, usage))"),
        // Signatures added by /keys/signatures/upload to a device key (target = device ID)
        // or a master key (target = its unpadded base64 public key).
        QStringLiteral("CREATE TABLE key_signatures ("
                       " user_id TEXT NOT NULL, target TEXT NOT NULL,"
                       " signer_user_id TEXT NOT NULL, signer_key_id TEXT NOT NULL,"
                       " signature TEXT NOT NULL,"
                       " PRIMARY KEY (user_id, target, signer_user_id, signer_key_id))"),
        // stream_pos is a position of the account data stream (see ClientDataPresence.cpp).
        QStringLiteral("CREATE TABLE presence ("
                       " user_id TEXT PRIMARY KEY, presence TEXT NOT NULL, status_msg TEXT,"
                       " last_active_ts INTEGER NOT NULL, currently_active INTEGER NOT NULL,"
                       " stream_pos INTEGER NOT NULL)"),
        // A generated thumbnail's file is named after this key (MediaRepository).
        QStringLiteral("CREATE TABLE media_thumbnails ("
                       " origin TEXT NOT NULL, media_id TEXT NOT NULL,"
                       " width INTEGER NOT NULL, height INTEGER NOT NULL,"
                       " method TEXT NOT NULL, content_type TEXT NOT NULL,"
                       " size INTEGER NOT NULL, created_ts INTEGER NOT NULL,"
                       " PRIMARY KEY (origin, media_id, width, height, method),"
                       " FOREIGN KEY (origin, media_id) REFERENCES media(origin, media_id)"
                       "  ON DELETE CASCADE)"),
    };
}

} // namespace

Schema clientDataSchema()
{
    return Schema{QStringLiteral("clientdata"),
                  {Migration{1, streamTables() + keyTables() + messageTables()},
                   Migration{2, version2Tables()}}};
}

} // namespace trellis::storage
