#include "core/json/Value.h"

#include <algorithm>

namespace trellis::json {
namespace {

const std::string kEmptyString;
const Array kEmptyArray;
const Object kEmptyObject;
const Value kNull;

bool keyLess(const Member &member, std::string_view key) { return member.key < key; }

} // namespace

Object Object::fromSortedUnique(std::vector<Member> members)
{
    Q_ASSERT(std::adjacent_find(members.begin(), members.end(),
                                [](const Member &a, const Member &b) { return a.key >= b.key; })
             == members.end());
    Object object;
    object.m_members = std::move(members);
    return object;
}

std::vector<Member>::iterator Object::lowerBound(std::string_view key)
{
    return std::lower_bound(m_members.begin(), m_members.end(), key, keyLess);
}

std::vector<Member>::const_iterator Object::lowerBound(std::string_view key) const
{
    return std::lower_bound(m_members.begin(), m_members.end(), key, keyLess);
}

const Value *Object::find(std::string_view key) const
{
    const auto it = lowerBound(key);
    return it != m_members.end() && it->key == key ? &it->value : nullptr;
}

Value *Object::find(std::string_view key)
{
    const auto it = lowerBound(key);
    return it != m_members.end() && it->key == key ? &it->value : nullptr;
}

const Value &Object::operator[](std::string_view key) const
{
    const Value *value = find(key);
    return value ? *value : kNull;
}

Value &Object::insert(std::string_view key, Value value)
{
    auto it = lowerBound(key);
    if (it != m_members.end() && it->key == key) {
        it->value = std::move(value);
        return it->value;
    }
    return m_members.insert(it, Member{std::string(key), std::move(value)})->value;
}

bool Object::remove(std::string_view key)
{
    const auto it = lowerBound(key);
    if (it == m_members.end() || it->key != key)
        return false;
    m_members.erase(it);
    return true;
}

bool Value::toBool(bool fallback) const
{
    const bool *b = std::get_if<bool>(&m_data);
    return b ? *b : fallback;
}

qint64 Value::toInteger(qint64 fallback) const
{
    const qint64 *i = std::get_if<qint64>(&m_data);
    return i ? *i : fallback;
}

const std::string &Value::toString() const
{
    const std::string *s = asString();
    return s ? *s : kEmptyString;
}

const Array &Value::toArray() const
{
    const Array *a = asArray();
    return a ? *a : kEmptyArray;
}

const Object &Value::toObject() const
{
    const Object *o = asObject();
    return o ? *o : kEmptyObject;
}

const char *typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "a boolean";
    case Type::Integer:
        return "an integer";
    case Type::NonCanonicalNumber:
        return "a non-canonical number";
    case Type::String:
        return "a string";
    case Type::Array:
        return "an array";
    case Type::Object:
        return "an object";
    }
    return "unknown";
}

} // namespace trellis::json
