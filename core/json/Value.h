#pragma once
#include <QtGlobal>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace trellis::json {

enum class Type : quint8 { Null, Bool, Integer, NonCanonicalNumber, String, Array, Object };

/// A number canonical JSON forbids (a fraction, an exponent, or beyond 64 bits), which events
/// of room versions 1-5 may still carry. `text` is how the reference implementation
/// (Python's json) prints it back: integers exactly, others as repr(float).
struct NonCanonicalNumber
{
    std::string text;
    friend bool operator==(const NonCanonicalNumber &, const NonCanonicalNumber &) = default;
};

class Value;
struct Member;
using Array = std::vector<Value>;

/// A JSON object whose members are kept sorted by the UTF-8 bytes of their keys, which is
/// the Unicode code point order canonical JSON requires (appendices.md, "Canonical JSON").
/// Keys are unique: the reader rejects duplicates and insert() replaces.
class Object
{
public:
    using const_iterator = std::vector<Member>::const_iterator;

    Object() = default;
    /// Adopts members that are already sorted by key with no duplicates (the reader's job).
    static Object fromSortedUnique(std::vector<Member> members);

    qsizetype size() const;
    bool isEmpty() const;
    const_iterator begin() const;
    const_iterator end() const;

    const Value *find(std::string_view key) const;
    Value *find(std::string_view key);
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// The value at `key`, or a null Value when absent.
    const Value &operator[](std::string_view key) const;

    /// Sets `key` to `value`, replacing any existing member; returns the stored value.
    Value &insert(std::string_view key, Value value);
    /// Removes `key`; returns whether it was there.
    bool remove(std::string_view key);

    friend bool operator==(const Object &a, const Object &b);

private:
    std::vector<Member>::iterator lowerBound(std::string_view key);
    std::vector<Member>::const_iterator lowerBound(std::string_view key) const;

    std::vector<Member> m_members;
};

/// A JSON value. Strings are UTF-8. Numbers are 64-bit integers, or a NonCanonicalNumber in
/// the JSON of room versions 1-5 (see NumberPolicy).
class Value
{
public:
    // Defined below Member: the variant needs Object's members complete (clang insists).
    Value();
    Value(std::nullptr_t);
    Value(bool b);
    Value(int i);
    Value(qint64 i);
    Value(NonCanonicalNumber n);
    Value(std::string s);
    Value(std::string_view s);
    Value(const char *s);
    Value(Array a);
    Value(Object o);

    Type type() const { return Type(m_data.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInteger() const { return type() == Type::Integer; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool(bool fallback = false) const;
    qint64 toInteger(qint64 fallback = 0) const;
    /// The string, or an empty one when this is not a string.
    const std::string &toString() const;
    /// The array, or an empty one when this is not an array.
    const Array &toArray() const;
    /// The object, or an empty one when this is not an object.
    const Object &toObject() const;
    /// The printed form of a NonCanonicalNumber, or nullptr.
    const NonCanonicalNumber *asNonCanonicalNumber() const
    {
        return std::get_if<NonCanonicalNumber>(&m_data);
    }

    const std::string *asString() const { return std::get_if<std::string>(&m_data); }
    const Array *asArray() const { return std::get_if<Array>(&m_data); }
    Array *asArray() { return std::get_if<Array>(&m_data); }
    const Object *asObject() const { return std::get_if<Object>(&m_data); }
    Object *asObject() { return std::get_if<Object>(&m_data); }

    friend bool operator==(const Value &a, const Value &b) { return a.m_data == b.m_data; }

private:
    // The order matches Type.
    std::variant<std::monostate, bool, qint64, NonCanonicalNumber, std::string, Array, Object>
        m_data;
};

struct Member
{
    std::string key;
    Value value;

    friend bool operator==(const Member &a, const Member &b)
    {
        return a.key == b.key && a.value == b.value;
    }
};

inline Value::Value() = default;
inline Value::Value(std::nullptr_t) {}
inline Value::Value(bool b) : m_data(b) {}
inline Value::Value(int i) : m_data(qint64(i)) {}
inline Value::Value(qint64 i) : m_data(i) {}
inline Value::Value(NonCanonicalNumber n) : m_data(std::move(n)) {}
inline Value::Value(std::string s) : m_data(std::move(s)) {}
inline Value::Value(std::string_view s) : m_data(std::string(s)) {}
inline Value::Value(const char *s) : m_data(std::string(s)) {}
inline Value::Value(Array a) : m_data(std::move(a)) {}
inline Value::Value(Object o) : m_data(std::move(o)) {}

inline qsizetype Object::size() const { return qsizetype(m_members.size()); }
inline bool Object::isEmpty() const { return m_members.empty(); }
inline Object::const_iterator Object::begin() const { return m_members.begin(); }
inline Object::const_iterator Object::end() const { return m_members.end(); }
inline bool operator==(const Object &a, const Object &b) { return a.m_members == b.m_members; }

/// The name of a type for error messages ("an integer").
const char *typeName(Type type);

} // namespace trellis::json
