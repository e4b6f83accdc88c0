// The indicators table (server_schema migration 10) as domain::Indicator rows: replaced as a whole
// by import-catalog inside its transaction, and read back in file order with version and last edit.
#pragma once

#include "server/store/indicator_views.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/util/result.hpp"

#include <string>
#include <vector>

namespace okienko::server
{

/// Replaces every indicator definition inside the caller's transaction; entered values stay.
Status<db::Error> replaceIndicators(db::Database& d, const std::vector<domain::Indicator>& indicators);

/// Every indicator in file order (or only `id`, when not empty).
Result<std::vector<IndicatorView>, db::Error> readIndicators(db::Database& d, const std::string& id = "");

/// The indicator as one item of a catalogue file's `indicators` (target null when none).
protocol::Json indicatorFileJson(const domain::Indicator& indicator);

/// ",a,b," for a list of activity kinds ("" for none), the form the kinds column keeps.
std::string joinKinds(const std::vector<std::string>& kinds);

} // namespace okienko::server
