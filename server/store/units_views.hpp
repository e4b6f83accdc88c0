// What the panel's units page reads and asks of the store: one row per equipment unit, and a
// desk-side state change with the precise reason it was not made.
#pragma once

#include "shared/domain/equipment.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

/// An equipment unit as the units page lists it.
struct UnitView
{
    std::string inventory;
    std::string typeName;                   ///< the type's Polish name (its id when the type is gone)
    std::string stateCode;                  ///< the live state as stored
    std::optional<domain::UnitState> state; ///< nullopt for a code this build does not know
    std::string notes;
    std::int64_t stateSince = 0;        ///< when the live state was set; 0 when never
    std::optional<std::string> loanDue; ///< the open loan's due date (YYYY-MM-DD)
    std::string lastChangedBy;          ///< who made the latest panel change ("" when none)
    std::int64_t lastChangedAt = 0;     ///< 0 when the panel never changed it
};

/// A coordinator's state change of one unit: allowed only from `from`, and never while a loan of it
/// is open. `action` names it in the audit row ("repair: available -> repair").
struct UnitStateChange
{
    std::string inventory;
    std::string action;
    std::vector<domain::UnitState> from;
    domain::UnitState to = domain::UnitState::Available;
    std::string note; ///< "" keeps the unit's notes
    std::string staffId;
    std::int64_t now = 0;
};

enum class UnitChangeResult
{
    Changed,
    UnknownUnit,
    WrongState, ///< the unit's state is not one of `from`
    OpenLoan,   ///< a loan of the unit is open, whatever its state says
};

struct UnitChangeOutcome
{
    UnitChangeResult result = UnitChangeResult::Changed;
    std::string stateCode; ///< the state found (WrongState)
    std::optional<domain::UnitState> state;
    std::string loanDue; ///< the open loan's due date (OpenLoan)
};

} // namespace okienko::server
