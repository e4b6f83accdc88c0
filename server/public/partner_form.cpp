// The partner form's checks: each field's problem in the page's language, the kiosk's validators for
// names, phones and texts; the question asked against robots.
#include "server/public/partner_form.hpp"

#include "server/panel/partner_service_form.hpp"
#include "server/public/contact_form.hpp"
#include "server/public/public_texts.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

#include <array>

namespace okienko::server::pub
{

namespace
{
using protocol::Json;

/// The answers of the questions "pub.partner.challenge.0" … (numbers, typed in digits).
constexpr std::array<int, 5> kAnswers{5, 7, 12, 4, 10};

std::size_t questionOf(const std::string& token)
{
    std::size_t sum = 0;
    for (char c : token)
        sum += static_cast<unsigned char>(c);
    return sum % kAnswers.size();
}

std::string withoutCarriageReturns(std::string text)
{
    for (auto at = text.find('\r'); at != std::string::npos; at = text.find('\r'))
        text.erase(at, 1);
    return text;
}

/// Checks a free text of `field` (min 0: optional) and returns it trimmed, or records the problem.
std::string checkText(const PartnerInput& input, const std::string& field, std::size_t min, std::size_t max,
                      domain::Language lang, std::vector<PartnerFieldError>& errors)
{
    auto checked = validate::validateFreeText(withoutCarriageReturns(input.get(field)), min, max);
    if (checked)
        return checked.value();
    errors.push_back({field, word(lang, validate::messageKey(checked.error().error),
                                  {{"min", std::to_string(min)}, {"max", std::to_string(max)}})});
    return {};
}

bool blank(const std::string& s)
{
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}
} // namespace

bool PartnerInput::has(const std::string& name) const
{
    auto it = fields.find(name);
    return it != fields.end() && !it->second.empty();
}

std::string PartnerInput::get(const std::string& name) const
{
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

std::string challengeQuestion(const std::string& token, domain::Language lang)
{
    return word(lang, "pub.partner.challenge." + std::to_string(questionOf(token)));
}

bool challengeAnswered(const std::string& token, const std::string& answer)
{
    std::string digits;
    for (char c : answer)
        if (c != ' ')
            digits.push_back(c);
    return !digits.empty() && digits.size() <= 3 && digits.find_first_not_of("0123456789") == std::string::npos &&
           std::stoi(digits) == kAnswers[questionOf(token)];
}

Result<InstitutionProfile, std::vector<PartnerFieldError>> validateProfile(const PartnerInput& input,
                                                                           domain::Language lang, bool needConsent)
{
    std::vector<PartnerFieldError> errors;
    InstitutionProfile p;
    p.name = checkText(input, "inst_name", 3, 160, lang, errors);
    p.kind = input.get("kind");
    if (!isInstitutionKind(p.kind))
        errors.push_back({"kind", word(lang, "pub.partner.error.kind")});
    p.address = checkText(input, "address", 5, 200, lang, errors);
    const bool phoneGiven = !blank(input.get("phone"));
    const bool emailGiven = !blank(input.get("email"));
    if (!phoneGiven && !emailGiven)
        errors.push_back({"phone", word(lang, "pub.contact.error.reach")});
    if (phoneGiven)
    {
        if (auto phone = validate::normalisePhone(input.get("phone")); phone)
            p.phone = phone.value().substr(0, 3) + " " + phone.value().substr(3, 3) + " " + phone.value().substr(6);
        else
            errors.push_back({"phone", word(lang, validate::messageKey(phone.error()))});
    }
    if (emailGiven)
    {
        std::string email = input.get("email");
        email = email.substr(email.find_first_not_of(' '));
        email.erase(email.find_last_not_of(' ') + 1);
        if (plausibleEmail(email))
            p.email = email;
        else
            errors.push_back({"email", word(lang, "pub.contact.error.email")});
    }
    p.website = checkText(input, "homepage", 0, 200, lang, errors);
    if (!p.website.empty() && p.website.rfind("https://", 0) != 0 && p.website.rfind("http://", 0) != 0)
        errors.push_back({"homepage", word(lang, "pub.partner.error.homepage")});
    p.profile.raw(lang) = checkText(input, "profile", 10, 1500, lang, errors);
    if (auto name = validate::validatePersonName(input.get("contact_name")); name)
        p.contactName = name.value();
    else
        errors.push_back({"contact_name", word(lang, validate::messageKey(name.error()),
                                               {{"min", std::to_string(validate::kDefaultNameMinCodePoints)},
                                                {"max", std::to_string(validate::kDefaultNameMaxCodePoints)}})});
    p.contactPublic = input.has("contact_public");
    if (needConsent && !input.has("consent"))
        errors.push_back({"consent", word(lang, "pub.partner.error.consent")});
    if (!errors.empty())
        return makeErr(std::move(errors));
    return p;
}

void fillFromService(PartnerInput& input, const domain::Service& service, domain::Language lang)
{
    const Json entry = protocol::encodeService(service);
    for (const auto& f : panel::serviceTextFields())
    {
        const Json::json_pointer at(std::string(f.pointer));
        if (!entry.contains(at))
            continue;
        const Json& text = entry.at(at);
        const std::string code(domain::languageCode(lang));
        const std::string shown = text.contains(code)   ? text[code].get<std::string>()
                                  : text.contains("pl") ? text["pl"].get<std::string>()
                                                        : "";
        input.fields["svc." + std::string(f.key)] = shown;
    }
    for (const domain::Area& a : service.areas)
        input.fields["area." + std::string(domain::areaCode(a))] = "yes";
    for (const domain::TargetGroup& g : service.targetGroups)
        input.fields["group." + std::string(domain::targetGroupCode(g))] = "yes";
    input.fields["fee_kind"] = std::string(domain::toCode(service.fee.kind));
}

Result<PartnerRegistration, std::vector<PartnerFieldError>>
validateRegistration(const PartnerInput& input, const domain::Catalog& catalog, domain::Language lang)
{
    std::vector<PartnerFieldError> errors;
    PartnerRegistration reg;
    reg.language = lang;
    auto profile = validateProfile(input, lang, true);
    if (profile)
        reg.profile = profile.value();
    else
        errors = profile.error();
    const std::string what = input.get("proposal");
    const domain::Service* current = nullptr;
    if (what == "update")
    {
        current = catalog.findService(input.get("service"));
        if (current == nullptr)
            errors.push_back({"service", word(lang, "pub.contact.error.service")});
    }
    else if (what != "new" && what != "none")
        errors.push_back({"proposal", word(lang, "pub.partner.error.proposal")});
    if (what == "new" || current != nullptr)
    {
        Json entry = current ? protocol::encodeService(*current) : panel::emptyServiceEntry(reg.profile.name);
        const std::string code(domain::languageCode(lang));
        for (const auto& f : panel::serviceTextFields())
        {
            const std::string field = "svc." + std::string(f.key);
            const std::string text =
                checkText(input, field, f.required ? 3 : 0, static_cast<std::size_t>(f.maxChars), lang, errors);
            const Json::json_pointer at(std::string(f.pointer) + "/" + code);
            if (!text.empty())
                entry[at] = text;
            else if (entry.contains(at))
                entry.at(at.parent_pointer()).erase(code);
        }
        Json areas = Json::array();
        for (const domain::AreaDefinition* def : catalog.activeAreas())
            if (input.has("area." + std::string(domain::areaCode(def->id))))
                areas.push_back(std::string(domain::areaCode(def->id)));
        if (areas.empty())
            errors.push_back({"areas", word(lang, "pub.partner.error.areas")});
        else if (!current || std::find(areas.begin(), areas.end(), entry["primary_area"]) == areas.end())
            entry["primary_area"] = areas.front();
        entry["areas"] = areas;
        Json groups = Json::array();
        for (const domain::TargetGroupDefinition* def : catalog.activeTargetGroups())
            if (input.has("group." + std::string(domain::targetGroupCode(def->id))))
                groups.push_back(std::string(domain::targetGroupCode(def->id)));
        if (groups.empty())
            errors.push_back({"groups", word(lang, "pub.partner.error.groups")});
        entry["target_groups"] = groups;
        const std::string fee = input.get("fee_kind");
        if (fee == "free" || fee == "fixed" || fee == "unspecified")
        {
            entry["fee"]["kind"] = fee;
            entry["fee"].erase("fee_table_id");
        }
        else if (!(current && fee == "income-table" && current->fee.kind == domain::FeeKind::IncomeTable))
            errors.push_back({"fee_kind", word(lang, "pub.partner.error.fee_kind")});
        reg.proposalKind = current ? "service-update" : "new-service";
        reg.serviceId = current ? current->id : "";
        reg.data = entry.dump();
    }
    if (!errors.empty())
        return makeErr(std::move(errors));
    return reg;
}

} // namespace okienko::server::pub
