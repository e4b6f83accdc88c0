// The schedule's `activity` entity of the change feed (docs/protocol.md, "activity") and of the
// public API's schedule: one activity with its recurrence, as the server stores it. The decoder is
// strict about types and runs shared/rules' activity checks, so a kiosk never stores an activity
// the panel would have refused.
#pragma once

#include "shared/domain/activity.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/result.hpp"

#include <string>

namespace okienko::protocol
{

/// {"id","kind","title":{pl,uk,en},"service_id","area","place","date","start_minute","end_minute",
///  "weekly","until","capacity","sign_up":{pl,uk,en},"cancelled","cancelled_dates":[{"date","reason"}]};
/// "area", "until", "capacity" may be null; "cancelled_dates" may be absent (an older server: none).
Json encodeActivity(const domain::Activity& activity);
Result<domain::Activity, ProtocolError> decodeActivity(const Json& value, const std::string& path = "$");

/// [{"date":"YYYY-MM-DD","reason":"…"}], by date.
Json encodeCancelledDates(const std::vector<domain::CancelledDate>& dates);

/// {"pl","uk","en"} with "" for a missing translation.
Json encodeLocalizedText(const domain::LocalizedText& text);

} // namespace okienko::protocol
