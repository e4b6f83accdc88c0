// What the panel's registers (counselling, activity sessions, volunteer club, sheltered housing) and
// the idea box read and ask of the store. A register is described by its table and columns
// (RegisterTable, defined in the panel's register definitions) so one set of queries serves every
// register; values travel as text, already checked by the panel, and are bound by column type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

enum class RegisterColumnType
{
    Text,
    Integer,
    Real
};

struct RegisterColumn
{
    std::string name;
    RegisterColumnType type = RegisterColumnType::Text;
    bool personal = false; ///< left out of the audit row's data (and erased by retention)
};

/// A register's table as the store needs it. Names come from the source code only.
struct RegisterTable
{
    std::string id;    ///< register_edits.register, e.g. "activity_sessions"
    std::string table; ///< the SQL table
    /// The rows a period [?1, ?2] (YYYY-MM-DD) lists, as an SQL condition on the table's columns.
    std::string periodCondition;
    /// The list's order, newest first.
    std::string orderBy;
    std::vector<RegisterColumn> columns;
};

/// Column name → value as text; nullopt is NULL.
using RegisterValues = std::map<std::string, std::optional<std::string>>;

struct RegisterRowView
{
    std::int64_t id = 0;
    RegisterValues values;
    std::string createdBy; ///< staff name (id when the account is gone)
    std::int64_t createdAt = 0;
    std::string updatedBy; ///< "" when never changed
    std::int64_t updatedAt = 0;
};

/// Adds (`id` 0) or updates a row: only the columns in `values` are written.
struct RegisterWrite
{
    std::int64_t id = 0;
    RegisterValues values;
    std::string staffId;
    std::int64_t now = 0;
};

enum class RegisterWriteResult
{
    Added,
    Updated,
    Removed,
    Marked,
    NotFound, ///< the row (or the booking) is not there
};

/// A counselling meeting booked at a kiosk (a request on a slot), with its register entry if marked.
struct BookedMeetingView
{
    std::string requestId, code, kindName, status;
    std::string date; ///< the slot's day
    int start = 0;    ///< minute of the day
    int slotMinutes = 0;
    std::string personName; ///< "" when erased or not given
    std::int64_t registerId = 0;
    std::optional<bool> held; ///< nullopt: not yet marked
    std::optional<int> durationMinutes;
};

/// A counsellor's mark of a booked meeting: held (with its length) or not.
struct MeetingMark
{
    std::string requestId;
    std::string today; ///< a meeting on a later day cannot be marked yet
    bool held = false;
    int minutes = 0;
    std::string staffId;
    std::int64_t now = 0;
};

/// Duty hours published in a period: the slots' minutes summed.
struct DutyHours
{
    std::int64_t slots = 0;
    std::int64_t minutes = 0;
};

/// An idea from the idea box with what a coordinator did with it.
struct IdeaView
{
    std::string id, text, area, language;
    std::int64_t at = 0;
    std::string status; ///< "new", "read", "answered", "forwarded"
    std::string statusBy;
    std::int64_t statusAt = 0;
};

} // namespace okienko::server
