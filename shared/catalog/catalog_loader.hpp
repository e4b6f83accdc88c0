// Reading a catalogue file (assets/catalog/*.json, format in docs/catalog-format.md) into a
// domain::Catalog. CUS staff edit these files by hand, so the loader reports every problem of a file
// in one pass, each with the JSON path of the offending value, instead of stopping at the first.
#pragma once

#include "shared/domain/catalog.hpp"
#include "shared/domain/indicator.hpp"
#include "shared/util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::catalog
{

/// What is wrong with one value of a catalogue file. Stable: the UI and the CLI key on it.
enum class CatalogErrorCode
{
    FileUnreadable,        ///< the file cannot be opened or read, or is too large
    MalformedJson,         ///< not JSON at all (syntax error, truncated, empty, number overflow)
    InvalidUtf8,           ///< bytes that are not UTF-8 (or U+FFFD left by a wrong conversion)
    WrongType,             ///< e.g. a string where an object is expected; a fraction where a whole number is
    MissingField,          ///< a required key is absent
    UnknownKey,            ///< a key the format does not have (usually a typo)
    DuplicateKey,          ///< the same key twice in one object
    UnknownCode,           ///< an enum code (status, area, …) that does not exist
    EmptyText,             ///< a required text (or its Polish version) is empty
    EmptyList,             ///< a list that must have at least one item is empty
    TooLong,               ///< a text longer than its bound in code points
    BadIdentifier,         ///< an id, inventory number or phone number does not match its pattern
    DuplicateId,           ///< an id (inventory number, number, area) repeated within its list
    BadDate,               ///< not "YYYY-MM-DD", or no such day ("2024-02-30")
    DateOrder,             ///< valid_from is after valid_to
    DanglingReference,     ///< fee_table_id or type_id names nothing in the file
    BandsNotAscending,     ///< fee-table bands' up_to_percent not strictly ascending
    BadLoanDays,           ///< loan days ≤ 0, too many, or default above maximum
    PrimaryAreaNotInAreas, ///< a service's primary_area is missing from its areas
    RetiredReference,      ///< a service that is not archived names a retired area or target group
    OutOfRange,            ///< a number outside its allowed range (including huge numbers)
    UnsupportedVersion,    ///< format_version this loader does not read
    TooManyErrors,         ///< the list of errors was cut short
};

/// Stable kebab-case name of a code, e.g. "missing-field" (for logs and the CLI).
std::string_view errorCodeName(CatalogErrorCode code);

/// One problem in a catalogue file.
struct CatalogError
{
    std::string path; ///< JSON path of the value, e.g. "$.services[3].name.uk"; "$" for the whole file
    CatalogErrorCode code = CatalogErrorCode::MalformedJson;
    std::string message;    ///< English, for logs and the CLI; never contains personal data
    std::size_t line = 0;   ///< 1-based position for syntax and encoding errors; 0 when unknown
    std::size_t column = 0; ///< 1-based, in code points
};

/// Every error of the file, in file order, then the cross-reference errors.
using CatalogErrors = std::vector<CatalogError>;
using CatalogResult = Result<domain::Catalog, CatalogErrors>;

/// Length limits in characters (code points) of docs/catalog-format.md: every text under a key
/// `name`; a `summary`; a search tag or source; every other text.
inline constexpr std::size_t kMaxNameChars = 120;
inline constexpr std::size_t kMaxSummaryChars = 400;
inline constexpr std::size_t kMaxTagChars = 60;
inline constexpr std::size_t kMaxTextChars = 4000;

/// Upper bound on the size of a catalogue file; larger files are refused unread.
inline constexpr std::uintmax_t kMaxCatalogFileBytes = 16u * 1024u * 1024u;
/// After this many errors the list ends with one TooManyErrors entry.
inline constexpr std::size_t kMaxCatalogErrors = 500;

/// Parses a catalogue from JSON text. Never throws; on any error returns all of them.
CatalogResult parseCatalog(std::string_view json);

/// Reads and parses a catalogue file. Never throws.
CatalogResult loadCatalogFile(const std::filesystem::path& path);

/// Checks one service given as the JSON text of one item of a file's `services` list, by exactly
/// the rules that item is checked by inside a file, and returns every error with a path relative to
/// the service ("$.name.pl", "$.valid_to"). What only a whole file can tell is not checked: whether
/// the id is unique and whether `fee_table_id` names a table (its form is checked). Never throws.
Result<domain::Service, CatalogErrors> parseServiceEntry(std::string_view json);

/// The same for one item of a file's `announcements` list.
Result<domain::Announcement, CatalogErrors> parseAnnouncementEntry(std::string_view json);

/// The `indicators` of a catalogue file (docs/catalog-format.md), read under the whole file's rules:
/// any error of the file (an indicator's or another entry's) is returned, so an import takes both
/// from one valid file. The catalogue itself (domain::Catalog) does not carry them: the server keeps
/// them (server_schema migration 10) and kiosks never need them. Never throws.
Result<std::vector<domain::Indicator>, CatalogErrors> parseCatalogIndicators(std::string_view json);

/// The same from a file.
Result<std::vector<domain::Indicator>, CatalogErrors> loadCatalogIndicatorsFile(const std::filesystem::path& path);

/// One item of a file's `indicators` list, by the rules it is checked by inside a file (the id's
/// uniqueness is not checked). Never throws.
Result<domain::Indicator, CatalogErrors> parseIndicatorEntry(std::string_view json);

/// "<path>: <code>: <message>" on one line, for logs and the CLI (syntax errors carry "line L, column C"
/// in their message).
std::string formatCatalogError(const CatalogError& error);

} // namespace okienko::catalog
