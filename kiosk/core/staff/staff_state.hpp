// Staff mode's part of AppState: who is logged in, and the values of every staff screen. Logging
// out is the session wipe (idle, "Wyloguj"): it replaces the whole AppState with a fresh one, so no
// borrower's name or phone outlives the staff session on screen or in memory.
#pragma once

#include "kiosk/core/staff/check_out_state.hpp"
#include "kiosk/core/staff/loan_desk_state.hpp"
#include "kiosk/core/staff/staff_entry_state.hpp"
#include "shared/domain/staff.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace okienko::kiosk
{

/// Staff mode logs out after this long without a touch (product: 2 minutes).
inline constexpr std::chrono::seconds kStaffIdleLogout{120};
/// The warning before that logout (the same overlay residents see).
inline constexpr std::chrono::seconds kStaffIdleWarning{20};

/// The staff member a correct PIN identified. Every staff action records `staffId`.
struct StaffSession
{
    std::string staffId;
    std::string name;
    domain::StaffRole role = domain::StaffRole::Equipment;

    friend bool operator==(const StaffSession&, const StaffSession&) = default;
};

struct StaffState
{
    std::optional<StaffSession> session; ///< set by a correct PIN, cleared by the logout wipe
    StaffEntryState entry;               ///< PIN keypad, menu and kiosk status (StaffEntryFlow)
    CheckOutState checkOut;              ///< today's pick-ups and check-out (CheckOutFlow)
    LoanDeskState desk;                  ///< check-in, loans and extension, overdue, units (LoanDeskFlow)

    bool loggedIn() const { return session.has_value(); }
    friend bool operator==(const StaffState&, const StaffState&) = default;
};

} // namespace okienko::kiosk
