// The partner pages' routing and the form's policy.
#include "server/public/partner_desk.hpp"

#include "server/public/partner_json.hpp"
#include "server/public/public_texts.hpp"

#include <cstdio>

namespace okienko::server::pub
{

namespace
{
std::int64_t addressKey(const std::string& address)
{
    return static_cast<std::int64_t>(std::hash<std::string>{}(address));
}

PartnerPage pageOf(int status, std::string title, std::string path, Html body, bool noStore = false)
{
    PartnerPage p;
    p.status = status;
    p.title = std::move(title);
    p.pathInLanguage = std::move(path);
    p.body = std::move(body);
    p.noStore = noStore;
    return p;
}

/// Only a proposal code's own symbols: the page never reflects other text.
std::string cleanCode(const std::string& code)
{
    if (code.size() > 12 || code.find_first_not_of("23456789ABCDEFGHJKMNPQRSTUVWXYZ-") != std::string::npos)
        return {};
    return code;
}
} // namespace

PartnerDesk::PartnerDesk(ServerStore& store, const FormTokens& tokens, int minSeconds, int formsPerHour)
    : m_store(store), m_tokens(tokens), m_minSeconds(minSeconds), m_limiter(formsPerHour / 3600.0, formsPerHour)
{
}

std::optional<PartnerPage> PartnerDesk::page(const PartnerRequest& request, const CatalogSnapshot& snapshot,
                                             const Now& now, double monotonicSeconds)
{
    const domain::Language lang = request.lang;
    if (request.rest == "partner" && request.post)
        return formPost(request, snapshot, now, monotonicSeconds);
    if (request.post)
        return std::nullopt;
    if (request.rest == "partner")
    {
        PartnerFormState state;
        state.token = m_tokens.issue(now.unix);
        auto it = request.query.find("service");
        if (it != request.query.end())
            if (const domain::Service* s = snapshot.catalog.findService(it->second))
            {
                fillFromService(state.input, *s, lang);
                state.input.fields["proposal"] = "update";
                state.input.fields["service"] = s->id;
            }
        return pageOf(200, word(lang, "pub.partner.title"), "partner", partnerFormPage(snapshot, lang, state), true);
    }
    if (request.rest == "partner/sent")
    {
        auto it = request.query.find("code");
        return pageOf(200, word(lang, "pub.contact.sent.title"), "partner",
                      partnerSentPage(lang, cleanCode(it == request.query.end() ? "" : it->second)));
    }
    if (request.rest != "institutions" && request.rest.rfind("institution/", 0) != 0)
        return std::nullopt;
    auto approved = m_store.approvedInstitutions();
    if (!approved)
    {
        PartnerPage busy =
            pageOf(503, word(lang, "pub.institutions.title"), request.rest,
                   messageBody(word(lang, "pub.institutions.title"), word(lang, "pub.rate_limited"), lang));
        busy.retryAfter = 5;
        return busy;
    }
    if (request.rest == "institutions")
        return pageOf(200, word(lang, "pub.institutions.title"), request.rest, institutionsPage(*approved, lang));
    const std::string id = request.rest.substr(std::string_view("institution/").size());
    for (const Institution& i : *approved)
        if (i.id == id)
            return pageOf(200, i.profile.name, request.rest, institutionPage(i, snapshot, lang));
    return std::nullopt; // the site's 404
}

std::optional<JsonAnswer> PartnerDesk::api(std::string_view route, const CatalogSnapshot& snapshot)
{
    if (route != "institutions" && route.rfind("institutions/", 0) != 0)
        return std::nullopt;
    auto approved = m_store.approvedInstitutions();
    if (!approved)
        return jsonError(503, "unavailable", "the database is busy; retry in a moment");
    return institutionsJson(*approved, snapshot, route);
}

PartnerPage PartnerDesk::formPost(const PartnerRequest& request, const CatalogSnapshot& snapshot, const Now& now,
                                  double monotonicSeconds)
{
    const domain::Language lang = request.lang;
    PartnerFormState state;
    state.input.fields = request.form;
    const std::string token = state.input.get("token");
    state.input.fields.erase("answer"); // the next form asks its own question
    state.token = m_tokens.issue(now.unix);
    auto refuse = [&](int status, const std::string& problem)
    {
        state.problem = problem;
        return pageOf(status, word(lang, "pub.partner.title"), "partner", partnerFormPage(snapshot, lang, state), true);
    };
    if (auto wait = m_limiter.take(addressKey(request.remoteAddress), monotonicSeconds))
    {
        PartnerPage r = refuse(429, word(lang, "pub.partner.error.limit"));
        r.retryAfter = *wait;
        return r;
    }
    switch (m_tokens.check(token, now.unix, m_minSeconds))
    {
    case FormTokens::Check::Ok:
        break;
    case FormTokens::Check::Forged:
        return refuse(400, word(lang, "pub.contact.error.rejected"));
    case FormTokens::Check::TooFast:
        return refuse(400, word(lang, "pub.contact.error.too_fast"));
    case FormTokens::Check::Expired:
        return refuse(400, word(lang, "pub.contact.error.expired"));
    }
    if (!state.input.get("website").empty()) // the honeypot: a robot
        return refuse(400, word(lang, "pub.contact.error.rejected"));
    auto valid = validateRegistration(state.input, snapshot.catalog, lang);
    if (!challengeAnswered(token, request.form.count("answer") ? request.form.at("answer") : ""))
        state.errors.push_back({"answer", word(lang, "pub.partner.error.challenge")});
    if (!valid)
        state.errors.insert(state.errors.begin(), valid.error().begin(), valid.error().end());
    if (!state.errors.empty())
        return refuse(400, "");
    auto stored = m_store.registerInstitution(valid.value(), now.unix);
    if (!stored)
    {
        PartnerPage r = refuse(503, word(lang, "pub.partner.error.store"));
        r.retryAfter = 5;
        return r;
    }
    std::fprintf(stderr, "okienko-central: partner registration %s received\n", stored->code.c_str());
    PartnerPage sent;
    sent.status = 303;
    sent.location = href(lang, "partner/sent?code=" + stored->code);
    return sent;
}

} // namespace okienko::server::pub
