// Reservations of equipment and loans of units (product.md §4).
#pragma once

#include "shared/domain/language.hpp"
#include "shared/domain/person.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace okienko::domain
{

/// Seconds since the Unix epoch, UTC.
using Timestamp = std::int64_t;

enum class ReservationStatus
{
    Provisional, ///< made offline; the CUS confirms by phone
    Held,        ///< confirmed by the server at once (online hold)
    Confirmed,   ///< confirmed by a coordinator
    PickedUp,    ///< turned into a loan
    Cancelled,
    Expired, ///< not picked up in time
    Rejected,
    Conflict, ///< provisional request that collided; a coordinator resolves it
};

/// True while the reservation still claims a unit for its period.
bool occupiesUnit(ReservationStatus status);

struct Reservation
{
    std::string id;   ///< UUID, also the outbox idempotency key
    std::string code; ///< reference code printed on the slip
    std::string typeId;
    DateRange period; ///< pick-up date and loan length
    ReservationStatus status = ReservationStatus::Provisional;
    Person person;
    std::string onBehalfOf;          ///< the person the equipment is for, when a carer reserves
    bool residencyDeclared = false;  ///< "oświadczenie" about living in the municipality
    bool clauseAcknowledged = false; ///< the RODO information clause was shown and accepted
    Language language = Language::Pl;
    std::string kioskId;
    Timestamp createdAt = 0;
};

enum class ReturnCondition
{
    Fine,
    NeedsCleaning,
    NeedsRepair,
};

struct Loan
{
    std::string id; ///< UUID
    std::string inventoryNumber;
    std::string typeId;
    std::optional<std::string> reservationId; ///< none for a walk-in
    Person borrower;
    std::string pesel; ///< only where the CUS requires it; never printed, erased once synced
    Date start;
    Date due;
    std::optional<Date> returnedOn;
    std::optional<ReturnCondition> returnCondition;
    std::string returnNotes;
    std::string staffId; ///< who checked it out
    Timestamp createdAt = 0;

    bool isOpen() const { return !returnedOn.has_value(); }
};

} // namespace okienko::domain
