// Stable text codes of the domain's enums, as data files, the database and the sync protocol
// write them. Changing a code is a data migration, so the tables live in one place.
#pragma once

#include "shared/domain/callback.hpp"
#include "shared/domain/counselling.hpp"
#include "shared/domain/equipment.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/domain/service.hpp"
#include "shared/domain/staff.hpp"

#include <optional>
#include <string_view>

namespace okienko::domain
{

std::string_view toCode(ServiceStatus v);     ///< active, information, planned, archived
std::string_view toCode(FeeKind v);           ///< free, income-table, fixed, unspecified
std::string_view toCode(KioskAction v);       ///< none, reserve-equipment, request-counselling, callback
std::string_view toCode(EquipmentCategory v); ///< mobility, care, hygiene, exercise
std::string_view toCode(UnitState v);         ///< available, reserved, on-loan, cleaning, repair, retired
std::string_view
toCode(ReservationStatus v); ///< provisional, held, confirmed, picked-up, cancelled, expired, rejected, conflict
std::string_view toCode(RequestStatus v);   ///< provisional, received, confirmed, moved, cancelled, done, closed
std::string_view toCode(ReturnCondition v); ///< fine, needs-cleaning, needs-repair
std::string_view toCode(DayPart v);         ///< morning, afternoon
std::string_view toCode(CallbackOutcome v); ///< no-answer, wrong-number, done
std::string_view toCode(StaffRole v);       ///< equipment, coordinator, admin, counsellor, partner
std::string_view
toCode(UsageKind v); ///< flow-started, flow-finished, flow-abandoned, service-viewed, search-made, rating, idea

/// Parses a code of enum E; nullopt for an unknown code.
template <typename E> std::optional<E> fromCode(std::string_view code);

} // namespace okienko::domain
