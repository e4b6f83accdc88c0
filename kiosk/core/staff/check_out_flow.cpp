// CheckOutFlow (see check_out_flow.hpp).
#include "kiosk/core/staff/check_out_flow.hpp"

#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/staff/check_out_writer.hpp"
#include "shared/domain/codes.hpp"
#include "shared/rules/loan_period.hpp"
#include "shared/text/utf8.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/pesel.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <type_traits>

namespace okienko::kiosk
{
namespace
{

/// A staff badge: the entry flow's, never an inventory number.
constexpr std::string_view kBadgePrefix = "OKIENKO-STAFF:";
/// How far ahead a reservation may be handed over early (the pick-ups list shows up to tomorrow).
constexpr int kEarlyHandOverDays = 60;

/// The borrower's fields in the order Done moves through them.
constexpr std::array<PersonField, 6> kBorrowerOrder{PersonField::Name,       PersonField::Phone, PersonField::Street,
                                                    PersonField::PostalCode, PersonField::City,  PersonField::Pesel};

/// Inventory numbers hold ASCII letters, digits and '-'; letters are kept upper-case as printed on
/// the labels.
std::optional<char> inventoryChar(char32_t cp)
{
    if (cp >= U'a' && cp <= U'z')
        return static_cast<char>(cp - U'a' + U'A');
    if ((cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9') || cp == U'-')
        return static_cast<char>(cp);
    return std::nullopt;
}

std::string trimmed(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

/// The refusal message for a unit in `state`, or "" when it may be lent.
std::string refusalKey(std::string_view stateCode)
{
    const auto state = domain::fromCode<domain::UnitState>(stateCode);
    if (!state)
        return "checkout.unit.error.state";
    switch (*state)
    {
    case domain::UnitState::Available:
    case domain::UnitState::Reserved:
        return {};
    case domain::UnitState::OnLoan:
        return "checkout.unit.error.on_loan";
    case domain::UnitState::Cleaning:
        return "checkout.unit.error.cleaning";
    case domain::UnitState::Repair:
        return "checkout.unit.error.repair";
    case domain::UnitState::Retired:
        return "checkout.unit.error.retired";
    }
    return "checkout.unit.error.state";
}

} // namespace

bool CheckOutFlow::ownsScreen(ScreenId screen) const
{
    return screen == ScreenId::StaffPickups || screen == ScreenId::StaffCheckOutUnit ||
           screen == ScreenId::StaffCheckOutLoan || screen == ScreenId::StaffCheckOutDone;
}

bool CheckOutFlow::apply(const Intent& intent)
{
    return applyOwn<CheckOutIntent>(intent, [&](const CheckOutIntent& own) { act(own); });
}

void CheckOutFlow::act(const CheckOutIntent& intent)
{
    // Staff actions only: without a session nothing here may run (a stray intent after logout).
    if (!m_state.staff.loggedIn())
        return;
    std::visit(
        [&](const auto& a)
        {
            using T = std::decay_t<decltype(a)>;
            CheckOutState& c = m_state.staff.checkOut;
            if constexpr (std::is_same_v<T, check_out::ShowPickups>)
                showPickups();
            else if constexpr (std::is_same_v<T, check_out::Start>)
                start(std::nullopt);
            else if constexpr (std::is_same_v<T, check_out::Next>)
                start(std::nullopt);
            else if constexpr (std::is_same_v<T, check_out::ChoosePickup>)
            {
                for (const PickupRow& row : c.pickups)
                    if (row.reservationId == a.reservationId)
                    {
                        start(row);
                        return;
                    }
            }
            else if constexpr (std::is_same_v<T, check_out::Confirm>)
                confirm();
            else if (c.phase == CheckOutPhase::Done)
            {
                // After the loan is stored nothing typed may change what was stored or printed.
                return;
            }
            else if constexpr (std::is_same_v<T, check_out::Focus>)
            {
                // A PESEL is shown only while it is typed: coming back to it starts it anew, so the
                // digits never reappear on screen once entered.
                if (a.field == PersonField::Pesel && c.person.focus != PersonField::Pesel)
                    c.pesel.buffer.clear();
                c.person.focus = a.field;
                m_state.keyboard.state.reset();
            }
            else if constexpr (std::is_same_v<T, check_out::Press>)
                press(a.key);
            else if constexpr (std::is_same_v<T, check_out::SubmitUnit>)
                submitUnit();
            else if constexpr (std::is_same_v<T, check_out::ChooseReservation>)
                chooseReservation(a.reservationId);
            else if constexpr (std::is_same_v<T, check_out::ChooseWalkIn>)
                chooseWalkIn();
            else if constexpr (std::is_same_v<T, check_out::ToggleIdChecked>)
            {
                c.idChecked = !c.idChecked;
                if (c.idChecked)
                    c.idError = false;
            }
            else if constexpr (std::is_same_v<T, check_out::ShiftDue>)
            {
                if (c.inventoryNumber.empty())
                    return;
                c.due = std::clamp(c.due.plusDays(a.days), c.minDue, c.maxDue);
            }
        },
        intent.action);
}

void CheckOutFlow::showPickups()
{
    m_state.staff.checkOut = CheckOutState{};
    CheckOutState& c = m_state.staff.checkOut;
    if (m_deps.services == nullptr || !m_deps.services->database().isOpen())
        c.pickupsErrorKey = "checkout.error.no_services";
    else if (auto rows = loadCheckOutPickups(m_deps.services->database(), m_deps.today().plusDays(1)); rows.ok())
        c.pickups = std::move(rows.value());
    else
    {
        std::fprintf(stderr, "[check-out] reading pick-ups failed: %s\n", rows.error().message.c_str());
        c.pickupsErrorKey = "checkout.error.read";
    }
    m_state.router.push(ScreenId::StaffPickups);
}

void CheckOutFlow::start(std::optional<PickupRow> reservation)
{
    // The pick-ups list stays, so Back from the unit step shows it as it was.
    std::vector<PickupRow> pickups = std::move(m_state.staff.checkOut.pickups);
    m_state.staff.checkOut = CheckOutState{};
    CheckOutState& c = m_state.staff.checkOut;
    c.pickups = std::move(pickups);
    c.reservation = std::move(reservation);
    c.person.focus = PersonField::InventoryNumber;
    m_state.keyboard.state.reset();
    if (m_state.router.current() == ScreenId::StaffCheckOutDone ||
        m_state.router.current() == ScreenId::StaffCheckOutLoan)
        m_state.router.reset(ScreenId::StaffMenu);
    m_state.router.push(ScreenId::StaffCheckOutUnit);
}

void CheckOutFlow::press(const Key& key)
{
    CheckOutState& c = m_state.staff.checkOut;
    if (m_state.router.current() == ScreenId::StaffCheckOutUnit)
        c.person.focus = PersonField::InventoryNumber; // the step's only field, also after Back from the loan step
    if (c.person.focus == PersonField::InventoryNumber)
    {
        pressInventory(key);
        return;
    }
    pressPersonKey(c.person, c.field(c.person.focus), key, kBorrowerOrder, m_state.keyboard.state, m_state.language);
}

void CheckOutFlow::pressInventory(const Key& key)
{
    CheckOutState& c = m_state.staff.checkOut;
    switch (key.action)
    {
    case KeyAction::Done:
        submitUnit();
        return;
    case KeyAction::Space:
        return;
    case KeyAction::Insert:
    {
        const std::string& text = m_state.keyboard.state.textFor(key);
        if (text.size() != 1)
            return; // diacritics and other multi-byte letters are never part of an inventory number
        const auto ch = inventoryChar(static_cast<unsigned char>(text[0]));
        if (!ch)
            return;
        insertInventory(*ch, &key);
        return;
    }
    default:
        m_state.keyboard.state.press(key, c.inventory.buffer);
        break;
    }
    c.unitErrorKey.clear();
}

void CheckOutFlow::insertInventory(char ch, const Key* key)
{
    CheckOutState& c = m_state.staff.checkOut;
    // After a refusal the number on screen is the refused one: the first key starts a new one.
    if (!c.unitErrorKey.empty())
        c.inventory.buffer.clear();
    if (key != nullptr)
    {
        Key upper = *key;
        upper.text = std::string(1, ch);
        upper.shiftText = upper.text;
        m_state.keyboard.state.press(upper, c.inventory.buffer); // keeps one-shot Shift behaving
    }
    else
        (void)c.inventory.buffer.insert(static_cast<char32_t>(static_cast<unsigned char>(ch)));
    c.unitErrorKey.clear();
}

std::optional<PersonField> CheckOutFlow::typingField()
{
    CheckOutState& c = m_state.staff.checkOut;
    if (!m_state.staff.loggedIn() || c.phase == CheckOutPhase::Done)
        return std::nullopt;
    if (m_state.router.current() == ScreenId::StaffCheckOutUnit)
    {
        c.person.focus = PersonField::InventoryNumber;
        return c.person.focus;
    }
    if (m_state.router.current() == ScreenId::StaffCheckOutLoan && c.person.focus != PersonField::InventoryNumber)
        return c.person.focus;
    return std::nullopt;
}

bool CheckOutFlow::onType(const TypeText& typed)
{
    const std::optional<PersonField> field = typingField();
    if (!field)
        return false;
    CheckOutState& c = m_state.staff.checkOut;
    std::size_t pos = 0;
    // One character at a time, as the keys would type them: a refused one does not drop the rest.
    while (pos < typed.text.size())
    {
        const std::optional<char32_t> cp = text::decodeOne(typed.text, pos);
        if (!cp)
            break;
        if (*field == PersonField::InventoryNumber)
        {
            if (const std::optional<char> ch = inventoryChar(*cp))
                insertInventory(*ch, nullptr);
        }
        else
            (void)c.field(*field).buffer.insert(*cp); // the field's own filter, as for the keys
    }
    if (*field != PersonField::InventoryNumber)
        dropPersonErrors(c.person, *field);
    return true;
}

bool CheckOutFlow::onErase()
{
    const std::optional<PersonField> field = typingField();
    if (!field)
        return false;
    Key backspace;
    backspace.action = KeyAction::Backspace;
    press(backspace);
    return true;
}

bool CheckOutFlow::onSubmit()
{
    if (!typingField())
        return false;
    Key done;
    done.action = KeyAction::Done;
    press(done);
    return true;
}

void CheckOutFlow::submitUnit()
{
    CheckOutState& c = m_state.staff.checkOut;
    c.unitErrorKey.clear();
    c.unitErrorNumber.clear();
    c.unitErrorType.clear();
    const std::string number = trimmed(c.inventory.buffer.text());
    auto refuse = [&](std::string key, std::string typeId = {})
    {
        c.unitErrorKey = std::move(key);
        c.unitErrorNumber = number;
        c.unitErrorType = std::move(typeId);
        c.inventoryNumber.clear();
        c.typeId.clear();
    };
    if (number.empty())
        return refuse("checkout.unit.error.empty");
    if (m_deps.services == nullptr || !m_deps.services->database().isOpen())
        return refuse("checkout.error.no_services");
    db::Database& db = m_deps.services->database();
    auto unit = findCheckOutUnit(db, number);
    if (!unit.ok())
    {
        std::fprintf(stderr, "[check-out] reading a unit failed: %s\n", unit.error().message.c_str());
        return refuse("checkout.error.read");
    }
    if (!unit.value())
        return refuse("checkout.unit.error.unknown");
    const CheckOutUnitRecord& u = *unit.value();
    c.inventory.buffer.setText(u.inventoryNumber);
    if (std::string key = refusalKey(u.stateCode); !key.empty())
        return refuse(std::move(key));
    auto open = checkOutUnitHasOpenLoan(db, u.inventoryNumber);
    if (!open.ok())
        return refuse("checkout.error.read");
    if (open.value())
        return refuse("checkout.unit.error.on_loan");
    const domain::EquipmentType* type = m_catalog.findEquipmentType(u.typeId);
    if (type == nullptr)
        return refuse("checkout.unit.error.type_unknown");
    if (c.reservation && c.reservation->typeId != u.typeId)
        return refuse("checkout.unit.error.type_mismatch", u.typeId);

    c.inventoryNumber = u.inventoryNumber;
    c.typeId = u.typeId;
    c.candidates.clear();
    if (auto rows = loadCheckOutPickups(db, m_deps.today().plusDays(kEarlyHandOverDays)); rows.ok())
        for (PickupRow& r : rows.value())
            if (r.typeId == u.typeId)
                c.candidates.push_back(std::move(r));
    if (c.reservation)
    {
        // Chosen from the pick-ups list: keep it offered even beyond the early hand-over window.
        const bool listed =
            std::any_of(c.candidates.begin(), c.candidates.end(),
                        [&](const PickupRow& r) { return r.reservationId == c.reservation->reservationId; });
        if (!listed)
            c.candidates.insert(c.candidates.begin(), *c.reservation);
        (void)c.person.name.buffer.setText(c.reservation->name);
        (void)c.person.phone.buffer.setText(c.reservation->phone);
        c.walkIn = false;
    }
    else if (c.candidates.empty())
        c.walkIn = true; // nothing reserved for this type: a walk-in is the only choice
    applyPeriod();
    c.person.focus = PersonField::Name;
    m_state.keyboard.state.reset();
    m_state.router.push(ScreenId::StaffCheckOutLoan);
}

void CheckOutFlow::applyPeriod()
{
    CheckOutState& c = m_state.staff.checkOut;
    const domain::EquipmentType* type = m_catalog.findEquipmentType(c.typeId);
    if (type == nullptr)
        return;
    c.start = m_deps.today();
    c.maxDue = rules::dueDateFor(c.start, std::max(1, type->maxLoanDays));
    c.minDue = std::min(c.start.plusDays(1), c.maxDue);
    // A reservation was agreed for its own period (the availability ledger counts exactly that);
    // a walk-in gets the type's default.
    const int days = c.reservation && c.reservation->loanDays > 0 ? c.reservation->loanDays : type->defaultLoanDays;
    c.due = std::clamp(rules::dueDateFor(c.start, std::max(1, days)), c.minDue, c.maxDue);
}

void CheckOutFlow::chooseReservation(const std::string& reservationId)
{
    CheckOutState& c = m_state.staff.checkOut;
    for (const PickupRow& r : c.candidates)
    {
        if (r.reservationId != reservationId)
            continue;
        const bool changed = !c.reservation || c.reservation->reservationId != reservationId;
        c.reservation = r;
        c.walkIn = false;
        c.reservationError = false;
        if (changed)
        {
            (void)c.person.name.buffer.setText(r.name);
            (void)c.person.phone.buffer.setText(r.phone);
            dropPersonErrors(c.person, PersonField::Name);
            dropPersonErrors(c.person, PersonField::Phone);
            applyPeriod();
        }
        return;
    }
}

void CheckOutFlow::chooseWalkIn()
{
    CheckOutState& c = m_state.staff.checkOut;
    c.reservation.reset();
    c.walkIn = true;
    c.reservationError = false;
    if (c.unitErrorKey == "checkout.unit.error.type_mismatch")
    {
        c.unitErrorKey.clear();
        c.unitErrorType.clear();
    }
    applyPeriod();
}

bool CheckOutFlow::validateLoan()
{
    CheckOutState& c = m_state.staff.checkOut;
    validatePerson(c.person, true);
    if (!c.pesel.buffer.empty())
        if (auto r = validate::validatePesel(c.pesel.buffer.text(), m_deps.today()); !r.ok())
            addPersonError(c.person, PersonField::Pesel, validate::messageKey(r.error()));
    c.reservationError = !c.reservation && !c.walkIn;
    c.idError = !c.idChecked;
    if (focusFirstError(c.person))
        m_state.keyboard.state.reset();
    return c.person.errors.empty() && !c.reservationError && !c.idError;
}

void CheckOutFlow::confirm()
{
    CheckOutState& c = m_state.staff.checkOut;
    // A second tap after the loan was stored does nothing: one loan per check-out.
    if (c.phase == CheckOutPhase::Done || m_state.router.current() != ScreenId::StaffCheckOutLoan ||
        c.inventoryNumber.empty())
        return;
    if (!validateLoan())
        return;
    if (m_deps.services == nullptr || !m_deps.services->database().isOpen())
    {
        c.phase = CheckOutPhase::Failed;
        c.errorKey = "checkout.error.no_services";
        return;
    }
    store();
}

void CheckOutFlow::store()
{
    CheckOutState& c = m_state.staff.checkOut;
    const domain::EquipmentType* type = m_catalog.findEquipmentType(c.typeId);
    if (type == nullptr)
    {
        c.phase = CheckOutPhase::Failed;
        c.errorKey = "checkout.error.storage";
        return;
    }
    if (c.loanId.empty())
        c.loanId = newUuid();
    domain::Loan loan;
    loan.id = c.loanId;
    loan.inventoryNumber = c.inventoryNumber;
    loan.typeId = c.typeId;
    if (c.reservation)
        loan.reservationId = c.reservation->reservationId;
    loan.borrower = validatedPerson(c.person);
    if (!c.pesel.buffer.empty())
        loan.pesel = validate::validatePesel(c.pesel.buffer.text(), m_deps.today()).value().number;
    loan.start = c.start;
    loan.due = std::clamp(c.due, c.minDue, c.maxDue);
    loan.staffId = m_state.staff.session->staffId;
    loan.createdAt = m_deps.wallSeconds();
    if (auto s = writeCheckOut(m_deps.services->database(), loan); !s.ok())
    {
        // The message names no borrower: SQLite's text is about tables and constraints only.
        std::fprintf(stderr, "[check-out] storing a loan failed: %s\n", s.error().message.c_str());
        c.phase = CheckOutPhase::Failed;
        c.errorKey = s.error().kind == db::ErrorKind::NotFound ? "checkout.error.unit_taken" : "checkout.error.storage";
        return;
    }
    m_deps.services->outboxChanged();
    m_unitsChanged = true;
    c.phase = CheckOutPhase::Done;
    c.errorKey.clear();
    c.doneInventory = loan.inventoryNumber;
    c.doneDue = loan.due;
    printAgreement(loan, *type);
    // Stored and handed to the printer: nothing typed stays in memory beyond what the screen shows.
    clearPersonFields(c.person);
    c.pesel.buffer.clear();
    c.inventory.buffer.clear();
    c.person.errors.clear();
    c.reservation.reset();
    c.candidates.clear();
    c.pickups.clear();
    m_state.router.reset(ScreenId::StaffMenu);
    m_state.router.push(ScreenId::StaffCheckOutDone);
    // The resident rates the hand-over on this screen, as every resident flow ends with a rating:
    // the equipment service's satisfaction in the report (flow "check_out").
    m_state.requests.feedback = FeedbackState{};
    m_state.requests.feedback.flow = FlowId::CheckOut;
}

void CheckOutFlow::printAgreement(const domain::Loan& loan, const domain::EquipmentType& type)
{
    CheckOutState& c = m_state.staff.checkOut;
    c.printed = false;
    c.copies = {};
    if (!m_deps.services->canPrint() || m_deps.translator == nullptr)
        return;
    c.printed = true;
    const receipt::SlipContext ctx = slipContext(m_deps, m_state.language, m_catalog.municipality);
    const receipt::AgreementCopy which[2] = {receipt::AgreementCopy::Cus, receipt::AgreementCopy::Borrower};
    for (std::size_t i = 0; i < c.copies.size(); ++i)
    {
        SlipProgress& copy = c.copies[i];
        auto ticket = m_deps.services->print(
            receipt::lendingAgreementSlip(ctx, loan, type, m_state.staff.session->name, which[i]));
        if (ticket)
        {
            copy.status = SlipStatus::Printing;
            copy.ticket = *ticket;
        }
        else
        {
            copy.status = SlipStatus::Failed;
            copy.messageKey = "checkout.done.no_printer";
        }
    }
}

bool CheckOutFlow::onCompletion(const Completion& completion)
{
    const auto* printed = std::get_if<PrintCompletion>(&completion);
    if (printed == nullptr)
        return false;
    for (SlipProgress& copy : m_state.staff.checkOut.copies)
        if (settleSlip(copy, *printed))
            return true;
    return false;
}

bool CheckOutFlow::onScan(const std::string& code)
{
    if (!m_state.staff.loggedIn() || m_state.router.current() != ScreenId::StaffCheckOutUnit ||
        m_state.staff.checkOut.phase == CheckOutPhase::Done)
        return false;
    const std::string number = trimmed(code);
    if (number.rfind(kBadgePrefix, 0) == 0)
        return false;
    CheckOutState& c = m_state.staff.checkOut;
    c.person.focus = PersonField::InventoryNumber;
    if (c.inventory.buffer.setText(number) != InsertResult::Inserted)
    {
        // Not an inventory label (too long, control characters): say so with what was read.
        c.inventory.buffer.clear();
        c.unitErrorKey = "checkout.unit.error.unknown";
        c.unitErrorNumber = number.substr(0, kCheckOutInventoryMax);
        c.unitErrorType.clear();
        return true;
    }
    submitUnit();
    return true;
}

} // namespace okienko::kiosk
