// The panel's "Sprzęt" page (/panel/units): every unit with its live state, notes and the current
// loan's due date, and the state changes a coordinator makes at the desk (cleaning done, send to
// repair, repair done, retire, back from retired). Each change is checked against the unit's state
// inside the write, logged for kiosks and recorded in panel_actions (who, when, from → to).
#pragma once

#include "server/panel/page_parts.hpp"
#include "shared/domain/equipment.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server::panel
{

/// A state change offered on the units page.
struct UnitTransition
{
    std::string_view code;               ///< form value of `action`
    std::string_view label;              ///< button text
    std::vector<domain::UnitState> from; ///< states it may start from
    domain::UnitState to = domain::UnitState::Available;
};

/// Every transition the panel offers, in button order.
const std::vector<UnitTransition>& unitTransitions();
/// The transition with form code `code`; nullptr for an unknown one.
const UnitTransition* findUnitTransition(std::string_view code);
/// Polish name of a unit state ("w naprawie").
std::string unitStateLabel(domain::UnitState state);

/// GET /panel/units[?stan=CODE]: every unit, optionally only those in one state.
PanelResponse unitsPage(const PageContext& ctx);
/// POST /panel/units/state (inventory, action, optional note): 303 back to the page when done; 409
/// with the page and a Polish message when the unit's state does not allow it (nothing changes).
PanelResponse unitStateAction(const PageContext& ctx, const std::map<std::string, std::string>& form);

} // namespace okienko::server::panel
