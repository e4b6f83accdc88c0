// Equipment reservation state machine (see equipment_flow.hpp).
#include "kiosk/core/flows/equipment_flow.hpp"

#include "kiosk/core/flows/reservation_writer.hpp"
#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/slips/slip_documents.hpp"
#include "shared/rules/loan_period.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <type_traits>

namespace okienko::kiosk
{
namespace
{

/// The personal-data step's fields in the order Done moves through them; the carer's name only
/// when someone reserves for another person.
constexpr std::array<PersonField, 5> kPersonOrder{PersonField::Name, PersonField::Phone, PersonField::Street,
                                                  PersonField::PostalCode, PersonField::City};
constexpr std::array<PersonField, 6> kOnBehalfOrder{PersonField::Name,   PersonField::Phone,
                                                    PersonField::Street, PersonField::PostalCode,
                                                    PersonField::City,   PersonField::CarerName};

} // namespace

EquipmentFlow::EquipmentFlow(AppState& state, const domain::Catalog& catalog) : m_state(state), m_catalog(catalog) {}

const domain::EquipmentType* EquipmentFlow::type() const
{
    return m_catalog.findEquipmentType(m_state.equipment.typeId);
}

void EquipmentFlow::screenEntered()
{
    EquipmentState& e = m_state.equipment;
    e.dateErrorKey.clear();
    e.suggestedDate.reset();
    e.residencyError = false;
    e.person.errors.clear();
}

void EquipmentFlow::rateable()
{
    // The completion screen asks for a rating, as every flow's does: a fresh one, about this flow.
    m_state.requests.feedback = FeedbackState{};
    m_state.requests.feedback.flow = FlowId::Equipment;
}

void EquipmentFlow::reset()
{
    m_state.equipment = EquipmentState{};
}

rules::AvailabilityLedger EquipmentFlow::ledger(const std::string& typeId) const
{
    std::vector<domain::Reservation> reservations;
    std::vector<domain::Loan> loans;
    if (m_deps.services != nullptr && m_deps.services->database().isOpen())
    {
        // A read failure must not offer a unit that may be taken: count the type as fully booked.
        auto r = loadLocalReservations(m_deps.services->database());
        auto l = loadLocalLoans(m_deps.services->database());
        if (!r.ok() || !l.ok())
            return rules::AvailabilityLedger(typeId, {}, {}, {}, m_deps.today());
        reservations = std::move(r.value());
        loans = std::move(l.value());
    }
    return rules::AvailabilityLedger(typeId, m_catalog.units, loans, reservations, m_deps.today());
}

void EquipmentFlow::refreshAvailability()
{
    EquipmentState& e = m_state.equipment;
    e.availability.clear();
    const Date from = m_deps.today();
    for (const domain::EquipmentType& t : m_catalog.equipmentTypes)
    {
        const rules::AvailabilityLedger l = ledger(t.id);
        TypeAvailability a;
        a.typeId = t.id;
        const DateRange wanted{from, std::max(1, t.defaultLoanDays)};
        a.freeNow = l.freeUnits(wanted);
        if (a.freeNow == 0)
            a.nextAvailable = l.nextAvailableStart(wanted, from.plusDays(kPickUpHorizonDays));
        e.availability.push_back(a);
    }
}

bool EquipmentFlow::ownsScreen(ScreenId screen) const
{
    return screen == ScreenId::EquipmentTypes || screen == ScreenId::EquipmentDates ||
           screen == ScreenId::EquipmentClause || screen == ScreenId::EquipmentPerson ||
           screen == ScreenId::EquipmentSummary || screen == ScreenId::EquipmentDone;
}

bool EquipmentFlow::apply(const Intent& intent)
{
    if (!applyOwn<EquipmentIntent>(intent, [&](const EquipmentIntent& own) { act(own); }))
        return false;
    if (m_state.router.current() == ScreenId::EquipmentDates)
        refreshUnavailableDays();
    return true;
}

void EquipmentFlow::refreshUnavailableDays()
{
    EquipmentState& e = m_state.equipment;
    e.unavailableDays.clear();
    const domain::EquipmentType* t = type();
    if (t == nullptr)
        return;
    const Date today = m_deps.today();
    const Date last = today.plusDays(kPickUpHorizonDays);
    const Date shown = e.shownMonth == Date{} ? today : e.shownMonth;
    const rules::AvailabilityLedger l = ledger(t->id);
    for (int d = 1; d <= daysInMonth(shown.year, shown.month); ++d)
    {
        const Date day{shown.year, shown.month, d};
        if (day < today || last < day)
            continue;
        if (l.freeUnits(DateRange{day, std::max(1, e.days)}) == 0)
            e.unavailableDays.push_back(day);
    }
}

void EquipmentFlow::act(const EquipmentIntent& intent)
{
    std::visit(
        [&](const auto& a)
        {
            using T = std::decay_t<decltype(a)>;
            EquipmentState& e = m_state.equipment;
            const bool editing = e.phase == EquipmentPhase::Editing || e.phase == EquipmentPhase::Failed;
            if constexpr (std::is_same_v<T, equipment::Start>)
                start();
            else if constexpr (std::is_same_v<T, equipment::Cancel>)
            {
                reset();
                m_state.router.home();
            }
            else if constexpr (std::is_same_v<T, equipment::Confirm>)
                confirm();
            else if constexpr (std::is_same_v<T, equipment::JoinWaitingList>)
            {
                if (e.phase == EquipmentPhase::Unavailable)
                    joinWaitingList();
                else if (editing && !e.typeId.empty())
                {
                    // From the date step: the same personal-data steps, then a callback instead.
                    e.waitingList = true;
                    e.dateErrorKey.clear();
                    m_state.router.push(e.clauseAcknowledged ? ScreenId::EquipmentPerson : ScreenId::EquipmentClause);
                }
            }
            else if (!editing)
            {
                // After Confirm nothing the resident typed may change what is being stored.
                return;
            }
            else if constexpr (std::is_same_v<T, equipment::SelectType>)
                selectType(a.typeId);
            else if constexpr (std::is_same_v<T, equipment::ShowMonth>)
            {
                const Date m = e.shownMonth;
                int month = m.month - 1 + a.delta;
                int year = m.year + (month < 0 ? -1 : month / 12);
                month = (month % 12 + 12) % 12;
                const Date target{year, month + 1, 1};
                const Date first{m_deps.today().year, m_deps.today().month, 1};
                const Date lastDay = m_deps.today().plusDays(kPickUpHorizonDays);
                if (target >= first && target <= Date{lastDay.year, lastDay.month, 1})
                    e.shownMonth = target;
            }
            else if constexpr (std::is_same_v<T, equipment::PickDate>)
                pickDate(a.date);
            else if constexpr (std::is_same_v<T, equipment::SetDays>)
                setDays(a.days);
            else if constexpr (std::is_same_v<T, equipment::DatesNext>)
                datesNext();
            else if constexpr (std::is_same_v<T, equipment::AcknowledgeClause>)
            {
                e.clauseAcknowledged = true;
                m_state.keyboard.state.reset();
                m_state.router.push(ScreenId::EquipmentPerson);
            }
            else if constexpr (std::is_same_v<T, equipment::Focus>)
            {
                if (a.field != PersonField::CarerName || e.onBehalf)
                {
                    e.person.focus = a.field;
                    m_state.keyboard.state.reset();
                }
            }
            else if constexpr (std::is_same_v<T, equipment::Press>)
                press(a.key);
            else if constexpr (std::is_same_v<T, equipment::ToggleOnBehalf>)
            {
                e.onBehalf = !e.onBehalf;
                if (e.onBehalf)
                    e.person.focus = PersonField::CarerName;
                else
                {
                    e.carerName.buffer.clear();
                    if (e.person.focus == PersonField::CarerName)
                        e.person.focus = PersonField::Name;
                    dropPersonErrors(e.person, PersonField::CarerName);
                }
            }
            else if constexpr (std::is_same_v<T, equipment::ToggleResidency>)
            {
                e.residencyDeclared = !e.residencyDeclared;
                if (e.residencyDeclared)
                    e.residencyError = false;
            }
            else if constexpr (std::is_same_v<T, equipment::PersonNext>)
                personNext();
        },
        intent.action);
}

void EquipmentFlow::start()
{
    EquipmentState& e = m_state.equipment;
    if (e.phase == EquipmentPhase::Done)
        reset(); // a finished reservation is not reopened: a new one starts empty
    refreshAvailability();
    m_state.router.push(ScreenId::EquipmentTypes);
}

void EquipmentFlow::selectType(const std::string& typeId)
{
    const domain::EquipmentType* t = m_catalog.findEquipmentType(typeId);
    if (t == nullptr)
        return;
    EquipmentState& e = m_state.equipment;
    if (e.typeId != typeId)
    {
        e.typeId = typeId;
        e.days = std::max(1, t->defaultLoanDays);
        e.dateErrorKey.clear();
        e.suggestedDate.reset();
        e.waitingList = false;
    }
    if (e.shownMonth == Date{})
        e.shownMonth = e.pickUp.value_or(m_deps.today());
    m_state.router.push(ScreenId::EquipmentDates);
}

void EquipmentFlow::pickDate(Date date)
{
    EquipmentState& e = m_state.equipment;
    e.dateErrorKey.clear();
    e.suggestedDate.reset();
    if (date < m_deps.today() || date > m_deps.today().plusDays(kPickUpHorizonDays))
    {
        e.dateErrorKey = "equipment.error.date_range";
        return;
    }
    e.pickUp = date;
    e.shownMonth = date;
}

void EquipmentFlow::setDays(int days)
{
    const domain::EquipmentType* t = type();
    if (t == nullptr)
        return;
    EquipmentState& e = m_state.equipment;
    e.days = std::clamp(days, 1, std::max(1, t->maxLoanDays));
    e.dateErrorKey.clear();
    e.suggestedDate.reset();
}

void EquipmentFlow::datesNext()
{
    const domain::EquipmentType* t = type();
    if (t == nullptr)
        return;
    EquipmentState& e = m_state.equipment;
    e.dateErrorKey.clear();
    e.suggestedDate.reset();
    e.waitingList = false;
    if (!e.pickUp)
    {
        e.dateErrorKey = "equipment.error.pick_date";
        return;
    }
    if (*e.pickUp < m_deps.today() || *e.pickUp > m_deps.today().plusDays(kPickUpHorizonDays))
    {
        e.dateErrorKey = "equipment.error.date_range";
        return;
    }
    if (!rules::validateLoanPeriod(*t, e.days).ok())
    {
        e.dateErrorKey = "equipment.error.days_max";
        return;
    }
    const rules::AvailabilityLedger l = ledger(t->id);
    const DateRange wanted{*e.pickUp, e.days};
    if (!l.canBook(wanted))
    {
        e.dateErrorKey = "equipment.error.none_free";
        e.suggestedDate = l.nextAvailableStart(wanted, m_deps.today().plusDays(kPickUpHorizonDays));
        return;
    }
    m_state.router.push(e.clauseAcknowledged ? ScreenId::EquipmentPerson : ScreenId::EquipmentClause);
}

void EquipmentFlow::press(const Key& key)
{
    EquipmentState& e = m_state.equipment;
    const std::span<const PersonField> order =
        e.onBehalf ? std::span<const PersonField>(kOnBehalfOrder) : std::span<const PersonField>(kPersonOrder);
    pressPersonKey(e.person, e.field(e.person.focus), key, order, m_state.keyboard.state, m_state.language);
}

void EquipmentFlow::personNext()
{
    EquipmentState& e = m_state.equipment;
    validatePerson(e.person, !e.waitingList);
    if (e.onBehalf)
    {
        if (auto r = validate::validatePersonName(e.carerName.buffer.text()); !r.ok())
            addPersonError(e.person, PersonField::CarerName, validate::messageKey(r.error()));
    }
    e.residencyError = !e.waitingList && !e.residencyDeclared;
    if (focusFirstError(e.person))
    {
        m_state.keyboard.state.reset();
        return;
    }
    if (e.residencyError)
        return;
    m_state.router.push(ScreenId::EquipmentSummary);
}

std::string EquipmentFlow::newCode(rules::ReferenceKind kind) const
{
    db::Database& db = m_deps.services->database();
    auto code = rules::newReferenceCode(kind, m_deps.services->kioskId(),
                                        [&](std::string_view c)
                                        {
                                            auto taken = referenceCodeTaken(db, c);
                                            return !taken.ok() || taken.value();
                                        });
    return code.ok() ? code.value() : std::string();
}

domain::Reservation EquipmentFlow::buildReservation(domain::ReservationStatus status) const
{
    const EquipmentState& e = m_state.equipment;
    domain::Reservation r;
    r.id = e.reservationId;
    r.code = e.code;
    r.typeId = e.typeId;
    r.period = DateRange{e.pickUp.value_or(m_deps.today()), e.days};
    r.status = status;
    r.person = validatedPerson(e.person);
    if (e.onBehalf)
        r.onBehalfOf = validate::validatePersonName(e.carerName.buffer.text()).value();
    r.residencyDeclared = e.residencyDeclared;
    r.clauseAcknowledged = e.clauseAcknowledged;
    r.language = m_state.language;
    r.kioskId = m_deps.services->kioskId();
    r.createdAt = m_deps.wallSeconds();
    return r;
}

void EquipmentFlow::confirm()
{
    EquipmentState& e = m_state.equipment;
    // A second tap while the first is being checked, or after it was stored, does nothing.
    if (e.phase != EquipmentPhase::Editing && e.phase != EquipmentPhase::Failed)
        return;
    if (m_deps.services == nullptr || !m_deps.services->database().isOpen() || type() == nullptr || !e.pickUp ||
        !e.clauseAcknowledged)
    {
        e.phase = EquipmentPhase::Failed;
        e.errorKey = "equipment.error.storage";
        return;
    }
    if (e.waitingList)
    {
        e.phase = EquipmentPhase::Unavailable;
        joinWaitingList();
        return;
    }
    if (e.reservationId.empty())
        e.reservationId = newUuid();
    if (e.code.empty())
        e.code = newCode(rules::ReferenceKind::Reservation);
    if (e.code.empty())
    {
        e.phase = EquipmentPhase::Failed;
        e.errorKey = "equipment.error.storage";
        return;
    }
    e.errorKey.clear();
    // The kiosk's own records first: a unit it already promised is not promised again offline.
    const rules::AvailabilityLedger l = ledger(e.typeId);
    const DateRange wanted{*e.pickUp, e.days};
    if (!l.canBook(wanted))
    {
        e.phase = EquipmentPhase::Unavailable;
        e.unavailableNext = l.nextAvailableStart(wanted, m_deps.today().plusDays(kPickUpHorizonDays));
        return;
    }
    if (m_deps.services->online())
    {
        e.phase = EquipmentPhase::Checking;
        m_deps.services->requestHold(protocol::HoldRequest{e.reservationId, e.typeId, *e.pickUp, e.days});
        return;
    }
    store(domain::ReservationStatus::Provisional);
}

void EquipmentFlow::onHold(const HoldCompletion& hold)
{
    EquipmentState& e = m_state.equipment;
    if (e.phase != EquipmentPhase::Checking || hold.reservationId != e.reservationId)
        return;
    switch (hold.outcome.kind)
    {
    case sync::HoldOutcome::Kind::Held:
        store(domain::ReservationStatus::Held);
        return;
    case sync::HoldOutcome::Kind::Unavailable:
        e.phase = EquipmentPhase::Unavailable;
        e.unavailableNext = hold.outcome.response ? hold.outcome.response->nextAvailable : std::nullopt;
        return;
    case sync::HoldOutcome::Kind::Offline:
        store(domain::ReservationStatus::Provisional);
        return;
    }
}

void EquipmentFlow::store(domain::ReservationStatus status)
{
    EquipmentState& e = m_state.equipment;
    const domain::EquipmentType* t = type();
    const domain::Reservation r = buildReservation(status);
    if (auto s = writeReservation(m_deps.services->database(), r); !s.ok())
    {
        std::fprintf(stderr, "[equipment] storing a reservation failed: %s\n", s.error().message.c_str());
        e.phase = EquipmentPhase::Failed;
        e.errorKey = "equipment.error.storage";
        return;
    }
    m_deps.services->outboxChanged();
    e.phase = EquipmentPhase::Done;
    e.status = status;
    e.maskedPhone = validate::maskPhone(r.person.phone);
    // The request is stored: nothing typed stays on screen or in memory beyond what is shown.
    clearPersonFields(e.person);
    e.carerName.buffer.clear();
    e.person.errors.clear();
    e.slip.status = SlipStatus::NoPrinter;
    if (m_deps.services->canPrint() && m_deps.translator != nullptr && t != nullptr)
    {
        const receipt::SlipContext ctx = slipContext(m_deps, m_state.language, m_catalog.municipality);
        if (auto ticket = m_deps.services->print(receipt::reservationSlip(ctx, r, *t)))
        {
            e.slip.status = SlipStatus::Printing;
            e.slip.ticket = *ticket;
        }
    }
    m_state.router.reset(ScreenId::Home);
    m_state.router.push(ScreenId::EquipmentDone);
    rateable();
}

void EquipmentFlow::joinWaitingList()
{
    EquipmentState& e = m_state.equipment;
    if (!e.waitingListCode.empty() || m_deps.services == nullptr || !e.clauseAcknowledged)
        return;
    auto phone = validate::normalisePhone(e.person.phone.buffer.text());
    auto name = validate::validatePersonName(e.person.name.buffer.text());
    if (!phone.ok() || !name.ok())
        return;
    domain::WaitlistJoin w;
    w.id = newUuid();
    w.code = newCode(rules::ReferenceKind::Callback);
    w.typeId = e.typeId;
    // The period the resident asked for; from the date step without a date, from today.
    w.wantedFrom = std::max(e.pickUp.value_or(m_deps.today()), m_deps.today());
    w.loanDays = std::max(1, e.days);
    w.name = name.value();
    w.phone = phone.value();
    w.consent = e.clauseAcknowledged;
    w.language = m_state.language;
    w.kioskId = m_deps.services->kioskId();
    w.createdAt = m_deps.wallSeconds();
    if (w.code.empty())
    {
        e.errorKey = "equipment.error.storage";
        return;
    }
    if (auto s = writeWaitlistEntry(m_deps.services->database(), w); !s.ok())
    {
        std::fprintf(stderr, "[equipment] storing a waiting-list entry failed: %s\n", s.error().message.c_str());
        e.errorKey = "equipment.error.storage";
        return;
    }
    m_deps.services->outboxChanged();
    e.errorKey.clear();
    e.waitingListCode = w.code;
    e.maskedPhone = validate::maskPhone(w.phone);
    clearPersonFields(e.person);
    e.carerName.buffer.clear();
    m_state.router.reset(ScreenId::Home);
    m_state.router.push(ScreenId::EquipmentDone);
    rateable();
}

bool EquipmentFlow::onCompletion(const Completion& completion)
{
    if (const auto* hold = std::get_if<HoldCompletion>(&completion))
    {
        if (hold->reservationId != m_state.equipment.reservationId || m_state.equipment.reservationId.empty())
            return false;
        onHold(*hold);
        return true;
    }
    if (const auto* printed = std::get_if<PrintCompletion>(&completion))
        return settleSlip(m_state.equipment.slip, *printed);
    return false;
}

} // namespace okienko::kiosk
