// Staff mode's way in and out, driven through the Controller on a real temporary kiosk database
// with real argon2id PIN hashes: wrong PINs count down and are kept on disk, the fifth locks staff
// mode (5, 10, 20, 40, at most 60 minutes) also across a restart, a badge limits the check to its
// owner, a kiosk without staff says so, logout and the 2-minute idle wipe the session, the menu
// drops the staff screens' unsaved input, and the status screen asks the printer and reprints.
#include "kiosk/core/keyboard_layout.hpp"
#include "shared/db/query.hpp"
#include "shared/util/version.hpp"
#include "tests/unit/staff/staff_test_fixture.hpp"

#include <array>
#include <gtest/gtest.h>
#include <optional>
#include <sodium.h>
#include <string>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;
using std::chrono::seconds;

struct GuardRow
{
    std::int64_t failures = -1;
    std::int64_t locks = -1;
    std::optional<std::int64_t> lockedUntil;
};

class StaffEntryFlowTest : public okienko::testing::StaffFlowFixture
{
  protected:
    StaffEntryFlowTest() : StaffFlowFixture("okienko-staff-entry", "Test kiosk", false) {}

    void SetUp() override
    {
        ASSERT_GE(sodium_init(), 0);
        StaffFlowFixture::SetUp();
    }

    /// A staff row as the sync writes it. The hash is real argon2id, with the smallest cost so the
    /// suite stays fast (verification cost follows the hash's own parameters).
    void addStaff(const std::string& id, const std::string& name, const std::string& pin, bool active = true,
                  const std::string& role = "equipment")
    {
        std::array<char, crypto_pwhash_STRBYTES> hash{};
        ASSERT_EQ(crypto_pwhash_str(hash.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_MIN,
                                    crypto_pwhash_MEMLIMIT_MIN),
                  0);
        exec("INSERT INTO staff(id, name, role, pin_hash, active) VALUES (?1, ?2, ?3, ?4, ?5)", id, name, role,
             std::string(hash.data()), active ? 1 : 0);
    }

    GuardRow guard()
    {
        GuardRow g;
        auto st = db().prepare("SELECT failures, locks, locked_until FROM staff_guard WHERE id = 1");
        if (!st.ok() || !st.value().step().ok())
            return g;
        g.failures = st.value().columnInt64(0).value();
        g.locks = st.value().columnInt64(1).value();
        g.lockedUntil = st.value().columnOptionalInt64(2).value();
        return g;
    }

    std::int64_t wallSeconds() const
    {
        return std::chrono::duration_cast<std::chrono::seconds>(m_clock.wallNow().time_since_epoch()).count();
    }

    void entry(staff_entry::Action a) { apply(StaffEntryIntent{std::move(a)}); }
    bool tick() { return m_controller->tick(m_clock.now()); }
    void advance(seconds s) { m_clock.advance(std::chrono::duration_cast<Millis>(s)); }

    static Key keypadKey(const std::string& text, KeyAction action = KeyAction::Insert)
    {
        for (const KeyRow& row : numericKeypad().rows)
            for (const Key& k : row)
                if (k.action == action && (action != KeyAction::Insert || k.text == text))
                    return k;
        ADD_FAILURE() << "no keypad key " << text;
        return Key{};
    }

    void typePin(const std::string& pin)
    {
        for (const char c : pin)
            entry(staff_entry::Press{keypadKey(std::string(1, c))});
    }

    /// The worker's answers, as the app drains them after each frame.
    void drain()
    {
        for (const Completion& c : m_services->takeCompletions())
            m_controller->onCompletion(c);
    }

    /// Types `pin`, presses OK and lets the (real) check answer.
    void submit(const std::string& pin)
    {
        typePin(pin);
        entry(staff_entry::SubmitPin{});
        drain();
    }

    void login()
    {
        entry(staff_entry::Open{});
        submit("482193");
        ASSERT_TRUE(m_state.staff.loggedIn());
        tick(); // the controller switches to staff mode's idle timer
    }

    const StaffEntryState& e() const { return m_state.staff.entry; }
};

TEST_F(StaffEntryFlowTest, KeypadTakesSixToEightDigitsAndChecksNothingShorter)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffPin);
    typePin("48219"); // 5 digits: refused with the validator's reason, before any hash is tried
    entry(staff_entry::SubmitPin{});
    EXPECT_EQ(e().messageKey, "validate.staff_pin.too_short");
    EXPECT_EQ(m_services->pinChecks, 0u);
    EXPECT_EQ(guard().failures, 0); // not an attempt
    typePin("1234567");             // 5 + 7 digits: the keypad stops at 8
    EXPECT_EQ(e().pin.size(), kStaffPinMaxDigits);
    EXPECT_TRUE(e().messageKey.empty()); // typing on clears "too short"
    entry(staff_entry::Press{keypadKey("", KeyAction::Backspace)});
    EXPECT_EQ(e().pin.size(), kStaffPinMaxDigits - 1);
    entry(staff_entry::Press{keypadKey("", KeyAction::Clear)});
    EXPECT_TRUE(e().pin.empty());
    Key letter;
    letter.text = "a";
    entry(staff_entry::Press{letter});
    EXPECT_TRUE(e().pin.empty());
}

// Upgrading from release 0.1.0, whose PINs had 4 digits: the hash stays (it still verifies, and the
// server lists its owner as "PIN ROTATE"), but the keypad refuses 4 digits before trying any hash, so
// the online guessing space is 10^6 from the first day and the owner needs reset-pin. The row is the
// one in tests/fixtures/db/kiosk-0.1.0.dump (PIN 4821, hashed by 0.1.0's okienko-test-seed).
TEST_F(StaffEntryFlowTest, AFourDigitPinOfRelease010IsRefusedUntilRotated)
{
    exec("INSERT INTO staff(id, name, role, pin_hash, active) VALUES ('staff-test-1', 'Tester Sprzętu', 'equipment', "
         "'$argon2id$v=19$m=65536,t=2,p=1$6nDVfsfg0mPG7AXIHxxoDg$7QBb8m9jiwr7hx60vfmSavVtpRtqhV94QFAWR1cjOMM', 1)");
    ASSERT_EQ(crypto_pwhash_str_verify(
                  "$argon2id$v=19$m=65536,t=2,p=1$6nDVfsfg0mPG7AXIHxxoDg$7QBb8m9jiwr7hx60vfmSavVtpRtqhV94QFAWR1cjOMM",
                  "4821", 4),
              0); // the old hash is sound: only the PIN's length is refused
    entry(staff_entry::Open{});
    submit("4821");
    EXPECT_EQ(e().messageKey, "validate.staff_pin.too_short");
    EXPECT_EQ(m_services->pinChecks, 0u);
    EXPECT_EQ(guard().failures, 0);
    EXPECT_FALSE(m_state.staff.loggedIn());
    entry(staff_entry::Press{keypadKey("", KeyAction::Clear)});
    submit("482100"); // six digits are checked against the old hash like any other
    EXPECT_EQ(m_services->pinChecks, 1u);
    EXPECT_EQ(e().messageKey, "staff.pin.wrong");
    EXPECT_FALSE(m_state.staff.loggedIn());
}

TEST_F(StaffEntryFlowTest, WrongPinCountsDownOnDiskAndWipesTheTypedDigits)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    typePin("111111");
    entry(staff_entry::SubmitPin{});
    // Checking until the worker answers; the digits are gone from the state already.
    EXPECT_TRUE(e().checking);
    EXPECT_TRUE(e().pin.empty());
    typePin("12");
    EXPECT_TRUE(e().pin.empty()); // the keypad is off while checking
    drain();
    EXPECT_FALSE(e().checking);
    EXPECT_FALSE(m_state.staff.loggedIn());
    EXPECT_EQ(e().messageKey, "staff.pin.wrong");
    EXPECT_EQ(e().attemptsLeft, 4);
    EXPECT_EQ(guard().failures, 1);
    submit("222222");
    EXPECT_EQ(e().attemptsLeft, 3);
    EXPECT_EQ(guard().failures, 2);
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffPin);
}

TEST_F(StaffEntryFlowTest, FifthWrongPinLocksForFiveMinutesAndTheKeypadIsOff)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    for (int i = 0; i < 4; ++i)
        submit("000000");
    EXPECT_FALSE(e().lockedUntil.has_value());
    submit("000000");
    const GuardRow g = guard();
    EXPECT_EQ(g.failures, 0);
    EXPECT_EQ(g.locks, 1);
    ASSERT_TRUE(g.lockedUntil.has_value());
    EXPECT_EQ(*g.lockedUntil, wallSeconds() + 5 * 60);
    EXPECT_EQ(e().messageKey, "staff.pin.locked");
    ASSERT_TRUE(e().lockedUntilLocal.has_value());
    EXPECT_EQ(e().lockedUntilLocal->hour, m_clock.localNow().hour);
    EXPECT_EQ(e().lockedUntilLocal->minute, m_clock.localNow().minute + 5);
    // Even the right PIN is not checked while locked.
    const std::uint64_t checks = m_services->pinChecks;
    submit("482193");
    EXPECT_EQ(m_services->pinChecks, checks);
    EXPECT_TRUE(e().pin.empty());
    EXPECT_FALSE(m_state.staff.loggedIn());
}

TEST_F(StaffEntryFlowTest, LockSurvivesARestartOnTheSameDatabase)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    for (int i = 0; i < kStaffPinAttempts; ++i)
        submit("999999");
    const std::optional<std::int64_t> until = guard().lockedUntil;
    ASSERT_TRUE(until.has_value());
    build(); // switched off and on
    EXPECT_FALSE(m_state.staff.entry.lockedUntil.has_value());
    advance(seconds(60));
    entry(staff_entry::Open{});
    EXPECT_EQ(e().lockedUntil, until);
    EXPECT_EQ(e().messageKey, "staff.pin.locked");
    submit("482193");
    EXPECT_FALSE(m_state.staff.loggedIn());
}

TEST_F(StaffEntryFlowTest, LockLengthDoublesUpToAnHour)
{
    EXPECT_EQ(staffLockMinutes(1), 5);
    EXPECT_EQ(staffLockMinutes(2), 10);
    EXPECT_EQ(staffLockMinutes(3), 20);
    EXPECT_EQ(staffLockMinutes(4), 40);
    EXPECT_EQ(staffLockMinutes(5), 60);
    EXPECT_EQ(staffLockMinutes(50), 60);

    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    const int expected[] = {5, 10, 20, 40, 60, 60};
    for (int lock = 0; lock < 6; ++lock)
    {
        for (int i = 0; i < kStaffPinAttempts; ++i)
            submit("121212");
        const GuardRow g = guard();
        EXPECT_EQ(g.locks, lock + 1);
        ASSERT_TRUE(g.lockedUntil.has_value());
        EXPECT_EQ(*g.lockedUntil - wallSeconds(), expected[lock] * 60) << "lock " << lock + 1;
        advance(seconds(expected[lock] * 60 + 1));
    }
}

TEST_F(StaffEntryFlowTest, TheRightPinWorksOnceTheLockIsOverAndResetsTheGuard)
{
    addStaff("s-anna", "Anna Nowak", "482193", true, "coordinator");
    entry(staff_entry::Open{});
    for (int i = 0; i < kStaffPinAttempts; ++i)
        submit("010101");
    advance(seconds(299));
    submit("482193");
    EXPECT_FALSE(m_state.staff.loggedIn());
    advance(seconds(2));
    submit("482193");
    ASSERT_TRUE(m_state.staff.loggedIn());
    EXPECT_EQ(m_state.staff.session->staffId, "s-anna");
    EXPECT_EQ(m_state.staff.session->name, "Anna Nowak");
    EXPECT_EQ(m_state.staff.session->role, domain::StaffRole::Coordinator);
    EXPECT_EQ(m_state.router.stack(), std::vector<ScreenId>{ScreenId::StaffMenu});
    const GuardRow g = guard();
    EXPECT_EQ(g.failures, 0);
    EXPECT_EQ(g.locks, 0);
    EXPECT_FALSE(g.lockedUntil.has_value());
    EXPECT_EQ(m_state.staff.entry, StaffEntryState{});
}

TEST_F(StaffEntryFlowTest, AWrongPinCountsEvenWhenTheKeypadWasLeftBeforeTheAnswer)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    typePin("777777");
    entry(staff_entry::SubmitPin{});
    apply(EndSession{}); // Cancel before the worker answered
    drain();
    EXPECT_EQ(guard().failures, 1);
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
    EXPECT_FALSE(m_state.staff.loggedIn());
}

TEST_F(StaffEntryFlowTest, BadgeOnAttractOrHomeOpensTheKeypadForItsOwnerOnly)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    addStaff("s-piotr", "Piotr Wiśniewski", "555512");
    // Not a badge, or a badge where badges mean nothing: not taken.
    EXPECT_FALSE(m_controller->staffEntry().onScan("5901234123457"));
    EXPECT_FALSE(m_controller->staffEntry().onScan("OKIENKO-STAFF:"));
    EXPECT_FALSE(m_controller->staffEntry().onScan("OKIENKO-STAFF:s anna"));
    apply(StartSession{});
    apply(OpenScreen{ScreenId::Catalogue});
    EXPECT_FALSE(m_controller->staffEntry().onScan("OKIENKO-STAFF:s-anna"));
    EXPECT_EQ(m_state.router.current(), ScreenId::Catalogue);
    apply(GoHome{});
    apply(Scanned{"OKIENKO-STAFF:s-anna"});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffPin);
    EXPECT_EQ(e().badgeStaffId, std::optional<std::string>("s-anna"));
    submit("555512"); // Piotr's PIN on Anna's badge
    EXPECT_FALSE(m_state.staff.loggedIn());
    EXPECT_EQ(e().messageKey, "staff.pin.wrong");
    submit("482193");
    ASSERT_TRUE(m_state.staff.loggedIn());
    EXPECT_EQ(m_state.staff.session->staffId, "s-anna");
    // Logged in, a badge opens nothing.
    EXPECT_FALSE(m_controller->staffEntry().onScan("OKIENKO-STAFF:s-piotr"));
}

TEST_F(StaffEntryFlowTest, UnknownBadgeIsSaidAndNothingIsChecked)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    addStaff("s-old", "Old Member", "123456", false);
    ASSERT_TRUE(m_controller->staffEntry().onScan("OKIENKO-STAFF:s-old")); // inactive: unknown here
    EXPECT_EQ(e().messageKey, "staff.pin.badge_unknown");
    submit("123456");
    EXPECT_EQ(m_services->pinChecks, 0u);
    EXPECT_FALSE(m_state.staff.loggedIn());
    EXPECT_EQ(guard().failures, 0);
}

TEST_F(StaffEntryFlowTest, KioskWithoutStaffSaysItMustSyncFirst)
{
    addStaff("s-old", "Old Member", "123456", false); // inactive members do not count
    entry(staff_entry::Open{});
    EXPECT_EQ(e().messageKey, "staff.pin.no_staff");
    submit("123456");
    EXPECT_EQ(e().messageKey, "staff.pin.no_staff");
    EXPECT_EQ(m_services->pinChecks, 0u);
    EXPECT_TRUE(e().pin.empty());
}

TEST_F(StaffEntryFlowTest, WithoutServicesNothingIsCheckedAndNothingCrashes)
{
    AppState state = freshState(m_defaults);
    Controller bare(state, m_catalog, m_index, m_defaults, seconds(90), seconds(30));
    bare.apply(StaffEntryIntent{staff_entry::Open{}}, m_clock.now());
    ASSERT_EQ(state.router.current(), ScreenId::StaffPin);
    EXPECT_EQ(state.staff.entry.messageKey, "staff.pin.no_database");
    for (const char c : std::string("482193"))
        bare.apply(StaffEntryIntent{staff_entry::Press{keypadKey(std::string(1, c))}}, m_clock.now());
    bare.apply(StaffEntryIntent{staff_entry::SubmitPin{}}, m_clock.now());
    EXPECT_FALSE(state.staff.loggedIn());
    EXPECT_TRUE(state.staff.entry.pin.empty());
    EXPECT_EQ(state.staff.entry.messageKey, "staff.pin.no_database");
}

TEST_F(StaffEntryFlowTest, MenuAndStatusNeedALogin)
{
    entry(staff_entry::ShowMenu{});
    entry(staff_entry::ShowStatus{});
    entry(staff_entry::Logout{});
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
    EXPECT_EQ(m_services->forgetCalls, 0);
}

TEST_F(StaffEntryFlowTest, LogoutWipesTheWholeSession)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    login();
    m_state.staff.checkOut.inventoryNumber = "WR-001";
    entry(staff_entry::Logout{});
    EXPECT_EQ(m_state, freshState(m_defaults));
    EXPECT_EQ(m_services->forgetCalls, 1); // the slip kept for reprint may name a borrower
    // The hidden entry opens the keypad again, not the menu.
    entry(staff_entry::Open{});
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffPin);
}

TEST_F(StaffEntryFlowTest, ShowMenuDropsTheStaffScreensUnsavedInput)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    login();
    m_state.router.reset(ScreenId::StaffCheckOutLoan);
    m_state.staff.checkOut.inventoryNumber = "WR-001";
    m_state.staff.checkOut.walkIn = true;
    m_state.staff.desk.unitsMessageKey = "staff.units.cleaned";
    entry(staff_entry::ShowMenu{});
    EXPECT_EQ(m_state.router.stack(), std::vector<ScreenId>{ScreenId::StaffMenu});
    EXPECT_EQ(m_state.staff.checkOut, CheckOutState{});
    EXPECT_EQ(m_state.staff.desk, LoanDeskState{});
    EXPECT_TRUE(m_state.staff.loggedIn());
}

TEST_F(StaffEntryFlowTest, StaffModeLogsOutAfterTwoMinutesWithoutATouch)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    login();
    EXPECT_EQ(m_controller->idleTimer().timeout() + m_controller->idleTimer().warning(), kStaffIdleLogout);
    advance(seconds(119));
    tick();
    EXPECT_TRUE(m_state.staff.loggedIn());
    EXPECT_TRUE(m_state.idle.visible); // the warning comes first
    advance(seconds(2));
    tick();
    EXPECT_FALSE(m_state.staff.loggedIn());
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
    EXPECT_EQ(m_state, freshState(m_defaults));
}

TEST_F(StaffEntryFlowTest, AKeypadLeftOpenOnTheAttractScreenEndsLikeASession)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    typePin("48");
    advance(seconds(121));
    tick();
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
    EXPECT_TRUE(e().pin.empty());
}

TEST_F(StaffEntryFlowTest, StatusScreenAsksThePrinterAndReadsTheOutbox)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    login();
    m_services->printerCondition = receipt::PrinterCondition::PaperOut;
    entry(staff_entry::ShowStatus{});
    EXPECT_EQ(m_state.router.stack(), (std::vector<ScreenId>{ScreenId::StaffMenu, ScreenId::StaffStatus}));
    const StaffStatusState& s = e().status;
    EXPECT_TRUE(s.printerChecking);
    EXPECT_FALSE(s.printer.has_value());
    ASSERT_TRUE(s.outbox.has_value());
    EXPECT_EQ(s.outbox->pending, 0);
    EXPECT_EQ(s.kioskId, "test-kiosk");
    EXPECT_EQ(s.kioskName, "Test kiosk");
    EXPECT_EQ(s.version, okienko::version()); // the same version as --version and the heartbeat
    drain();
    EXPECT_FALSE(s.printerChecking);
    EXPECT_EQ(s.printer, receipt::PrinterCondition::PaperOut);
    m_services->printerCondition = receipt::PrinterCondition::Ready;
    entry(staff_entry::CheckPrinter{});
    EXPECT_TRUE(s.printerChecking);
    drain();
    EXPECT_EQ(s.printer, receipt::PrinterCondition::Ready);
    // An answer nobody waits for is not taken.
    EXPECT_FALSE(m_controller->staffEntry().onCompletion(PrinterCompletion{receipt::PrinterCondition::Jam}));
    EXPECT_EQ(s.printer, receipt::PrinterCondition::Ready);
}

TEST_F(StaffEntryFlowTest, ReprintSaysWhatHappened)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    login();
    entry(staff_entry::ShowStatus{});
    drain();
    const StaffSlipJob& job = e().status.reprint;
    entry(staff_entry::Reprint{});
    EXPECT_EQ(job.state, StaffSlipState::Nothing);

    receipt::Slip earlier;
    ASSERT_TRUE(m_services->print(earlier).has_value()); // a resident's slip printed before
    entry(staff_entry::Reprint{});
    ASSERT_EQ(job.state, StaffSlipState::Queued);
    EXPECT_EQ(m_services->slips.size(), 2u);
    entry(staff_entry::Reprint{}); // a second tap while it prints
    EXPECT_EQ(m_services->slips.size(), 2u);
    receipt::PrintResult failed;
    failed.outcome = receipt::PrintOutcome::Failed;
    failed.condition = receipt::PrinterCondition::CoverOpen;
    EXPECT_FALSE(m_controller->staffEntry().onCompletion(PrintCompletion{job.ticket + 100, failed}));
    m_controller->onCompletion(PrintCompletion{job.ticket, failed});
    EXPECT_EQ(job.state, StaffSlipState::Failed);
    EXPECT_EQ(job.failure, receipt::PrinterCondition::CoverOpen);

    entry(staff_entry::Reprint{});
    ASSERT_EQ(job.state, StaffSlipState::Queued);
    receipt::PrintResult printed;
    printed.outcome = receipt::PrintOutcome::Printed;
    m_controller->onCompletion(PrintCompletion{job.ticket, printed});
    EXPECT_EQ(job.state, StaffSlipState::Printed);

    m_services->printerConfigured = false;
    entry(staff_entry::Reprint{});
    EXPECT_EQ(job.state, StaffSlipState::NoPrinter);
}

TEST_F(StaffEntryFlowTest, TestPrintQueuesTheTestPage)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    login();
    entry(staff_entry::TestPrint{}); // not on the status screen: nothing
    EXPECT_TRUE(m_services->slips.empty());
    entry(staff_entry::ShowStatus{});
    entry(staff_entry::TestPrint{});
    ASSERT_EQ(m_services->slips.size(), 1u);
    EXPECT_EQ(e().status.testPrint.state, StaffSlipState::Queued);
    receipt::PrintResult timedOut;
    timedOut.outcome = receipt::PrintOutcome::TimedOut;
    m_controller->onCompletion(PrintCompletion{e().status.testPrint.ticket, timedOut});
    EXPECT_EQ(e().status.testPrint.state, StaffSlipState::TimedOut);
}

// --- a USB keyboard ----------------------------------------------------------------------------

TEST_F(StaffEntryFlowTest, AUsbKeyboardTypesOnlyDigitsIntoThePinAndEnterIsOk)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    EXPECT_FALSE(m_controller->staffEntry().onType(TypeText{"482193"})); // no keypad on screen
    entry(staff_entry::Open{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffPin);

    apply(TypeText{"4a8ż2 19x3"}); // as on the keypad: only digits, in the order typed
    EXPECT_EQ(e().pin, "482193");
    apply(EraseText{});
    EXPECT_EQ(e().pin, "48219");
    apply(TypeText{"123456789"}); // the keypad's limit holds for typing too
    EXPECT_EQ(e().pin, "48219123");
    while (!e().pin.empty())
        apply(EraseText{});
    apply(EraseText{}); // nothing left: nothing happens
    EXPECT_TRUE(e().pin.empty());

    apply(TypeText{"48219"});
    apply(SubmitField{}); // Enter is OK: too short is said, nothing is checked
    EXPECT_EQ(e().messageKey, "validate.staff_pin.too_short");
    EXPECT_EQ(m_services->pinChecks, 0u);
    apply(TypeText{"3"});
    EXPECT_TRUE(e().messageKey.empty());
    apply(SubmitField{});
    drain();
    EXPECT_EQ(m_services->pinChecks, 1u);
    EXPECT_TRUE(m_state.staff.loggedIn());
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffMenu);
    EXPECT_TRUE(e().pin.empty());

    // Logged in, the menu has no field: typing and Enter change nothing.
    EXPECT_FALSE(m_controller->staffEntry().onType(TypeText{"1"}));
    apply(SubmitField{});
    EXPECT_EQ(m_services->pinChecks, 1u);
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffMenu);
}

TEST_F(StaffEntryFlowTest, AUsbKeyboardCannotTypeWhileStaffModeIsLocked)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    entry(staff_entry::Open{});
    for (int i = 0; i < kStaffPinAttempts; ++i)
    {
        apply(TypeText{"111111"});
        apply(SubmitField{});
        drain();
    }
    ASSERT_TRUE(e().lockedUntil.has_value());
    apply(TypeText{"482193"});
    EXPECT_TRUE(e().pin.empty());
    apply(SubmitField{});
    drain();
    EXPECT_FALSE(m_state.staff.loggedIn());
    EXPECT_EQ(m_services->pinChecks, static_cast<std::size_t>(kStaffPinAttempts));
}

} // namespace

TEST_F(StaffEntryFlowTest, StatusScreenListsDeadLettersByTypeReferenceAndReasonOnly)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    ASSERT_TRUE(db::exec(m_services->database(),
                         "INSERT INTO outbox(id, type, created_at, payload, seq, state, result, reject_code, "
                         "reference, acked_at) VALUES ('e1', 'loan.checked_out', 1, NULL, 1, 'dead', 'rejected', "
                         "'unknown_reference', 'LAP-W-1', 2)")
                    .ok());
    login();
    entry(staff_entry::ShowStatus{});
    const StaffStatusState& s = e().status;
    ASSERT_TRUE(s.outbox.has_value());
    EXPECT_EQ(s.outbox->dead, 1);
    EXPECT_EQ(s.outbox->deadLetters,
              (std::vector<StaffDeadLetterLine>{{"loan.checked_out", "LAP-W-1", "unknown_reference", "e1"}}));
    drain();
}

TEST_F(StaffEntryFlowTest, ResolvingADeadLetterRemovesItsLineAndCountAndTheOutboxRow)
{
    addStaff("s-anna", "Anna Nowak", "482193");
    ASSERT_TRUE(db::exec(m_services->database(),
                         "INSERT INTO outbox(id, type, created_at, payload, seq, state, result, reject_code, "
                         "reference, acked_at) VALUES ('e1', 'loan.checked_out', 1, NULL, 1, 'dead', 'rejected', "
                         "'unknown_reference', 'LAP-W-1', 2), ('e2', 'request.created', 1, NULL, 2, 'dead', "
                         "'rejected', 'invalid', 'AB-1234', 3)")
                    .ok());
    const auto rows = [&](const char* id)
    {
        return db::queryInt64(m_services->database(), "SELECT COUNT(*) FROM outbox WHERE id = ?1", id)->value_or(-1);
    };

    // Nobody logged in: the intent does nothing.
    entry(staff_entry::ResolveDeadLetter{"e1"});
    EXPECT_EQ(rows("e1"), 1);

    login();
    entry(staff_entry::ShowStatus{});
    ASSERT_TRUE(e().status.outbox.has_value());
    ASSERT_EQ(e().status.outbox->dead, 2);
    ASSERT_EQ(e().status.outbox->deadLetters.size(), 2u);

    entry(staff_entry::ResolveDeadLetter{"e1"});
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffStatus);
    ASSERT_TRUE(e().status.outbox.has_value());
    EXPECT_EQ(e().status.outbox->dead, 1);
    EXPECT_EQ(e().status.outbox->deadLetters,
              (std::vector<StaffDeadLetterLine>{{"request.created", "AB-1234", "invalid", "e2"}}));
    EXPECT_EQ(rows("e1"), 0);
    EXPECT_EQ(rows("e2"), 1);

    // A second tap on a line already gone changes nothing.
    entry(staff_entry::ResolveDeadLetter{"e1"});
    EXPECT_EQ(e().status.outbox->dead, 1);
    EXPECT_EQ(rows("e2"), 1);
    drain();
}
