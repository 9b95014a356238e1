#include "core/json/Fields.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

#include <QStringList>

namespace trellis::json {

namespace {

QString name(std::string_view key) { return toQString(key); }

Error wrongType(std::string_view key, const char *expected)
{
    return Error::badJson(QStringLiteral("'%1' must be %2").arg(name(key), QLatin1String(expected)));
}

} // namespace

Result<QString> requiredString(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value)
        return Error::missingParam(QStringLiteral("'%1' is required").arg(name(key)));
    if (!value->isString())
        return wrongType(key, "a string");
    return toQString(value->toString());
}

Result<std::optional<QString>> optionalString(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value || value->isNull())
        return std::optional<QString>();
    if (!value->isString())
        return wrongType(key, "a string");
    return std::optional<QString>(toQString(value->toString()));
}

Result<std::optional<qint64>> optionalInteger(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value || value->isNull())
        return std::optional<qint64>();
    if (!value->isInteger())
        return wrongType(key, "an integer");
    return std::optional<qint64>(value->toInteger());
}

Result<std::optional<bool>> optionalBool(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value || value->isNull())
        return std::optional<bool>();
    if (!value->isBool())
        return wrongType(key, "a boolean");
    return std::optional<bool>(value->toBool());
}

Result<std::optional<Object>> optionalObject(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value || value->isNull())
        return std::optional<Object>();
    if (!value->isObject())
        return wrongType(key, "an object");
    return std::optional<Object>(value->toObject());
}

Result<Object> requiredObject(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value)
        return Error::missingParam(QStringLiteral("'%1' is required").arg(name(key)));
    if (!value->isObject())
        return wrongType(key, "an object");
    return value->toObject();
}

Result<std::optional<QStringList>> optionalStringList(const Object &object, std::string_view key)
{
    const Value *value = object.find(key);
    if (!value || value->isNull())
        return std::optional<QStringList>();
    if (!value->isArray())
        return wrongType(key, "an array of strings");
    QStringList list;
    for (const Value &element : value->toArray()) {
        if (!element.isString())
            return wrongType(key, "an array of strings");
        list.append(toQString(element.toString()));
    }
    return std::optional<QStringList>(std::move(list));
}

Object storedObject(const QByteArray &bytes)
{
    ReadOptions options;
    options.numbers = NumberPolicy::Lenient;
    auto parsed = parseObject(std::string_view(bytes.constData(), size_t(bytes.size())), options);
    return parsed ? std::move(*parsed) : Object{};
}

} // namespace trellis::json
