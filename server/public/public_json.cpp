// The JSON API's answers. Texts in the three languages are objects {"pl","uk","en"} with null for a
// missing translation, so a site embedding them can mark the Polish fallback itself.
#include "server/public/public_json.hpp"

#include "server/public/area_names.hpp"
#include "server/public/public_texts.hpp"
#include "shared/domain/codes.hpp"

#include <nlohmann/json.hpp>
#include <set>

namespace okienko::server::pub
{

namespace
{
using Json = nlohmann::json;

constexpr std::size_t kMaxQueryBytes = 200;
constexpr int kDefaultSearchLimit = 20;
constexpr int kMaxSearchLimit = 100;

JsonAnswer ok(const Json& body)
{
    return JsonAnswer{200, body.dump()};
}

Json localized(const domain::LocalizedText& text)
{
    Json out = Json::object();
    for (domain::Language lang : domain::kAllLanguages)
    {
        const std::string& raw = text.raw(lang);
        out[std::string(domain::languageCode(lang))] = raw.empty() ? Json(nullptr) : Json(raw);
    }
    return out;
}

Json localizedList(const domain::LocalizedList& list)
{
    Json out = Json::object();
    for (domain::Language lang : domain::kAllLanguages)
        out[std::string(domain::languageCode(lang))] = list.raw(lang);
    return out;
}

Json urls(const std::string& base, const std::string& id)
{
    Json out = Json::object();
    for (domain::Language lang : domain::kAllLanguages)
        out[std::string(domain::languageCode(lang))] =
            base + std::string(domain::languageCode(lang)) + "/service/" + id;
    return out;
}

Json areaCodes(const domain::Service& s)
{
    Json out = Json::array();
    for (const domain::Area& a : s.areas)
        out.push_back(std::string(domain::areaCode(a)));
    return out;
}

Json groupCodes(const domain::Service& s)
{
    Json out = Json::array();
    for (const domain::TargetGroup& g : s.targetGroups)
        out.push_back(std::string(domain::targetGroupCode(g)));
    return out;
}

Json serviceSummary(const domain::Service& s, const std::string& base)
{
    return Json{{"id", s.id},
                {"status", std::string(domain::toCode(s.status))},
                {"name", localized(s.name)},
                {"summary", localized(s.summary)},
                {"primary_area", std::string(domain::areaCode(s.primaryArea))},
                {"areas", areaCodes(s)},
                {"target_groups", groupCodes(s)},
                {"fee_kind", std::string(domain::toCode(s.fee.kind))},
                {"to_be_confirmed", s.toBeConfirmed},
                {"url", urls(base, s.id)}};
}

Json feeTable(const domain::FeeTable& t)
{
    Json bands = Json::array();
    for (const auto& b : t.bands)
        bands.push_back({{"up_to_percent", b.upToPercent},
                         {"single_percent", b.singlePercent},
                         {"family_percent", b.familyPercent}});
    return Json{{"id", t.id},
                {"title", localized(t.title)},
                {"bands", bands},
                {"criterion_single_grosze", t.criterionSingleGrosze},
                {"criterion_family_grosze", t.criterionFamilyGrosze},
                {"criterion_note", localized(t.criterionNote)},
                {"above_last_band", localized(t.aboveLastBand)},
                {"payment_rule", localized(t.paymentRule)}};
}

/// Every field of the catalogue format a resident reads (docs/catalog-format.md); never
/// internal_note, never the seed sources.
Json serviceDetail(const domain::Service& s, const domain::Catalog& catalog, const std::string& base)
{
    Json out = serviceSummary(s, base);
    out["description"] = localized(s.description);
    out["tags"] = localizedList(s.tags);
    out["delivered_by"] = localized(s.deliveredBy);
    out["place"] = localized(s.place);
    out["hours"] = localized(s.hours);
    out["contact"] = localized(s.contact);
    out["eligibility"] = localized(s.eligibility);
    out["qualification_mode"] = localized(s.qualificationMode);
    const domain::FeeTable* table =
        s.fee.kind == domain::FeeKind::IncomeTable ? catalog.findFeeTable(s.fee.feeTableId) : nullptr;
    out["fee"] = Json{{"kind", std::string(domain::toCode(s.fee.kind))},
                      {"text", localized(s.fee.text)},
                      {"table", table != nullptr ? feeTable(*table) : Json(nullptr)}};
    out["documents"] = localized(s.documents);
    out["personal_data"] = localized(s.personalData);
    out["capacity"] = localized(s.capacity);
    out["valid_from"] = s.validFrom ? Json(s.validFrom->iso()) : Json(nullptr);
    out["valid_to"] = s.validTo ? Json(s.validTo->iso()) : Json(nullptr);
    return out;
}

/// nullopt when every parameter is one of `allowed`; else the 400 naming the first stranger.
std::optional<JsonAnswer> unknownParameter(const std::map<std::string, std::string>& query,
                                           std::initializer_list<std::string_view> allowed)
{
    for (const auto& [key, value] : query)
    {
        bool known = false;
        for (std::string_view a : allowed)
            known = known || key == a;
        if (!known)
        {
            std::string names;
            for (std::string_view a : allowed)
                names += (names.empty() ? "" : ", ") + std::string(a);
            return jsonError(400, "unknown_parameter",
                             key.substr(0, 40) + ": unknown query parameter" +
                                 (names.empty() ? " (this route takes none)" : " (known: " + names + ")"));
        }
    }
    return std::nullopt;
}

std::string param(const std::map<std::string, std::string>& query, const std::string& key)
{
    auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
}

JsonAnswer areas(const CatalogSnapshot& snapshot)
{
    const domain::Catalog& catalog = snapshot.catalog;
    auto in3 = [&](auto name)
    {
        Json out = Json::object();
        for (domain::Language lang : domain::kAllLanguages)
            out[std::string(domain::languageCode(lang))] = name(lang);
        return out;
    };
    Json list = Json::array();
    for (const domain::AreaDefinition* def : catalog.activeAreas())
    {
        const domain::Area& a = def->id;
        const auto number = domain::actNumber(a);
        // "number": the act's pkt; an area the catalogue added has none.
        list.push_back({{"code", std::string(domain::areaCode(a))},
                        {"number", number ? Json(*number) : Json(nullptr)},
                        {"name", in3([&](domain::Language l) { return areaName(catalog, a, l, "short"); })},
                        {"official_name", in3([&](domain::Language l) { return areaName(catalog, a, l, "official"); })},
                        {"service_count", snapshot.inArea(a).size()}});
    }
    return ok(Json{{"areas", list}});
}

JsonAnswer groups(const CatalogSnapshot& snapshot)
{
    Json list = Json::array();
    for (const domain::TargetGroupDefinition* def : snapshot.catalog.activeTargetGroups())
    {
        const domain::TargetGroup& g = def->id;
        Json name = Json::object();
        for (domain::Language lang : domain::kAllLanguages)
            name[std::string(domain::languageCode(lang))] = groupName(snapshot.catalog, g, lang);
        list.push_back({{"code", std::string(domain::targetGroupCode(g))},
                        {"name", name},
                        {"service_count", snapshot.forGroup(g).size()}});
    }
    return ok(Json{{"groups", list}});
}

JsonAnswer services(const CatalogSnapshot& snapshot, const std::map<std::string, std::string>& query)
{
    if (auto bad = unknownParameter(query, {"area", "group"}))
        return *bad;
    std::optional<domain::Area> area;
    std::optional<domain::TargetGroup> group;
    if (query.count("area") != 0 &&
        (!(area = domain::parseArea(param(query, "area"))) || snapshot.catalog.findArea(*area) == nullptr))
        return jsonError(400, "bad_area",
                         "area: not an area code (\"01-prorodzinna\" … \"14-reintegracja\", see "
                         "/public/api/v1/areas)");
    if (query.count("group") != 0 && (!(group = domain::parseTargetGroup(param(query, "group"))) ||
                                      snapshot.catalog.findTargetGroup(*group) == nullptr))
        return jsonError(400, "bad_group", "group: not a target group code (see /public/api/v1/groups)");
    Json list = Json::array();
    for (const auto& s : snapshot.catalog.services)
    {
        const bool inArea =
            !area || s.primaryArea == *area || std::find(s.areas.begin(), s.areas.end(), *area) != s.areas.end();
        const bool forGroup =
            !group || std::find(s.targetGroups.begin(), s.targetGroups.end(), *group) != s.targetGroups.end();
        if (inArea && forGroup)
            list.push_back(serviceSummary(s, snapshot.base));
    }
    return ok(Json{{"services", list}});
}

JsonAnswer service(const CatalogSnapshot& snapshot, const std::string& id,
                   const std::map<std::string, std::string>& query)
{
    if (auto bad = unknownParameter(query, {}))
        return *bad;
    const domain::Service* s = snapshot.catalog.findService(id);
    if (s == nullptr)
        return jsonError(404, "unknown_service", "no service with this id (see /public/api/v1/services)");
    return ok(Json{{"service", serviceDetail(*s, snapshot.catalog, snapshot.base)}});
}

JsonAnswer searchAnswer(const CatalogSnapshot& snapshot, const std::map<std::string, std::string>& query)
{
    if (auto bad = unknownParameter(query, {"q", "lang", "limit"}))
        return *bad;
    const std::string q = param(query, "q");
    if (q.find_first_not_of(' ') == std::string::npos)
        return jsonError(400, "missing_query", "q: the words to search for are required");
    if (q.size() > kMaxQueryBytes)
        return jsonError(400, "query_too_long", "q: at most 200 bytes");
    domain::Language lang = domain::Language::Pl;
    if (query.count("lang") != 0)
    {
        auto parsed = domain::parseLanguage(param(query, "lang"));
        if (!parsed)
            return jsonError(400, "bad_lang", "lang: one of pl, uk, en");
        lang = *parsed;
    }
    int limit = kDefaultSearchLimit;
    if (query.count("limit") != 0)
    {
        const std::string l = param(query, "limit");
        const bool digits = !l.empty() && l.size() <= 3 && l.find_first_not_of("0123456789") == std::string::npos;
        limit = digits ? std::stoi(l) : 0;
        if (limit < 1 || limit > kMaxSearchLimit)
            return jsonError(400, "bad_limit", "limit: a whole number 1 … 100");
    }
    Json results = Json::array();
    for (const auto& r : snapshot.index.query(q, lang, static_cast<std::size_t>(limit)))
    {
        if (r.kind == search::ResultKind::Service)
        {
            if (const domain::Service* s = snapshot.catalog.findService(r.id))
                results.push_back({{"kind", "service"}, {"service", serviceSummary(*s, snapshot.base)}});
        }
        else if (const domain::EquipmentType* t = snapshot.catalog.findEquipmentType(r.id))
            results.push_back({{"kind", "equipment-type"}, {"id", t->id}, {"name", localized(t->name)}});
    }
    return ok(Json{{"query", q}, {"lang", std::string(domain::languageCode(lang))}, {"results", results}});
}

std::string_view feeErrorMessage(FeeQueryError e)
{
    switch (e)
    {
    case FeeQueryError::MissingService:
        return "service: the service id is required";
    case FeeQueryError::UnknownService:
        return "service: no service with this id";
    case FeeQueryError::NoFeeTable:
        return "service: this service's fee is not an income table (see fee_kind)";
    case FeeQueryError::MissingIncome:
        return "income: the monthly net income in złoty is required";
    case FeeQueryError::BadIncome:
        return "income: an amount in złoty, digits with at most one ',' or '.' and two decimals (\"1500,50\")";
    case FeeQueryError::BadHousehold:
        return "household: \"single\" or \"family\"";
    case FeeQueryError::CriterionNotSet:
        return "service: the income criterion of this household is not set in the catalogue yet";
    }
    return "bad request";
}

JsonAnswer fee(const CatalogSnapshot& snapshot, const std::map<std::string, std::string>& query)
{
    if (auto bad = unknownParameter(query, {"service", "income", "household"}))
        return *bad;
    auto answer = answerFee(snapshot, param(query, "service"), param(query, "income"), param(query, "household"));
    if (!answer)
        return jsonError(answer.error() == FeeQueryError::UnknownService ? 404 : 400,
                         std::string(feeQueryErrorCode(answer.error())), std::string(feeErrorMessage(answer.error())));
    const rules::FeeAssessment& a = answer->assessment;
    const char* outcome = a.outcome == rules::FeeOutcome::Free           ? "free"
                          : a.outcome == rules::FeeOutcome::ShareOfCosts ? "share-of-costs"
                                                                         : "decided-individually";
    return ok(Json{{"service", answer->service->id},
                   {"fee_table", answer->table->id},
                   {"household", param(query, "household")},
                   {"income_grosze", answer->incomeGrosze},
                   {"criterion_grosze", answer->criterionGrosze},
                   {"outcome", outcome},
                   {"share_percent", a.sharePercent},
                   {"band",
                    {{"from_percent", a.fromPercent},
                     {"up_to_percent", a.upToPercent == 0 ? Json(nullptr) : Json(a.upToPercent)}}},
                   {"income_percent", a.incomePercent},
                   {"income_percent_exact", a.incomePercentExact}});
}

JsonAnswer centre(const CatalogSnapshot& snapshot, const std::map<std::string, std::string>& query)
{
    if (auto bad = unknownParameter(query, {}))
        return *bad;
    const domain::Municipality& m = snapshot.catalog.municipality;
    return ok(Json{{"centre",
                    {{"municipality", localized(m.name)},
                     {"name", localized(m.cusName)},
                     {"address", m.address},
                     {"phone", m.phone},
                     {"email", m.email},
                     {"opening_hours", localized(m.openingHours)},
                     {"to_be_confirmed", m.contactToBeConfirmed}}}});
}
} // namespace

JsonAnswer jsonError(int status, const std::string& code, const std::string& message)
{
    return JsonAnswer{status, Json{{"error", {{"code", code}, {"message", message}}}}.dump()};
}

JsonAnswer answerJson(const CatalogSnapshot& snapshot, std::string_view route,
                      const std::map<std::string, std::string>& query)
{
    constexpr std::string_view kServicePrefix = "services/";
    if (route == "areas" || route == "groups")
    {
        if (auto bad = unknownParameter(query, {}))
            return *bad;
        return route == "areas" ? areas(snapshot) : groups(snapshot);
    }
    if (route == "services")
        return services(snapshot, query);
    if (route.rfind(kServicePrefix, 0) == 0 && route.size() > kServicePrefix.size() &&
        route.find('/', kServicePrefix.size()) == std::string_view::npos)
        return service(snapshot, std::string(route.substr(kServicePrefix.size())), query);
    if (route == "search")
        return searchAnswer(snapshot, query);
    if (route == "fee")
        return fee(snapshot, query);
    if (route == "centre")
        return centre(snapshot, query);
    return jsonError(404, "not_found", "no such route (see docs/public-api.md)");
}

} // namespace okienko::server::pub
