// Strict JSON reading for the protocol codec.
#include "shared/protocol/json_reader.hpp"

#include "shared/text/utf8.hpp"
#include "shared/util/uuid.hpp"

#include <exception>
#include <limits>

namespace okienko::protocol
{

namespace
{
/// Deepest bracket nesting outside strings; stops counting past `limit`.
int nestingDepth(std::string_view body, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : body)
    {
        if (inString)
        {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
        {
            ++depth;
            if (depth > deepest)
                deepest = depth;
            if (deepest > limit)
                return deepest;
        }
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

bool isIdChar(char c, IdPattern pattern)
{
    const bool digit = c >= '0' && c <= '9';
    switch (pattern)
    {
    case IdPattern::Slug:
        return digit || (c >= 'a' && c <= 'z') || c == '-';
    case IdPattern::InventoryNumber:
        return digit || (c >= 'A' && c <= 'Z') || c == '-';
    case IdPattern::Code:
        return digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
    case IdPattern::Uuid:
        return false;
    }
    return false;
}

const char* patternName(IdPattern pattern)
{
    switch (pattern)
    {
    case IdPattern::Slug:
        return "an id (a-z, 0-9, '-', at most 64)";
    case IdPattern::InventoryNumber:
        return "an inventory number (A-Z, 0-9, '-', at most 32)";
    case IdPattern::Uuid:
        return "a canonical UUID";
    case IdPattern::Code:
        return "a code (A-Z, a-z, 0-9, '.', '_', '-', at most 64)";
    }
    return "an id";
}

const char* typeName(const Json& v)
{
    if (v.is_null())
        return "null";
    if (v.is_boolean())
        return "a boolean";
    if (v.is_number_float())
        return "a fraction";
    if (v.is_number())
        return "a number";
    if (v.is_string())
        return "a string";
    if (v.is_array())
        return "an array";
    return "an object";
}

bool hasControlCharacter(std::string_view s)
{
    for (char c : s)
    {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7f)
            return true;
    }
    return false;
}
} // namespace

Result<Json, ProtocolError> parseJson(std::string_view body)
{
    if (auto bad = text::firstInvalidUtf8(body))
        return makeErr(ProtocolError{ProtocolErrorCode::InvalidUtf8, "$",
                                     "body is not UTF-8 (byte offset " + std::to_string(*bad) + ")"});
    if (nestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth)
        return makeErr(ProtocolError{ProtocolErrorCode::MalformedJson, "$",
                                     "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"});
    try
    {
        Json parsed = Json::parse(body, nullptr, false);
        if (parsed.is_discarded())
            return makeErr(ProtocolError{ProtocolErrorCode::MalformedJson, "$", "not a JSON document"});
        return parsed;
    }
    catch (const std::exception&)
    {
        // Number overflow and the like; nlohmann reports some of them by exception even in
        // non-throwing mode.
        return makeErr(ProtocolError{ProtocolErrorCode::MalformedJson, "$", "not a JSON document"});
    }
}

bool matchesIdPattern(std::string_view s, IdPattern pattern)
{
    if (pattern == IdPattern::Uuid)
        return isUuid(std::string(s));
    const std::size_t max = pattern == IdPattern::InventoryNumber ? 32 : 64;
    if (s.empty() || s.size() > max)
        return false;
    if (s.front() == '-')
        return false;
    for (char c : s)
        if (!isIdChar(c, pattern))
            return false;
    return true;
}

ObjectReader::ObjectReader(const Json& value, std::string path, bool allowUnknown)
    : m_value(value), m_path(std::move(path)), m_allowUnknown(allowUnknown)
{
    if (!m_value.is_object())
        m_error = ProtocolError{ProtocolErrorCode::WrongType, m_path,
                                std::string("expected an object, found ") + typeName(m_value)};
}

std::string ObjectReader::pathOf(std::string_view key) const
{
    return m_path + "." + std::string(key);
}

void ObjectReader::fail(ProtocolErrorCode code, const std::string& key, std::string message)
{
    if (!m_error)
        m_error = ProtocolError{code, key.empty() ? m_path : pathOf(key), std::move(message)};
}

void ObjectReader::adopt(const ProtocolError& error)
{
    if (!m_error)
        m_error = error;
}

bool ObjectReader::finish()
{
    if (m_error || m_allowUnknown)
        return ok();
    for (const auto& item : m_value.items())
    {
        if (m_read.find(item.key()) == m_read.end())
        {
            // The key is from the sender; it is valid UTF-8 (checked with the body) but may be
            // long, so only its first characters go into the path.
            const std::string shown = item.key().size() > 40 ? item.key().substr(0, 40) : item.key();
            fail(ProtocolErrorCode::UnknownField, shown, "unknown field");
            break;
        }
    }
    return ok();
}

bool ObjectReader::has(std::string_view key) const
{
    return m_value.is_object() && m_value.find(key) != m_value.end();
}

const Json* ObjectReader::member(std::string_view key, bool required)
{
    if (m_error)
        return nullptr;
    m_read.emplace(key);
    auto it = m_value.find(key);
    if (it == m_value.end())
    {
        if (required)
            fail(ProtocolErrorCode::MissingField, std::string(key), "required field is missing");
        return nullptr;
    }
    return &*it;
}

const Json* ObjectReader::raw(std::string_view key)
{
    return member(key, false);
}

std::string ObjectReader::checkedString(const Json& v, std::string_view key, std::size_t maxCodePoints,
                                        std::size_t minCodePoints)
{
    if (!v.is_string())
    {
        fail(ProtocolErrorCode::WrongType, std::string(key), std::string("expected a string, found ") + typeName(v));
        return {};
    }
    const auto& s = v.get_ref<const std::string&>();
    const std::size_t length = text::codePointCount(s);
    if (length > maxCodePoints)
    {
        fail(ProtocolErrorCode::TooLong, std::string(key),
             "longer than " + std::to_string(maxCodePoints) + " characters");
        return {};
    }
    if (length < minCodePoints)
    {
        fail(ProtocolErrorCode::BadValue, std::string(key), "empty");
        return {};
    }
    if (hasControlCharacter(s))
    {
        fail(ProtocolErrorCode::BadValue, std::string(key), "contains a control character");
        return {};
    }
    return s;
}

std::string ObjectReader::string(std::string_view key, std::size_t maxCodePoints, std::size_t minCodePoints)
{
    const Json* v = member(key, true);
    return v != nullptr ? checkedString(*v, key, maxCodePoints, minCodePoints) : std::string{};
}

std::optional<std::string> ObjectReader::optionalString(std::string_view key, std::size_t maxCodePoints)
{
    const Json* v = member(key, false);
    if (v == nullptr || v->is_null())
        return std::nullopt;
    std::string s = checkedString(*v, key, maxCodePoints, 0);
    if (!ok())
        return std::nullopt;
    return s;
}

std::string ObjectReader::stringOr(std::string_view key, std::size_t maxCodePoints)
{
    const Json* v = member(key, false);
    return v != nullptr ? checkedString(*v, key, maxCodePoints, 0) : std::string{};
}

std::string ObjectReader::id(std::string_view key, IdPattern pattern)
{
    std::string s = string(key, 64, 1);
    if (ok() && !matchesIdPattern(s, pattern))
    {
        fail(pattern == IdPattern::Uuid ? ProtocolErrorCode::BadUuid : ProtocolErrorCode::BadValue, std::string(key),
             std::string("expected ") + patternName(pattern));
        return {};
    }
    return s;
}

std::optional<std::string> ObjectReader::optionalId(std::string_view key, IdPattern pattern)
{
    const Json* v = member(key, false);
    if (v == nullptr || v->is_null())
        return std::nullopt;
    std::string s = checkedString(*v, key, 64, 1);
    if (ok() && !matchesIdPattern(s, pattern))
        fail(pattern == IdPattern::Uuid ? ProtocolErrorCode::BadUuid : ProtocolErrorCode::BadValue, std::string(key),
             std::string("expected ") + patternName(pattern));
    if (!ok())
        return std::nullopt;
    return s;
}

std::optional<std::int64_t> ObjectReader::optionalInteger(std::string_view key, std::int64_t min, std::int64_t max)
{
    const Json* v = member(key, false);
    if (v == nullptr || v->is_null())
        return std::nullopt;
    if (v->is_number_unsigned())
    {
        const auto u = v->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
            static_cast<std::int64_t>(u) > max || static_cast<std::int64_t>(u) < min)
        {
            fail(ProtocolErrorCode::OutOfRange, std::string(key),
                 "outside " + std::to_string(min) + " … " + std::to_string(max));
            return std::nullopt;
        }
        return static_cast<std::int64_t>(u);
    }
    if (v->is_number_integer())
    {
        const auto i = v->get<std::int64_t>();
        if (i < min || i > max)
        {
            fail(ProtocolErrorCode::OutOfRange, std::string(key),
                 "outside " + std::to_string(min) + " … " + std::to_string(max));
            return std::nullopt;
        }
        return i;
    }
    if (v->is_number_float())
    {
        // 1e30 or 99999999999999999999 arrive as doubles: a number, but never a whole one we accept.
        fail(ProtocolErrorCode::OutOfRange, std::string(key), "not a whole number within range");
        return std::nullopt;
    }
    fail(ProtocolErrorCode::WrongType, std::string(key), std::string("expected a whole number, found ") + typeName(*v));
    return std::nullopt;
}

std::int64_t ObjectReader::integer(std::string_view key, std::int64_t min, std::int64_t max)
{
    if (!m_error && !has(key))
    {
        member(key, true);
        return min;
    }
    auto v = optionalInteger(key, min, max);
    if (!v && ok())
        fail(ProtocolErrorCode::WrongType, std::string(key), "expected a whole number, found null");
    return v.value_or(min);
}

bool ObjectReader::boolean(std::string_view key)
{
    const Json* v = member(key, true);
    if (v == nullptr)
        return false;
    if (!v->is_boolean())
    {
        fail(ProtocolErrorCode::WrongType, std::string(key), std::string("expected true/false, found ") + typeName(*v));
        return false;
    }
    return v->get<bool>();
}

bool ObjectReader::booleanOr(std::string_view key, bool fallback)
{
    if (!has(key))
    {
        member(key, false);
        return fallback;
    }
    return boolean(key);
}

std::optional<Date> ObjectReader::optionalDate(std::string_view key)
{
    const Json* v = member(key, false);
    if (v == nullptr || v->is_null())
        return std::nullopt;
    std::string s = checkedString(*v, key, 10, 1);
    if (!ok())
        return std::nullopt;
    auto d = parseIsoDate(s);
    if (!d)
        fail(ProtocolErrorCode::BadDate, std::string(key), "expected a real day as YYYY-MM-DD");
    return d;
}

Date ObjectReader::date(std::string_view key)
{
    if (!m_error && !has(key))
    {
        member(key, true);
        return {};
    }
    auto d = optionalDate(key);
    if (!d && ok())
        fail(ProtocolErrorCode::WrongType, std::string(key), "expected a date, found null");
    return d.value_or(Date{});
}

const Json* ObjectReader::optionalObject(std::string_view key)
{
    const Json* v = member(key, false);
    if (v == nullptr || v->is_null())
        return nullptr;
    if (!v->is_object())
    {
        fail(ProtocolErrorCode::WrongType, std::string(key), std::string("expected an object, found ") + typeName(*v));
        return nullptr;
    }
    return v;
}

const Json* ObjectReader::object(std::string_view key)
{
    const Json* v = member(key, true);
    if (v == nullptr)
        return nullptr;
    if (!v->is_object())
    {
        fail(ProtocolErrorCode::WrongType, std::string(key), std::string("expected an object, found ") + typeName(*v));
        return nullptr;
    }
    return v;
}

const Json* ObjectReader::array(std::string_view key, std::size_t maxItems)
{
    const Json* v = member(key, true);
    if (v == nullptr)
        return nullptr;
    if (!v->is_array())
    {
        fail(ProtocolErrorCode::WrongType, std::string(key), std::string("expected an array, found ") + typeName(*v));
        return nullptr;
    }
    if (v->size() > maxItems)
    {
        fail(ProtocolErrorCode::TooLong, std::string(key), "more than " + std::to_string(maxItems) + " items");
        return nullptr;
    }
    return v;
}

} // namespace okienko::protocol
