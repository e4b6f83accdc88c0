// Counselling flow (see counselling_flow.hpp).
#include "kiosk/core/flows/counselling_flow.hpp"

#include "kiosk/core/flows/counselling_writer.hpp"
#include "kiosk/core/flows/person_form.hpp" // personMessageKey
#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/slips/slip_documents.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>

namespace okienko::kiosk
{

bool CounsellingFlow::ownsScreen(ScreenId screen) const
{
    return screen == ScreenId::CounsellingKind || screen == ScreenId::CounsellingSlot ||
           screen == ScreenId::CounsellingContact || screen == ScreenId::CounsellingConsent ||
           screen == ScreenId::CounsellingDone || screen == ScreenId::IdeaBox;
}

bool CounsellingFlow::applyAction(const RequestAction& action)
{
    if (std::holds_alternative<StartCounselling>(action))
        start();
    else if (const auto* kind = std::get_if<ChooseCounsellingKind>(&action))
        chooseKind(kind->kindId);
    else if (const auto* slot = std::get_if<ChooseCounsellingSlot>(&action))
        chooseSlot(slot->slotId);
    else if (const auto* focused = std::get_if<FocusRequestField>(&action))
        focus(focused->field);
    else if (const auto* key = std::get_if<RequestKey>(&action);
             key != nullptr &&
             (key->field == RequestField::CounsellingName || key->field == RequestField::CounsellingPhone))
        press(key->field, key->key);
    else
        return false;
    return true;
}

bool CounsellingFlow::onCompletion(const Completion& completion)
{
    if (const auto* book = std::get_if<BookCompletion>(&completion))
        return onBook(*book);
    if (const auto* print = std::get_if<PrintCompletion>(&completion))
    {
        CounsellingFlowState& s = st();
        return s.stored && settleSlip(s.stored->slip, *print);
    }
    return false;
}

void CounsellingFlow::start()
{
    m_ctx.state.requests = RequestFlowsState{};
    m_ctx.state.requests.activeFlow = id();
    m_ctx.usage.flowStarted(flowName(id()), m_ctx.state.language);
    m_ctx.state.router.push(ScreenId::CounsellingKind);
}

void CounsellingFlow::reloadSlots()
{
    CounsellingFlowState& s = st();
    s.slots.clear();
    if (m_ctx.deps.services == nullptr)
        return;
    const LocalDateTime now = m_ctx.localNow();
    auto slots = loadFreeSlots(m_ctx.deps.services->database(), s.kindId, now.date, now.hour * 60 + now.minute);
    if (slots)
        s.slots = std::move(slots.value());
}

void CounsellingFlow::chooseKind(const std::string& kindId)
{
    const auto& kinds = m_ctx.catalog.counsellingKinds;
    if (std::none_of(kinds.begin(), kinds.end(), [&](const domain::CounsellingKind& k) { return k.id == kindId; }))
        return;
    CounsellingFlowState& s = st();
    if (s.kindId != kindId)
    {
        // Another kind offers other slots: the slot chosen for the first kind no longer applies.
        s.kindId = kindId;
        s.slotId.reset();
        s.contactMe = false;
        s.slotTaken = false;
        s.booking = BookingState::NotAsked;
    }
    reloadSlots();
    s.errorKey.clear();
    m_ctx.state.router.push(ScreenId::CounsellingSlot);
}

const SlotOption* CounsellingFlow::chosenSlot() const
{
    const CounsellingFlowState& s = m_ctx.state.requests.counselling;
    if (!s.slotId)
        return nullptr;
    for (const SlotOption& o : s.slots)
        if (o.id == *s.slotId)
            return &o;
    return nullptr;
}

void CounsellingFlow::chooseSlot(const std::optional<std::string>& slotId)
{
    CounsellingFlowState& s = st();
    if (slotId && std::none_of(s.slots.begin(), s.slots.end(), [&](const SlotOption& o) { return o.id == *slotId; }))
        return;
    s.slotId = slotId;
    s.contactMe = !slotId.has_value();
    s.slotTaken = false;
    s.booking = BookingState::NotAsked;
    s.errorKey.clear();
    m_ctx.state.router.push(ScreenId::CounsellingContact);
}

void CounsellingFlow::focus(RequestField field)
{
    if (field == RequestField::CounsellingName || field == RequestField::CounsellingPhone)
        st().focus = field;
}

void CounsellingFlow::press(RequestField field, const Key& key)
{
    CounsellingFlowState& s = st();
    if (key.action == KeyAction::Done)
    {
        if (field == RequestField::CounsellingName)
            s.focus = RequestField::CounsellingPhone;
        else
            next(m_ctx.state.router.current());
        return;
    }
    s.errorKey.clear();
    if (field == RequestField::CounsellingName)
    {
        s.focus = field;
        m_ctx.state.keyboard.state.press(key, s.name.buffer);
    }
    else if (field == RequestField::CounsellingPhone)
    {
        s.focus = field;
        pressKeypad(s.phone.buffer, key, m_ctx.state.language);
        s.phoneNormalised.clear();
    }
}

void CounsellingFlow::next(ScreenId current)
{
    CounsellingFlowState& s = st();
    if (current == ScreenId::CounsellingSlot)
    {
        if (!s.slotId && !s.contactMe)
        {
            s.errorKey = "counselling.error.slot";
            return;
        }
        s.errorKey.clear();
        m_ctx.state.router.push(ScreenId::CounsellingContact);
        return;
    }
    if (current != ScreenId::CounsellingContact)
        return;
    auto name = validate::validatePersonName(s.name.buffer.text());
    if (!name)
    {
        s.errorKey = personMessageKey(PersonField::Name, validate::messageKey(name.error()));
        s.focus = RequestField::CounsellingName;
        return;
    }
    auto phone = validate::normalisePhone(s.phone.buffer.text());
    if (!phone)
    {
        s.errorKey = std::string(validate::messageKey(phone.error()));
        s.focus = RequestField::CounsellingPhone;
        return;
    }
    s.phoneNormalised = phone.value();
    s.errorKey.clear();
    m_ctx.state.router.push(ScreenId::CounsellingConsent);
}

void CounsellingFlow::setConsent(bool accepted)
{
    st().consent = accepted;
    st().errorKey.clear();
}

void CounsellingFlow::confirm()
{
    CounsellingFlowState& s = st();
    if (s.stored || s.booking == BookingState::Waiting)
        return; // a second tap: the request is stored or on its way
    if (!s.consent)
    {
        s.errorKey = "request.error.consent";
        return;
    }
    if (!validate::validatePersonName(s.name.buffer.text()) || !validate::normalisePhone(s.phone.buffer.text()))
    {
        s.errorKey = "counselling.error.contact";
        return;
    }
    if (m_ctx.deps.services == nullptr)
    {
        s.errorKey = "request.error.storage";
        return;
    }
    if (s.requestId.empty())
        s.requestId = newUuid();
    s.errorKey.clear();
    if (s.slotId && m_ctx.deps.services->online() && s.booking != BookingState::Offline)
    {
        s.booking = BookingState::Waiting;
        m_ctx.deps.services->requestBooking(protocol::CounsellingBookRequest{s.requestId, *s.slotId, s.kindId});
        return;
    }
    store(domain::RequestStatus::Provisional);
}

bool CounsellingFlow::onBook(const BookCompletion& book)
{
    CounsellingFlowState& s = st();
    if (book.requestId != s.requestId || s.booking != BookingState::Waiting || s.stored)
        return false;
    switch (book.outcome.kind)
    {
    case sync::BookOutcome::Kind::Booked:
        s.booking = BookingState::Booked;
        store(domain::RequestStatus::Confirmed);
        break;
    case sync::BookOutcome::Kind::Taken:
    {
        s.booking = BookingState::Taken;
        s.slotTaken = true;
        s.slotId.reset();
        s.slots.clear();
        if (book.outcome.response)
            for (const domain::CounsellingSlot& a : book.outcome.response->alternatives)
                s.slots.push_back(SlotOption{a.id, a.date, a.startMinute, a.durationMinutes, a.room});
        // Back to the slot step, keeping name, phone and consent.
        while (m_ctx.state.router.current() != ScreenId::CounsellingSlot && m_ctx.state.router.back())
        {
        }
        break;
    }
    case sync::BookOutcome::Kind::Offline:
        s.booking = BookingState::Offline;
        store(domain::RequestStatus::Provisional);
        break;
    }
    return true;
}

void CounsellingFlow::store(domain::RequestStatus status)
{
    CounsellingFlowState& s = st();
    domain::CounsellingRequest r;
    r.id = s.requestId;
    r.kindId = s.kindId;
    r.slotId = s.slotId;
    r.name = validate::validatePersonName(s.name.buffer.text()).value();
    r.phone = validate::normalisePhone(s.phone.buffer.text()).value();
    r.status = status;
    r.language = m_ctx.state.language;
    r.createdAt = unixSeconds(m_ctx.deps.clock);
    auto stored = storeCounsellingRequest(*m_ctx.deps.services, std::move(r));
    if (!stored)
    {
        s.errorKey = "request.error.storage";
        if (s.booking == BookingState::Waiting)
            s.booking = BookingState::NotAsked;
        return;
    }
    const domain::CounsellingRequest& req = stored.value();
    StoredRequest done;
    done.id = req.id;
    done.code = req.code;
    if (m_ctx.deps.translator != nullptr)
    {
        std::optional<domain::CounsellingSlot> slot;
        if (const SlotOption* o = chosenSlot())
        {
            domain::CounsellingSlot cs;
            cs.id = o->id;
            cs.date = o->date;
            cs.startMinute = o->startMinute;
            cs.durationMinutes = o->durationMinutes;
            cs.room = o->room;
            slot = cs;
        }
        const receipt::SlipContext sc{
            *m_ctx.deps.translator, m_ctx.state.language, m_ctx.catalog.municipality,
            m_ctx.deps.kioskName.empty() ? m_ctx.deps.services->kioskId() : m_ctx.deps.kioskName, m_ctx.printedAt()};
        done.slip = m_ctx.print(receipt::counsellingSlip(sc, req, slot));
    }
    else
        done.slip.status = SlipStatus::NoPrinter;
    s.stored = done;
    m_ctx.usage.flowFinished(flowName(id()), m_ctx.state.language);
    m_ctx.state.requests.feedback = FeedbackState{};
    m_ctx.state.requests.feedback.flow = id();
    m_ctx.state.router.home();
    m_ctx.state.router.push(ScreenId::CounsellingDone);
}

} // namespace okienko::kiosk
