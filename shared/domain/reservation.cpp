#include "shared/domain/reservation.hpp"

namespace okienko::domain
{

bool occupiesUnit(ReservationStatus status)
{
    switch (status)
    {
    case ReservationStatus::Provisional:
    case ReservationStatus::Held:
    case ReservationStatus::Confirmed:
    case ReservationStatus::Conflict:
        return true;
    case ReservationStatus::PickedUp: // the loan record takes over the unit
    case ReservationStatus::Cancelled:
    case ReservationStatus::Expired:
    case ReservationStatus::Rejected:
        return false;
    }
    return true;
}

} // namespace okienko::domain
