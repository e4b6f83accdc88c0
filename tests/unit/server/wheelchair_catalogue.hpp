// The small catalogue the kiosk-API unit tests import: one municipality, one equipment type
// "wozek" and `units` available units TST-1 … TST-n, no services. Returned as JSON so a test can
// change what it is about (the municipality's name, announcements) before parsing it.
#pragma once

#include "shared/protocol/json_reader.hpp"

namespace okienko::test
{

protocol::Json wheelchairCatalogue(int units);

} // namespace okienko::test
