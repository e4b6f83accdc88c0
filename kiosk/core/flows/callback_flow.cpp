// Callback flow (see callback_flow.hpp).
#include "kiosk/core/flows/callback_flow.hpp"

#include "kiosk/core/flows/callback_writer.hpp"
#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/slips/slip_documents.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

namespace okienko::kiosk
{

bool isCallbackWorkingDay(const Date& day)
{
    return day.weekday() < 5;
}

Date callbackDate(CallbackDay day, const LocalDateTime& now)
{
    if (day != CallbackDay::Tomorrow)
        return now.date;
    Date d = now.date.plusDays(1);
    while (!isCallbackWorkingDay(d))
        d = d.plusDays(1);
    return d;
}

bool callbackNextDayIsTomorrow(const LocalDateTime& now)
{
    return callbackDate(CallbackDay::Tomorrow, now) == now.date.plusDays(1);
}

bool callbackWindowOffered(CallbackDay day, domain::DayPart part, const LocalDateTime& now)
{
    if (day != CallbackDay::Today)
        return day == CallbackDay::Tomorrow;
    if (!isCallbackWorkingDay(now.date))
        return false;
    const int minute = now.hour * 60 + now.minute;
    return part == domain::DayPart::Morning ? minute < kMorningOfferedUntilMinute
                                            : minute < kAfternoonOfferedUntilMinute;
}

bool CallbackFlow::ownsScreen(ScreenId screen) const
{
    return screen == ScreenId::CallbackPhone || screen == ScreenId::CallbackWhen || screen == ScreenId::CallbackTopic ||
           screen == ScreenId::CallbackName || screen == ScreenId::CallbackConfirm ||
           screen == ScreenId::CallbackDone || screen == ScreenId::IdeaBox;
}

bool CallbackFlow::applyAction(const RequestAction& action)
{
    if (std::holds_alternative<StartCallback>(action))
        start();
    else if (const auto* day = std::get_if<ChooseCallbackDay>(&action))
        chooseDay(day->day);
    else if (const auto* part = std::get_if<ChooseCallbackDayPart>(&action))
        chooseDayPart(part->part);
    else if (const auto* topic = std::get_if<ChooseCallbackTopic>(&action))
        chooseTopic(topic->serviceId);
    else if (const auto* key = std::get_if<RequestKey>(&action);
             key != nullptr && (key->field == RequestField::CallbackPhone || key->field == RequestField::CallbackName))
        press(key->field, key->key);
    else
        return false;
    return true;
}

bool CallbackFlow::onCompletion(const Completion& completion)
{
    const auto* print = std::get_if<PrintCompletion>(&completion);
    CallbackFlowState& s = st();
    return print != nullptr && s.stored && settleSlip(s.stored->slip, *print);
}

void CallbackFlow::start()
{
    m_ctx.state.requests = RequestFlowsState{};
    m_ctx.state.requests.activeFlow = id();
    m_ctx.usage.flowStarted(flowName(id()), m_ctx.state.language);
    m_ctx.state.router.push(ScreenId::CallbackPhone);
}

void CallbackFlow::chooseDay(CallbackDay day)
{
    CallbackFlowState& s = st();
    const LocalDateTime now = m_ctx.localNow();
    if (day == CallbackDay::Today && !callbackWindowOffered(day, domain::DayPart::Morning, now) &&
        !callbackWindowOffered(day, domain::DayPart::Afternoon, now))
    {
        s.errorKey = "callback.error.window_passed";
        return;
    }
    s.day = day;
    s.errorKey.clear();
    // A part that is no longer possible today must not stay selected unseen.
    if (s.dayPart && !callbackWindowOffered(day, *s.dayPart, now))
        s.dayPart.reset();
}

void CallbackFlow::chooseDayPart(domain::DayPart part)
{
    CallbackFlowState& s = st();
    if (s.day != CallbackDay::None && !callbackWindowOffered(s.day, part, m_ctx.localNow()))
    {
        s.errorKey = "callback.error.window_passed";
        return;
    }
    s.dayPart = part;
    s.errorKey.clear();
}

void CallbackFlow::chooseTopic(const std::string& serviceId)
{
    CallbackFlowState& s = st();
    if (!serviceId.empty() && m_ctx.catalog.findService(serviceId) == nullptr)
        return;
    s.topicServiceId = serviceId;
    s.errorKey.clear();
    m_ctx.state.router.push(ScreenId::CallbackName);
}

void CallbackFlow::press(RequestField field, const Key& key)
{
    CallbackFlowState& s = st();
    if (key.action == KeyAction::Done)
    {
        next(m_ctx.state.router.current());
        return;
    }
    s.errorKey.clear();
    if (field == RequestField::CallbackPhone)
    {
        pressKeypad(s.phone.buffer, key, m_ctx.state.language);
        s.phoneNormalised.clear();
    }
    else if (field == RequestField::CallbackName)
        m_ctx.state.keyboard.state.press(key, s.firstName.buffer);
}

void CallbackFlow::next(ScreenId current)
{
    CallbackFlowState& s = st();
    switch (current)
    {
    case ScreenId::CallbackPhone:
    {
        auto phone = validate::normalisePhone(s.phone.buffer.text());
        if (!phone)
        {
            s.errorKey = std::string(validate::messageKey(phone.error()));
            return;
        }
        s.phoneNormalised = phone.value();
        s.errorKey.clear();
        m_ctx.state.router.push(ScreenId::CallbackWhen);
        return;
    }
    case ScreenId::CallbackWhen:
        if (s.day == CallbackDay::None)
            s.errorKey = "callback.error.day";
        else if (!s.dayPart)
            s.errorKey = "callback.error.day_part";
        else if (!callbackWindowOffered(s.day, *s.dayPart, m_ctx.localNow()))
            s.errorKey = "callback.error.window_passed";
        else
        {
            s.errorKey.clear();
            m_ctx.state.router.push(ScreenId::CallbackTopic);
        }
        return;
    case ScreenId::CallbackTopic:
        s.errorKey.clear();
        m_ctx.state.router.push(ScreenId::CallbackName);
        return;
    case ScreenId::CallbackName:
        if (!s.firstName.buffer.empty())
        {
            auto name = validate::validatePersonName(s.firstName.buffer.text(), kCallbackFirstNameMin, kFirstNameMax);
            if (!name)
            {
                s.errorKey = std::string(validate::messageKey(name.error()));
                return;
            }
        }
        s.errorKey.clear();
        m_ctx.state.router.push(ScreenId::CallbackConfirm);
        return;
    default:
        return;
    }
}

void CallbackFlow::setConsent(bool accepted)
{
    st().consent = accepted;
    st().errorKey.clear();
}

void CallbackFlow::confirm()
{
    CallbackFlowState& s = st();
    if (s.stored)
        return; // a second tap on Send: the request exists already
    if (!s.consent)
    {
        s.errorKey = "request.error.consent";
        return;
    }
    // Everything is checked again here: Back and forward may have changed what an earlier step saw.
    auto phone = validate::normalisePhone(s.phone.buffer.text());
    if (!phone || s.day == CallbackDay::None || !s.dayPart ||
        !callbackWindowOffered(s.day, *s.dayPart, m_ctx.localNow()))
    {
        s.errorKey = !phone ? std::string(validate::messageKey(phone.error())) : "callback.error.window_passed";
        return;
    }
    std::string firstName;
    if (!s.firstName.buffer.empty())
    {
        auto name = validate::validatePersonName(s.firstName.buffer.text(), kCallbackFirstNameMin, kFirstNameMax);
        if (!name)
        {
            s.errorKey = std::string(validate::messageKey(name.error()));
            return;
        }
        firstName = name.value();
    }
    if (m_ctx.deps.services == nullptr)
    {
        s.errorKey = "request.error.storage";
        return;
    }
    const LocalDateTime now = m_ctx.localNow();
    domain::CallbackRequest r;
    r.phone = phone.value();
    r.day = callbackDate(s.day, now);
    r.dayPart = *s.dayPart;
    r.topicServiceId = s.topicServiceId;
    r.firstName = firstName;
    r.language = m_ctx.state.language;
    r.createdAt = unixSeconds(m_ctx.deps.clock);
    auto stored = storeCallbackRequest(*m_ctx.deps.services, std::move(r));
    if (!stored)
    {
        s.errorKey = "request.error.storage";
        return;
    }
    const CallbackStoreResult& res = stored.value();
    s.errorKey.clear();
    s.updatedExisting = res.updatedExisting;
    s.storedDay = res.request.day;
    s.storedPart = res.request.dayPart;
    StoredRequest done;
    done.id = res.request.id;
    done.code = res.request.code;
    if (m_ctx.deps.translator != nullptr)
    {
        const receipt::SlipContext sc{
            *m_ctx.deps.translator, m_ctx.state.language, m_ctx.catalog.municipality,
            m_ctx.deps.kioskName.empty() ? m_ctx.deps.services->kioskId() : m_ctx.deps.kioskName, m_ctx.printedAt()};
        done.slip = m_ctx.print(receipt::callbackSlip(sc, res.request, res.updatedExisting));
    }
    else
        done.slip.status = SlipStatus::NoPrinter;
    s.stored = done;
    m_ctx.usage.flowFinished(flowName(id()), m_ctx.state.language);
    m_ctx.state.requests.feedback = FeedbackState{};
    m_ctx.state.requests.feedback.flow = id();
    // Back from the done screen goes home, never into a form that was already sent.
    m_ctx.state.router.home();
    m_ctx.state.router.push(ScreenId::CallbackDone);
}

} // namespace okienko::kiosk
