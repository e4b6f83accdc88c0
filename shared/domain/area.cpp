#include "shared/domain/area.hpp"

namespace okienko::domain
{

namespace
{
constexpr std::array<std::string_view, kAreaCount> kAreaCodes{"01-prorodzinna",
                                                              "02-wspieranie-rodziny",
                                                              "03-piecza-zastepcza",
                                                              "04-pomoc-spoleczna",
                                                              "05-zdrowie",
                                                              "06-niepelnosprawnosc",
                                                              "07-edukacja",
                                                              "08-bezrobocie",
                                                              "09-kultura",
                                                              "10-sport-turystyka",
                                                              "11-aktywnosc-obywatelska",
                                                              "12-mieszkalnictwo",
                                                              "13-srodowisko",
                                                              "14-reintegracja"};

constexpr std::array<std::string_view, kTargetGroupCount> kGroupCodes{
    "seniors", "families", "children-youth", "disabilities", "carers", "violence", "unemployed", "addictions", "all"};
} // namespace

std::string_view areaCode(Area area)
{
    return kAreaCodes[static_cast<std::size_t>(static_cast<int>(area) - 1)];
}

std::optional<Area> parseArea(std::string_view code)
{
    for (std::size_t i = 0; i < kAreaCodes.size(); ++i)
        if (kAreaCodes[i] == code)
            return static_cast<Area>(static_cast<int>(i) + 1);
    return std::nullopt;
}

std::array<Area, kAreaCount> allAreas()
{
    std::array<Area, kAreaCount> out{};
    for (int i = 0; i < kAreaCount; ++i)
        out[static_cast<std::size_t>(i)] = static_cast<Area>(i + 1);
    return out;
}

std::string_view targetGroupCode(TargetGroup group)
{
    return kGroupCodes[static_cast<std::size_t>(group)];
}

std::optional<TargetGroup> parseTargetGroup(std::string_view code)
{
    for (std::size_t i = 0; i < kGroupCodes.size(); ++i)
        if (kGroupCodes[i] == code)
            return static_cast<TargetGroup>(i);
    return std::nullopt;
}

std::array<TargetGroup, kTargetGroupCount> allTargetGroups()
{
    std::array<TargetGroup, kTargetGroupCount> out{};
    for (int i = 0; i < kTargetGroupCount; ++i)
        out[static_cast<std::size_t>(i)] = static_cast<TargetGroup>(i);
    return out;
}

} // namespace okienko::domain
