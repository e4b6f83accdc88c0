// What a kiosk of a site sends in the site-isolation tests (the kiosk API's and the panel's): a
// counselling slot to book, a wheelchair reservation, a counselling request and a callback, made the
// way a kiosk makes them (reference codes of that kiosk, dates from `today`).
#pragma once

#include "shared/domain/counselling.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/protocol/events.hpp"
#include "shared/util/date.hpp"

#include <string>

namespace okienko::test
{

/// A PIN hash as release 0.1.0's add-staff made it (the kiosks' decoder accepts it): the staff
/// accounts of the site tests.
inline constexpr const char* kReleasePinHash =
    "$argon2id$v=19$m=65536,t=2,p=1$p67aObBta4vpgH6uW3Wvpw$itEb7WcjPF8Zgg9BvhdeERFIxl6E9uiv/+c7iwcLpuE";

/// A psychological-counselling slot two days after `today`, 10:00, 50 minutes.
domain::CounsellingSlot counsellingSlot(const std::string& id, const std::string& counsellor, const std::string& room,
                                        Date today);
/// A wheelchair (the Łapy catalogue's "wozek-inwalidzki") from tomorrow for 14 days, Jan Kowalski.
domain::Reservation wheelchairReservation(const std::string& kiosk, Date today);
/// A psychological-counselling request for `slotId`, Adam Łapski.
domain::CounsellingRequest counsellingRequest(const std::string& kiosk, const std::string& slotId);
/// callback.requested for tomorrow morning.
protocol::Event callbackRequested(const std::string& kiosk, const std::string& phone, Date today);

} // namespace okienko::test
