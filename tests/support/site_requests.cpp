// The requests of the site-isolation tests (see site_requests.hpp).
#include "tests/support/site_requests.hpp"

#include "shared/domain/callback.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"

namespace okienko::test
{

domain::CounsellingSlot counsellingSlot(const std::string& id, const std::string& counsellor, const std::string& room,
                                        Date today)
{
    domain::CounsellingSlot s;
    s.id = id;
    s.kindIds = {"psychological"};
    s.counsellor = counsellor;
    s.room = room;
    s.date = today.plusDays(2);
    s.startMinute = 600;
    s.durationMinutes = 50;
    return s;
}

domain::Reservation wheelchairReservation(const std::string& kiosk, Date today)
{
    domain::Reservation r;
    r.id = newUuid();
    r.code = rules::newReferenceCode(rules::ReferenceKind::Reservation, kiosk).value();
    r.typeId = "wozek-inwalidzki";
    r.period = DateRange{today.plusDays(1), 14};
    r.person = {"Jan Kowalski", "600123456", {}};
    r.clauseAcknowledged = true;
    return r;
}

domain::CounsellingRequest counsellingRequest(const std::string& kiosk, const std::string& slotId)
{
    domain::CounsellingRequest c;
    c.id = newUuid();
    c.code = rules::newReferenceCode(rules::ReferenceKind::Counselling, kiosk).value();
    c.kindId = "psychological";
    c.slotId = slotId;
    c.name = "Adam Łapski";
    c.phone = "600111222";
    return c;
}

protocol::Event callbackRequested(const std::string& kiosk, const std::string& phone, Date today)
{
    domain::CallbackRequest c;
    c.id = newUuid();
    c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, kiosk).value();
    c.phone = phone;
    c.day = today.plusDays(1);
    c.dayPart = domain::DayPart::Morning;
    return protocol::makeCallbackRequested(c);
}

} // namespace okienko::test
