// The 14 areas of art. 2 ust. 1 of the CUS act (ustawa z 19 lipca 2019 r. o realizowaniu usług
// społecznych przez centrum usług społecznych) and the target groups a resident browses by.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace okienko::domain
{

/// Numbered as in the act (pkt 1 … pkt 14).
enum class Area
{
    ProFamily = 1,    ///< polityka prorodzinna
    FamilySupport,    ///< wspieranie rodziny
    FosterCare,       ///< system pieczy zastępczej
    SocialAssistance, ///< pomoc społeczna
    Health,           ///< promocja i ochrona zdrowia
    Disability,       ///< wspieranie osób niepełnosprawnych
    Education,        ///< edukacja publiczna
    Unemployment,     ///< przeciwdziałanie bezrobociu
    Culture,          ///< kultura
    PhysicalCulture,  ///< kultura fizyczna i turystyka
    CivicActivity,    ///< pobudzanie aktywności obywatelskiej
    Housing,          ///< mieszkalnictwo
    Environment,      ///< ochrona środowiska
    Reintegration,    ///< reintegracja zawodowa i społeczna
};

inline constexpr int kAreaCount = 14;

/// Stable codes used in data files and the protocol: "01-prorodzinna" … "14-reintegracja".
std::string_view areaCode(Area area);
std::optional<Area> parseArea(std::string_view code);
std::array<Area, kAreaCount> allAreas();

enum class TargetGroup
{
    Seniors,          ///< seniorzy 60+
    Families,         ///< rodziny z dziećmi
    ChildrenYouth,    ///< dzieci i młodzież
    Disabilities,     ///< osoby z niepełnosprawnościami
    Carers,           ///< opiekunowie osób zależnych
    ViolenceAffected, ///< osoby doświadczające przemocy
    Unemployed,       ///< osoby bezrobotne
    Addictions,       ///< osoby z problemem uzależnień
    AllResidents,     ///< wszyscy mieszkańcy
};

inline constexpr int kTargetGroupCount = 9;

/// "seniors", "families", "children-youth", "disabilities", "carers", "violence", "unemployed",
/// "addictions", "all".
std::string_view targetGroupCode(TargetGroup group);
std::optional<TargetGroup> parseTargetGroup(std::string_view code);
std::array<TargetGroup, kTargetGroupCount> allTargetGroups();

} // namespace okienko::domain
