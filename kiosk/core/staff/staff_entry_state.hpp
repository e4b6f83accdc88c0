// The staff entry's part of StaffState: the PIN keypad (typed digits, the check on a worker, wrong
// attempts and the lock as the kiosk database keeps them), the staff menu and the kiosk status
// screen (printer condition, reprint and test print, the outbox as the database has it).
#pragma once

#include "kiosk/core/clock.hpp"
#include "kiosk/model/printer_status.hpp"
#include "shared/validate/staff_pin.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// A PIN has at least this many digits (the OK key stays off below it); the keypad takes no more
/// than kStaffPinMaxDigits. The server hashes no PIN outside these limits (validate/staff_pin).
using validate::kStaffPinMaxDigits;
using validate::kStaffPinMinDigits;
/// Wrong PINs in a row before staff mode locks.
inline constexpr int kStaffPinAttempts = 5;
/// The first lock's length; each further lock in a row doubles it, up to kStaffLockMaxMinutes.
inline constexpr int kStaffLockFirstMinutes = 5;
inline constexpr int kStaffLockMaxMinutes = 60;

/// Where a slip the status screen asked for is.
enum class StaffSlipState
{
    None,      ///< not asked
    Queued,    ///< the print worker took it; a PrintCompletion follows
    Nothing,   ///< reprint: no slip was printed since the kiosk started (or since the last logout)
    NoPrinter, ///< no printer configured (or no services)
    Printed,
    Failed, ///< `failure` says why
    TimedOut,
};

/// One slip the status screen queued (reprint or test page) and what became of it.
struct StaffSlipJob
{
    StaffSlipState state = StaffSlipState::None;
    std::uint64_t ticket = 0;
    receipt::PrinterCondition failure = receipt::PrinterCondition::Unknown;

    friend bool operator==(const StaffSlipJob&, const StaffSlipJob&) = default;
};

/// The outbox as the kiosk database has it when the status screen opened (a standalone kiosk has
/// no sync worker to report it).
/// One event the server refused, as staff see it: no personal data (it was erased when refused).
struct StaffDeadLetterLine
{
    std::string type;      ///< e.g. "loan.checked_out"
    std::string reference; ///< the code on the resident's slip, or the unit's inventory number
    std::string reason;    ///< the server's code
    std::string eventId;   ///< the outbox row's id (a UUID), for "Załatwione"

    friend bool operator==(const StaffDeadLetterLine&, const StaffDeadLetterLine&) = default;
};

struct StaffOutboxSnapshot
{
    std::int64_t pending = 0;
    std::optional<std::int64_t> oldestAgeSeconds;
    std::int64_t dead = 0;
    std::vector<StaffDeadLetterLine> deadLetters; ///< oldest first, at most 20

    friend bool operator==(const StaffOutboxSnapshot&, const StaffOutboxSnapshot&) = default;
};

/// The kiosk status screen's values.
struct StaffStatusState
{
    bool printerChecking = false; ///< a checkPrinter() answer is awaited
    std::optional<receipt::PrinterCondition> printer;
    StaffSlipJob reprint;
    StaffSlipJob testPrint;
    std::optional<StaffOutboxSnapshot> outbox;
    std::string kioskId;   ///< kiosk.toml [kiosk] id
    std::string kioskName; ///< kiosk.toml [kiosk] name
    std::string version;   ///< the program's version (CMake's PROJECT_VERSION)

    friend bool operator==(const StaffStatusState&, const StaffStatusState&) = default;
};

struct StaffEntryState
{
    /// The digits typed so far. Only ever in memory, never logged; wiped after every check.
    std::string pin;
    /// Entered with a staff badge: only this member's PIN is checked.
    std::optional<std::string> badgeStaffId;
    bool checking = false;       ///< a PinCompletion with `pinTicket` is awaited
    std::uint64_t pinTicket = 0; ///< 0: nothing asked in this session
    /// What the keypad says (translation key): wrong PIN, no staff yet, database unusable…
    std::string messageKey;
    int attemptsLeft = kStaffPinAttempts; ///< for "wrong PIN, {n} attempts left"
    /// Staff mode is locked until then (Unix seconds, and the same moment in local time for the
    /// screen, which compares it with the clock it shows so the keypad comes back on time).
    std::optional<std::int64_t> lockedUntil;
    std::optional<LocalDateTime> lockedUntilLocal;
    StaffStatusState status;

    friend bool operator==(const StaffEntryState&, const StaffEntryState&) = default;
};

} // namespace okienko::kiosk
