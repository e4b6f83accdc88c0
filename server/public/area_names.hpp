// How the public pages, their JSON and the panel name an area or a target group: a shipped one in
// the kiosk's reviewed words (area.NN.short / .official, group.<id>), an added one by the names the
// catalogue gives (decision 0012).
#pragma once

#include "shared/domain/catalog.hpp"
#include "shared/domain/language.hpp"

#include <string>
#include <string_view>

namespace okienko::server::pub
{

/// `kind` is "short" or "official"; an added area has one name for both.
std::string areaName(const domain::Catalog& catalog, const domain::Area& area, domain::Language lang,
                     std::string_view kind);
std::string groupName(const domain::Catalog& catalog, const domain::TargetGroup& group, domain::Language lang);

} // namespace okienko::server::pub
