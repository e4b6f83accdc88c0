// The kiosk's rule for anything a person is told is done: the fact and its outbox event are written
// in ONE Immediate transaction committed with Durability::Full, so a power cut can lose neither one
// without the other. Plain reads and writes use the shared helper (shared/db/query.hpp).
#pragma once

#include "kiosk/sync/outbox.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/protocol/events.hpp"
#include "shared/util/result.hpp"

#include <functional>

namespace okienko::kiosk
{

/// Runs `writes`, then queues `event` in the outbox (the event's id is the outbox id; `subject`
/// names the row whose personal columns the server's acknowledgement erases), in one Immediate
/// transaction committed with Durability::Full. Nothing is stored when any part fails; the first
/// failure is the result.
Status<db::Error> storeWithEvent(db::Database& db, const protocol::Event& event, const sync::OutboxSubject& subject,
                                 const std::function<Status<db::Error>()>& writes);

} // namespace okienko::kiosk
