#include "kiosk/ui/screens/area_words.hpp"

#include <cstdio>

namespace okienko::kiosk::ui
{

std::string areaName(const ScreenEnv& env, const domain::Area& area, AreaForm form)
{
    if (const auto number = domain::actNumber(area))
    {
        char key[24];
        std::snprintf(key, sizeof key, "area.%02d.%s", *number, form == AreaForm::Short ? "short" : "official");
        return env.tr.tr(key);
    }
    if (const auto* def = env.catalog.findArea(area))
        return env.text(def->name);
    return std::string(area.id());
}

std::string groupName(const ScreenEnv& env, const domain::TargetGroup& group)
{
    if (domain::isShipped(group))
        return env.tr.tr("group." + std::string(group.id()));
    if (const auto* def = env.catalog.findTargetGroup(group))
        return env.text(def->name);
    return std::string(group.id());
}

} // namespace okienko::kiosk::ui
