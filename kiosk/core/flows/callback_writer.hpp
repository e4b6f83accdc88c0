// Stores a "Proszę o telefon" request: one transaction (Durability::Full) that applies the
// one-open-request-per-number rule to the local callback_requests, inserts or updates the row, and
// queues its callback.requested outbox event. The caller acknowledges only after it returned.
#pragma once

#include "kiosk/core/flows/request_store_error.hpp"
#include "shared/domain/callback.hpp"
#include "shared/util/result.hpp"

namespace okienko::kiosk
{

class KioskServices;

struct CallbackStoreResult
{
    domain::CallbackRequest request; ///< as stored (an update keeps the first request's id and code)
    bool updatedExisting = false;
};

/// `incoming` needs phone, day, dayPart, language, createdAt (and optional topic / first name);
/// id, code, kiosk and status are set here. A new request's outbox id is its id; an update queues a
/// new event (new id) carrying the kept code, which the server merges the same way.
Result<CallbackStoreResult, StoreError> storeCallbackRequest(KioskServices& services, domain::CallbackRequest incoming);

} // namespace okienko::kiosk
