// What a kiosk flow writes, for the sync tests, the server soak and the benchmark: a callback request
// row with its PERSONAL columns and its outbox event (or an anonymous usage event), in one
// Durability::Full transaction. The event is built by
// the protocol's own makeCallbackRequested, so the real server accepts it.
#pragma once

#include "kiosk/sync/outbox.hpp"
#include "shared/db/database.hpp"

#include <string>

namespace okienko::test
{

/// Queues callback request number `index` (its phone number is derived from the index, so requests
/// never merge on the server). Returns the request id = event id, or "" on failure.
std::string queueCallbackRequest(db::Database& db, sync::Outbox& outbox, int index,
                                 const std::string& kioskId = "kiosk-test");

/// Queues anonymous usage event number `index` (a catalogue view; the step names the index) with its
/// outbox row, in one Durability::Full transaction. Returns the event id, or "" on failure.
std::string queueUsageEvent(db::Database& db, sync::Outbox& outbox, int index);

} // namespace okienko::test
