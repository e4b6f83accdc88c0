// Receipts of acknowledged events (kiosk table event_receipts): what the kiosk keeps of an event
// after the server acknowledged it and its personal data was erased. If the server is then restored
// from an older backup (its database epoch changes), the receipts acknowledged under another epoch
// are what it may have lost: the worker sends again those whose payload holds no personal data and
// reports the others (POST /api/v1/lost-events), then moves each receipt to the new epoch.
// Kept for kReceiptDays (below the server's 30-day minimum retention of event ids, so an id the
// server lacks was lost, never merely purged) and at most kMaxReceipts rows.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::sync
{

inline constexpr std::int64_t kReceiptDays = 28;
inline constexpr std::int64_t kMaxReceipts = 20000;

/// One receipt. `resendPayload` is set only for events without personal data.
struct EventReceipt
{
    std::string id;
    std::string type;
    std::string reference;
    std::int64_t createdAt = 0;
    std::int64_t ackedAt = 0;
    std::string epoch;
    std::optional<std::string> resendPayload;
};

/// Works on one connection, like Outbox.
class EventReceipts
{
  public:
    explicit EventReceipts(db::Database& db) : m_db(db) {}

    /// Writes the receipt of an event just acknowledged, inside the caller's transaction (the one that
    /// erases the event's payload). Decides from the payload what may be kept; never stores more.
    Status<db::Error> record(const std::string& id, const std::string& type, std::string_view payloadJson,
                             std::int64_t createdAt, std::int64_t ackedAt, const std::string& epoch);
    /// Up to `limit` receipts acknowledged under an epoch other than `current` (and not ''), oldest first.
    Result<std::vector<EventReceipt>, db::Error> fromOtherEpochs(const std::string& current, int limit);
    /// These receipts are settled with the server of `epoch` (re-sent, or reported).
    Status<db::Error> moveToEpoch(const std::vector<std::string>& ids, const std::string& epoch);
    /// Deletes receipts older than kReceiptDays before `now`, and the oldest beyond kMaxReceipts.
    Result<std::int64_t, db::Error> purge(std::int64_t now);
    Result<std::int64_t, db::Error> count();

  private:
    db::Database& m_db;
};

} // namespace okienko::sync
