// Event payload codecs. Validation repeats the kiosk's own (shared/validate) on the server: a
// kiosk with a bug, an old build or a forged token must not be able to store what a form refuses.
#include "shared/protocol/payloads.hpp"

#include "shared/domain/area.hpp"
#include "shared/domain/codes.hpp"
#include "shared/domain/language.hpp"
#include "shared/protocol/flow_codes.hpp"
#include "shared/rules/availability.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/pesel.hpp"
#include "shared/validate/phone.hpp"
#include "shared/validate/postal_code.hpp"

namespace okienko::protocol
{

namespace
{
constexpr std::size_t kMaxNotes = 500;
constexpr std::size_t kMaxIdea = 1000;
constexpr std::size_t kMaxStreet = 120;
constexpr std::size_t kMaxCity = 80;
constexpr std::size_t kMaxFlow = 32;
constexpr std::size_t kMaxStep = 64;

template <typename E> E readCode(ObjectReader& r, std::string_view key, E fallback)
{
    const std::string code = r.string(key, 32);
    if (!r.ok())
        return fallback;
    auto v = domain::fromCode<E>(code);
    if (!v)
    {
        r.fail(ProtocolErrorCode::BadValue, std::string(key), "unknown code");
        return fallback;
    }
    return *v;
}

/// The translation key of a validator's refusal, as the kiosk's form shows it.
template <typename E> std::string failureKey(const E& error)
{
    return std::string(validate::messageKey(error));
}
std::string failureKey(const validate::FreeTextFailure& failure)
{
    return std::string(validate::messageKey(failure.error));
}

/// A validator's answer for field `key`: the value, or the reader fails there and the field reads empty.
template <typename T, typename E> T acceptValidated(ObjectReader& r, std::string_view key, Result<T, E> validated)
{
    if (validated)
        return std::move(validated).value();
    r.fail(ProtocolErrorCode::BadValue, std::string(key), failureKey(validated.error()));
    return T{};
}

domain::Language readLanguage(ObjectReader& r)
{
    const std::string code = r.string("language", 2);
    if (!r.ok())
        return domain::Language::Pl;
    auto v = domain::parseLanguage(code);
    if (!v)
        r.fail(ProtocolErrorCode::BadValue, "language", "expected pl, uk or en");
    return v.value_or(domain::Language::Pl);
}

/// A flow code of the shared list; anything else (a formula, free text) is refused by name.
std::string readFlow(ObjectReader& r)
{
    std::string flow = r.string("flow", kMaxFlow);
    if (r.ok() && !flow_code::isKnown(flow))
    {
        r.fail(ProtocolErrorCode::BadValue, "flow",
               "unknown flow: expected one of " + std::string(flow_code::knownList()));
        return {};
    }
    return flow;
}

/// The screen a flow was abandoned at: "" or a slug ("callback-phone"), the shape of the kiosk's screen names.
std::string readStep(ObjectReader& r)
{
    std::string step = r.stringOr("step", kMaxStep);
    if (r.ok() && !step.empty() && !matchesIdPattern(step, IdPattern::Slug))
    {
        r.fail(ProtocolErrorCode::BadValue, "step", "expected a screen name: a-z, 0-9 and '-'");
        return {};
    }
    return step;
}

std::string readPhone(ObjectReader& r, std::string_view key)
{
    const std::string raw = r.string(key, 32);
    if (!r.ok())
        return {};
    return acceptValidated(r, key, validate::normalisePhone(raw));
}

std::string readName(ObjectReader& r, std::string_view key, bool required)
{
    std::string raw;
    if (required)
        raw = r.string(key, 200);
    else
        raw = r.stringOr(key, 200);
    if (!r.ok() || (!required && raw.empty()))
        return {};
    return acceptValidated(r, key, validate::validatePersonName(raw));
}

std::string readFreeText(ObjectReader& r, std::string_view key, std::size_t min, std::size_t max)
{
    // Length first (with the reader's own limit check) so a huge text never reaches the validator.
    const std::string raw = min > 0 ? r.string(key, max + 64) : r.stringOr(key, max + 64);
    if (!r.ok())
        return {};
    return acceptValidated(r, key, validate::validateFreeText(raw, min, max));
}

std::string readReferenceCode(ObjectReader& r, rules::ReferenceKind kind)
{
    const std::string raw = r.string("code", 32);
    if (!r.ok())
        return {};
    auto code = rules::parseReferenceCode(raw, kind);
    if (!code)
    {
        r.fail(ProtocolErrorCode::BadValue, "code", "not a valid reference code of this kind");
        return {};
    }
    return code->text;
}

domain::Person readPerson(ObjectReader& parent, std::string_view key)
{
    domain::Person p;
    const Json* obj = parent.object(key);
    if (obj == nullptr)
        return p;
    ObjectReader r(*obj, parent.pathOf(key));
    p.name = readName(r, "name", true);
    p.phone = readPhone(r, "phone");
    if (const Json* a = r.optionalObject("address"))
    {
        ObjectReader ar(*a, r.pathOf("address"));
        p.address.street = ar.string("street", kMaxStreet);
        const std::string postal = ar.string("postal_code", 16);
        if (ar.ok())
            p.address.postalCode = acceptValidated(ar, "postal_code", validate::normalisePostalCode(postal));
        p.address.city = ar.string("city", kMaxCity);
        if (!ar.finish())
            r.adopt(ar.error());
    }
    if (!r.finish())
        parent.adopt(r.error());
    return p;
}

Json encodePerson(const domain::Person& p)
{
    Json j{{"name", p.name}, {"phone", p.phone}};
    if (!p.address.street.empty() || !p.address.postalCode.empty() || !p.address.city.empty())
        j["address"] =
            Json{{"street", p.address.street}, {"postal_code", p.address.postalCode}, {"city", p.address.city}};
    return j;
}

/// Checks the envelope's type and returns a strict reader over the payload.
Status<ProtocolError> expectType(const Event& e, std::initializer_list<EventType> types)
{
    auto t = parseEventType(e.type);
    if (!t)
        return makeErr(ProtocolError{ProtocolErrorCode::UnknownEventType, "$.type", "unknown event type"});
    for (auto allowed : types)
        if (*t == allowed)
            return {};
    return makeErr(ProtocolError{ProtocolErrorCode::BadValue, "$.type", "event type does not fit this decoder"});
}

/// What every resident's request starts with: the envelope's id and time, a provisional status
/// (the server confirms it) and its reference code.
template <typename Request, typename Status>
void readRequestStart(ObjectReader& r, const Event& e, Request& out, Status provisional, rules::ReferenceKind kind)
{
    out.id = e.id;
    out.createdAt = e.createdAt;
    out.status = provisional;
    out.code = readReferenceCode(r, kind);
}

/// Decodes the payload of an event of one of `types` into a T by `readFields(reader, out)`; the
/// reader's first error (a wrong type, a missing or unknown field, a refused value) is the result.
template <typename T, typename ReadFields>
Result<T, ProtocolError> decodePayload(const Event& e, std::initializer_list<EventType> types, ReadFields readFields)
{
    if (auto s = expectType(e, types); !s)
        return makeErr(s.error());
    ObjectReader r(e.payload, "$.payload");
    T out;
    readFields(r, out);
    if (!r.finish())
        return makeErr(r.error());
    return out;
}

Event envelope(const std::string& id, EventType type, std::int64_t createdAt, Json payload)
{
    return Event{id, std::string(toCode(type)), createdAt, std::move(payload)};
}
} // namespace

// ---------------------------------------------------------------------------------------------
// Kiosk side.

Event makeReservationCreated(const domain::Reservation& r)
{
    Json p{{"code", r.code},
           {"type_id", r.typeId},
           {"pick_up_date", r.period.first.iso()},
           {"loan_days", r.period.days},
           {"person", encodePerson(r.person)},
           {"residency_declared", r.residencyDeclared},
           {"clause_acknowledged", r.clauseAcknowledged},
           {"language", domain::languageCode(r.language)}};
    if (!r.onBehalfOf.empty())
        p["on_behalf_of"] = r.onBehalfOf;
    return envelope(r.id, EventType::ReservationCreated, r.createdAt, std::move(p));
}

Event makeCounsellingRequested(const domain::CounsellingRequest& c)
{
    Json p{{"code", c.code}, {"kind_id", c.kindId}, {"slot_id", c.slotId ? Json(*c.slotId) : Json(nullptr)},
           {"name", c.name}, {"phone", c.phone},    {"language", domain::languageCode(c.language)}};
    return envelope(c.id, EventType::CounsellingRequested, c.createdAt, std::move(p));
}

Event makeCallbackRequested(const domain::CallbackRequest& c)
{
    Json p{{"code", c.code},
           {"phone", c.phone},
           {"day", c.day.iso()},
           {"day_part", domain::toCode(c.dayPart)},
           {"language", domain::languageCode(c.language)}};
    if (!c.topicServiceId.empty())
        p["topic_service_id"] = c.topicServiceId;
    if (!c.equipmentTypeId.empty())
        p["equipment_type_id"] = c.equipmentTypeId;
    if (!c.firstName.empty())
        p["first_name"] = c.firstName;
    return envelope(c.id, EventType::CallbackRequested, c.createdAt, std::move(p));
}

Event makeLoanCheckedOut(const domain::Loan& l)
{
    Json p{{"inventory_number", l.inventoryNumber},
           {"type_id", l.typeId},
           {"reservation_id", l.reservationId ? Json(*l.reservationId) : Json(nullptr)},
           {"borrower", encodePerson(l.borrower)},
           {"start", l.start.iso()},
           {"due", l.due.iso()},
           {"staff_id", l.staffId}};
    if (!l.pesel.empty())
        p["pesel"] = l.pesel;
    return envelope(l.id, EventType::LoanCheckedOut, l.createdAt, std::move(p));
}

Event makeLoanCheckedIn(const std::string& eventId, std::int64_t createdAt, const LoanCheckIn& c)
{
    Json p{{"loan_id", c.loanId},
           {"returned_on", c.returnedOn.iso()},
           {"condition", domain::toCode(c.condition)},
           {"notes", c.notes},
           {"staff_id", c.staffId}};
    return envelope(eventId, EventType::LoanCheckedIn, createdAt, std::move(p));
}

Event makeLoanExtended(const std::string& eventId, std::int64_t createdAt, const LoanExtension& x)
{
    Json p{{"loan_id", x.loanId}, {"due", x.due.iso()}, {"staff_id", x.staffId}};
    return envelope(eventId, EventType::LoanExtended, createdAt, std::move(p));
}

Event makeUnitStateChanged(const std::string& eventId, std::int64_t createdAt, const UnitStateChange& c)
{
    Json p{{"inventory_number", c.inventoryNumber},
           {"state", domain::toCode(c.state)},
           {"notes", c.notes},
           {"staff_id", c.staffId}};
    return envelope(eventId, EventType::UnitStateChanged, createdAt, std::move(p));
}

Event makeUsageEvent(const domain::UsageEvent& u)
{
    const std::string lang(domain::languageCode(u.language));
    if (u.kind == domain::UsageKind::Rating)
        return envelope(u.id, EventType::FeedbackRated, u.at,
                        Json{{"flow", u.flow}, {"rating", u.rating}, {"language", lang}});
    if (u.kind == domain::UsageKind::Idea)
    {
        Json p{{"text", u.text}, {"language", lang}};
        p["area"] = u.area ? Json(std::string(domain::areaCode(*u.area))) : Json(nullptr);
        return envelope(u.id, EventType::IdeaSubmitted, u.at, std::move(p));
    }
    Json p{{"kind", domain::toCode(u.kind)}, {"flow", u.flow}, {"step", u.step}, {"language", lang}};
    if (!u.serviceId.empty())
        p["service_id"] = u.serviceId;
    return envelope(u.id, EventType::UsageRecorded, u.at, std::move(p));
}

Event makeWaitlistJoined(const domain::WaitlistJoin& w)
{
    Json p{{"code", w.code},
           {"type_id", w.typeId},
           {"wanted_from", w.wantedFrom.iso()},
           {"loan_days", w.loanDays},
           {"name", w.name},
           {"phone", w.phone},
           {"consent", w.consent},
           {"language", domain::languageCode(w.language)}};
    return envelope(w.id, EventType::WaitlistJoined, w.createdAt, std::move(p));
}

// ---------------------------------------------------------------------------------------------
// Server side.

Result<domain::Reservation, ProtocolError> decodeReservationCreated(const Event& e)
{
    return decodePayload<domain::Reservation>(
        e, {EventType::ReservationCreated},
        [&e](ObjectReader& r, auto& out)
        {
            readRequestStart(r, e, out, domain::ReservationStatus::Provisional, rules::ReferenceKind::Reservation);
            out.typeId = r.id("type_id", IdPattern::Slug);
            out.period.first = r.date("pick_up_date");
            out.period.days = static_cast<int>(r.integer("loan_days", 1, rules::kMaxBookingDays));
            out.person = readPerson(r, "person");
            out.onBehalfOf = readName(r, "on_behalf_of", false);
            out.residencyDeclared = r.boolean("residency_declared");
            out.clauseAcknowledged = r.boolean("clause_acknowledged");
            if (r.ok() && !out.clauseAcknowledged)
                r.fail(ProtocolErrorCode::BadValue, "clause_acknowledged",
                       "personal data may only be sent after the information clause was acknowledged");
            out.language = readLanguage(r);
        });
}

Result<domain::CounsellingRequest, ProtocolError> decodeCounsellingRequested(const Event& e)
{
    return decodePayload<domain::CounsellingRequest>(e, {EventType::CounsellingRequested},
                                                     [&e](ObjectReader& r, auto& out)
                                                     {
                                                         readRequestStart(r, e, out, domain::RequestStatus::Provisional,
                                                                          rules::ReferenceKind::Counselling);
                                                         out.kindId = r.id("kind_id", IdPattern::Slug);
                                                         out.slotId = r.optionalId("slot_id", IdPattern::Code);
                                                         out.name = readName(r, "name", true);
                                                         out.phone = readPhone(r, "phone");
                                                         out.language = readLanguage(r);
                                                     });
}

Result<domain::CallbackRequest, ProtocolError> decodeCallbackRequested(const Event& e)
{
    return decodePayload<domain::CallbackRequest>(
        e, {EventType::CallbackRequested},
        [&e](ObjectReader& r, auto& out)
        {
            readRequestStart(r, e, out, domain::RequestStatus::Provisional, rules::ReferenceKind::Callback);
            out.phone = readPhone(r, "phone");
            out.day = r.date("day");
            out.dayPart = readCode<domain::DayPart>(r, "day_part", domain::DayPart::Morning);
            out.topicServiceId = r.optionalId("topic_service_id", IdPattern::Slug).value_or("");
            out.equipmentTypeId = r.optionalId("equipment_type_id", IdPattern::Slug).value_or("");
            out.firstName = readName(r, "first_name", false);
            out.language = readLanguage(r);
        });
}

Result<domain::Loan, ProtocolError> decodeLoanCheckedOut(const Event& e)
{
    return decodePayload<domain::Loan>(
        e, {EventType::LoanCheckedOut},
        [&e](ObjectReader& r, auto& out)
        {
            out.id = e.id;
            out.createdAt = e.createdAt;
            out.inventoryNumber = r.id("inventory_number", IdPattern::InventoryNumber);
            out.typeId = r.id("type_id", IdPattern::Slug);
            out.reservationId = r.optionalId("reservation_id", IdPattern::Uuid);
            out.borrower = readPerson(r, "borrower");
            const std::string pesel = r.stringOr("pesel", 11);
            if (r.ok() && !pesel.empty())
                out.pesel = acceptValidated(r, "pesel", validate::validatePesel(pesel)).number;
            out.start = r.date("start");
            out.due = r.date("due");
            if (r.ok() && out.due < out.start)
                r.fail(ProtocolErrorCode::BadValue, "due", "due before start");
            if (r.ok() && out.due.toDays() - out.start.toDays() > rules::kMaxBookingDays)
                r.fail(ProtocolErrorCode::OutOfRange, "due", "loan longer than the longest allowed");
            out.staffId = r.id("staff_id", IdPattern::Code);
        });
}

Result<LoanCheckIn, ProtocolError> decodeLoanCheckedIn(const Event& e)
{
    return decodePayload<LoanCheckIn>(e, {EventType::LoanCheckedIn},
                                      [](ObjectReader& r, auto& out)
                                      {
                                          out.loanId = r.id("loan_id", IdPattern::Uuid);
                                          out.returnedOn = r.date("returned_on");
                                          out.condition = readCode<domain::ReturnCondition>(
                                              r, "condition", domain::ReturnCondition::Fine);
                                          out.notes = readFreeText(r, "notes", 0, kMaxNotes);
                                          out.staffId = r.id("staff_id", IdPattern::Code);
                                      });
}

Result<LoanExtension, ProtocolError> decodeLoanExtended(const Event& e)
{
    return decodePayload<LoanExtension>(e, {EventType::LoanExtended},
                                        [](ObjectReader& r, auto& out)
                                        {
                                            out.loanId = r.id("loan_id", IdPattern::Uuid);
                                            out.due = r.date("due");
                                            out.staffId = r.id("staff_id", IdPattern::Code);
                                        });
}

Result<UnitStateChange, ProtocolError> decodeUnitStateChanged(const Event& e)
{
    return decodePayload<UnitStateChange>(e, {EventType::UnitStateChanged},
                                          [](ObjectReader& r, auto& out)
                                          {
                                              out.inventoryNumber =
                                                  r.id("inventory_number", IdPattern::InventoryNumber);
                                              out.state =
                                                  readCode<domain::UnitState>(r, "state", domain::UnitState::Available);
                                              out.notes = readFreeText(r, "notes", 0, kMaxNotes);
                                              out.staffId = r.id("staff_id", IdPattern::Code);
                                          });
}

Result<domain::UsageEvent, ProtocolError> decodeUsageEvent(const Event& e)
{
    return decodePayload<domain::UsageEvent>(
        e, {EventType::UsageRecorded, EventType::FeedbackRated, EventType::IdeaSubmitted},
        [&e](ObjectReader& r, auto& out)
        {
            const EventType type = *parseEventType(e.type); // expectType has accepted it
            out.id = e.id;
            out.at = e.createdAt;
            if (type == EventType::FeedbackRated)
            {
                out.kind = domain::UsageKind::Rating;
                out.flow = readFlow(r);
                out.rating = static_cast<int>(r.integer("rating", 1, 5));
            }
            else if (type == EventType::IdeaSubmitted)
            {
                out.kind = domain::UsageKind::Idea;
                if (auto area = r.optionalString("area", 32))
                {
                    out.area = domain::parseArea(*area);
                    if (!out.area)
                        r.fail(ProtocolErrorCode::BadValue, "area", "unknown area code");
                }
                out.text = readFreeText(r, "text", 1, kMaxIdea);
            }
            else
            {
                out.kind = readCode<domain::UsageKind>(r, "kind", domain::UsageKind::FlowStarted);
                if (r.ok() && (out.kind == domain::UsageKind::Rating || out.kind == domain::UsageKind::Idea))
                    r.fail(ProtocolErrorCode::BadValue, "kind", "ratings and ideas have their own event types");
                out.flow = readFlow(r);
                out.step = readStep(r);
                out.serviceId = r.optionalId("service_id", IdPattern::Slug).value_or("");
            }
            out.language = readLanguage(r);
        });
}

Result<domain::WaitlistJoin, ProtocolError> decodeWaitlistJoined(const Event& e)
{
    return decodePayload<domain::WaitlistJoin>(
        e, {EventType::WaitlistJoined},
        [&e](ObjectReader& r, auto& out)
        {
            out.id = e.id;
            out.createdAt = e.createdAt;
            out.code = readReferenceCode(r, rules::ReferenceKind::Callback);
            out.typeId = r.id("type_id", IdPattern::Slug);
            out.wantedFrom = r.date("wanted_from");
            out.loanDays = static_cast<int>(r.integer("loan_days", 1, rules::kMaxBookingDays));
            out.name = readName(r, "name", true);
            out.phone = readPhone(r, "phone");
            out.consent = r.boolean("consent");
            if (r.ok() && !out.consent)
                r.fail(ProtocolErrorCode::BadValue, "consent",
                       "personal data may only be sent after the information clause was acknowledged");
            out.language = readLanguage(r);
        });
}

Status<ProtocolError> validatePayload(const Event& e)
{
    auto type = parseEventType(e.type);
    if (!type)
        return makeErr(ProtocolError{ProtocolErrorCode::UnknownEventType, "$.type", "unknown event type"});
    auto check = [](const auto& result) -> Status<ProtocolError>
    {
        if (!result)
            return makeErr(result.error());
        return {};
    };
    switch (*type)
    {
    case EventType::ReservationCreated:
        return check(decodeReservationCreated(e));
    case EventType::CounsellingRequested:
        return check(decodeCounsellingRequested(e));
    case EventType::CallbackRequested:
        return check(decodeCallbackRequested(e));
    case EventType::LoanCheckedOut:
        return check(decodeLoanCheckedOut(e));
    case EventType::LoanCheckedIn:
        return check(decodeLoanCheckedIn(e));
    case EventType::LoanExtended:
        return check(decodeLoanExtended(e));
    case EventType::UnitStateChanged:
        return check(decodeUnitStateChanged(e));
    case EventType::UsageRecorded:
    case EventType::FeedbackRated:
    case EventType::IdeaSubmitted:
        return check(decodeUsageEvent(e));
    case EventType::WaitlistJoined:
        return check(decodeWaitlistJoined(e));
    }
    return makeErr(ProtocolError{ProtocolErrorCode::UnknownEventType, "$.type", "unknown event type"});
}

} // namespace okienko::protocol
