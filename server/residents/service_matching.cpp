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
} // namespace

bool isPublished(const domain::Service& service, const Date& today)
{
    const bool shown =
        service.status == domain::ServiceStatus::Active || service.status == domain::ServiceStatus::Information;
    return shown && (!service.validFrom || !(today < *service.validFrom)) &&
           (!service.validTo || !(*service.validTo < today));
}

bool feeFits(const ResidentNeeds& needs, const domain::FeeRule& fee)
{
    switch (needs.fee)
    {
    case FeeLimit::Any:
        return true;
    case FeeLimit::FreeOnly:
        return fee.kind == domain::FeeKind::Free;
    case FeeLimit::Maximum:
        return fee.kind == domain::FeeKind::Free || fee.kind == domain::FeeKind::IncomeTable;
    }
    return false;
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
    for (auto a : needs.areas)
        areas.push_back(std::string(domain::areaCode(a)));
    Json groups = Json::array();
    for (auto g : needs.targetGroups)
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
