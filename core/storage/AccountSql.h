#pragma once
#include "core/storage/Database.h"

// Small helpers shared by the account-side stores: every statement is prepared with
// positional bindings (client strings never reach SQL text).
namespace trellis::storage::sql {

/// Prepares `statement`, binds `bindings` and runs it; the query, positioned before the
/// first row, or an Io error.
inline Result<QSqlQuery> run(Database &db, const QString &statement,
                             const QVariantList &bindings = {})
{
    QSqlQuery query = db.prepare(statement);
    if (auto ran = db.exec(query, bindings); !ran)
        return ran.error();
    return Result<QSqlQuery>(std::move(query));
}

/// Runs a statement whose result rows are not needed.
inline Result<void> exec(Database &db, const QString &statement, const QVariantList &bindings = {})
{
    auto query = run(db, statement, bindings);
    if (!query)
        return query.error();
    return {};
}

/// The number of rows a write changed (0 if the statement failed to report it).
inline int affected(const QSqlQuery &query)
{
    return qMax(0, query.numRowsAffected());
}

/// A TEXT column that may be NULL, as a string (NULL becomes the null QString).
inline QString optionalText(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

/// A string for a NOT NULL column where '' has a meaning (global account data, an
/// unthreaded receipt): Qt binds a null QString as NULL.
inline QString nonNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// A QString bound as NULL when empty: optional labels are stored as NULL.
inline QVariant nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

} // namespace trellis::storage::sql
