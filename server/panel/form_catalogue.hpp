// The catalogue a panel form offers areas and target groups from (decision 0012): every form that
// lists them (services, residents' needs, the schedule) reads the catalogue's lists, not code.
#pragma once

#include "server/panel/page_parts.hpp"
#include "shared/domain/catalog.hpp"

namespace okienko::server::panel
{

/// The stored catalogue; the shipped lists (and nothing else) when none can be read.
domain::Catalog formCatalogue(const PageContext& ctx);

} // namespace okienko::server::panel
