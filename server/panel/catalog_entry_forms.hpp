// The forms of the catalogue-keeping pages as data: for each kind of entry (the municipality, a
// service, a fee table, an equipment type, a unit, an emergency number) the fields of its catalogue
// JSON a coordinator fills in, how each is shown and read back, and the loader's errors in Polish at
// the field they belong to. What a form does not list (an equipment type's attributes) stays as
// stored: the form's values are laid over the stored entry.
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/store/catalog_views.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/protocol/json_reader.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace okienko::server::panel
{

using FormValues = std::map<std::string, std::string>;

enum class EntryFieldType
{
    Text,          ///< one line
    LongText,      ///< a textarea (notes)
    LocalizedText, ///< pl/uk/en lines
    LocalizedArea, ///< pl/uk/en textareas
    LocalizedList, ///< pl/uk/en textareas, one item a line
    Lines,         ///< a textarea, one item a line (sources)
    Number,        ///< a whole number
    Flag,          ///< a checkbox
    Choice,        ///< one code from a list
    Choices,       ///< codes from a list (a checkbox each)
    Day,           ///< YYYY-MM-DD, optional
    Bands,         ///< fee-table bands: "up_to_percent; single_percent; family_percent" a line
};

/// One field of an entry's form.
struct EntryField
{
    std::string pointer; ///< into the entry's JSON, "/fee/kind"
    std::string label;
    EntryFieldType type = EntryFieldType::Text;
    std::string hint;
    bool required = false; ///< the format requires it (its Polish text for a localized one)
    bool newOnly = false;  ///< the id: typed once, when the entry is added
    std::size_t limit = 0; ///< characters (each language), for the message
    std::vector<std::pair<std::string, std::string>> options; ///< Choice/Choices: code, Polish label
};

/// The fields of `kindCode`'s form; `catalogue` gives the choices of references (fee tables, types).
std::vector<EntryField> entryFields(const std::string& kindCode, const domain::Catalog& catalogue);

/// The form's name of a field ("fee_kind"); a localized one adds "_pl" etc.
std::string entryFieldName(const EntryField& field);

/// The form's values for an entry's JSON.
FormValues entryFormValues(const protocol::Json& entry, const std::vector<EntryField>& fields);
/// The changes the typed form makes to the entry (every field of the form; the id only when new).
std::vector<CatalogFieldChange> entryFormChanges(const FormValues& typed, const std::vector<EntryField>& fields,
                                                 bool isNew);

/// The loader's errors by form field, in Polish, plus the summary in order.
struct EntryFormErrors
{
    std::map<std::string, std::string> byField;
    std::vector<std::pair<std::string, std::string>> summary; ///< field name ("" when not a field), text
    bool empty() const { return summary.empty(); }
};
/// `errors` have paths into the entry ("$.name.pl"); `elsewhere` are what the change breaks in other
/// entries (full paths).
EntryFormErrors mapEntryErrors(const catalog::CatalogErrors& errors, const catalog::CatalogErrors& elsewhere,
                               const std::vector<EntryField>& fields, const FormValues& typed,
                               const protocol::Json& document);

/// A loader error in a coordinator's words (every code of catalog::CatalogErrorCode).
std::string polishCatalogMessage(const catalog::CatalogError& error, std::size_t limit, const std::string& typed);

/// The form's fields as HTML (labels, hints, errors at their fields).
Html entryFieldsHtml(const std::vector<EntryField>& fields, const FormValues& values, const EntryFormErrors& errors,
                     bool isNew);
/// The error summary above a form (links move focus to the field).
Html entryErrorSummary(const EntryFormErrors& errors);

} // namespace okienko::server::panel
