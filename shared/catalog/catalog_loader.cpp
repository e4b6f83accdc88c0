// Owns the catalogue file reader: JSON text -> domain::Catalog, with every error of the file
// collected in one pass. The rules are the ones docs/catalog-format.md states for the CUS staff.
#include "shared/catalog/catalog_loader.hpp"

#include "shared/domain/area.hpp"
#include "shared/domain/codes.hpp"
#include "shared/domain/indicator.hpp"
#include "shared/text/utf8.hpp"
#include "shared/util/date.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

namespace okienko::catalog
{

namespace
{

// ordered_json keeps keys in file order, so errors come out in the order the editor reads them.
using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxNameLength = kMaxNameChars;
constexpr std::size_t kMaxSummaryLength = kMaxSummaryChars;
constexpr std::size_t kMaxTextLength = kMaxTextChars;
constexpr std::size_t kMaxTagLength = kMaxTagChars;
constexpr int kMaxLoanDays = 3650;
constexpr std::int64_t kMaxGrosze = 10'000'000'000; // 100 million złoty: anything above is a typo
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";
constexpr int kSupportedFormatVersion = 1;

// ---------------------------------------------------------------------------------------------
// Error collection

class Errors
{
  public:
    void add(std::string path, CatalogErrorCode code, std::string message, std::size_t line = 0, std::size_t column = 0)
    {
        if (m_list.size() > kMaxCatalogErrors)
            return;
        if (m_list.size() == kMaxCatalogErrors)
        {
            m_list.push_back({"$", CatalogErrorCode::TooManyErrors,
                              "more than " + std::to_string(kMaxCatalogErrors) + " errors; the rest are not listed", 0,
                              0});
            return;
        }
        m_list.push_back({std::move(path), code, std::move(message), line, column});
    }
    bool empty() const { return m_list.empty(); }
    CatalogErrors take() { return std::move(m_list); }

  private:
    CatalogErrors m_list;
};

// ---------------------------------------------------------------------------------------------
// Paths and small text helpers

bool isPlainKey(std::string_view key)
{
    if (key.empty())
        return false;
    return std::all_of(key.begin(), key.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string member(const std::string& base, std::string_view key)
{
    if (isPlainKey(key))
        return base + "." + std::string(key);
    std::string quoted;
    for (char c : key)
    {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return base + "[\"" + quoted + "\"]";
}

std::string element(const std::string& base, std::size_t index)
{
    return base + "[" + std::to_string(index) + "]";
}

/// A value quoted for a message: shortened, so a pasted paragraph does not flood the log.
std::string quote(std::string_view value)
{
    constexpr std::size_t kShown = 40;
    std::string out = "'";
    std::size_t pos = 0;
    std::size_t count = 0;
    while (pos < value.size() && count < kShown)
    {
        const std::size_t start = pos;
        if (!text::decodeOne(value, pos))
            pos = start + 1;
        out.append(value.substr(start, pos - start));
        ++count;
    }
    if (pos < value.size())
        out += "…";
    return out + "'";
}

bool isBlank(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string describeType(const Json& v)
{
    if (v.is_number_float())
        return "a fractional number";
    if (v.is_number())
        return "a number";
    if (v.is_string())
        return "a string";
    if (v.is_object())
        return "an object";
    if (v.is_array())
        return "an array";
    if (v.is_boolean())
        return "true/false";
    return "null";
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// 1-based line and column (in code points) of a byte offset.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t byteIndex)
{
    byteIndex = std::min(byteIndex, text.size());
    std::size_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < byteIndex; ++i)
    {
        if (text[i] == '\n')
        {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, 1 + text::codePointCount(text.substr(lineStart, byteIndex - lineStart))};
}

std::string atLine(std::pair<std::size_t, std::size_t> lc)
{
    return "line " + std::to_string(lc.first) + ", column " + std::to_string(lc.second);
}

// ---------------------------------------------------------------------------------------------
// Pattern checks

/// 1 to maxLength characters, each a letter from `firstLetter` to `lastLetter`, a digit or '-'
/// ('-' not first): the shape shared by ids and inventory numbers.
bool isDashedWord(std::string_view s, std::size_t maxLength, char firstLetter, char lastLetter)
{
    if (s.empty() || s.size() > maxLength)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        const char c = s[i];
        const bool allowed = (c >= firstLetter && c <= lastLetter) || (c >= '0' && c <= '9') || (i > 0 && c == '-');
        if (!allowed)
            return false;
    }
    return true;
}

bool isId(std::string_view s)
{
    return isDashedWord(s, 64, 'a', 'z');
}

bool isInventoryNumber(std::string_view s)
{
    return isDashedWord(s, 32, 'A', 'Z');
}

/// "112", "116 123", "800 120 002", "+48 22 000 00 00": digits with single spaces or dashes.
bool isPhoneNumber(std::string_view s)
{
    if (s.size() < 3 || s.size() > 20)
        return false;
    int digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        const char c = s[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c == '+' && i == 0)
            continue;
        else if ((c == ' ' || c == '-') && i > 0 && i + 1 < s.size() && s[i - 1] != ' ' && s[i - 1] != '-')
            continue;
        else
            return false;
    }
    return digits >= 3;
}

bool looksLikeIsoDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Building the JSON tree. A SAX handler of our own, because nlohmann's DOM parser silently keeps
// the last of two equal keys (an editing mistake we must report) and throws without a position
// on number overflow.

class TreeBuilder final : public nlohmann::json_sax<Json>
{
  public:
    TreeBuilder(Json& root, Errors& errors) : m_root(root), m_errors(errors) {}

    bool null() override { return addValue(Json(nullptr)); }
    bool boolean(bool val) override { return addValue(Json(val)); }
    bool number_integer(number_integer_t val) override { return addValue(Json(val)); }
    bool number_unsigned(number_unsigned_t val) override { return addValue(Json(val)); }
    bool number_float(number_float_t val, const string_t& /*text*/) override { return addValue(Json(val)); }
    bool string(string_t& val) override { return addValue(Json(std::move(val))); }
    bool binary(binary_t& val) override { return addValue(Json::binary(std::move(val))); }
    bool start_object(std::size_t /*elements*/) override { return openContainer(Json::object()); }
    bool end_object() override { return closeContainer(); }
    bool start_array(std::size_t /*elements*/) override { return openContainer(Json::array()); }
    bool end_array() override { return closeContainer(); }

    bool key(string_t& val) override
    {
        m_pendingKey = std::move(val);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*lastToken*/,
                     const nlohmann::json::exception& ex) override
    {
        m_failed = true;
        m_errorPosition = position;
        m_errorMessage = ex.what();
        return false;
    }

    bool failed() const { return m_failed; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string& errorMessage() const { return m_errorMessage; }

  private:
    struct Open
    {
        Json* node;
        std::string path;
    };

    /// Places a value in the tree and returns where it lives, with its path.
    Open place(Json value)
    {
        if (m_stack.empty())
        {
            m_root = std::move(value);
            return {&m_root, "$"};
        }
        Open& parent = m_stack.back();
        if (parent.node->is_array())
        {
            const std::string path = element(parent.path, parent.node->size());
            parent.node->push_back(std::move(value));
            return {&parent.node->back(), path};
        }
        std::string path = member(parent.path, m_pendingKey);
        if (parent.node->contains(m_pendingKey))
        {
            m_errors.add(path, CatalogErrorCode::DuplicateKey,
                         "key " + quote(m_pendingKey) + " appears twice in one object; the first is used");
            m_discarded.push_back(std::move(value));
            return {&m_discarded.back(), std::move(path)};
        }
        Json& slot = (*parent.node)[m_pendingKey];
        slot = std::move(value);
        return {&slot, std::move(path)};
    }

    bool addValue(Json value)
    {
        place(std::move(value));
        return true;
    }

    bool openContainer(Json value)
    {
        m_stack.push_back(place(std::move(value)));
        return true;
    }

    bool closeContainer()
    {
        if (!m_stack.empty())
            m_stack.pop_back();
        return true;
    }

    Json& m_root;
    Errors& m_errors;
    std::vector<Open> m_stack;
    std::deque<Json> m_discarded; // deque: pointers into it stay valid while we append
    std::string m_pendingKey;
    bool m_failed = false;
    std::size_t m_errorPosition = 0;
    std::string m_errorMessage;
};

/// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
/// column 2: " prefix: we print our own position, counted in code points.
std::string stripJsonPrefix(std::string message)
{
    if (!message.empty() && message.front() == '[')
    {
        const auto close = message.find("] ");
        if (close != std::string::npos)
            message.erase(0, close + 2);
    }
    if (message.rfind("parse error", 0) == 0)
    {
        const auto colon = message.find(": ");
        if (colon != std::string::npos)
            message.erase(0, colon + 2);
    }
    return message;
}

// ---------------------------------------------------------------------------------------------
// Reading values

/// The keys of one JSON object: reports unknown keys once, and missing required ones on access.
class Fields
{
  public:
    Fields(Errors& errors, const Json& object, std::string path, std::initializer_list<std::string_view> known)
        : m_errors(errors), m_object(object), m_path(std::move(path))
    {
        for (const auto& item : object.items())
        {
            const std::string& key = item.key();
            if (std::find(known.begin(), known.end(), key) != known.end())
                continue;
            const std::string keyPath = member(m_path, key);
            if (key.find(kReplacementChar) != std::string::npos || !text::isValidUtf8(key))
            {
                m_errors.add(keyPath, CatalogErrorCode::InvalidUtf8, "the key contains bytes that are not UTF-8");
                continue;
            }
            std::string message = "unknown key " + quote(key);
            std::string_view best;
            std::size_t bestDistance = 3;
            for (std::string_view candidate : known)
            {
                const std::size_t d = editDistance(key, candidate);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
            if (!best.empty())
                message += "; did you mean '" + std::string(best) + "'?";
            m_errors.add(keyPath, CatalogErrorCode::UnknownKey, std::move(message));
        }
    }

    const Json* optional(std::string_view key) const
    {
        const auto it = m_object.find(std::string(key));
        return it == m_object.end() ? nullptr : &*it;
    }

    const Json* required(std::string_view key) const
    {
        const Json* v = optional(key);
        if (v == nullptr)
            m_errors.add(path(key), CatalogErrorCode::MissingField,
                         "required key '" + std::string(key) + "' is missing");
        return v;
    }

    std::string path(std::string_view key) const { return member(m_path, key); }
    const std::string& path() const { return m_path; }

  private:
    Errors& m_errors;
    const Json& m_object;
    std::string m_path;
};

bool expectObject(Errors& errors, const Json& v, const std::string& path)
{
    if (v.is_object())
        return true;
    errors.add(path, CatalogErrorCode::WrongType, "expected an object {…}, found " + describeType(v));
    return false;
}

bool expectArray(Errors& errors, const Json& v, const std::string& path)
{
    if (v.is_array())
        return true;
    errors.add(path, CatalogErrorCode::WrongType, "expected a list […], found " + describeType(v));
    return false;
}

/// Encoding and length of one text value.
void checkText(Errors& errors, const std::string& s, const std::string& path, std::size_t maxLength)
{
    if (s.find(kReplacementChar) != std::string::npos || !text::isValidUtf8(s))
    {
        errors.add(path, CatalogErrorCode::InvalidUtf8,
                   "the text contains bytes that are not UTF-8 (or U+FFFD left by a wrong conversion); save the "
                   "file as UTF-8");
        return;
    }
    const std::size_t length = text::codePointCount(s);
    if (length > maxLength)
        errors.add(path, CatalogErrorCode::TooLong,
                   "text is " + std::to_string(length) + " characters long; at most " + std::to_string(maxLength) +
                       " are allowed");
}

std::string readString(Errors& errors, const Json* v, const std::string& path, std::size_t maxLength, bool nonEmpty)
{
    if (v == nullptr)
        return {};
    if (!v->is_string())
    {
        errors.add(path, CatalogErrorCode::WrongType, "expected a string, found " + describeType(*v));
        return {};
    }
    const auto& s = v->get_ref<const std::string&>();
    checkText(errors, s, path, maxLength);
    if (nonEmpty && isBlank(s))
        errors.add(path, CatalogErrorCode::EmptyText, "must not be empty");
    return s;
}

/// A text in pl/uk/en. Required: "pl" must be present and non-empty. Optional: may be left out;
/// if given, a translation without its Polish source is an error.
domain::LocalizedText readText(Errors& errors, const Json* v, const std::string& path, std::size_t maxLength,
                               bool required)
{
    domain::LocalizedText out;
    if (v == nullptr)
        return out;
    if (!v->is_object())
    {
        errors.add(path, CatalogErrorCode::WrongType,
                   "expected {\"pl\": …, \"uk\": …, \"en\": …}, found " + describeType(*v));
        return out;
    }
    Fields f(errors, *v, path, {"pl", "uk", "en"});
    out.pl = readString(errors, required ? f.required("pl") : f.optional("pl"), f.path("pl"), maxLength, required);
    out.uk = readString(errors, f.optional("uk"), f.path("uk"), maxLength, false);
    out.en = readString(errors, f.optional("en"), f.path("en"), maxLength, false);
    if (!required && isBlank(out.pl) && (!isBlank(out.uk) || !isBlank(out.en)))
        errors.add(f.path("pl"), CatalogErrorCode::EmptyText, "a translation is given but the Polish text is empty");
    return out;
}

std::vector<std::string> readStringArray(Errors& errors, const Json* v, const std::string& path,
                                         std::size_t maxItemLength)
{
    std::vector<std::string> out;
    if (v == nullptr || !expectArray(errors, *v, path))
        return out;
    for (std::size_t i = 0; i < v->size(); ++i)
        out.push_back(readString(errors, &(*v)[i], element(path, i), maxItemLength, true));
    return out;
}

domain::LocalizedList readList(Errors& errors, const Json* v, const std::string& path, std::size_t maxItemLength)
{
    domain::LocalizedList out;
    if (v == nullptr)
        return out;
    if (!v->is_object())
    {
        errors.add(path, CatalogErrorCode::WrongType,
                   "expected {\"pl\": […], \"uk\": […], \"en\": […]}, found " + describeType(*v));
        return out;
    }
    Fields f(errors, *v, path, {"pl", "uk", "en"});
    out.pl = readStringArray(errors, f.optional("pl"), f.path("pl"), maxItemLength);
    out.uk = readStringArray(errors, f.optional("uk"), f.path("uk"), maxItemLength);
    out.en = readStringArray(errors, f.optional("en"), f.path("en"), maxItemLength);
    if (out.pl.empty() && (!out.uk.empty() || !out.en.empty()))
        errors.add(f.path("pl"), CatalogErrorCode::EmptyList, "translations are given but the Polish list is empty");
    return out;
}

/// A whole number in [min, max]. Huge numbers (beyond 64 bits, read as floating point) are
/// reported as out of range rather than as a type error: that is what the editor needs to fix.
std::optional<std::int64_t> readInteger(Errors& errors, const Json* v, const std::string& path, std::int64_t min,
                                        std::int64_t max, CatalogErrorCode rangeCode = CatalogErrorCode::OutOfRange)
{
    if (v == nullptr)
        return std::nullopt;
    const std::string range = "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (v->is_number_unsigned())
    {
        const auto u = v->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max))
        {
            errors.add(path, rangeCode, range + "; found " + std::to_string(u));
            return std::nullopt;
        }
        return static_cast<std::int64_t>(u);
    }
    if (v->is_number_integer())
    {
        const auto i = v->get<std::int64_t>();
        if (i < min || i > max)
        {
            errors.add(path, rangeCode, range + "; found " + std::to_string(i));
            return std::nullopt;
        }
        return i;
    }
    if (v->is_number_float())
    {
        const double d = v->get<double>();
        if (std::isfinite(d) && (d < static_cast<double>(min) || d > static_cast<double>(max)))
            errors.add(path, rangeCode, range + "; found " + v->dump());
        else
            errors.add(path, CatalogErrorCode::WrongType, "expected a whole number, found " + v->dump());
        return std::nullopt;
    }
    errors.add(path, CatalogErrorCode::WrongType, "expected a whole number, found " + describeType(*v));
    return std::nullopt;
}

int readInt(Errors& errors, const Json* v, const std::string& path, int min, int max, int fallback)
{
    const auto i = readInteger(errors, v, path, min, max);
    return i ? static_cast<int>(*i) : fallback;
}

bool readBool(Errors& errors, const Json* v, const std::string& path, bool fallback)
{
    if (v == nullptr)
        return fallback;
    if (!v->is_boolean())
    {
        errors.add(path, CatalogErrorCode::WrongType, "expected true or false, found " + describeType(*v));
        return fallback;
    }
    return v->get<bool>();
}

std::optional<Date> readDate(Errors& errors, const Json* v, const std::string& path)
{
    if (v == nullptr)
        return std::nullopt;
    if (!v->is_string())
    {
        errors.add(path, CatalogErrorCode::WrongType, "expected a date \"YYYY-MM-DD\", found " + describeType(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (auto d = parseIsoDate(s))
        return d;
    if (looksLikeIsoDate(s))
        errors.add(path, CatalogErrorCode::BadDate, "no such day: " + quote(s));
    else
        errors.add(path, CatalogErrorCode::BadDate, "expected a date \"YYYY-MM-DD\", found " + quote(s));
    return std::nullopt;
}

/// The text code of a catalogue enum; areas and target groups keep theirs in domain/area.hpp.
template <typename E> std::string_view codeOf(E value)
{
    return domain::toCode(value);
}
std::string_view codeOf(const domain::Area& area)
{
    return domain::areaCode(area);
}
std::string_view codeOf(const domain::TargetGroup& group)
{
    return domain::targetGroupCode(group);
}

template <typename Codes> std::string joinCodes(const Codes& values)
{
    std::string out;
    for (const auto& e : values)
    {
        if (!out.empty())
            out += ", ";
        out += codeOf(e);
    }
    return out;
}

constexpr std::array kAllStatuses{domain::ServiceStatus::Active, domain::ServiceStatus::Information,
                                  domain::ServiceStatus::Planned, domain::ServiceStatus::Archived};
constexpr std::array kAllFeeKinds{domain::FeeKind::Free, domain::FeeKind::IncomeTable, domain::FeeKind::Fixed,
                                  domain::FeeKind::Unspecified};
constexpr std::array kAllKioskActions{domain::KioskAction::None, domain::KioskAction::ReserveEquipment,
                                      domain::KioskAction::RequestCounselling, domain::KioskAction::Callback};
constexpr std::array kAllCategories{domain::EquipmentCategory::Mobility, domain::EquipmentCategory::Care,
                                    domain::EquipmentCategory::Hygiene, domain::EquipmentCategory::Exercise};
constexpr std::array kAllUnitStates{domain::UnitState::Available, domain::UnitState::Reserved,
                                    domain::UnitState::OnLoan,    domain::UnitState::Cleaning,
                                    domain::UnitState::Repair,    domain::UnitState::Retired};

/// How the messages name a code field: "expected <expected>, found ..." and "unknown <unknown> "x"; allowed: ...".
/// Spelled out per field because the published messages differ in article and hyphen.
struct CodeWording
{
    std::string_view expected;
    std::string_view unknown;
};

constexpr CodeWording kStatusWording{"a status code", "status"};
constexpr CodeWording kKioskActionWording{"a kiosk action code", "kiosk action"};
constexpr CodeWording kFeeKindWording{"a fee kind code", "fee kind"};
constexpr CodeWording kCategoryWording{"a equipment category code", "equipment category"};
constexpr CodeWording kUnitStateWording{"a unit state code", "unit state"};
constexpr CodeWording kAreaWording{"an area code", "area"};
constexpr CodeWording kTargetGroupWording{"a target-group code", "target group"};

/// An enum written as its code, one of `all`.
template <typename Codes, typename E = typename Codes::value_type>
std::optional<E> readCode(Errors& errors, const Json* v, const std::string& path, CodeWording wording, const Codes& all)
{
    if (v == nullptr)
        return std::nullopt;
    if (!v->is_string())
    {
        errors.add(path, CatalogErrorCode::WrongType,
                   "expected " + std::string(wording.expected) + ", found " + describeType(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    for (const E& e : all)
        if (codeOf(e) == s)
            return e;
    errors.add(path, CatalogErrorCode::UnknownCode,
               "unknown " + std::string(wording.unknown) + " " + quote(s) + "; allowed: " + joinCodes(all));
    return std::nullopt;
}

enum class IdKind
{
    Id,
    InventoryNumber,
    PhoneNumber,
};

std::string readIdentifier(Errors& errors, const Json* v, const std::string& path, IdKind kind)
{
    if (v == nullptr)
        return {};
    if (!v->is_string())
    {
        errors.add(path, CatalogErrorCode::WrongType, "expected a string, found " + describeType(*v));
        return {};
    }
    const auto& s = v->get_ref<const std::string&>();
    switch (kind)
    {
    case IdKind::Id:
        if (!isId(s))
            errors.add(path, CatalogErrorCode::BadIdentifier,
                       "id " + quote(s) + " must be 1-64 characters a-z, 0-9 and '-', starting with a letter or digit");
        break;
    case IdKind::InventoryNumber:
        if (!isInventoryNumber(s))
            errors.add(path, CatalogErrorCode::BadIdentifier,
                       "inventory number " + quote(s) +
                           " must be 1-32 characters A-Z, 0-9 and '-', starting with a letter or digit");
        break;
    case IdKind::PhoneNumber:
        if (!isPhoneNumber(s))
            errors.add(path, CatalogErrorCode::BadIdentifier,
                       "number " + quote(s) +
                           " must be digits, optionally with a leading '+' and single spaces or "
                           "dashes, e.g. \"116 123\"");
        break;
    }
    return s;
}

/// Remembers the first place each id of one list appeared, to report repeats.
class UniqueIds
{
  public:
    explicit UniqueIds(std::string_view what) : m_what(what) {}

    void check(Errors& errors, const std::string& id, const std::string& path)
    {
        if (id.empty())
            return;
        const auto [it, inserted] = m_first.emplace(id, path);
        if (!inserted)
            errors.add(path, CatalogErrorCode::DuplicateId,
                       "duplicate " + std::string(m_what) + " " + quote(id) + " (first at " + it->second + ")");
    }
    bool contains(const std::string& id) const { return m_first.count(id) != 0; }

  private:
    std::string_view m_what;
    std::map<std::string, std::string> m_first;
};

/// A reference to check once the whole file is read (tables may come after the services).
struct PendingReference
{
    std::string id;
    std::string path;
};

void checkDateOrder(Errors& errors, const std::optional<Date>& from, const std::optional<Date>& to,
                    const std::string& toPath)
{
    if (from && to && *to < *from)
        errors.add(toPath, CatalogErrorCode::DateOrder,
                   "valid_to " + to->iso() + " is before valid_from " + from->iso());
}

// ---------------------------------------------------------------------------------------------
// The catalogue's records

class CatalogReader
{
  public:
    explicit CatalogReader(Errors& errors) : m_errors(errors) {}

    domain::Catalog read(const Json& root)
    {
        domain::Catalog c;
        if (!root.is_object())
        {
            m_errors.add("$", CatalogErrorCode::WrongType,
                         "the file must hold one JSON object {…}, found " + describeType(root));
            return c;
        }
        Fields f(m_errors, root, "$",
                 {"format_version", "municipality", "services", "fee_tables", "equipment_types", "units",
                  "counselling_kinds", "emergency_numbers", "announcements", "indicators", "areas", "target_groups"});
        if (const Json* v = f.required("format_version"))
        {
            const auto version = readInteger(m_errors, v, f.path("format_version"), std::numeric_limits<int>::min(),
                                             std::numeric_limits<int>::max());
            if (version && *version != kSupportedFormatVersion)
                m_errors.add(f.path("format_version"), CatalogErrorCode::UnsupportedVersion,
                             "format_version " + std::to_string(*version) + " is not supported; this program reads " +
                                 std::to_string(kSupportedFormatVersion));
            c.formatVersion = kSupportedFormatVersion;
        }
        if (const Json* v = f.required("municipality"))
            c.municipality = readMunicipality(*v, f.path("municipality"));

        // The lists come first whatever the key order: the services' codes are checked against them.
        if (const Json* v = f.optional("areas"))
            c.areas = readDefinitions<domain::AreaDefinition>(*v, f.path("areas"), "area");
        if (const Json* v = f.optional("target_groups"))
            c.targetGroups =
                readDefinitions<domain::TargetGroupDefinition>(*v, f.path("target_groups"), "target group");
        m_areas = &c.areas;
        m_groups = &c.targetGroups;

        c.services =
            readItems<domain::Service>(f.required("services"), f.path("services"),
                                       [this](const Json& v, const std::string& p) { return readService(v, p); });
        c.feeTables =
            readItems<domain::FeeTable>(f.optional("fee_tables"), f.path("fee_tables"),
                                        [this](const Json& v, const std::string& p) { return readFeeTable(v, p); });
        c.equipmentTypes = readItems<domain::EquipmentType>(f.optional("equipment_types"), f.path("equipment_types"),
                                                            [this](const Json& v, const std::string& p)
                                                            { return readEquipmentType(v, p); });
        c.units =
            readItems<domain::EquipmentUnit>(f.optional("units"), f.path("units"),
                                             [this](const Json& v, const std::string& p) { return readUnit(v, p); });
        c.counsellingKinds = readItems<domain::CounsellingKind>(
            f.optional("counselling_kinds"), f.path("counselling_kinds"),
            [this](const Json& v, const std::string& p) { return readCounsellingKind(v, p); });
        c.emergencyNumbers = readItems<domain::EmergencyNumber>(
            f.optional("emergency_numbers"), f.path("emergency_numbers"),
            [this](const Json& v, const std::string& p) { return readEmergencyNumber(v, p); });
        c.announcements = readItems<domain::Announcement>(f.optional("announcements"), f.path("announcements"),
                                                          [this](const Json& v, const std::string& p)
                                                          { return readAnnouncement(v, p); });
        m_indicators =
            readItems<domain::Indicator>(f.optional("indicators"), f.path("indicators"),
                                         [this](const Json& v, const std::string& p) { return readIndicator(v, p); });

        resolve(m_feeTableRefs, m_feeTableIds, "fee table");
        resolve(m_typeRefs, m_typeIds, "equipment type");
        m_areas = nullptr;
        m_groups = nullptr;
        return c;
    }

    /// One item of `services` on its own, at path "$"; its references are left unresolved.
    domain::Service readServiceEntry(const Json& root)
    {
        if (!expectObject(m_errors, root, "$"))
            return {};
        return readService(root, "$");
    }

    /// One item of `announcements` on its own, at path "$".
    domain::Announcement readAnnouncementEntry(const Json& root)
    {
        if (!expectObject(m_errors, root, "$"))
            return {};
        return readAnnouncement(root, "$");
    }

    /// One item of `indicators` on its own, at path "$".
    domain::Indicator readIndicatorEntry(const Json& root)
    {
        if (!expectObject(m_errors, root, "$"))
            return {};
        return readIndicator(root, "$");
    }

    /// The indicators of a whole file, read by the whole file's rules.
    std::vector<domain::Indicator> readFileIndicators(const Json& root)
    {
        read(root);
        return std::move(m_indicators);
    }

  private:
    /// `areas` or `target_groups`: each item {id, name, pictogram, retired}; ids unique and well formed.
    template <typename Definition>
    std::vector<Definition> readDefinitions(const Json& v, const std::string& path, std::string_view what)
    {
        std::vector<Definition> out;
        if (!expectArray(m_errors, v, path))
            return out;
        if (v.empty())
            m_errors.add(path, CatalogErrorCode::EmptyList, "list at least one " + std::string(what));
        UniqueIds seen(what);
        for (std::size_t i = 0; i < v.size(); ++i)
        {
            const std::string itemPath = element(path, i);
            const Json& item = v[i];
            if (!expectObject(m_errors, item, itemPath))
                continue;
            Fields f(m_errors, item, itemPath, {"id", "name", "pictogram", "retired"});
            const Json* idValue = f.required("id");
            const std::string id = readString(m_errors, idValue, f.path("id"), domain::CatalogueSlug::kMaxLength, true);
            using Id = decltype(Definition::id);
            const std::optional<Id> parsed = Id::parse(id);
            if (!parsed && idValue != nullptr && idValue->is_string() && !id.empty())
                m_errors.add(f.path("id"), CatalogErrorCode::BadIdentifier,
                             "expected an id of 1-64 characters a-z, 0-9 and \"-\", not starting with \"-\"; found " +
                                 quote(id));
            seen.check(m_errors, id, f.path("id"));
            domain::LocalizedText name = readText(m_errors, f.required("name"), f.path("name"), kMaxNameLength, true);
            std::string pictogram =
                readString(m_errors, f.optional("pictogram"), f.path("pictogram"), kMaxTagLength, false);
            if (!pictogram.empty() && !domain::isShippedPictogram(pictogram))
                m_errors.add(f.path("pictogram"), CatalogErrorCode::UnknownCode,
                             "unknown pictogram " + quote(pictogram) + "; allowed: the id of a shipped area (" +
                                 joinCodes(domain::shippedAreas()) + ") or target group (" +
                                 joinCodes(domain::shippedTargetGroups()) + "), or empty");
            const bool retired = readBool(m_errors, f.optional("retired"), f.path("retired"), false);
            if (parsed)
                out.push_back(Definition{*parsed, std::move(name), std::move(pictogram), retired});
        }
        return out;
    }

    /// A service's area or group code: one the file defines (retired ones included), or, for a
    /// single entry read on its own, any well-formed id.
    template <typename Definition, typename Id = decltype(Definition::id)>
    std::optional<Id> readDefinedCode(const Json* v, const std::string& path, CodeWording wording,
                                      const std::vector<Definition>* defined)
    {
        if (v == nullptr)
            return std::nullopt;
        if (defined != nullptr)
        {
            std::vector<Id> ids;
            ids.reserve(defined->size());
            for (const auto& d : *defined)
                ids.push_back(d.id);
            return readCode(m_errors, v, path, wording, ids);
        }
        if (!v->is_string())
        {
            m_errors.add(path, CatalogErrorCode::WrongType,
                         "expected " + std::string(wording.expected) + ", found " + describeType(*v));
            return std::nullopt;
        }
        const auto& s = v->get_ref<const std::string&>();
        if (auto id = Id::parse(s))
            return id;
        m_errors.add(path, CatalogErrorCode::UnknownCode, "unknown " + std::string(wording.unknown) + " " + quote(s));
        return std::nullopt;
    }

    /// A non-empty list of defined codes, each once; false when an element could not be read.
    template <typename Definition, typename Id = decltype(Definition::id)>
    bool readDefinedCodeList(const Json& list, const std::string& path, CodeWording wording,
                             const std::vector<Definition>* defined, std::vector<Id>& out)
    {
        if (list.empty())
            m_errors.add(path, CatalogErrorCode::EmptyList, "list at least one " + std::string(wording.unknown));
        UniqueIds seen(wording.unknown);
        bool allRead = true;
        for (std::size_t i = 0; i < list.size(); ++i)
        {
            const std::string elementPath = element(path, i);
            if (auto code = readDefinedCode(&list[i], elementPath, wording, defined))
            {
                seen.check(m_errors, std::string(code->id()), elementPath);
                out.push_back(*code);
            }
            else
            {
                allRead = false;
            }
        }
        return allRead;
    }

    /// A service that is not archived may not name a retired area or group (it would vanish from
    /// every list a resident browses while still being offered).
    template <typename Definition, typename Id = decltype(Definition::id)>
    void checkNotRetired(const domain::Service& s, const std::vector<Id>& ids, const std::string& path,
                         std::string_view what, const std::vector<Definition>* defined)
    {
        if (defined == nullptr || s.status == domain::ServiceStatus::Archived)
            return;
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (const auto& d : *defined)
                if (d.id == ids[i] && d.retired)
                    m_errors.add(element(path, i), CatalogErrorCode::RetiredReference,
                                 std::string(what) + " " + quote(ids[i].id()) +
                                     " is retired; only an archived service may name it");
    }

    template <typename T, typename ReadOne>
    std::vector<T> readItems(const Json* v, const std::string& path, ReadOne readOne)
    {
        std::vector<T> out;
        if (v == nullptr || !expectArray(m_errors, *v, path))
            return out;
        out.reserve(v->size());
        for (std::size_t i = 0; i < v->size(); ++i)
        {
            const std::string itemPath = element(path, i);
            const Json& item = (*v)[i];
            if (expectObject(m_errors, item, itemPath))
                out.push_back(readOne(item, itemPath));
        }
        return out;
    }

    domain::Municipality readMunicipality(const Json& v, const std::string& path)
    {
        domain::Municipality m;
        if (!expectObject(m_errors, v, path))
            return m;
        Fields f(m_errors, v, path,
                 {"id", "name", "cus_name", "address", "phone", "email", "opening_hours", "contact_to_be_confirmed",
                  "internal_note"});
        m.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m.name = readText(m_errors, f.required("name"), f.path("name"), kMaxNameLength, true);
        m.cusName = readText(m_errors, f.required("cus_name"), f.path("cus_name"), kMaxTextLength, true);
        m.address = readString(m_errors, f.optional("address"), f.path("address"), kMaxTextLength, false);
        m.phone = readString(m_errors, f.optional("phone"), f.path("phone"), kMaxTextLength, false);
        m.email = readString(m_errors, f.optional("email"), f.path("email"), kMaxTextLength, false);
        m.openingHours =
            readText(m_errors, f.optional("opening_hours"), f.path("opening_hours"), kMaxTextLength, false);
        m.contactToBeConfirmed =
            readBool(m_errors, f.optional("contact_to_be_confirmed"), f.path("contact_to_be_confirmed"), false);
        m.internalNote =
            readString(m_errors, f.optional("internal_note"), f.path("internal_note"), kMaxTextLength, false);
        return m;
    }

    domain::Service readService(const Json& v, const std::string& path)
    {
        domain::Service s;
        Fields f(m_errors, v, path,
                 {"id",
                  "status",
                  "name",
                  "summary",
                  "description",
                  "primary_area",
                  "areas",
                  "target_groups",
                  "tags",
                  "delivered_by",
                  "place",
                  "hours",
                  "contact",
                  "eligibility",
                  "qualification_mode",
                  "fee",
                  "documents",
                  "personal_data",
                  "capacity",
                  "kiosk_action",
                  "to_be_confirmed",
                  "internal_note",
                  "sources",
                  "valid_from",
                  "valid_to"});
        s.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m_serviceIds.check(m_errors, s.id, f.path("id"));
        if (auto st = readCode(m_errors, f.required("status"), f.path("status"), kStatusWording, kAllStatuses))
            s.status = *st;
        s.name = readText(m_errors, f.required("name"), f.path("name"), kMaxNameLength, true);
        s.summary = readText(m_errors, f.required("summary"), f.path("summary"), kMaxSummaryLength, true);
        s.description = readText(m_errors, f.required("description"), f.path("description"), kMaxTextLength, true);

        const auto primary = readDefinedCode(f.required("primary_area"), f.path("primary_area"), kAreaWording, m_areas);
        if (primary)
            s.primaryArea = *primary;
        if (const Json* areas = f.required("areas"); areas != nullptr && expectArray(m_errors, *areas, f.path("areas")))
        {
            const bool allRead = readDefinedCodeList(*areas, f.path("areas"), kAreaWording, m_areas, s.areas);
            if (primary && allRead && !areas->empty() &&
                std::find(s.areas.begin(), s.areas.end(), *primary) == s.areas.end())
                m_errors.add(f.path("primary_area"), CatalogErrorCode::PrimaryAreaNotInAreas,
                             "primary_area " + quote(domain::areaCode(*primary)) + " must also be listed in areas");
            checkNotRetired(s, s.areas, f.path("areas"), "area", m_areas);
        }
        if (const Json* groups = f.required("target_groups");
            groups != nullptr && expectArray(m_errors, *groups, f.path("target_groups")))
        {
            readDefinedCodeList(*groups, f.path("target_groups"), kTargetGroupWording, m_groups, s.targetGroups);
            checkNotRetired(s, s.targetGroups, f.path("target_groups"), "target group", m_groups);
        }
        s.tags = readList(m_errors, f.optional("tags"), f.path("tags"), kMaxTagLength);

        auto requiredText = [&](std::string_view key)
        {
            return readText(m_errors, f.required(key), f.path(key), kMaxTextLength, true);
        };
        s.deliveredBy = requiredText("delivered_by");
        s.place = requiredText("place");
        s.hours = requiredText("hours");
        s.contact = requiredText("contact");
        s.eligibility = requiredText("eligibility");
        s.qualificationMode = requiredText("qualification_mode");
        if (const Json* fee = f.required("fee"))
            s.fee = readFee(*fee, f.path("fee"));
        s.documents = requiredText("documents");
        s.personalData = requiredText("personal_data");
        s.capacity = readText(m_errors, f.optional("capacity"), f.path("capacity"), kMaxTextLength, false);
        if (auto k = readCode(m_errors, f.required("kiosk_action"), f.path("kiosk_action"), kKioskActionWording,
                              kAllKioskActions))
            s.kioskAction = *k;
        s.toBeConfirmed = readBool(m_errors, f.optional("to_be_confirmed"), f.path("to_be_confirmed"), false);
        s.internalNote =
            readString(m_errors, f.optional("internal_note"), f.path("internal_note"), kMaxTextLength, false);
        if (const Json* sources = f.required("sources"))
        {
            s.sources = readStringArray(m_errors, sources, f.path("sources"), kMaxTagLength);
            if (sources->is_array() && sources->empty())
                m_errors.add(f.path("sources"), CatalogErrorCode::EmptyList,
                             "name at least one source document, e.g. \"004\"");
        }
        s.validFrom = readDate(m_errors, f.optional("valid_from"), f.path("valid_from"));
        s.validTo = readDate(m_errors, f.optional("valid_to"), f.path("valid_to"));
        checkDateOrder(m_errors, s.validFrom, s.validTo, f.path("valid_to"));
        return s;
    }

    domain::FeeRule readFee(const Json& v, const std::string& path)
    {
        domain::FeeRule fee;
        if (!expectObject(m_errors, v, path))
            return fee;
        Fields f(m_errors, v, path, {"kind", "text", "fee_table_id"});
        const auto kind = readCode(m_errors, f.required("kind"), f.path("kind"), kFeeKindWording, kAllFeeKinds);
        if (kind)
            fee.kind = *kind;
        fee.text = readText(m_errors, f.required("text"), f.path("text"), kMaxTextLength, true);
        const Json* table =
            kind == domain::FeeKind::IncomeTable ? f.required("fee_table_id") : f.optional("fee_table_id");
        if (table != nullptr)
        {
            fee.feeTableId = readIdentifier(m_errors, table, f.path("fee_table_id"), IdKind::Id);
            if (!fee.feeTableId.empty())
                m_feeTableRefs.push_back({fee.feeTableId, f.path("fee_table_id")});
        }
        return fee;
    }

    domain::FeeTable readFeeTable(const Json& v, const std::string& path)
    {
        domain::FeeTable t;
        Fields f(m_errors, v, path,
                 {"id", "title", "bands", "criterion_single_grosze", "criterion_family_grosze", "criterion_note",
                  "above_last_band", "payment_rule"});
        t.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m_feeTableIds.check(m_errors, t.id, f.path("id"));
        t.title = readText(m_errors, f.required("title"), f.path("title"), kMaxTextLength, true);
        if (const Json* bands = f.required("bands"); bands != nullptr && expectArray(m_errors, *bands, f.path("bands")))
        {
            if (bands->empty())
                m_errors.add(f.path("bands"), CatalogErrorCode::EmptyList, "a fee table needs at least one band");
            std::optional<int> previous;
            for (std::size_t i = 0; i < bands->size(); ++i)
            {
                const std::string p = element(f.path("bands"), i);
                const Json& b = (*bands)[i];
                if (!expectObject(m_errors, b, p))
                    continue;
                Fields bf(m_errors, b, p, {"up_to_percent", "single_percent", "family_percent"});
                domain::FeeBand band;
                const auto upTo =
                    readInteger(m_errors, bf.required("up_to_percent"), bf.path("up_to_percent"), 1, 100000);
                band.singlePercent =
                    readInt(m_errors, bf.required("single_percent"), bf.path("single_percent"), 0, 100, 0);
                band.familyPercent =
                    readInt(m_errors, bf.required("family_percent"), bf.path("family_percent"), 0, 100, 0);
                if (upTo)
                {
                    band.upToPercent = static_cast<int>(*upTo);
                    if (previous && band.upToPercent <= *previous)
                        m_errors.add(bf.path("up_to_percent"), CatalogErrorCode::BandsNotAscending,
                                     "up_to_percent " + std::to_string(band.upToPercent) +
                                         " must be greater than the previous band's " + std::to_string(*previous));
                    previous = band.upToPercent;
                }
                t.bands.push_back(band);
            }
        }
        auto grosze = [&](std::string_view key)
        {
            const auto g = readInteger(m_errors, f.optional(key), f.path(key), 0, kMaxGrosze);
            return g ? *g : 0;
        };
        t.criterionSingleGrosze = grosze("criterion_single_grosze");
        t.criterionFamilyGrosze = grosze("criterion_family_grosze");
        t.criterionNote =
            readText(m_errors, f.optional("criterion_note"), f.path("criterion_note"), kMaxTextLength, false);
        t.aboveLastBand =
            readText(m_errors, f.optional("above_last_band"), f.path("above_last_band"), kMaxTextLength, false);
        t.paymentRule = readText(m_errors, f.optional("payment_rule"), f.path("payment_rule"), kMaxTextLength, false);
        return t;
    }

    domain::EquipmentType readEquipmentType(const Json& v, const std::string& path)
    {
        domain::EquipmentType t;
        Fields f(m_errors, v, path,
                 {"id", "category", "name", "description", "pictogram", "attributes", "default_loan_days",
                  "max_loan_days", "what_to_bring", "notes"});
        t.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m_typeIds.check(m_errors, t.id, f.path("id"));
        if (auto cat = readCode(m_errors, f.required("category"), f.path("category"), kCategoryWording, kAllCategories))
            t.category = *cat;
        t.name = readText(m_errors, f.required("name"), f.path("name"), kMaxNameLength, true);
        t.description = readText(m_errors, f.required("description"), f.path("description"), kMaxTextLength, true);
        t.pictogram = readString(m_errors, f.optional("pictogram"), f.path("pictogram"), kMaxTextLength, false);
        if (const Json* attrs = f.optional("attributes");
            attrs != nullptr && expectArray(m_errors, *attrs, f.path("attributes")))
        {
            UniqueIds keys("attribute key");
            for (std::size_t i = 0; i < attrs->size(); ++i)
            {
                const std::string p = element(f.path("attributes"), i);
                const Json& a = (*attrs)[i];
                if (!expectObject(m_errors, a, p))
                    continue;
                Fields af(m_errors, a, p, {"key", "label", "value"});
                domain::EquipmentAttribute attr;
                attr.key = readIdentifier(m_errors, af.required("key"), af.path("key"), IdKind::Id);
                keys.check(m_errors, attr.key, af.path("key"));
                attr.label = readText(m_errors, af.required("label"), af.path("label"), kMaxTextLength, true);
                attr.value = readText(m_errors, af.required("value"), af.path("value"), kMaxTextLength, true);
                t.attributes.push_back(std::move(attr));
            }
        }
        // Loan days are read over the whole int range first, so that 0 and negatives get the
        // specific loan-days message rather than a generic range one.
        constexpr auto kIntMin = std::numeric_limits<int>::min();
        constexpr auto kIntMax = std::numeric_limits<int>::max();
        const auto defDays =
            readInteger(m_errors, f.required("default_loan_days"), f.path("default_loan_days"), kIntMin, kIntMax);
        const auto maxDays =
            readInteger(m_errors, f.required("max_loan_days"), f.path("max_loan_days"), kIntMin, kIntMax);
        auto checkDays = [&](const std::optional<std::int64_t>& days, std::string_view key) -> bool
        {
            if (!days)
                return false;
            if (*days <= 0 || *days > kMaxLoanDays)
            {
                m_errors.add(f.path(key), CatalogErrorCode::BadLoanDays,
                             std::string(key) + " must be from 1 to " + std::to_string(kMaxLoanDays) + " days; found " +
                                 std::to_string(*days));
                return false;
            }
            return true;
        };
        const bool defOk = checkDays(defDays, "default_loan_days");
        const bool maxOk = checkDays(maxDays, "max_loan_days");
        if (defOk)
            t.defaultLoanDays = static_cast<int>(*defDays);
        if (maxOk)
            t.maxLoanDays = static_cast<int>(*maxDays);
        if (defOk && maxOk && *defDays > *maxDays)
            m_errors.add(f.path("default_loan_days"), CatalogErrorCode::BadLoanDays,
                         "default_loan_days " + std::to_string(*defDays) + " is more than max_loan_days " +
                             std::to_string(*maxDays));
        t.whatToBring = readList(m_errors, f.optional("what_to_bring"), f.path("what_to_bring"), kMaxTextLength);
        t.notes = readText(m_errors, f.optional("notes"), f.path("notes"), kMaxTextLength, false);
        return t;
    }

    domain::EquipmentUnit readUnit(const Json& v, const std::string& path)
    {
        domain::EquipmentUnit u;
        Fields f(m_errors, v, path, {"inventory_number", "type_id", "state", "notes"});
        u.inventoryNumber = readIdentifier(m_errors, f.required("inventory_number"), f.path("inventory_number"),
                                           IdKind::InventoryNumber);
        m_inventoryNumbers.check(m_errors, u.inventoryNumber, f.path("inventory_number"));
        u.typeId = readIdentifier(m_errors, f.required("type_id"), f.path("type_id"), IdKind::Id);
        if (!u.typeId.empty())
            m_typeRefs.push_back({u.typeId, f.path("type_id")});
        if (auto st = readCode(m_errors, f.required("state"), f.path("state"), kUnitStateWording, kAllUnitStates))
            u.state = *st;
        u.notes = readString(m_errors, f.optional("notes"), f.path("notes"), kMaxTextLength, false);
        return u;
    }

    domain::CounsellingKind readCounsellingKind(const Json& v, const std::string& path)
    {
        domain::CounsellingKind k;
        Fields f(m_errors, v, path, {"id", "name", "description"});
        k.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m_kindIds.check(m_errors, k.id, f.path("id"));
        k.name = readText(m_errors, f.required("name"), f.path("name"), kMaxNameLength, true);
        k.description = readText(m_errors, f.required("description"), f.path("description"), kMaxTextLength, true);
        return k;
    }

    domain::EmergencyNumber readEmergencyNumber(const Json& v, const std::string& path)
    {
        domain::EmergencyNumber n;
        Fields f(m_errors, v, path, {"number", "name", "hours", "verify_locally"});
        n.number = readIdentifier(m_errors, f.required("number"), f.path("number"), IdKind::PhoneNumber);
        m_numbers.check(m_errors, n.number, f.path("number"));
        n.name = readText(m_errors, f.required("name"), f.path("name"), kMaxNameLength, true);
        n.hours = readText(m_errors, f.optional("hours"), f.path("hours"), kMaxTextLength, false);
        n.verifyLocally = readBool(m_errors, f.optional("verify_locally"), f.path("verify_locally"), false);
        return n;
    }

    domain::Announcement readAnnouncement(const Json& v, const std::string& path)
    {
        domain::Announcement a;
        Fields f(m_errors, v, path, {"id", "title", "body", "valid_from", "valid_to"});
        a.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m_announcementIds.check(m_errors, a.id, f.path("id"));
        a.title = readText(m_errors, f.required("title"), f.path("title"), kMaxTextLength, true);
        a.body = readText(m_errors, f.required("body"), f.path("body"), kMaxTextLength, true);
        a.validFrom = readDate(m_errors, f.optional("valid_from"), f.path("valid_from"));
        a.validTo = readDate(m_errors, f.optional("valid_to"), f.path("valid_to"));
        checkDateOrder(m_errors, a.validFrom, a.validTo, f.path("valid_to"));
        return a;
    }

    domain::Indicator readIndicator(const Json& v, const std::string& path)
    {
        domain::Indicator ind;
        Fields f(
            m_errors, v, path,
            {"id", "name", "service", "unit", "period", "target", "evidence", "how_counted", "aggregation", "source"});
        ind.id = readIdentifier(m_errors, f.required("id"), f.path("id"), IdKind::Id);
        m_indicatorIds.check(m_errors, ind.id, f.path("id"));
        ind.name = readString(m_errors, f.required("name"), f.path("name"), kMaxNameLength * 2, true);
        ind.service = readString(m_errors, f.required("service"), f.path("service"), kMaxNameLength, true);
        ind.unit = readString(m_errors, f.required("unit"), f.path("unit"), kMaxTagLength, true);
        if (const Json* p = f.required("period"))
        {
            const std::string code = readString(m_errors, p, f.path("period"), kMaxTagLength, true);
            if (auto period = domain::parseIndicatorPeriod(code))
                ind.period = *period;
            else if (p->is_string() && !code.empty())
                m_errors.add(f.path("period"), CatalogErrorCode::UnknownCode,
                             "unknown period " + quote(code) + "; allowed: year, quarter, month");
        }
        if (const Json* t = f.optional("target"); t != nullptr && !t->is_null())
            ind.target = readTarget(*t, f.path("target"));
        ind.evidence = readString(m_errors, f.required("evidence"), f.path("evidence"), kMaxTextLength, true);
        if (const Json* h = f.required("how_counted");
            h != nullptr && expectObject(m_errors, *h, f.path("how_counted")))
            ind.counting = readCounting(*h, f.path("how_counted"));
        if (const Json* a = f.optional("aggregation"))
        {
            const std::string code = readString(m_errors, a, f.path("aggregation"), kMaxTagLength, true);
            if (auto aggregation = domain::parseAggregation(code))
                ind.aggregation = *aggregation;
            else if (a->is_string() && !code.empty())
                m_errors.add(f.path("aggregation"), CatalogErrorCode::UnknownCode,
                             "unknown aggregation " + quote(code) + "; allowed: sum, latest");
            if (ind.counting.kind != domain::CountingKind::Entered)
                m_errors.add(f.path("aggregation"), CatalogErrorCode::UnknownKey,
                             "'aggregation' belongs to entered indicators only: the others are counted over the "
                             "period itself");
        }
        ind.source = readString(m_errors, f.required("source"), f.path("source"), kMaxTextLength, true);
        return ind;
    }

    /// A target: a number from 0 to 1 000 000 000 (fractions allowed: hours may be 7.5).
    std::optional<double> readTarget(const Json& v, const std::string& path)
    {
        if (!v.is_number())
        {
            m_errors.add(path, CatalogErrorCode::WrongType, "expected a number or null, found " + describeType(v));
            return std::nullopt;
        }
        const double target = v.get<double>();
        if (!(target >= 0 && target <= 1e9))
        {
            m_errors.add(path, CatalogErrorCode::OutOfRange, "a target must be from 0 to 1000000000");
            return std::nullopt;
        }
        return target;
    }

    /// {"kind": "automatic", "metric": …} | {"kind": "register", "register": …, "measure": …,
    /// "kinds": […]} | {"kind": "entered"}.
    domain::IndicatorCounting readCounting(const Json& v, const std::string& path)
    {
        domain::IndicatorCounting c;
        Fields f(m_errors, v, path, {"kind", "metric", "register", "measure", "kinds"});
        const Json* k = f.required("kind");
        const std::string kind = readString(m_errors, k, f.path("kind"), kMaxTagLength, true);
        auto parsed = domain::parseCountingKind(kind);
        if (!parsed)
        {
            if (k != nullptr && k->is_string())
                m_errors.add(f.path("kind"), CatalogErrorCode::UnknownCode,
                             "unknown counting kind " + quote(kind) + "; allowed: automatic, register, entered");
            return c;
        }
        c.kind = *parsed;
        auto oneOf = [&](const char* key, const std::vector<std::string_view>& allowed, const char* what)
        {
            const Json* value = f.required(key);
            std::string code = readString(m_errors, value, f.path(key), kMaxTagLength, true);
            if (value == nullptr || !value->is_string() || code.empty())
                return code;
            if (std::find(allowed.begin(), allowed.end(), code) == allowed.end())
            {
                std::string list;
                for (auto a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                m_errors.add(f.path(key), CatalogErrorCode::UnknownCode,
                             "unknown " + std::string(what) + " " + quote(code) + "; allowed: " + list);
            }
            return code;
        };
        auto notHere = [&](const char* key)
        {
            if (f.optional(key) != nullptr)
                m_errors.add(f.path(key), CatalogErrorCode::UnknownKey,
                             "'" + std::string(key) + "' does not belong to counting kind " + quote(kind));
        };
        switch (c.kind)
        {
        case domain::CountingKind::Automatic:
            c.measure = oneOf("metric", domain::automaticMetrics(), "automatic metric");
            for (const char* key : {"register", "measure", "kinds"})
                notHere(key);
            break;
        case domain::CountingKind::Register:
            c.registerName = oneOf("register", domain::registerNames(), "register");
            if (!domain::registerMeasures(c.registerName).empty())
                c.measure = oneOf("measure", domain::registerMeasures(c.registerName), "measure of this register");
            if (const Json* kinds = f.optional("kinds"))
            {
                if (domain::registerKinds(c.registerName).empty())
                    m_errors.add(f.path("kinds"), CatalogErrorCode::UnknownKey,
                                 "'kinds' narrows only the registers activity_sessions and activity_schedule");
                else
                    c.kinds = readActivityKinds(*kinds, f.path("kinds"), domain::registerKinds(c.registerName));
            }
            notHere("metric");
            break;
        case domain::CountingKind::Entered:
            for (const char* key : {"metric", "register", "measure", "kinds"})
                notHere(key);
            break;
        }
        return c;
    }

    std::vector<std::string> readActivityKinds(const Json& v, const std::string& path,
                                               const std::vector<std::string_view>& allowed)
    {
        std::vector<std::string> out;
        if (!expectArray(m_errors, v, path))
            return out;
        if (v.empty())
            m_errors.add(path, CatalogErrorCode::EmptyList, "list at least one kind or leave 'kinds' out");
        UniqueIds seen("kind");
        std::string allowedList;
        for (std::string_view k : allowed)
            allowedList += (allowedList.empty() ? "" : ", ") + std::string(k);
        for (std::size_t i = 0; i < v.size(); ++i)
        {
            const std::string itemPath = element(path, i);
            const std::string code = readString(m_errors, &v[i], itemPath, kMaxTagLength, true);
            if (!v[i].is_string())
                continue;
            if (std::find(allowed.begin(), allowed.end(), code) == allowed.end())
                m_errors.add(itemPath, CatalogErrorCode::UnknownCode,
                             "unknown activity kind " + quote(code) + "; allowed: " + allowedList);
            seen.check(m_errors, code, itemPath);
            out.push_back(code);
        }
        return out;
    }

    void resolve(const std::vector<PendingReference>& refs, const UniqueIds& ids, std::string_view what)
    {
        for (const auto& ref : refs)
            if (!ids.contains(ref.id))
                m_errors.add(ref.path, CatalogErrorCode::DanglingReference,
                             "no " + std::string(what) + " with id " + quote(ref.id) + " in this file");
    }

    Errors& m_errors;
    UniqueIds m_serviceIds{"service id"};
    /// The file's areas and target groups while a whole file is read; null for a single entry.
    const std::vector<domain::AreaDefinition>* m_areas = nullptr;
    const std::vector<domain::TargetGroupDefinition>* m_groups = nullptr;
    UniqueIds m_feeTableIds{"fee table id"};
    UniqueIds m_typeIds{"equipment type id"};
    UniqueIds m_inventoryNumbers{"inventory number"};
    UniqueIds m_kindIds{"counselling kind id"};
    UniqueIds m_numbers{"emergency number"};
    UniqueIds m_announcementIds{"announcement id"};
    UniqueIds m_indicatorIds{"indicator id"};
    std::vector<domain::Indicator> m_indicators;
    std::vector<PendingReference> m_feeTableRefs;
    std::vector<PendingReference> m_typeRefs;
};

/// Replaces every byte that is not part of a valid UTF-8 sequence with U+FFFD, so that the JSON
/// parser still reads the file and the damaged strings can be reported by their path.
std::string replaceInvalidUtf8(std::string_view raw, std::vector<std::size_t>& invalidOffsets)
{
    std::string out;
    out.reserve(raw.size());
    std::size_t pos = 0;
    while (pos < raw.size())
    {
        const std::size_t start = pos;
        if (text::decodeOne(raw, pos))
        {
            out.append(raw.substr(start, pos - start));
        }
        else
        {
            invalidOffsets.push_back(start);
            out.append(kReplacementChar);
            pos = start + 1;
        }
    }
    return out;
}

/// JSON text -> tree, with syntax and encoding errors reported; false when there is no tree to read.
bool buildTree(std::string_view raw, Errors& errors, Json& root)
{
    if (isBlank(raw))
    {
        errors.add("$", CatalogErrorCode::MalformedJson, "the file is empty", 1, 1);
        return false;
    }

    std::vector<std::size_t> invalidOffsets;
    const std::string text = replaceInvalidUtf8(raw, invalidOffsets);

    TreeBuilder builder(root, errors);
    // Comments are not allowed: the same file is served to other tools that read strict JSON.
    Json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, true, false);
    if (builder.failed())
    {
        // The parser's position counts bytes read; the offending character is the last one read.
        const std::size_t at = builder.errorPosition() > 0 ? builder.errorPosition() - 1 : 0;
        const auto lc = lineColumn(text, at);
        std::string message = stripJsonPrefix(builder.errorMessage());
        if (at >= text.size() || builder.errorMessage().find("end of input") != std::string::npos)
            message = "the file ends too early (truncated?): " + message;
        errors.add("$", CatalogErrorCode::MalformedJson, atLine(lc) + ": " + message, lc.first, lc.second);
        // Invalid bytes outside strings are what broke the syntax; say so where they are.
        if (!invalidOffsets.empty())
        {
            const auto bad = lineColumn(raw, invalidOffsets.front());
            errors.add("$", CatalogErrorCode::InvalidUtf8,
                       atLine(bad) + ": byte offset " + std::to_string(invalidOffsets.front()) +
                           " is not valid UTF-8; save the file as UTF-8",
                       bad.first, bad.second);
        }
        return false;
    }
    return true;
}

CatalogResult parseCatalogUnchecked(std::string_view raw)
{
    Errors errors;
    Json root;
    if (!buildTree(raw, errors, root))
        return makeErr(errors.take());
    CatalogReader reader(errors);
    domain::Catalog catalog = reader.read(root);
    if (!errors.empty())
        return makeErr(errors.take());
    return catalog;
}

/// One catalogue entry read by `read` (a CatalogReader member) under the file's rules. Nothing may
/// escape the shared library, so an exception becomes an error like in parseCatalog.
template <typename T, typename Read> Result<T, CatalogErrors> parseEntry(std::string_view raw, Read read)
{
    try
    {
        Errors errors;
        Json root;
        if (!buildTree(raw, errors, root))
            return makeErr(errors.take());
        CatalogReader reader(errors);
        T value = (reader.*read)(root);
        if (!errors.empty())
            return makeErr(errors.take());
        return value;
    }
    catch (const std::exception& ex)
    {
        return makeErr(CatalogErrors{
            {"$", CatalogErrorCode::MalformedJson, std::string("the entry could not be read: ") + ex.what(), 0, 0}});
    }
}

} // namespace

std::string_view errorCodeName(CatalogErrorCode code)
{
    switch (code)
    {
    case CatalogErrorCode::FileUnreadable:
        return "file-unreadable";
    case CatalogErrorCode::MalformedJson:
        return "malformed-json";
    case CatalogErrorCode::InvalidUtf8:
        return "invalid-utf8";
    case CatalogErrorCode::WrongType:
        return "wrong-type";
    case CatalogErrorCode::MissingField:
        return "missing-field";
    case CatalogErrorCode::UnknownKey:
        return "unknown-key";
    case CatalogErrorCode::DuplicateKey:
        return "duplicate-key";
    case CatalogErrorCode::UnknownCode:
        return "unknown-code";
    case CatalogErrorCode::EmptyText:
        return "empty-text";
    case CatalogErrorCode::EmptyList:
        return "empty-list";
    case CatalogErrorCode::TooLong:
        return "too-long";
    case CatalogErrorCode::BadIdentifier:
        return "bad-identifier";
    case CatalogErrorCode::DuplicateId:
        return "duplicate-id";
    case CatalogErrorCode::BadDate:
        return "bad-date";
    case CatalogErrorCode::DateOrder:
        return "date-order";
    case CatalogErrorCode::DanglingReference:
        return "dangling-reference";
    case CatalogErrorCode::BandsNotAscending:
        return "bands-not-ascending";
    case CatalogErrorCode::BadLoanDays:
        return "bad-loan-days";
    case CatalogErrorCode::PrimaryAreaNotInAreas:
        return "primary-area-not-in-areas";
    case CatalogErrorCode::RetiredReference:
        return "retired-reference";
    case CatalogErrorCode::OutOfRange:
        return "out-of-range";
    case CatalogErrorCode::UnsupportedVersion:
        return "unsupported-version";
    case CatalogErrorCode::TooManyErrors:
        return "too-many-errors";
    }
    return "unknown";
}

CatalogResult parseCatalog(std::string_view json)
{
    try
    {
        return parseCatalogUnchecked(json);
    }
    catch (const std::exception& ex)
    {
        // Nothing may escape the shared library; an exception here is a loader bug or memory
        // exhaustion, reported like any other unreadable file.
        return makeErr(CatalogErrors{
            {"$", CatalogErrorCode::MalformedJson, std::string("the file could not be read: ") + ex.what(), 0, 0}});
    }
}

Result<domain::Service, CatalogErrors> parseServiceEntry(std::string_view json)
{
    return parseEntry<domain::Service>(json, &CatalogReader::readServiceEntry);
}

Result<domain::Announcement, CatalogErrors> parseAnnouncementEntry(std::string_view json)
{
    return parseEntry<domain::Announcement>(json, &CatalogReader::readAnnouncementEntry);
}

Result<domain::Indicator, CatalogErrors> parseIndicatorEntry(std::string_view json)
{
    return parseEntry<domain::Indicator>(json, &CatalogReader::readIndicatorEntry);
}

Result<std::vector<domain::Indicator>, CatalogErrors> parseCatalogIndicators(std::string_view json)
{
    return parseEntry<std::vector<domain::Indicator>>(json, &CatalogReader::readFileIndicators);
}

namespace
{
/// The file's text, or the reason it cannot be read.
Result<std::string, CatalogErrors> readCatalogText(const std::filesystem::path& path)
{
    try
    {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (ec)
            return makeErr(CatalogErrors{
                {"$", CatalogErrorCode::FileUnreadable, "cannot read " + path.string() + ": " + ec.message(), 0, 0}});
        if (size > kMaxCatalogFileBytes)
            return makeErr(CatalogErrors{{"$", CatalogErrorCode::FileUnreadable,
                                          path.string() + " is " + std::to_string(size) + " bytes; at most " +
                                              std::to_string(kMaxCatalogFileBytes) + " are read",
                                          0, 0}});
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return makeErr(
                CatalogErrors{{"$", CatalogErrorCode::FileUnreadable, "cannot open " + path.string(), 0, 0}});
        std::string content(static_cast<std::size_t>(size), '\0');
        in.read(content.data(), static_cast<std::streamsize>(size));
        content.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad())
            return makeErr(
                CatalogErrors{{"$", CatalogErrorCode::FileUnreadable, "error while reading " + path.string(), 0, 0}});
        return content;
    }
    catch (const std::exception& ex)
    {
        return makeErr(CatalogErrors{
            {"$", CatalogErrorCode::FileUnreadable, "cannot read " + path.string() + ": " + ex.what(), 0, 0}});
    }
}
} // namespace

CatalogResult loadCatalogFile(const std::filesystem::path& path)
{
    auto text = readCatalogText(path);
    if (!text)
        return makeErr(text.error());
    return parseCatalog(*text);
}

Result<std::vector<domain::Indicator>, CatalogErrors> loadCatalogIndicatorsFile(const std::filesystem::path& path)
{
    auto text = readCatalogText(path);
    if (!text)
        return makeErr(text.error());
    return parseCatalogIndicators(*text);
}

std::string formatCatalogError(const CatalogError& error)
{
    return error.path + ": " + std::string(errorCodeName(error.code)) + ": " + error.message;
}

} // namespace okienko::catalog
