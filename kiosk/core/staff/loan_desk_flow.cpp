// LoanDeskFlow (see loan_desk_flow.hpp).
#include "kiosk/core/staff/loan_desk_flow.hpp"

#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/staff/loan_desk_store.hpp"
#include "shared/rules/loan_period.hpp"
#include "shared/text/utf8.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/free_text.hpp"

#include <algorithm>
#include <cstdio>
#include <type_traits>

namespace okienko::kiosk
{
std::string LoanDeskFlow::staffId() const
{
    return m_state.staff.session ? m_state.staff.session->staffId : std::string();
}

db::Database* LoanDeskFlow::database() const
{
    if (m_deps.services == nullptr || !m_deps.services->database().isOpen())
        return nullptr;
    return &m_deps.services->database();
}

bool LoanDeskFlow::ownsScreen(ScreenId screen) const
{
    return screen == ScreenId::StaffCheckIn || screen == ScreenId::StaffCheckInDone || screen == ScreenId::StaffLoans ||
           screen == ScreenId::StaffOverdue || screen == ScreenId::StaffUnits;
}

bool LoanDeskFlow::apply(const Intent& intent)
{
    return applyOwn<LoanDeskIntent>(intent, [&](const LoanDeskIntent& own) { act(own); });
}

void LoanDeskFlow::act(const LoanDeskIntent& intent)
{
    // Staff actions exist only inside a staff session (a stale intent after logout does nothing).
    if (!m_state.staff.loggedIn())
        return;
    std::visit(
        [&](const auto& a)
        {
            using T = std::decay_t<decltype(a)>;
            LoanDeskState& d = m_state.staff.desk;
            const ScreenId screen = m_state.router.current();
            if constexpr (std::is_same_v<T, loan_desk::StartCheckIn>)
                startCheckIn();
            else if constexpr (std::is_same_v<T, loan_desk::ShowLoans>)
                showLoans(false);
            else if constexpr (std::is_same_v<T, loan_desk::ShowOverdue>)
                showLoans(true);
            else if constexpr (std::is_same_v<T, loan_desk::ShowUnits>)
                showUnits();
            else if constexpr (std::is_same_v<T, loan_desk::Focus>)
            {
                if (screen != ScreenId::StaffCheckIn || d.checkIn.phase == DeskPhase::Done)
                    return;
                if ((a.field == DeskField::Notes) != d.checkIn.loan.has_value() && a.field != DeskField::None)
                    return; // the number while typing it, the notes once the unit is found
                d.checkIn.focus = a.field;
                m_state.keyboard.state.reset();
            }
            else if constexpr (std::is_same_v<T, loan_desk::Press>)
            {
                if (screen == ScreenId::StaffCheckIn)
                    press(a.key);
            }
            else if constexpr (std::is_same_v<T, loan_desk::FindUnit>)
            {
                if (screen == ScreenId::StaffCheckIn)
                    findUnit();
            }
            else if constexpr (std::is_same_v<T, loan_desk::ChangeUnit>)
            {
                if (screen == ScreenId::StaffCheckIn)
                    changeUnit();
            }
            else if constexpr (std::is_same_v<T, loan_desk::SetCondition>)
            {
                if (screen != ScreenId::StaffCheckIn || !d.checkIn.loan || d.checkIn.phase == DeskPhase::Done)
                    return;
                d.checkIn.condition = a.condition;
                if (d.checkIn.errorKey == "desk.checkin.choose_condition")
                    d.checkIn.errorKey.clear();
            }
            else if constexpr (std::is_same_v<T, loan_desk::ConfirmCheckIn>)
            {
                if (screen == ScreenId::StaffCheckIn)
                    confirmCheckIn();
            }
            else if constexpr (std::is_same_v<T, loan_desk::SelectLoan>)
            {
                if (screen == ScreenId::StaffLoans)
                    selectLoan(a.loanId);
            }
            else if constexpr (std::is_same_v<T, loan_desk::ShiftDue>)
            {
                if (screen == ScreenId::StaffLoans)
                    shiftDue(a.days);
            }
            else if constexpr (std::is_same_v<T, loan_desk::ConfirmExtension>)
            {
                if (screen == ScreenId::StaffLoans)
                    confirmExtension();
            }
            else if constexpr (std::is_same_v<T, loan_desk::CloseExtension>)
            {
                if (screen != ScreenId::StaffLoans)
                    return;
                d.extend = ExtendState{};
                (void)loadLoans();
            }
            else if constexpr (std::is_same_v<T, loan_desk::FinishCleaning>)
            {
                if (screen == ScreenId::StaffUnits)
                    setUnitState(a.inventoryNumber, domain::UnitState::Cleaning, domain::UnitState::Available);
            }
            else if constexpr (std::is_same_v<T, loan_desk::FinishRepair>)
            {
                // A repaired unit is disinfected and checked like any returned one before it is lent.
                if (screen == ScreenId::StaffUnits)
                    setUnitState(a.inventoryNumber, domain::UnitState::Repair, domain::UnitState::Cleaning);
            }
        },
        intent.action);
}

// --- check-in ------------------------------------------------------------------------------------

void LoanDeskFlow::startCheckIn()
{
    m_state.staff.desk.checkIn = CheckInState{};
    m_state.keyboard.state.reset();
    m_state.router.reset(ScreenId::StaffMenu);
    m_state.router.push(ScreenId::StaffCheckIn);
}

void LoanDeskFlow::press(const Key& key)
{
    CheckInState& c = m_state.staff.desk.checkIn;
    if (c.phase == DeskPhase::Done)
        return;
    if (key.action == KeyAction::Done)
    {
        if (c.focus == DeskField::Number)
            findUnit();
        m_state.keyboard.state.reset();
        return;
    }
    if (c.focus == DeskField::None)
        return;
    if (c.focus == DeskField::Number)
    {
        if (c.loan)
            return; // the unit is chosen: "Inny numer" first
        m_state.keyboard.state.press(key, c.number.buffer);
        edited();
        return;
    }
    m_state.keyboard.state.press(key, c.notes.buffer);
    edited();
}

void LoanDeskFlow::edited()
{
    CheckInState& c = m_state.staff.desk.checkIn;
    if (c.focus == DeskField::Number)
    {
        c.errorKey.clear();
        c.errorUnitState.reset();
    }
    else
        c.notesErrorKey.clear();
}

TextBuffer* LoanDeskFlow::typingBuffer()
{
    CheckInState& c = m_state.staff.desk.checkIn;
    if (!m_state.staff.loggedIn() || m_state.router.current() != ScreenId::StaffCheckIn || c.phase == DeskPhase::Done)
        return nullptr;
    if (c.focus == DeskField::Number && !c.loan)
        return &c.number.buffer;
    if (c.focus == DeskField::Notes && c.loan)
        return &c.notes.buffer;
    return nullptr;
}

bool LoanDeskFlow::onType(const TypeText& typed)
{
    TextBuffer* buffer = typingBuffer();
    if (buffer == nullptr)
        return false;
    std::size_t pos = 0;
    // One character at a time, as the keys would type them: a refused one does not drop the rest.
    while (pos < typed.text.size())
    {
        const std::optional<char32_t> cp = text::decodeOne(typed.text, pos);
        if (!cp)
            break;
        (void)buffer->insert(*cp); // the field's own filter and length, as for the keys
    }
    edited();
    return true;
}

bool LoanDeskFlow::onErase()
{
    TextBuffer* buffer = typingBuffer();
    if (buffer == nullptr)
        return false;
    (void)buffer->backspace();
    edited();
    return true;
}

bool LoanDeskFlow::onSubmit()
{
    if (typingBuffer() == nullptr)
        return false;
    Key done;
    done.action = KeyAction::Done;
    press(done);
    return true;
}

void LoanDeskFlow::findUnit()
{
    CheckInState& c = m_state.staff.desk.checkIn;
    if (c.phase == DeskPhase::Done || c.loan)
        return;
    c.errorKey.clear();
    c.errorUnitState.reset();
    const std::string number = normaliseInventoryNumber(c.number.buffer.text());
    c.errorNumber = number;
    if (number.empty())
    {
        c.errorKey = "desk.checkin.enter_number";
        return;
    }
    db::Database* db = database();
    if (db == nullptr)
    {
        c.errorKey = "desk.error.no_database";
        return;
    }
    auto loans = loadOpenLoans(*db, m_deps.today());
    auto units = loadDeskUnits(*db, m_deps.today());
    if (!loans.ok() || !units.ok())
    {
        c.errorKey = "desk.error.storage";
        return;
    }
    (void)c.number.buffer.setText(number);
    for (const DeskLoan& l : loans.value())
    {
        if (l.inventoryNumber != number)
            continue;
        c.loan = l;
        c.condition.reset();
        c.focus = DeskField::None; // the condition comes first; the keyboard opens for notes on a tap
        m_state.keyboard.state.reset();
        return;
    }
    for (const DeskUnit& u : units.value())
    {
        if (u.inventoryNumber != number)
            continue;
        c.errorKey = "desk.checkin.not_on_loan";
        c.errorUnitState = u.state;
        return;
    }
    c.errorKey = "desk.checkin.unknown";
}

void LoanDeskFlow::changeUnit()
{
    CheckInState& c = m_state.staff.desk.checkIn;
    if (c.phase == DeskPhase::Done)
        return;
    c = CheckInState{};
    m_state.keyboard.state.reset();
}

void LoanDeskFlow::confirmCheckIn()
{
    CheckInState& c = m_state.staff.desk.checkIn;
    // A second tap after the return was stored does nothing.
    if (c.phase == DeskPhase::Done || !c.loan)
        return;
    if (!c.condition)
    {
        c.errorKey = "desk.checkin.choose_condition";
        return;
    }
    auto notes = validate::validateFreeText(c.notes.buffer.text(), 0, kReturnNotesMax);
    if (!notes.ok())
    {
        c.notesErrorKey = std::string(validate::messageKey(notes.error().error));
        c.focus = DeskField::Notes;
        return;
    }
    db::Database* db = database();
    if (db == nullptr)
    {
        c.phase = DeskPhase::Failed;
        c.errorKey = "desk.error.no_database";
        return;
    }
    if (c.eventId.empty())
        c.eventId = newUuid();
    const Date returnedOn = m_deps.today();
    const CheckInRecord record{c.eventId,  m_deps.wallSeconds(), c.loan->loanId, c.loan->inventoryNumber,
                               returnedOn, *c.condition,         notes.value(),  staffId()};
    if (auto s = writeCheckIn(*db, record); !s.ok())
    {
        c.phase = DeskPhase::Failed;
        if (s.error().kind == db::ErrorKind::NotFound)
            c.errorKey = "desk.checkin.already_returned";
        else
        {
            std::fprintf(stderr, "[loan-desk] storing a check-in failed: %s\n", s.error().message.c_str());
            c.errorKey = "desk.error.storage";
        }
        return;
    }
    m_deps.services->outboxChanged();
    m_unitsChanged = true;
    c.phase = DeskPhase::Done;
    c.errorKey.clear();
    c.unitState = unitStateAfterReturn(*c.condition);

    domain::Loan loan;
    loan.id = c.loan->loanId;
    loan.inventoryNumber = c.loan->inventoryNumber;
    loan.typeId = c.loan->typeId;
    loan.start = c.loan->start;
    loan.due = c.loan->due;
    loan.returnedOn = returnedOn;
    loan.returnCondition = *c.condition;
    loan.returnNotes = notes.value();
    printReturn(loan);
    m_state.router.reset(ScreenId::StaffMenu);
    m_state.router.push(ScreenId::StaffCheckInDone);
}

void LoanDeskFlow::printReturn(const domain::Loan& loan)
{
    CheckInState& c = m_state.staff.desk.checkIn;
    c.slip.status = SlipStatus::NoPrinter;
    const domain::EquipmentType* type = m_catalog.findEquipmentType(loan.typeId);
    if (!m_deps.services->canPrint() || m_deps.translator == nullptr || type == nullptr)
        return;
    const receipt::SlipContext ctx = slipContext(m_deps, m_state.language, m_catalog.municipality);
    if (auto ticket = m_deps.services->print(receipt::returnConfirmationSlip(ctx, loan, *type)))
    {
        c.slip.status = SlipStatus::Printing;
        c.slip.ticket = *ticket;
    }
}

// --- open loans, overdue and extension -----------------------------------------------------------

bool LoanDeskFlow::loadLoans()
{
    LoanDeskState& d = m_state.staff.desk;
    d.loans.clear();
    d.listErrorKey.clear();
    db::Database* db = database();
    if (db == nullptr)
    {
        d.listErrorKey = "desk.error.no_database";
        return false;
    }
    auto loans = loadOpenLoans(*db, m_deps.today());
    if (!loans.ok())
    {
        std::fprintf(stderr, "[loan-desk] reading open loans failed: %s\n", loans.error().message.c_str());
        d.listErrorKey = "desk.error.storage";
        return false;
    }
    d.loans = std::move(loans.value());
    if (m_state.router.current() == ScreenId::StaffOverdue)
        std::erase_if(d.loans, [](const DeskLoan& l) { return l.daysOverdue <= 0; });
    return true;
}

void LoanDeskFlow::showLoans(bool overdueOnly)
{
    LoanDeskState& d = m_state.staff.desk;
    d.extend = ExtendState{};
    m_state.router.reset(ScreenId::StaffMenu);
    m_state.router.push(overdueOnly ? ScreenId::StaffOverdue : ScreenId::StaffLoans);
    // Sorted by due date: on the overdue screen that is the most overdue first.
    (void)loadLoans();
}

void LoanDeskFlow::selectLoan(const std::string& loanId)
{
    LoanDeskState& d = m_state.staff.desk;
    if (d.extend.loan)
        return;
    const auto it = std::find_if(d.loans.begin(), d.loans.end(), [&](const DeskLoan& l) { return l.loanId == loanId; });
    if (it == d.loans.end())
        return;
    ExtendState x;
    x.loan = *it;
    x.newDue = it->due;
    const domain::EquipmentType* type = m_catalog.findEquipmentType(it->typeId);
    if (type == nullptr)
    {
        x.maxDue = it->due;
        x.errorKey = "desk.extend.unknown_type";
    }
    else
    {
        x.maxDue = rules::dueDateFor(it->start, type->maxLoanDays);
        x.atMax = it->due >= x.maxDue;
    }
    d.extend = std::move(x);
}

void LoanDeskFlow::shiftDue(int days)
{
    ExtendState& x = m_state.staff.desk.extend;
    if (!x.loan || x.phase == DeskPhase::Done)
        return;
    const Date wanted = x.newDue.plusDays(days);
    const Date floor = x.loan->due;
    const Date ceiling = std::max(x.maxDue, floor);
    x.newDue = std::clamp(wanted, floor, ceiling);
    x.atMax = wanted >= ceiling;
    if (x.errorKey != "desk.extend.unknown_type")
        x.errorKey.clear();
}

void LoanDeskFlow::confirmExtension()
{
    ExtendState& x = m_state.staff.desk.extend;
    if (!x.loan || x.phase == DeskPhase::Done)
        return;
    const domain::EquipmentType* type = m_catalog.findEquipmentType(x.loan->typeId);
    if (type == nullptr)
    {
        x.errorKey = "desk.extend.unknown_type";
        return;
    }
    const int extra = static_cast<int>(x.newDue.toDays() - x.loan->due.toDays());
    if (extra <= 0)
    {
        x.errorKey = "desk.extend.choose_date";
        return;
    }
    domain::Loan loan;
    loan.id = x.loan->loanId;
    loan.typeId = x.loan->typeId;
    loan.start = x.loan->start;
    loan.due = x.loan->due;
    auto allowed = rules::extendedDueDate(*type, loan, extra, m_deps.today());
    if (!allowed.ok())
    {
        switch (allowed.error())
        {
        case rules::LoanPeriodError::AboveMaximum:
            x.errorKey = "desk.extend.at_max";
            break;
        case rules::LoanPeriodError::ExtensionEndsInPast:
            x.errorKey = "desk.extend.in_past";
            break;
        default:
            x.errorKey = "desk.extend.not_allowed";
            break;
        }
        return;
    }
    db::Database* db = database();
    if (db == nullptr)
    {
        x.phase = DeskPhase::Failed;
        x.errorKey = "desk.error.no_database";
        return;
    }
    if (x.eventId.empty())
        x.eventId = newUuid();
    const ExtensionRecord record{x.eventId, m_deps.wallSeconds(), x.loan->loanId, allowed.value(), staffId()};
    if (auto s = writeExtension(*db, record); !s.ok())
    {
        x.phase = DeskPhase::Failed;
        if (s.error().kind == db::ErrorKind::NotFound)
            x.errorKey = "desk.extend.not_open";
        else
        {
            std::fprintf(stderr, "[loan-desk] storing an extension failed: %s\n", s.error().message.c_str());
            x.errorKey = "desk.error.storage";
        }
        return;
    }
    m_deps.services->outboxChanged();
    x.phase = DeskPhase::Done;
    x.errorKey.clear();
    x.newDue = allowed.value();
    (void)loadLoans();
}

// --- units ---------------------------------------------------------------------------------------

bool LoanDeskFlow::loadUnits()
{
    LoanDeskState& d = m_state.staff.desk;
    d.units.clear();
    db::Database* db = database();
    if (db == nullptr)
    {
        d.listErrorKey = "desk.error.no_database";
        return false;
    }
    auto units = loadDeskUnits(*db, m_deps.today());
    if (!units.ok())
    {
        std::fprintf(stderr, "[loan-desk] reading units failed: %s\n", units.error().message.c_str());
        d.listErrorKey = "desk.error.storage";
        return false;
    }
    d.listErrorKey.clear();
    d.units = std::move(units.value());
    return true;
}

void LoanDeskFlow::showUnits()
{
    LoanDeskState& d = m_state.staff.desk;
    d.unitsMessageKey.clear();
    d.unitsMessageUnit.clear();
    m_state.router.reset(ScreenId::StaffMenu);
    m_state.router.push(ScreenId::StaffUnits);
    (void)loadUnits();
}

void LoanDeskFlow::setUnitState(const std::string& inventoryNumber, domain::UnitState from, domain::UnitState to)
{
    LoanDeskState& d = m_state.staff.desk;
    d.unitsMessageUnit = inventoryNumber;
    const auto it = std::find_if(d.units.begin(), d.units.end(),
                                 [&](const DeskUnit& u) { return u.inventoryNumber == inventoryNumber; });
    if (it == d.units.end() || it->state != from)
    {
        d.unitsMessageKey = "desk.units.already_changed";
        return;
    }
    db::Database* db = database();
    if (db == nullptr)
    {
        d.unitsMessageKey = "desk.error.no_database";
        return;
    }
    const UnitStateRecord record{newUuid(), m_deps.wallSeconds(), inventoryNumber, from, to, staffId()};
    if (auto s = writeUnitState(*db, record); !s.ok())
    {
        if (s.error().kind == db::ErrorKind::NotFound)
            d.unitsMessageKey = "desk.units.already_changed";
        else
        {
            std::fprintf(stderr, "[loan-desk] storing a unit state failed: %s\n", s.error().message.c_str());
            d.unitsMessageKey = "desk.error.storage";
        }
        (void)loadUnits();
        return;
    }
    m_deps.services->outboxChanged();
    m_unitsChanged = true;
    d.unitsMessageKey = to == domain::UnitState::Available ? "desk.units.now_available" : "desk.units.now_cleaning";
    (void)loadUnits();
}

// --- worker results and scans --------------------------------------------------------------------

bool LoanDeskFlow::onCompletion(const Completion& completion)
{
    const auto* printed = std::get_if<PrintCompletion>(&completion);
    if (printed == nullptr)
        return false;
    return settleSlip(m_state.staff.desk.checkIn.slip, *printed);
}

bool LoanDeskFlow::onScan(const std::string& code)
{
    if (!m_state.staff.loggedIn())
        return false;
    const ScreenId screen = m_state.router.current();
    if (screen != ScreenId::StaffCheckIn && screen != ScreenId::StaffCheckInDone)
        return false;
    // A scan on the check-in screen (or right after one) is the next unit coming back.
    if (screen == ScreenId::StaffCheckInDone || m_state.staff.desk.checkIn.phase == DeskPhase::Done)
        startCheckIn();
    else
        changeUnit();
    CheckInState& c = m_state.staff.desk.checkIn;
    if (c.number.buffer.setText(normaliseInventoryNumber(code)) != InsertResult::Inserted)
    {
        c.errorKey = "desk.checkin.unknown";
        c.errorNumber.clear();
        return true;
    }
    findUnit();
    return true;
}

} // namespace okienko::kiosk
