#include "server/public/area_names.hpp"

#include "server/public/public_texts.hpp"

namespace okienko::server::pub
{

std::string areaName(const domain::Catalog& catalog, const domain::Area& area, domain::Language lang,
                     std::string_view kind)
{
    if (const auto n = domain::actNumber(area))
        return word(lang, std::string("area.") + (*n < 10 ? "0" : "") + std::to_string(*n) + "." + std::string(kind));
    if (const auto* def = catalog.findArea(area))
        return def->name.in(lang);
    return std::string(area.id());
}

std::string groupName(const domain::Catalog& catalog, const domain::TargetGroup& group, domain::Language lang)
{
    if (domain::isShipped(group))
        return word(lang, "group." + std::string(group.id()));
    if (const auto* def = catalog.findTargetGroup(group))
        return def->name.in(lang);
    return std::string(group.id());
}

} // namespace okienko::server::pub
