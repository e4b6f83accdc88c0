// Staff mode's way in and out: the hidden entry (long-press on the CUS logo, or a staff badge scanned on the attract or
// home screen), the PIN keypad checked offline against the PIN hashes the server sent (on a worker: argon2id is slow on
// purpose), the lock after repeated wrong PINs kept in the kiosk database, the staff menu, logout, and the kiosk status
// screen (link, last sync, outbox, printer, reprint, test print, version).
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/staff/staff_entry_intents.hpp"
#include "shared/domain/catalog.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::sync
{
class Outbox;
}

namespace okienko::kiosk
{

/// A staff badge's code: this prefix and the member's staff id ("OKIENKO-STAFF:s-anna").
inline constexpr std::string_view kStaffBadgePrefix = "OKIENKO-STAFF:";

/// How long the `locks`-th lock in a row lasts: 5, 10, 20, 40, then 60 minutes.
int staffLockMinutes(std::int64_t locks);

class StaffEntryFlow final : public Flow
{
  public:
    /// `state` and `catalog` must outlive the flow.
    StaffEntryFlow(AppState& state, const domain::Catalog& catalog) : m_state(state), m_catalog(catalog) {}

    FlowId id() const override { return FlowId::StaffEntry; }
    bool ownsScreen(ScreenId screen) const override;
    void attach(FlowDeps deps) override { m_deps = std::move(deps); }
    bool apply(const Intent& intent) override;
    /// PIN checks, the printer's condition, reprint and test print results.
    bool onCompletion(const Completion& completion) override;
    /// A scanned code: a staff badge (kStaffBadgePrefix + staff id) on the attract or home screen
    /// while nobody is logged in opens the PIN keypad for that member only. False otherwise.
    bool onScan(const std::string& code) override;
    /// Text from a USB keyboard while the PIN keypad is shown: each digit goes in as the keypad's key
    /// would (the same limit, lock and wait for an answer); anything else is dropped. False when the
    /// keypad is not shown.
    bool onType(const TypeText& typed) override;
    /// Backspace on a USB keyboard: the keypad's ⌫. False when the keypad is not shown.
    bool onErase() override;
    /// Enter on a USB keyboard: the keypad's OK. False when the keypad is not shown.
    bool onSubmit() override;
    /// True once after "Wyloguj": the controller then wipes the session (which is the logout).
    bool takeLogout() { return std::exchange(m_logout, false); }
    /// The session is being wiped while staff are logged in: forget the slips kept for reprint
    /// (they may name a borrower).
    void sessionEnding() override;

  private:
    void act(const StaffEntryIntent& intent);
    /// staff_guard's row: wrong PINs in a row, locks in a row, the lock's end (Unix seconds).
    struct Guard
    {
        std::int64_t failures = 0;
        std::int64_t locks = 0;
        std::optional<std::int64_t> lockedUntil;
    };

    void open(std::optional<std::string> badge);
    void press(const Key& key);
    void submitPin();
    void onPin(const PinCompletion& pin);
    void login(const std::string& staffId);
    void recordFailure();
    void showMenu();
    void showStatus();
    /// The kiosk database's outbox, on the flow's clock. Needs services.
    sync::Outbox outbox();
    /// Reads the outbox's counts and dead letters into the status screen's state.
    void loadOutbox();
    void resolveDeadLetter(const std::string& eventId);
    void checkPrinter();
    void reprint();
    void testPrint();
    bool onPrint(const PrintCompletion& print);
    /// Reads the guard and puts the lock (if still running) into the state; false when locked.
    bool refreshLock();
    /// Says on the keypad why no PIN can be checked (no staff rows yet, unknown badge); true when one can.
    bool checkCandidatesExist();
    std::optional<Guard> readGuard();
    bool writeGuard(const Guard& guard);
    /// Active members with a PIN (only the badge's member when entered by badge); nullopt: no database.
    std::optional<std::vector<PinCandidate>> readCandidates();
    void wipePin();
    std::int64_t wallSeconds() const;
    LocalDateTime localAt(std::int64_t unixSeconds) const;

    AppState& m_state;
    const domain::Catalog& m_catalog;
    FlowDeps m_deps;
    bool m_logout = false;
    /// PIN checks asked and not answered yet: a wrong PIN counts even when the keypad was left meanwhile.
    std::vector<std::uint64_t> m_pendingPins;
};

} // namespace okienko::kiosk
