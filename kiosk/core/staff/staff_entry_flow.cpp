// StaffEntryFlow (see staff_entry_flow.hpp).
#include "kiosk/core/staff/staff_entry_flow.hpp"

#include "kiosk/core/slips/slip_documents.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/log_escape.hpp"
#include "shared/util/version.hpp"

#include <algorithm>
#include <cstdio>
#include <sodium.h>
#include <type_traits>

namespace okienko::kiosk
{
namespace
{

constexpr std::int64_t kSecondsPerDay = 86400;
/// Longer than any staff id the server makes: anything longer is not a badge.
constexpr std::size_t kMaxBadgeIdLength = 64;
/// The keys of validate::StaffPinError: shown until the next key press.
constexpr std::string_view kPinRuleKeyPrefix = "validate.staff_pin.";

bool badgeIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

} // namespace

int staffLockMinutes(std::int64_t locks)
{
    int minutes = kStaffLockFirstMinutes;
    for (std::int64_t i = 1; i < locks && minutes < kStaffLockMaxMinutes; ++i)
        minutes *= 2;
    return std::min(minutes, kStaffLockMaxMinutes);
}

bool StaffEntryFlow::ownsScreen(ScreenId screen) const
{
    return screen == ScreenId::StaffPin || screen == ScreenId::StaffMenu || screen == ScreenId::StaffStatus;
}

bool StaffEntryFlow::apply(const Intent& intent)
{
    return applyOwn<StaffEntryIntent>(intent, [&](const StaffEntryIntent& own) { act(own); });
}

void StaffEntryFlow::act(const StaffEntryIntent& intent)
{
    std::visit(
        [&](const auto& a)
        {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, staff_entry::Open>)
                open(std::nullopt);
            else if constexpr (std::is_same_v<T, staff_entry::Press>)
                press(a.key);
            else if constexpr (std::is_same_v<T, staff_entry::SubmitPin>)
                submitPin();
            else if constexpr (std::is_same_v<T, staff_entry::ShowMenu>)
                showMenu();
            else if constexpr (std::is_same_v<T, staff_entry::ShowStatus>)
                showStatus();
            else if constexpr (std::is_same_v<T, staff_entry::Logout>)
                m_logout = m_state.staff.loggedIn();
            else if constexpr (std::is_same_v<T, staff_entry::CheckPrinter>)
                checkPrinter();
            else if constexpr (std::is_same_v<T, staff_entry::Reprint>)
                reprint();
            else if constexpr (std::is_same_v<T, staff_entry::TestPrint>)
                testPrint();
            else if constexpr (std::is_same_v<T, staff_entry::ResolveDeadLetter>)
                resolveDeadLetter(a.eventId);
        },
        intent.action);
}

bool StaffEntryFlow::onCompletion(const Completion& completion)
{
    if (const auto* pin = std::get_if<PinCompletion>(&completion))
    {
        const auto it = std::find(m_pendingPins.begin(), m_pendingPins.end(), pin->ticket);
        if (it == m_pendingPins.end())
            return false;
        m_pendingPins.erase(it);
        onPin(*pin);
        return true;
    }
    if (const auto* printer = std::get_if<PrinterCompletion>(&completion))
    {
        StaffStatusState& s = m_state.staff.entry.status;
        if (!s.printerChecking)
            return false;
        s.printerChecking = false;
        s.printer = printer->condition;
        return true;
    }
    if (const auto* print = std::get_if<PrintCompletion>(&completion))
        return onPrint(*print);
    return false;
}

void StaffEntryFlow::sessionEnding()
{
    if (m_state.staff.loggedIn() && m_deps.services != nullptr)
        m_deps.services->forgetPrinted();
}

bool StaffEntryFlow::onScan(const std::string& code)
{
    if (m_state.staff.loggedIn())
        return false;
    const ScreenId shown = m_state.router.current();
    if (shown != ScreenId::Attract && shown != ScreenId::Home)
        return false;
    if (code.size() <= kStaffBadgePrefix.size() || code.compare(0, kStaffBadgePrefix.size(), kStaffBadgePrefix) != 0)
        return false;
    std::string id = code.substr(kStaffBadgePrefix.size());
    if (id.size() > kMaxBadgeIdLength || !std::all_of(id.begin(), id.end(), badgeIdChar))
        return false;
    open(std::move(id));
    return true;
}

// --- the PIN keypad -------------------------------------------------------------------------

bool StaffEntryFlow::onType(const TypeText& typed)
{
    if (m_state.router.current() != ScreenId::StaffPin)
        return false;
    // Bytes of other characters are never ASCII digits, so a byte-wise look is enough here.
    for (const char ch : typed.text)
    {
        if (ch < '0' || ch > '9')
            continue;
        Key digit;
        digit.text = std::string(1, ch);
        press(digit);
    }
    return true;
}

bool StaffEntryFlow::onErase()
{
    if (m_state.router.current() != ScreenId::StaffPin)
        return false;
    Key backspace;
    backspace.action = KeyAction::Backspace;
    press(backspace);
    return true;
}

bool StaffEntryFlow::onSubmit()
{
    if (m_state.router.current() != ScreenId::StaffPin)
        return false;
    submitPin();
    return true;
}

void StaffEntryFlow::open(std::optional<std::string> badge)
{
    if (m_state.staff.loggedIn())
    {
        showMenu();
        return;
    }
    wipePin();
    StaffEntryState fresh;
    fresh.badgeStaffId = std::move(badge);
    m_state.staff.entry = std::move(fresh);
    m_state.router.reset(ScreenId::StaffPin);
    if (refreshLock())
        (void)checkCandidatesExist();
}

void StaffEntryFlow::press(const Key& key)
{
    StaffEntryState& e = m_state.staff.entry;
    if (m_state.router.current() != ScreenId::StaffPin || e.checking || !refreshLock())
        return;
    switch (key.action)
    {
    case KeyAction::Insert:
        if (key.text.size() == 1 && key.text[0] >= '0' && key.text[0] <= '9' && e.pin.size() < kStaffPinMaxDigits)
            e.pin.push_back(key.text[0]);
        break;
    case KeyAction::Backspace:
        if (!e.pin.empty())
        {
            e.pin.back() = '\0';
            e.pin.pop_back();
        }
        break;
    case KeyAction::Clear:
        wipePin();
        break;
    default:
        return;
    }
    if (e.messageKey.starts_with(kPinRuleKeyPrefix))
        e.messageKey.clear();
}

void StaffEntryFlow::submitPin()
{
    StaffEntryState& e = m_state.staff.entry;
    if (m_state.router.current() != ScreenId::StaffPin || e.checking)
        return;
    if (!refreshLock())
    {
        wipePin();
        return;
    }
    // A PIN shorter than 6 digits is refused here even when a hash from before that rule would
    // match it: the lock allows a few guesses an hour, and with 4 digits each is 100 times likelier
    // to hit one of the staff's PINs (docs/operations.md, "Staff PINs on kiosks").
    if (const auto rule = validate::validateStaffPin(e.pin); !rule)
    {
        e.messageKey = std::string(validate::messageKey(rule.error()));
        return;
    }
    std::optional<std::vector<PinCandidate>> candidates = readCandidates();
    if (!candidates)
    {
        wipePin();
        e.messageKey = "staff.pin.no_database";
        return;
    }
    if (candidates->empty())
    {
        wipePin();
        (void)checkCandidatesExist();
        return;
    }
    std::string pin = e.pin; // the worker's own copy; the state's is wiped now
    wipePin();
    const std::uint64_t ticket = m_deps.services->verifyPin(std::move(*candidates), std::move(pin));
    m_pendingPins.push_back(ticket);
    e.checking = true;
    e.pinTicket = ticket;
    e.messageKey.clear();
}

void StaffEntryFlow::onPin(const PinCompletion& pin)
{
    StaffEntryState& e = m_state.staff.entry;
    // The keypad may have been left (Cancel, idle) before the answer: then nobody is logged in,
    // but a wrong PIN still counts, or leaving and coming back would be a way round the lock.
    const bool waiting = e.checking && e.pinTicket == pin.ticket && m_state.router.current() == ScreenId::StaffPin;
    if (!pin.staffId)
    {
        recordFailure();
        if (!waiting)
            return;
        e.checking = false;
        if (refreshLock())
            e.messageKey = "staff.pin.wrong";
        return;
    }
    if (!waiting)
        return;
    e.checking = false;
    login(*pin.staffId);
}

void StaffEntryFlow::login(const std::string& staffId)
{
    StaffEntryState& e = m_state.staff.entry;
    auto found = db::queryOne(
        m_deps.services->database(), "SELECT name, role FROM staff WHERE id = ?1 AND active = 1",
        [&](db::Row& row)
        {
            StaffSession session;
            session.staffId = staffId;
            session.name = row.text();
            session.role = domain::fromCode<domain::StaffRole>(row.text()).value_or(domain::StaffRole::Equipment);
            return session;
        },
        staffId);
    if (!found.ok())
    {
        e.messageKey = "staff.pin.no_database";
        return;
    }
    if (!found.value())
    {
        e.messageKey = "staff.pin.no_staff"; // removed by a sync while the PIN was checked
        return;
    }
    StaffSession session = std::move(*found.value());
    (void)writeGuard(Guard{}); // a correct PIN ends the run of wrong ones and of locks
    m_state.staff.session = std::move(session);
    m_state.staff.entry = StaffEntryState{};
    m_state.router.reset(ScreenId::StaffMenu);
}

void StaffEntryFlow::recordFailure()
{
    Guard g = readGuard().value_or(Guard{});
    ++g.failures;
    if (g.failures >= kStaffPinAttempts)
    {
        ++g.locks;
        g.failures = 0;
        g.lockedUntil = wallSeconds() + std::int64_t{staffLockMinutes(g.locks)} * 60;
    }
    (void)writeGuard(g);
}

bool StaffEntryFlow::refreshLock()
{
    StaffEntryState& e = m_state.staff.entry;
    const std::optional<Guard> g = readGuard();
    if (!g)
    {
        // Without the guard (no database) nothing can be checked anyway; submitPin says so.
        e.lockedUntil.reset();
        e.lockedUntilLocal.reset();
        return true;
    }
    e.attemptsLeft = static_cast<int>(std::max<std::int64_t>(kStaffPinAttempts - g->failures, 1));
    if (g->lockedUntil && *g->lockedUntil > wallSeconds())
    {
        e.lockedUntil = g->lockedUntil;
        e.lockedUntilLocal = localAt(*g->lockedUntil);
        e.messageKey = "staff.pin.locked";
        return false;
    }
    e.lockedUntil.reset();
    e.lockedUntilLocal.reset();
    if (e.messageKey == "staff.pin.locked")
        e.messageKey.clear();
    return true;
}

bool StaffEntryFlow::checkCandidatesExist()
{
    StaffEntryState& e = m_state.staff.entry;
    const std::optional<std::vector<PinCandidate>> candidates = readCandidates();
    if (!candidates)
    {
        e.messageKey = "staff.pin.no_database";
        return false;
    }
    if (!candidates->empty())
        return true;
    if (e.badgeStaffId)
    {
        // Say "unknown badge" only when the kiosk knows some staff: otherwise the sync is missing.
        auto stored = db::queryInt64(m_deps.services->database(),
                                     "SELECT COUNT(*) FROM staff WHERE active = 1 AND pin_hash <> ''");
        if (stored.ok() && stored.value().value_or(0) > 0)
        {
            e.messageKey = "staff.pin.badge_unknown";
            return false;
        }
    }
    e.messageKey = "staff.pin.no_staff";
    return false;
}

std::optional<StaffEntryFlow::Guard> StaffEntryFlow::readGuard()
{
    if (m_deps.services == nullptr)
        return std::nullopt;
    auto guard =
        db::queryOne(m_deps.services->database(), "SELECT failures, locks, locked_until FROM staff_guard WHERE id = 1",
                     [](db::Row& row)
                     {
                         Guard g;
                         g.failures = row.int64();
                         g.locks = row.int64();
                         g.lockedUntil = row.optionalInt64();
                         return g;
                     });
    if (!guard.ok())
        return std::nullopt;
    return guard.value().value_or(Guard{}); // the migration inserts the row; a missing one means a fresh guard
}

bool StaffEntryFlow::writeGuard(const Guard& guard)
{
    if (m_deps.services == nullptr)
        return false;
    db::Database& db = m_deps.services->database();
    // Full durability: switching the kiosk off right after a lock must not undo it.
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return false;
    if (!db::exec(db,
                  "INSERT INTO staff_guard(id, failures, locks, locked_until) VALUES (1, ?1, ?2, ?3) "
                  "ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, locks = excluded.locks, "
                  "locked_until = excluded.locked_until",
                  guard.failures, guard.locks, guard.lockedUntil)
             .ok())
        return false;
    return tx.value().commit().ok();
}

std::optional<std::vector<PinCandidate>> StaffEntryFlow::readCandidates()
{
    if (m_deps.services == nullptr)
        return std::nullopt;
    const std::optional<std::string>& badge = m_state.staff.entry.badgeStaffId;
    std::string sql = "SELECT id, pin_hash FROM staff WHERE active = 1 AND pin_hash <> ''";
    if (badge)
        sql += " AND id = ?1";
    std::vector<PinCandidate> out;
    const auto read = [&](db::Row& row)
    {
        PinCandidate c;
        c.staffId = row.text();
        c.pinHash = row.text();
        out.push_back(std::move(c));
    };
    auto walked = badge ? db::forEachRow(m_deps.services->database(), sql, read, *badge)
                        : db::forEachRow(m_deps.services->database(), sql, read);
    if (!walked.ok())
        return std::nullopt;
    return out;
}

void StaffEntryFlow::wipePin()
{
    std::string& pin = m_state.staff.entry.pin;
    if (!pin.empty())
        sodium_memzero(pin.data(), pin.size());
    pin.clear();
}

std::int64_t StaffEntryFlow::wallSeconds() const
{
    const auto now = m_deps.clock != nullptr ? m_deps.clock->wallNow() : std::chrono::system_clock::now();
    return std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
}

LocalDateTime StaffEntryFlow::localAt(std::int64_t unixSeconds) const
{
    // The local time of a moment `delta` from now: the clock's own local time plus delta, so the
    // screen's "until 15:42" agrees with the time it shows (also on a ManualClock).
    const LocalDateTime now = m_deps.clock != nullptr ? m_deps.clock->localNow() : LocalDateTime{};
    const std::int64_t ofDay = now.hour * 3600 + now.minute * 60 + now.second + (unixSeconds - wallSeconds());
    std::int64_t days = ofDay / kSecondsPerDay;
    std::int64_t rest = ofDay % kSecondsPerDay;
    if (rest < 0)
    {
        rest += kSecondsPerDay;
        --days;
    }
    LocalDateTime out;
    out.date = now.date.plusDays(days);
    out.hour = static_cast<int>(rest / 3600);
    out.minute = static_cast<int>(rest % 3600 / 60);
    out.second = static_cast<int>(rest % 60);
    return out;
}

// --- the menu and the status screen ---------------------------------------------------------

void StaffEntryFlow::showMenu()
{
    if (!m_state.staff.loggedIn())
        return;
    // Unsaved input of the staff screens is dropped: nothing half-entered lingers behind the menu.
    m_state.staff.checkOut = CheckOutState{};
    m_state.staff.desk = LoanDeskState{};
    m_state.staff.entry = StaffEntryState{};
    m_state.router.reset(ScreenId::StaffMenu);
}

void StaffEntryFlow::showStatus()
{
    if (!m_state.staff.loggedIn())
        return;
    showMenu();
    m_state.router.push(ScreenId::StaffStatus);
    StaffStatusState& s = m_state.staff.entry.status;
    s.version = std::string(okienko::version());
    s.kioskName = m_deps.kioskName;
    if (m_deps.services != nullptr)
        s.kioskId = m_deps.services->kioskId();
    loadOutbox();
    checkPrinter();
}

sync::Outbox StaffEntryFlow::outbox()
{
    return sync::Outbox(m_deps.services->database(), sync::SyncClock{[this] { return wallSeconds(); },
                                                                     []
                                                                     {
                                                                         return std::chrono::steady_clock::now();
                                                                     }});
}

void StaffEntryFlow::loadOutbox()
{
    StaffStatusState& s = m_state.staff.entry.status;
    s.outbox.reset();
    if (m_deps.services == nullptr)
        return;
    sync::Outbox box = outbox();
    auto depth = box.depth();
    auto age = box.oldestAge();
    auto dead = box.deadCount();
    if (!depth.ok() || !age.ok() || !dead.ok())
        return;
    StaffOutboxSnapshot snap;
    snap.pending = depth.value();
    if (age.value())
        snap.oldestAgeSeconds = age.value()->count();
    snap.dead = dead.value();
    if (auto letters = box.deadLetters(); letters.ok())
        for (const sync::DeadLetter& d : letters.value())
            if (snap.deadLetters.size() < 20)
                snap.deadLetters.push_back({d.type, d.reference, d.code, d.id});
    s.outbox = snap;
}

void StaffEntryFlow::resolveDeadLetter(const std::string& eventId)
{
    // Only a logged-in member on the status screen: the button is nowhere else.
    if (!m_state.staff.loggedIn() || m_state.router.current() != ScreenId::StaffStatus || m_deps.services == nullptr)
        return;
    // The row holds no personal data (erased when the server refused it), and the log line names only
    // the event id: no staff member, no resident. A row already gone (a second tap) changes nothing.
    auto resolved = outbox().resolveDeadLetter(eventId);
    if (!resolved.ok())
        std::fprintf(stderr, "[staff] resolving a dead letter failed: %s\n", resolved.error().message.c_str());
    else if (resolved.value())
        std::fprintf(stderr, "[staff] dead letter %s resolved\n", util::escapeForLog(eventId).c_str());
    loadOutbox();
}

void StaffEntryFlow::checkPrinter()
{
    if (m_state.router.current() != ScreenId::StaffStatus)
        return;
    StaffStatusState& s = m_state.staff.entry.status;
    if (m_deps.services == nullptr)
    {
        s.printer = receipt::PrinterCondition::Unknown;
        return;
    }
    s.printerChecking = true;
    m_deps.services->checkPrinter();
}

void StaffEntryFlow::reprint()
{
    if (m_state.router.current() != ScreenId::StaffStatus)
        return;
    StaffSlipJob& job = m_state.staff.entry.status.reprint;
    if (job.state == StaffSlipState::Queued)
        return; // one reprint at a time: a second tap must not print it twice
    job = StaffSlipJob{};
    if (m_deps.services == nullptr || !m_deps.services->canPrint())
    {
        job.state = StaffSlipState::NoPrinter;
        return;
    }
    const std::optional<std::uint64_t> ticket = m_deps.services->reprintLast();
    if (!ticket)
    {
        job.state = StaffSlipState::Nothing;
        return;
    }
    job.state = StaffSlipState::Queued;
    job.ticket = *ticket;
}

void StaffEntryFlow::testPrint()
{
    if (m_state.router.current() != ScreenId::StaffStatus)
        return;
    StaffSlipJob& job = m_state.staff.entry.status.testPrint;
    if (job.state == StaffSlipState::Queued)
        return;
    job = StaffSlipJob{};
    if (m_deps.services == nullptr || !m_deps.services->canPrint() || m_deps.translator == nullptr)
    {
        job.state = StaffSlipState::NoPrinter;
        return;
    }
    const LocalDateTime t = m_deps.clock != nullptr ? m_deps.clock->localNow() : LocalDateTime{};
    const std::string printedAt = formatDateTime(t);
    const receipt::SlipContext ctx{*m_deps.translator, m_state.language, m_catalog.municipality,
                                   m_deps.kioskName.empty() ? m_deps.services->kioskId() : m_deps.kioskName, printedAt};
    // The print worker lays the slip out in the format kiosk.toml names; the flow does not know it.
    const std::optional<std::uint64_t> ticket = m_deps.services->print(
        receipt::printerTestSlip(ctx, m_deps.translator->tr(m_state.language, "staff.status.test_format")));
    if (!ticket)
    {
        job.state = StaffSlipState::NoPrinter;
        return;
    }
    job.state = StaffSlipState::Queued;
    job.ticket = *ticket;
}

bool StaffEntryFlow::onPrint(const PrintCompletion& print)
{
    StaffStatusState& s = m_state.staff.entry.status;
    for (StaffSlipJob* job : {&s.reprint, &s.testPrint})
    {
        if (job->state != StaffSlipState::Queued || job->ticket != print.ticket)
            continue;
        switch (print.result.outcome)
        {
        case receipt::PrintOutcome::Printed:
        case receipt::PrintOutcome::Accepted:
            job->state = StaffSlipState::Printed;
            break;
        case receipt::PrintOutcome::Failed:
            job->state = StaffSlipState::Failed;
            job->failure = print.result.condition;
            break;
        case receipt::PrintOutcome::TimedOut:
            job->state = StaffSlipState::TimedOut;
            break;
        }
        return true;
    }
    return false;
}

} // namespace okienko::kiosk
