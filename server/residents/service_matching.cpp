// The matching rules of service_matching.hpp.
#include "server/residents/service_matching.hpp"

#include "shared/text/fold.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace okienko::server::residents
{

namespace
{
using Json = nlohmann::json;

template <typename T> bool sharesAny(const std::vector<T>& wanted, const std::vector<T>& offered)
{
    return std::any_of(wanted.begin(), wanted.end(),
                       [&](const T& w) { return std::find(offered.begin(), offered.end(), w) != offered.end(); });
}

bool placeFits(const std::string& place, const domain::LocalizedText& servicePlace)
{
    const std::string wanted = text::foldForSearch(place);
    if (wanted.empty())
        return true;
    for (domain::Language lang : domain::kAllLanguages)
        if (text::foldForSearch(servicePlace.raw(lang)).find(wanted) != std::string::npos)
            return true;
    return false;
}

/// "150,50" for 15050 grosze.
std::string zlotyText(std::int64_t grosze)
{
    const std::int64_t cents = grosze % 100;
    return std::to_string(grosze / 100) + "," + (cents < 10 ? "0" : "") + std::to_string(cents);
}
} // namespace

bool isPublished(const domain::Service& service, const Date& today)
{
    const bool shown =
        service.status == domain::ServiceStatus::Active || service.status == domain::ServiceStatus::Information;
    return shown && (!service.validFrom || !(today < *service.validFrom)) &&
           (!service.validTo || !(*service.validTo < today));
}

FeeFit feeFit(const ResidentNeeds& needs, const domain::FeeRule& fee)
{
    const bool free = fee.kind == domain::FeeKind::Free;
    switch (needs.fee)
    {
    case FeeLimit::Any:
        return FeeFit::Fits;
    case FeeLimit::FreeOnly:
        return free ? FeeFit::Fits : FeeFit::Exceeds;
    case FeeLimit::Maximum:
        return free ? FeeFit::Fits : FeeFit::AmountUnknown;
    }
    return FeeFit::Exceeds;
}

bool feeFits(const ResidentNeeds& needs, const domain::FeeRule& fee)
{
    return feeFit(needs, fee) != FeeFit::Exceeds;
}

std::string feeNote(const ResidentNeeds& needs, const domain::Service& service, const domain::Catalog& catalog)
{
    if (feeFit(needs, service.fee) != FeeFit::AmountUnknown)
        return {};
    const std::string limit = "limicie " + zlotyText(needs.maxFeeGrosze) + " zł/mies.";
    switch (service.fee.kind)
    {
    case domain::FeeKind::IncomeTable:
        if (const domain::FeeTable* table = catalog.findFeeTable(service.fee.feeTableId);
            table != nullptr && table->criterionSingleGrosze > 0)
            return "Odpłatność zależy od dochodu: bezpłatnie przy dochodzie do " +
                   zlotyText(table->criterionSingleGrosze) +
                   " zł (osoba samotnie gospodarująca), powyżej część kosztów, których katalog nie podaje — "
                   "sprawdź dochód i koszt w " +
                   limit;
        return "Odpłatność zależy od dochodu, katalog nie podaje kwot — sprawdź, czy mieści się w " + limit;
    case domain::FeeKind::Fixed:
        return "Opłata stała opisana tylko słownie, katalog nie podaje kwoty — sprawdź, czy mieści się w " + limit;
    case domain::FeeKind::Unspecified:
    case domain::FeeKind::Free:
        break;
    }
    return "Katalog nie podaje odpłatności — sprawdź, czy mieści się w " + limit;
}

bool matches(const ResidentNeeds& needs, const domain::Service& service, const Date& today)
{
    if (!isPublished(service, today))
        return false;
    if (!needs.areas.empty() && !sharesAny(needs.areas, service.areas))
        return false;
    const bool forEveryone = std::find(service.targetGroups.begin(), service.targetGroups.end(),
                                       domain::TargetGroup::AllResidents) != service.targetGroups.end();
    if (!needs.targetGroups.empty() && !forEveryone && !sharesAny(needs.targetGroups, service.targetGroups))
        return false;
    return placeFits(needs.place, service.place) && feeFits(needs, service.fee);
}

std::vector<const domain::Service*> matchingServices(const ResidentNeeds& needs, const domain::Catalog& catalog,
                                                     const Date& today)
{
    std::vector<const domain::Service*> found;
    for (const auto& s : catalog.services)
        if (matches(needs, s, today))
            found.push_back(&s);
    return found;
}

std::string_view feeLimitCode(FeeLimit limit)
{
    switch (limit)
    {
    case FeeLimit::FreeOnly:
        return "free";
    case FeeLimit::Maximum:
        return "max";
    case FeeLimit::Any:
        break;
    }
    return "any";
}

std::optional<FeeLimit> parseFeeLimit(std::string_view code)
{
    for (FeeLimit l : {FeeLimit::Any, FeeLimit::FreeOnly, FeeLimit::Maximum})
        if (feeLimitCode(l) == code)
            return l;
    return std::nullopt;
}

std::string needsToJson(const ResidentNeeds& needs)
{
    Json areas = Json::array();
    for (const auto& a : needs.areas)
        areas.push_back(std::string(domain::areaCode(a)));
    Json groups = Json::array();
    for (const auto& g : needs.targetGroups)
        groups.push_back(std::string(domain::targetGroupCode(g)));
    return Json{{"areas", areas},
                {"target_groups", groups},
                {"place", needs.place},
                {"fee", std::string(feeLimitCode(needs.fee))},
                {"max_fee_grosze", needs.maxFeeGrosze}}
        .dump();
}

std::optional<ResidentNeeds> needsFromJson(const std::string& json)
{
    const Json j = Json::parse(json, nullptr, false);
    if (!j.is_object() || !j.contains("areas") || !j["areas"].is_array() || !j.contains("target_groups") ||
        !j["target_groups"].is_array() || !j.contains("place") || !j["place"].is_string() || !j.contains("fee") ||
        !j["fee"].is_string() || !j.contains("max_fee_grosze") || !j["max_fee_grosze"].is_number_integer())
        return std::nullopt;
    ResidentNeeds needs;
    for (const auto& a : j["areas"])
    {
        auto area = a.is_string() ? domain::parseArea(a.get<std::string>()) : std::nullopt;
        if (!area)
            return std::nullopt;
        needs.areas.push_back(*area);
    }
    for (const auto& g : j["target_groups"])
    {
        auto group = g.is_string() ? domain::parseTargetGroup(g.get<std::string>()) : std::nullopt;
        if (!group)
            return std::nullopt;
        needs.targetGroups.push_back(*group);
    }
    auto fee = parseFeeLimit(j["fee"].get<std::string>());
    if (!fee)
        return std::nullopt;
    needs.place = j["place"].get<std::string>();
    needs.fee = *fee;
    needs.maxFeeGrosze = j["max_fee_grosze"].get<std::int64_t>();
    return needs;
}

} // namespace okienko::server::residents
