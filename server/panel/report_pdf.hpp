// The printable report as PDF, drawn with cairo on A4 in DejaVu Sans (fontconfig; Debian's
// fonts-dejavu-core): the CUS's name, the period, the programme's wording, every indicator with
// its target, actual, share, evidence document and how it is counted, and the residents' ratings.
#pragma once

#include "server/panel/report_model.hpp"
#include "shared/util/result.hpp"

#include <string>

namespace okienko::server::panel
{

/// The PDF's bytes, or why cairo could not make it.
Result<std::string, std::string> renderReportPdf(const ReportData& report);

} // namespace okienko::server::panel
