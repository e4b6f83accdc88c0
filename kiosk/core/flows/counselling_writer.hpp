// The counselling flow's database work: the free published duty slots (counselling_slots, pulled
// from the server) and storing a request — the counselling_requests row and its
// counselling.requested outbox event in one transaction (Durability::Full), the outbox id being the
// request id that an online booking already used.
#pragma once

#include "kiosk/core/flows/request_flow_state.hpp"
#include "kiosk/core/flows/request_store_error.hpp"
#include "shared/db/database.hpp"
#include "shared/domain/counselling.hpp"
#include "shared/util/result.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk
{

class KioskServices;

/// Free slots offering `kindId` that start after `today` at `nowMinute`, soonest first, at most `limit`.
Result<std::vector<SlotOption>, StoreError> loadFreeSlots(db::Database& db, const std::string& kindId, Date today,
                                                          int nowMinute, std::size_t limit = 12);

/// Stores `request` (id must be a UUID; code, kiosk set here). With status Confirmed the local slot
/// is marked booked in the same transaction. Returns the request as stored.
Result<domain::CounsellingRequest, StoreError> storeCounsellingRequest(KioskServices& services,
                                                                       domain::CounsellingRequest request);

} // namespace okienko::kiosk
