// Strict reading of protocol JSON: bodies are size- and depth-checked before nlohmann parses them,
// and ObjectReader reads one object's fields with type, range, length and pattern checks, keeping
// the first error with its JSON path. Used by every decoder of this module and by the server.
#pragma once

#include "shared/protocol/protocol_error.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace okienko::protocol
{

using Json = nlohmann::json;

/// Deeper nesting is refused before parsing: no protocol document needs more, and a body of a
/// million '[' would otherwise cost recursion elsewhere (dump, hashing).
inline constexpr int kMaxJsonDepth = 32;

/// Parses a request or response body: valid UTF-8, at most kMaxJsonDepth levels, one JSON value.
/// Never throws.
Result<Json, ProtocolError> parseJson(std::string_view body);

/// Which strings ObjectReader accepts for an identifier.
enum class IdPattern
{
    Slug,            ///< ^[a-z0-9][a-z0-9-]{0,63}$ (catalogue ids, as in docs/catalog-format.md)
    InventoryNumber, ///< ^[A-Z0-9][A-Z0-9-]{0,31}$
    Uuid,            ///< canonical UUID
    Code,            ///< a short printable token: 1–64 of [A-Za-z0-9._-] (reference codes, staff ids)
};

bool matchesIdPattern(std::string_view s, IdPattern pattern);

/// Reads the fields of one JSON object. After the first error every getter returns a default and
/// nothing more is recorded, so a decoder reads straight through and checks ok() once at the end.
class ObjectReader
{
  public:
    /// `value` must outlive the reader. When `allowUnknown` is false, finish() reports keys that
    /// were never read (requests are strict; responses ignore unknown keys so the server may grow).
    ObjectReader(const Json& value, std::string path, bool allowUnknown = false);

    bool ok() const { return !m_error.has_value(); }
    const ProtocolError& error() const { return *m_error; }
    /// Checks unknown keys (when strict) and returns ok().
    bool finish();
    /// Records an error found by the caller (if none was recorded yet).
    void fail(ProtocolErrorCode code, const std::string& key, std::string message);
    /// Records an error of a nested reader with its own (more precise) path.
    void adopt(const ProtocolError& error);
    /// The path of a member, e.g. "$.payload.phone".
    std::string pathOf(std::string_view key) const;

    bool has(std::string_view key) const;
    /// The raw member or nullptr (absent, or the value is not an object).
    const Json* raw(std::string_view key);

    /// A string of 0..maxCodePoints code points (minCodePoints for required text).
    std::string string(std::string_view key, std::size_t maxCodePoints, std::size_t minCodePoints = 1);
    /// Absent or null → nullopt.
    std::optional<std::string> optionalString(std::string_view key, std::size_t maxCodePoints);
    /// Absent → "" (null is a wrong type).
    std::string stringOr(std::string_view key, std::size_t maxCodePoints);
    std::string id(std::string_view key, IdPattern pattern);
    std::optional<std::string> optionalId(std::string_view key, IdPattern pattern);
    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optionalInteger(std::string_view key, std::int64_t min, std::int64_t max);
    bool boolean(std::string_view key);
    bool booleanOr(std::string_view key, bool fallback);
    Date date(std::string_view key);
    std::optional<Date> optionalDate(std::string_view key);
    /// A required object member; nullptr (with the error recorded) when absent or not an object.
    const Json* object(std::string_view key);
    const Json* optionalObject(std::string_view key);
    /// A required array member of at most maxItems items.
    const Json* array(std::string_view key, std::size_t maxItems);

  private:
    const Json* member(std::string_view key, bool required);
    std::string checkedString(const Json& v, std::string_view key, std::size_t maxCodePoints,
                              std::size_t minCodePoints);

    const Json& m_value;
    std::string m_path;
    bool m_allowUnknown = false;
    std::set<std::string, std::less<>> m_read;
    std::optional<ProtocolError> m_error;
};

} // namespace okienko::protocol
