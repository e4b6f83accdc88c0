#include "shared/domain/catalogue_lists.hpp"

namespace okienko::domain
{

const std::vector<AreaDefinition>& shippedAreaDefinitions()
{
    // The act's names as the kiosk's reviewed translations give them (area.NN.official).
    static const std::vector<AreaDefinition> areas{
        {Area::ProFamily, {"Polityka prorodzinna", "Сімейна політика", "Pro-family policy"}, {}, false},
        {Area::FamilySupport, {"Wspieranie rodziny", "Підтримка сім’ї", "Family support"}, {}, false},
        {Area::FosterCare, {"System pieczy zastępczej", "Система прийомної опіки", "Foster care system"}, {}, false},
        {Area::SocialAssistance, {"Pomoc społeczna", "Соціальна допомога", "Social assistance"}, {}, false},
        {Area::Health,
         {"Promocja i ochrona zdrowia", "Зміцнення та охорона здоров’я", "Health promotion and protection"},
         {},
         false},
        {Area::Disability,
         {"Wspieranie osób niepełnosprawnych", "Підтримка осіб з інвалідністю", "Support for people with disabilities"},
         {},
         false},
        {Area::Education, {"Edukacja publiczna", "Публічна освіта", "Public education"}, {}, false},
        {Area::Unemployment,
         {"Przeciwdziałanie bezrobociu", "Протидія безробіттю", "Counteracting unemployment"},
         {},
         false},
        {Area::Culture, {"Kultura", "Культура", "Culture"}, {}, false},
        {Area::PhysicalCulture,
         {"Kultura fizyczna i turystyka", "Фізична культура і туризм", "Physical culture and tourism"},
         {},
         false},
        {Area::CivicActivity,
         {"Pobudzanie aktywności obywatelskiej", "Стимулювання громадянської активності", "Stimulating civic activity"},
         {},
         false},
        {Area::Housing, {"Mieszkalnictwo", "Житлова політика", "Housing"}, {}, false},
        {Area::Environment, {"Ochrona środowiska", "Охорона довкілля", "Environmental protection"}, {}, false},
        {Area::Reintegration,
         {"Reintegracja zawodowa i społeczna", "Професійна та соціальна реінтеграція",
          "Vocational and social reintegration"},
         {},
         false},
    };
    return areas;
}

const std::vector<TargetGroupDefinition>& shippedTargetGroupDefinitions()
{
    // As the kiosk's group.<id> words.
    static const std::vector<TargetGroupDefinition> groups{
        {TargetGroup::Seniors, {"Seniorzy (60+)", "Люди похилого віку (60+)", "Seniors (60+)"}, {}, false},
        {TargetGroup::Families, {"Rodziny z dziećmi", "Сім’ї з дітьми", "Families with children"}, {}, false},
        {TargetGroup::ChildrenYouth, {"Dzieci i młodzież", "Діти та молодь", "Children and young people"}, {}, false},
        {TargetGroup::Disabilities,
         {"Osoby z niepełnosprawnościami", "Люди з інвалідністю", "People with disabilities"},
         {},
         false},
        {TargetGroup::Carers,
         {"Opiekunowie osób zależnych", "Опікуни залежних осіб", "Carers of dependent people"},
         {},
         false},
        {TargetGroup::ViolenceAffected,
         {"Osoby doświadczające przemocy", "Люди, які зазнають насильства", "People experiencing violence"},
         {},
         false},
        {TargetGroup::Unemployed, {"Osoby bezrobotne", "Безробітні", "Unemployed people"}, {}, false},
        {TargetGroup::Addictions,
         {"Osoby z problemem uzależnień", "Люди із залежностями", "People with addictions"},
         {},
         false},
        {TargetGroup::AllResidents, {"Wszyscy mieszkańcy", "Усі мешканці", "All residents"}, {}, false},
    };
    return groups;
}

bool isShippedPictogram(std::string_view id)
{
    for (const Area& a : shippedAreas())
        if (a.id() == id)
            return true;
    for (const TargetGroup& g : shippedTargetGroups())
        if (g.id() == id)
            return true;
    return false;
}

std::string pictogramOf(const AreaDefinition& area)
{
    return actNumber(area.id) ? std::string(area.id.id()) : area.pictogram;
}

std::string pictogramOf(const TargetGroupDefinition& group)
{
    return isShipped(group.id) ? std::string(group.id.id()) : group.pictogram;
}

} // namespace okienko::domain
