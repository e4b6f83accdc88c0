// How the kiosk names an area or a target group: a shipped one in the kiosk's reviewed words
// (area.NN.official / area.NN.short, group.<id>), an added one by the names the catalogue gives
// (decision 0012). Tiles, filters and the idea box read the catalogue's active lists through these.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"

#include <string>

namespace okienko::kiosk::ui
{

enum class AreaForm
{
    Short,    ///< tiles and the idea box
    Official, ///< the act's wording (an added area has one name: its catalogue name)
};

std::string areaName(const ScreenEnv& env, const domain::Area& area, AreaForm form);
std::string groupName(const ScreenEnv& env, const domain::TargetGroup& group);

} // namespace okienko::kiosk::ui
