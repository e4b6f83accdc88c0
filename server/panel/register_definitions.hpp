// The panel's registers described as data: each one's table and columns (what the store reads and
// writes), its form's fields with their Polish labels, and the field checks with their precise
// messages. The pages (register_pages) and the store work from these definitions only.
#pragma once

#include "server/store/register_views.hpp"
#include "shared/util/date.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::panel
{

enum class RegisterId
{
    Counselling,
    Activities,
    VolunteerMembers,
    VolunteerInitiatives,
    ShelteredHousing,
};

enum class FieldKind
{
    Date,         ///< YYYY-MM-DD, not after today
    OptionalDate, ///< the same, or empty (not yet)
    Minutes,      ///< a meeting's length: 5–480
    Hours,        ///< a session's hours: more than 0, at most 24, "1,5" or "1.5"
    Count,        ///< participants: 0–10000
    Text,         ///< one line, 1–120 characters
    Choice,       ///< one of `choices`
    Fixed,        ///< not on the form: `fixedValue` is written when a row is added
};

struct RegisterField
{
    std::string column;
    std::string label;
    FieldKind kind = FieldKind::Text;
    std::vector<std::pair<std::string, std::string>> choices; ///< code → label (Choice)
    std::string fixedValue;                                   ///< Fixed
    std::string hint;                                         ///< under the label, e.g. "inicjały"
};

struct RegisterDefinition
{
    RegisterId id = RegisterId::Activities;
    std::string slug;  ///< /panel/registers/<slug>
    std::string title; ///< the page's heading
    std::string intro; ///< what the register proves, one paragraph
    std::string noun;  ///< the entry, for buttons: "zajęcia", "członka"
    RegisterTable table;
    std::vector<RegisterField> fields;
    /// A date field that may not be before another: column → (earlier column, message).
    std::map<std::string, std::pair<std::string, std::string>> notBefore;
    /// When set, only rows whose column of this name is "1" are changed through the form (the
    /// counselling register's walk-ins; a booked meeting is marked instead).
    std::string editableWhen;
};

/// Every register, in the order of the index page.
const std::vector<RegisterDefinition>& registerDefinitions();
const RegisterDefinition& registerDefinition(RegisterId id);

/// What a form parses to: the values to write (text, as the store binds them), what was typed (for
/// re-display) and each field's error.
struct RegisterFormInput
{
    std::int64_t id = 0; ///< 0: a new entry
    RegisterValues values;
    std::map<std::string, std::string> typed;
    std::map<std::string, std::string> errors; ///< column → message
};

/// Checks every field of `form` against `definition` as of `today`. Fixed fields are written only
/// when adding (`id` 0).
RegisterFormInput readRegisterForm(const RegisterDefinition& definition, const std::map<std::string, std::string>& form,
                                   Date today);

/// A stored value as a person reads it: a choice's label, hours with a decimal comma, "—" for none.
std::string displayValue(const RegisterField& field, const std::optional<std::string>& value);

/// The text a form field starts with for a stored value (hours with a decimal comma).
std::string formValue(const RegisterField& field, const std::optional<std::string>& value);

/// "1,5" or "1.5" → "1.5"; nullopt unless a number with at most two decimals.
std::optional<std::string> parseHours(const std::string& text);

} // namespace okienko::server::panel
