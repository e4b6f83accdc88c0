#include "shared/domain/area.hpp"

namespace okienko::domain
{

bool isCatalogueSlug(std::string_view text)
{
    if (text.empty() || text.size() > CatalogueSlug::kMaxLength)
        return false;
    auto letterOrDigit = [](char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    if (!letterOrDigit(text.front()))
        return false;
    for (char c : text)
        if (!letterOrDigit(c) && c != '-')
            return false;
    return true;
}

std::optional<Area> Area::parse(std::string_view id)
{
    if (!isCatalogueSlug(id))
        return std::nullopt;
    return Area(id);
}

std::string_view areaCode(const Area& area)
{
    return area.id();
}

std::optional<Area> parseArea(std::string_view code)
{
    return Area::parse(code);
}

const std::array<Area, kShippedAreaCount>& shippedAreas()
{
    static constexpr std::array<Area, kShippedAreaCount> areas{
        Area::ProFamily,     Area::FamilySupport, Area::FosterCare,   Area::SocialAssistance, Area::Health,
        Area::Disability,    Area::Education,     Area::Unemployment, Area::Culture,          Area::PhysicalCulture,
        Area::CivicActivity, Area::Housing,       Area::Environment,  Area::Reintegration};
    return areas;
}

std::optional<int> actNumber(const Area& area)
{
    const auto& areas = shippedAreas();
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (areas[i] == area)
            return static_cast<int>(i) + 1;
    return std::nullopt;
}

std::optional<TargetGroup> TargetGroup::parse(std::string_view id)
{
    if (!isCatalogueSlug(id))
        return std::nullopt;
    return TargetGroup(id);
}

std::string_view targetGroupCode(const TargetGroup& group)
{
    return group.id();
}

std::optional<TargetGroup> parseTargetGroup(std::string_view code)
{
    return TargetGroup::parse(code);
}

const std::array<TargetGroup, kShippedTargetGroupCount>& shippedTargetGroups()
{
    static constexpr std::array<TargetGroup, kShippedTargetGroupCount> groups{
        TargetGroup::Seniors,      TargetGroup::Families,   TargetGroup::ChildrenYouth,
        TargetGroup::Disabilities, TargetGroup::Carers,     TargetGroup::ViolenceAffected,
        TargetGroup::Unemployed,   TargetGroup::Addictions, TargetGroup::AllResidents};
    return groups;
}

bool isShipped(const TargetGroup& group)
{
    for (const TargetGroup& g : shippedTargetGroups())
        if (g == group)
            return true;
    return false;
}

} // namespace okienko::domain
