// The counselling register's own parts on its page: the duty hours of the period (the published
// slots' minutes summed) and every meeting booked at a kiosk in the period, each marked by a
// counsellor as held (with its length) or not held. The register's entries and the walk-in form
// are the generic register page's (register_pages).
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/panel/register_pages.hpp"

#include <map>
#include <string>

namespace okienko::server::panel
{

/// The duty hours and the booked meetings of `period`, with the mark forms for who may mark.
Result<Html, db::Error> counsellingRegisterSections(const PageContext& ctx, const RegisterPeriod& period);

/// POST /panel/registers/counselling/mark (booking, held 1/0, minutes when held, from, to): 303 back
/// to the register with a message code.
PanelResponse counsellingMarkAction(const PageContext& ctx, const Form& form);

/// `messages` with the mark form's outcomes added.
std::map<std::string, FlashMessage> withMarkMessages(std::map<std::string, FlashMessage> messages);

/// "12 h 30 min" for a number of minutes.
std::string hoursAndMinutes(std::int64_t minutes);

} // namespace okienko::server::panel
