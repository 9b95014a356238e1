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

} // namespace

Schema clientDataSchema()
{
    return Schema{QStringLiteral("clientdata"),
                  {Migration{1, streamTables() + keyTables() + messageTables()}}};
}

} // namespace trellis::storage
