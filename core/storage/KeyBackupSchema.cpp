#include "core/storage/KeyBackupSchema.h"

namespace trellis::storage {

Schema keyBackupSchema()
{
    return Schema{
        QStringLiteral("keybackup"),
        {Migration{1,
                   {
                       // AUTOINCREMENT: a deleted version's number is never handed out again, so a
                       // client still writing to it gets M_WRONG_ROOM_KEYS_VERSION, not someone
                       // else's backup. A deleted version keeps its row (deleted = 1) so that
                       // deleting it again succeeds, as the spec asks.
                       QStringLiteral("CREATE TABLE key_backup_versions ("
                                      " version INTEGER PRIMARY KEY AUTOINCREMENT,"
                                      " algorithm TEXT NOT NULL, auth_data BLOB NOT NULL,"
                                      " etag INTEGER NOT NULL DEFAULT 0,"
                                      " deleted INTEGER NOT NULL DEFAULT 0)"),
                       QStringLiteral("CREATE TABLE key_backup_keys ("
                                      " version INTEGER NOT NULL"
                                      "  REFERENCES key_backup_versions(version) ON DELETE CASCADE,"
                                      " room_id TEXT NOT NULL, session_id TEXT NOT NULL,"
                                      " first_message_index INTEGER NOT NULL,"
                                      " forwarded_count INTEGER NOT NULL,"
                                      " is_verified INTEGER NOT NULL, session_data BLOB NOT NULL,"
                                      " PRIMARY KEY (version, room_id, session_id))"),
                   }}}};
}

} // namespace trellis::storage
