// Institutions as JSON.
#include "server/public/partner_json.hpp"

#include "server/public/partner_pages.hpp"

#include <nlohmann/json.hpp>

namespace okienko::server::pub
{

namespace
{
using Json = nlohmann::json;

Json texts(const domain::LocalizedText& text)
{
    Json out = Json::object();
    for (domain::Language lang : domain::kAllLanguages)
        out[std::string(domain::languageCode(lang))] = text.raw(lang).empty() ? Json(nullptr) : Json(text.raw(lang));
    return out;
}

Json pageUrls(const std::string& rest)
{
    Json out = Json::object();
    for (domain::Language lang : domain::kAllLanguages)
        out[std::string(domain::languageCode(lang))] = href(lang, rest);
    return out;
}

Json institutionJson(const Institution& i, const CatalogSnapshot& snapshot, bool withServices)
{
    const InstitutionProfile& p = i.profile;
    Json out{{"id", i.id},
             {"name", p.name},
             {"kind", p.kind},
             {"address", p.address},
             {"phone", p.phone},
             {"email", p.email},
             {"website", p.website},
             {"profile", texts(p.profile)},
             {"contact_person", p.contactPublic && !p.contactName.empty() ? Json(p.contactName) : Json(nullptr)},
             {"url", pageUrls("institution/" + i.id)}};
    Json services = Json::array();
    for (const domain::Service* s : publishedServices(i, snapshot))
        if (withServices)
            services.push_back(Json{{"id", s->id}, {"name", texts(s->name)}, {"url", pageUrls("service/" + s->id)}});
        else
            services.push_back(s->id);
    out["services"] = services;
    return out;
}
} // namespace

JsonAnswer institutionsJson(const std::vector<Institution>& approved, const CatalogSnapshot& snapshot,
                            std::string_view route)
{
    if (route == "institutions")
    {
        Json list = Json::array();
        for (const Institution& i : approved)
            list.push_back(institutionJson(i, snapshot, false));
        return JsonAnswer{200, Json{{"institutions", list}}.dump()};
    }
    const std::string id(route.substr(std::string_view("institutions/").size()));
    for (const Institution& i : approved)
        if (i.id == id)
            return JsonAnswer{200, Json{{"institution", institutionJson(i, snapshot, true)}}.dump()};
    return jsonError(404, "unknown_institution",
                     "no approved institution with this id (see /public/api/v1/institutions)");
}

} // namespace okienko::server::pub
