// The public pages' markup. Headings go h1 → h2 → h3 without gaps; every form control has a label;
// lists of services are lists of links with their summary.
#include "server/public/public_pages.hpp"

#include "server/public/area_names.hpp"
#include "server/public/public_texts.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>

namespace okienko::server::pub
{

using panel::Markup;

namespace
{
std::string code(domain::Language lang)
{
    return std::string(domain::languageCode(lang));
}

} // namespace

// href, areaKey, paragraphs, inlineText and serviceList are also the partner pages' (public_pages.hpp).
/// base + "uk/" + rest ("/public/uk/…" for the default site, "/public/site/<id>/uk/…" for another).
std::string href(const std::string& base, domain::Language lang, const std::string& rest)
{
    return base + code(lang) + "/" + rest;
}

std::string href(domain::Language lang, const std::string& rest)
{
    return href("/public/", lang, rest);
}

std::string areaKey(domain::Area area, std::string_view kind)
{
    const int n = domain::actNumber(area).value_or(0);
    return std::string("area.") + (n < 10 ? "0" : "") + std::to_string(n) + "." + std::string(kind);
}

/// Paragraphs of a text (one per line), in `tag`-less <p>s; marked Polish when it is the fallback.
Html paragraphs(const domain::LocalizedText& text, domain::Language lang)
{
    const std::string& shown = text.in(lang);
    const bool fallback = text.isFallback(lang) && lang != domain::Language::Pl;
    Html out;
    std::size_t start = 0;
    while (start <= shown.size())
    {
        const std::size_t end = std::min(shown.find('\n', start), shown.size());
        const std::string line = shown.substr(start, end - start);
        if (line.find_first_not_of(' ') != std::string::npos)
            out << (fallback ? Markup("<p lang=\"pl\">") : Markup("<p>")) << line << "</p>\n";
        start = end + 1;
    }
    return out;
}

/// A short text inline, in a span marked Polish when it is the fallback.
Html inlineText(const domain::LocalizedText& text, domain::Language lang)
{
    Html out;
    if (text.isFallback(lang) && lang != domain::Language::Pl)
        out << "<span lang=\"pl\">" << text.in(lang) << "</span>";
    else
        out << text.in(lang);
    return out;
}

Html serviceList(const std::vector<const domain::Service*>& services, domain::Language lang, const std::string& base)
{
    Html out;
    if (services.empty())
        return out << "<p>" << word(lang, "catalog.no_results") << "</p>\n";
    out << "<ul class=\"services\">\n";
    for (const domain::Service* s : services)
    {
        out << "<li><a href=\"" << href(base, lang, "service/" + s->id) << "\">" << inlineText(s->name, lang) << "</a>";
        if (s->status != domain::ServiceStatus::Active)
            out << " <span class=\"status\">(" << word(lang, "pub.status." + std::string(domain::toCode(s->status)))
                << ")</span>";
        if (!s->summary.empty())
            out << "<br>" << inlineText(s->summary, lang);
        out << "</li>\n";
    }
    return out << "</ul>\n";
}

namespace
{
Html searchForm(const std::string& base, domain::Language lang, const std::string& query)
{
    Html out;
    out << "<form class=\"search\" role=\"search\" method=\"get\" action=\"" << href(base, lang, "search")
        << "\">\n<label for=\"q\">" << word(lang, "pub.search.label") << "</label>\n"
        << "<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"" << query << "\" placeholder=\""
        << word(lang, "catalog.search.placeholder") << "\">\n<button type=\"submit\">" << word(lang, "catalog.search")
        << "</button>\n</form>\n";
    return out;
}

/// A section of the service page when its text is not empty.
Html section(std::string_view headingKey, const domain::LocalizedText& text, domain::Language lang)
{
    Html out;
    if (text.empty())
        return out;
    return out << "<section>\n<h2>" << word(lang, headingKey) << "</h2>\n" << paragraphs(text, lang) << "</section>\n";
}

Html contactDetails(const domain::Municipality& m, domain::Language lang)
{
    Html out;
    out << "<dl class=\"centre\">\n";
    if (!m.address.empty())
        out << "<dt>" << word(lang, "pub.address") << "</dt><dd>" << m.address << "</dd>\n";
    if (!m.phone.empty())
        out << "<dt>" << word(lang, "pub.phone") << "</dt><dd>" << m.phone << "</dd>\n";
    if (!m.email.empty())
        out << "<dt>" << word(lang, "pub.email") << "</dt><dd>" << m.email << "</dd>\n";
    if (!m.openingHours.empty())
        out << "<dt>" << word(lang, "pub.hours") << "</dt><dd>" << inlineText(m.openingHours, lang) << "</dd>\n";
    return out << "</dl>\n";
}

} // namespace

Html errorAttributes(const std::vector<ContactFieldError>& errors, const std::string& field)
{
    Html out;
    for (const auto& e : errors)
        if (e.field == field)
            return out << " aria-invalid=\"true\" aria-describedby=\"blad-" << field << "\"";
    return out;
}

Html fieldError(const std::vector<ContactFieldError>& errors, const std::string& field)
{
    Html out;
    for (const auto& e : errors)
        if (e.field == field)
            return out << "<p class=\"error\" id=\"blad-" << field << "\">" << e.message << "</p>\n";
    return out;
}

namespace
{
std::string selected(bool on)
{
    return on ? " selected" : "";
}
} // namespace

std::string urlEncode(const std::string& value)
{
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (char ch : value)
    {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~')
            out.push_back(static_cast<char>(c));
        else
        {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        }
    }
    return out;
}

std::string renderDocument(const PageFrame& frame, const domain::Municipality& centre, const Html& main)
{
    const domain::Language lang = frame.lang;
    const std::string siteName = centre.cusName.in(lang);
    Html doc;
    doc << "<!DOCTYPE html>\n<html lang=\"" << code(lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << frame.title << " — "
        << siteName << "</title>\n<link rel=\"stylesheet\" href=\"/public/static/public.css\">\n</head>\n<body>\n"
        << "<a class=\"skip\" href=\"#tresc\">" << word(lang, "pub.skip")
        << "</a>\n<header>\n<p class=\"site\"><a href=\"" << href(frame.base, lang, "") << "\">" << siteName
        << "</a></p>\n<nav aria-label=\"" << word(lang, "pub.languages") << "\" class=\"languages\">\n<ul>\n";
    static const std::pair<domain::Language, const char*> kNames[] = {
        {domain::Language::Pl, "Polski"}, {domain::Language::Uk, "Українська"}, {domain::Language::En, "English"}};
    for (const auto& [other, name] : kNames)
    {
        doc << "<li><a href=\"" << href(frame.base, other, frame.pathInLanguage) << "\" lang=\"" << code(other)
            << "\" hreflang=\"" << code(other) << "\"";
        if (other == lang)
            doc << " aria-current=\"true\"";
        doc << ">" << std::string(name) << "</a></li>\n";
    }
    doc << "</ul>\n</nav>\n<nav aria-label=\"" << word(lang, "pub.nav") << "\" class=\"menu\">\n<ul>\n<li><a href=\""
        << href(frame.base, lang, "") << "\">" << word(lang, "catalog.title") << "</a></li>\n<li><a href=\""
        << href(frame.base, lang, "search") << "\">" << word(lang, "catalog.search") << "</a></li>\n<li><a href=\""
        << href(frame.base, lang, "fee") << "\">" << word(lang, "pub.fee.title") << "</a></li>\n<li><a href=\""
        << href(frame.base, lang, "schedule") << "\">" << word(lang, "schedule.title") << "</a></li>\n<li><a href=\""
        << href(frame.base, lang, "contact") << "\">" << word(lang, "pub.contact.title") << "</a></li>\n";
    // The partner institutions' desk is the default site's (decision 0015).
    if (frame.base == "/public/")
        doc << "<li><a href=\"" << href(frame.base, lang, "institutions") << "\">"
            << word(lang, "pub.institutions.title") << "</a></li>\n";
    doc << "</ul>\n</nav>\n</header>\n<main id=\"tresc\" tabindex=\"-1\">\n"
        << main << "</main>\n<footer>\n<h2>" << word(lang, "pub.footer.title") << "</h2>\n<p>" << siteName << "</p>\n"
        << contactDetails(centre, lang) << "</footer>\n</body>\n</html>\n";
    return std::move(doc).str();
}

Html homePage(const CatalogSnapshot& snapshot, domain::Language lang)
{
    Html out;
    out << "<h1>" << word(lang, "catalog.title") << "</h1>\n<p>" << word(lang, "pub.home.intro") << "</p>\n"
        << searchForm(snapshot.base, lang, "") << "<section aria-labelledby=\"obszary\">\n<h2 id=\"obszary\">"
        << word(lang, "catalog.areas") << "</h2>\n<ul class=\"tiles\">\n";
    const domain::Catalog& catalog = snapshot.catalog;
    for (const domain::AreaDefinition* def : catalog.activeAreas())
        out << "<li><a href=\"" << href(snapshot.base, lang, "area/" + std::string(domain::areaCode(def->id))) << "\">"
            << areaName(catalog, def->id, lang, "short") << "</a> <span class=\"count\">"
            << word(lang, "pub.area.count", {{"count", std::to_string(snapshot.inArea(def->id).size())}})
            << "</span></li>\n";
    out << "</ul>\n</section>\n<section aria-labelledby=\"grupy\">\n<h2 id=\"grupy\">" << word(lang, "catalog.groups")
        << "</h2>\n<ul class=\"tiles\">\n";
    for (const domain::TargetGroupDefinition* def : catalog.activeTargetGroups())
        out << "<li><a href=\"" << href(snapshot.base, lang, "group/" + std::string(domain::targetGroupCode(def->id)))
            << "\">" << groupName(catalog, def->id, lang) << "</a> <span class=\"count\">"
            << word(lang, "pub.area.count", {{"count", std::to_string(snapshot.forGroup(def->id).size())}})
            << "</span></li>\n";
    out << "</ul>\n</section>\n<section aria-labelledby=\"wszystkie\">\n<h2 id=\"wszystkie\">"
        << word(lang, "catalog.all") << "</h2>\n";
    std::vector<const domain::Service*> all;
    for (const auto& s : snapshot.catalog.services)
        all.push_back(&s);
    return out << serviceList(all, lang, snapshot.base) << "</section>\n";
}

std::optional<Html> areaPage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& areaCode,
                             std::string& title)
{
    const auto area = domain::parseArea(areaCode);
    if (!area || snapshot.catalog.findArea(*area) == nullptr)
        return std::nullopt;
    title = word(lang, "pub.area.title", {{"name", areaName(snapshot.catalog, *area, lang, "short")}});
    Html out;
    out << "<h1>" << title << "</h1>\n<p>" << areaName(snapshot.catalog, *area, lang, "official") << "</p>\n"
        << serviceList(snapshot.inArea(*area), lang, snapshot.base);
    return out;
}

std::optional<Html> groupPage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& groupCode,
                              std::string& title)
{
    const auto group = domain::parseTargetGroup(groupCode);
    if (!group || snapshot.catalog.findTargetGroup(*group) == nullptr)
        return std::nullopt;
    title = word(lang, "pub.group.title", {{"name", groupName(snapshot.catalog, *group, lang)}});
    Html out;
    out << "<h1>" << title << "</h1>\n" << serviceList(snapshot.forGroup(*group), lang, snapshot.base);
    return out;
}

Html searchPage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& query)
{
    Html out;
    out << "<h1>" << word(lang, "pub.search.title") << "</h1>\n" << searchForm(snapshot.base, lang, query);
    if (query.find_first_not_of(' ') == std::string::npos)
        return out << "<p>" << word(lang, "pub.search.empty") << "</p>\n";
    std::vector<const domain::Service*> found;
    std::vector<const domain::EquipmentType*> equipment;
    for (const auto& r : snapshot.index.query(query.substr(0, 200), lang, 100))
    {
        if (r.kind == search::ResultKind::Service)
        {
            if (const domain::Service* s = snapshot.catalog.findService(r.id))
                found.push_back(s);
        }
        else if (const domain::EquipmentType* t = snapshot.catalog.findEquipmentType(r.id))
            equipment.push_back(t);
    }
    out << "<section aria-labelledby=\"wyniki\">\n<h2 id=\"wyniki\" role=\"status\">"
        << word(lang, "catalog.results", {{"count", std::to_string(found.size())}}) << "</h2>\n";
    if (!found.empty())
        out << serviceList(found, lang, snapshot.base);
    out << "</section>\n";
    if (!equipment.empty())
    {
        // Equipment types are reserved at a kiosk; here they point to the lending service.
        out << "<section aria-labelledby=\"sprzet\">\n<h2 id=\"sprzet\">" << word(lang, "pub.service.equipment")
            << "</h2>\n<ul>\n";
        for (const domain::EquipmentType* t : equipment)
            out << "<li>" << inlineText(t->name, lang) << "</li>\n";
        out << "</ul>\n</section>\n";
    }
    return out;
}

std::optional<Html> servicePage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& id)
{
    const domain::Service* found = snapshot.catalog.findService(id);
    if (found == nullptr)
        return std::nullopt;
    const domain::Service& s = *found;
    Html out;
    out << "<article>\n<h1>" << inlineText(s.name, lang) << "</h1>\n";
    if (s.name.isFallback(lang) && lang != domain::Language::Pl)
        out << "<p class=\"note\">" << word(lang, "catalog.translation_missing") << "</p>\n";
    out << "<p class=\"status\"><strong>" << word(lang, "pub.status.title") << ":</strong> "
        << word(lang, "pub.status." + std::string(domain::toCode(s.status))) << "</p>\n";
    if (s.toBeConfirmed)
        out << "<p class=\"note\">" << word(lang, "slip.service.to_confirm") << "</p>\n";
    out << paragraphs(s.summary, lang);
    out << section("service.section.what", s.description, lang);
    out << "<section>\n<h2>" << word(lang, "catalog.areas") << "</h2>\n<ul>\n";
    for (const domain::Area& a : s.areas)
        out << "<li><a href=\"" << href(snapshot.base, lang, "area/" + std::string(domain::areaCode(a))) << "\">"
            << areaName(snapshot.catalog, a, lang, "official") << "</a></li>\n";
    out << "</ul>\n</section>\n";
    if (!s.targetGroups.empty())
    {
        out << "<section>\n<h2>" << word(lang, "catalog.groups") << "</h2>\n<ul>\n";
        for (const domain::TargetGroup& g : s.targetGroups)
            out << "<li><a href=\"" << href(snapshot.base, lang, "group/" + std::string(domain::targetGroupCode(g)))
                << "\">" << groupName(snapshot.catalog, g, lang) << "</a></li>\n";
        out << "</ul>\n</section>\n";
    }
    out << section("service.section.provider", s.deliveredBy, lang) << section("service.section.where", s.place, lang)
        << section("service.section.when", s.hours, lang) << section("service.section.eligibility", s.eligibility, lang)
        << section("service.section.how_to_apply", s.qualificationMode, lang);
    out << "<section>\n<h2>" << word(lang, "service.section.fees") << "</h2>\n";
    if (s.fee.kind == domain::FeeKind::Free && s.fee.text.empty())
        out << "<p>" << word(lang, "service.free") << "</p>\n";
    out << paragraphs(s.fee.text, lang);
    if (s.fee.kind == domain::FeeKind::IncomeTable && snapshot.catalog.findFeeTable(s.fee.feeTableId) != nullptr)
        out << "<p><a href=\"" << href(snapshot.base, lang, "fee?service=" + urlEncode(s.id)) << "\">"
            << word(lang, "pub.service.fee_calc") << "</a></p>\n";
    out << "</section>\n"
        << section("service.section.documents", s.documents, lang)
        << section("service.section.personal_data", s.personalData, lang)
        << section("pub.service.capacity", s.capacity, lang);
    if (s.validFrom || s.validTo)
        out << "<section>\n<h2>" << word(lang, "pub.service.period") << "</h2>\n<p>"
            << (s.validFrom ? s.validFrom->iso() : std::string("…")) << " – "
            << (s.validTo ? s.validTo->iso() : std::string("…")) << "</p>\n</section>\n";
    out << section("service.section.contact", s.contact, lang) << "<p class=\"no-print\"><a href=\""
        << href(snapshot.base, lang, "contact?service=" + urlEncode(s.id)) << "\">" << word(lang, "pub.service.ask")
        << "</a></p>\n</article>\n";
    return out;
}

Html feePage(const CatalogSnapshot& snapshot, domain::Language lang, const std::map<std::string, std::string>& query,
             bool& badInput)
{
    badInput = false;
    auto param = [&](const std::string& key)
    {
        auto it = query.find(key);
        return it == query.end() ? std::string() : it->second;
    };
    const auto choices = snapshot.withFeeTable();
    Html out;
    out << "<h1>" << word(lang, "fee.title") << "</h1>\n<p>" << word(lang, "fee.intro") << "</p>\n";
    if (choices.empty())
        return out << "<p>" << word(lang, "pub.fee.none") << "</p>\n";
    std::string serviceId = param("service");
    if (serviceId.empty() || snapshot.catalog.findService(serviceId) == nullptr)
        serviceId = choices.front()->id;
    const std::string household = param("household");
    const std::string income = param("income");
    out << "<form method=\"get\" action=\"" << href(snapshot.base, lang, "fee")
        << "\" class=\"fee\">\n<p><label for=\"service\">" << word(lang, "pub.fee.choose")
        << "</label>\n<select id=\"service\" name=\"service\">\n";
    for (const domain::Service* s : choices)
        out << "<option value=\"" << s->id << "\"" << selected(s->id == serviceId) << ">" << s->name.in(lang)
            << "</option>\n";
    out << "</select></p>\n<fieldset>\n<legend>" << word(lang, "fee.household.question") << "</legend>\n"
        << "<p><input type=\"radio\" id=\"household-single\" name=\"household\" value=\"single\""
        << (household != "family" ? Markup(" checked") : Markup("")) << "> <label for=\"household-single\">"
        << word(lang, "fee.household.single") << "</label></p>\n"
        << "<p><input type=\"radio\" id=\"household-family\" name=\"household\" value=\"family\""
        << (household == "family" ? Markup(" checked") : Markup("")) << "> <label for=\"household-family\">"
        << word(lang, "fee.household.family") << "</label></p>\n</fieldset>\n<p><label for=\"income\">"
        << word(lang, "pub.fee.income") << "</label>\n<input id=\"income\" name=\"income\" inputmode=\"decimal\" "
        << "autocomplete=\"off\" maxlength=\"12\" value=\"" << income << "\"";
    const bool submitted = query.count("income") != 0;
    auto answer = answerFee(snapshot, serviceId, income, household.empty() ? "single" : household);
    const bool incomeProblem =
        submitted && !answer &&
        (answer.error() == FeeQueryError::BadIncome || answer.error() == FeeQueryError::MissingIncome);
    if (incomeProblem)
        out << " aria-invalid=\"true\" aria-describedby=\"blad-income\"";
    out << "></p>\n";
    if (incomeProblem)
        out << "<p class=\"error\" id=\"blad-income\">" << word(lang, "fee.error.income") << "</p>\n";
    out << "<p><button type=\"submit\">" << word(lang, "fee.calculate") << "</button></p>\n</form>\n";
    if (submitted)
    {
        out << "<section aria-labelledby=\"wynik\" class=\"result\">\n<h2 id=\"wynik\">" << word(lang, "pub.fee.result")
            << "</h2>\n";
        if (!answer)
        {
            badInput = true;
            if (answer.error() == FeeQueryError::BadHousehold)
                out << "<p class=\"error\">" << word(lang, "pub.fee.error.household") << "</p>\n";
            else if (answer.error() == FeeQueryError::CriterionNotSet)
                out << "<p>" << word(lang, "slip.service.to_confirm") << "</p>\n";
            else
                out << "<p class=\"error\">" << word(lang, "fee.error.income") << "</p>\n";
        }
        else
        {
            const rules::FeeAssessment& a = answer->assessment;
            out << "<p>"
                << word(lang, a.incomePercentExact ? "fee.income_percent" : "fee.income_percent_above",
                        {{"percent", std::to_string(a.incomePercent)}})
                << "</p>\n<p class=\"answer\"><strong>";
            if (a.outcome == rules::FeeOutcome::Free)
                out << word(lang, "fee.result.free");
            else if (a.outcome == rules::FeeOutcome::ShareOfCosts)
                out << word(lang, "fee.result.share", {{"percent", std::to_string(a.sharePercent)}});
            else
                out << word(lang, "fee.result.individual");
            out << "</strong></p>\n<p>" << word(lang, "fee.criterion", {{"amount", zlotyText(answer->criterionGrosze)}})
                << "</p>\n<p>" << word(lang, "fee.disclaimer") << "</p>\n";
        }
        out << "</section>\n";
    }
    const domain::FeeTable* table =
        snapshot.catalog.findFeeTable(snapshot.catalog.findService(serviceId)->fee.feeTableId);
    out << "<section aria-labelledby=\"tabela\">\n<h2 id=\"tabela\">" << word(lang, "pub.fee.table") << "</h2>\n"
        << "<table aria-labelledby=\"tabela\">\n<thead><tr><th scope=\"col\">" << word(lang, "pub.fee.band")
        << "</th><th scope=\"col\">" << word(lang, "fee.household.single") << "</th><th scope=\"col\">"
        << word(lang, "fee.household.family") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& b : table->bands)
        out << "<tr><th scope=\"row\">" << b.upToPercent << " %</th><td>" << b.singlePercent << " %</td><td>"
            << b.familyPercent << " %</td></tr>\n";
    out << "</tbody>\n</table>\n" << paragraphs(table->criterionNote, lang) << paragraphs(table->aboveLastBand, lang);
    if (table->paymentRule.empty())
        out << "<p>" << word(lang, "fee.payment_rule") << "</p>\n";
    else
        out << paragraphs(table->paymentRule, lang);
    return out << "</section>\n";
}

Html contactPage(const CatalogSnapshot& snapshot, domain::Language lang, const ContactFormState& state)
{
    const ContactInput& in = state.input;
    const auto& errors = state.errors;
    Html out;
    out << "<h1>" << word(lang, "pub.contact.title") << "</h1>\n<p>" << word(lang, "pub.contact.intro") << "</p>\n";
    if (!state.problem.empty())
        out << "<div class=\"errors\" role=\"alert\"><p>" << state.problem << "</p></div>\n";
    if (!errors.empty())
    {
        out << "<div class=\"errors\" role=\"alert\" aria-labelledby=\"bledy\">\n<h2 id=\"bledy\">"
            << word(lang, "pub.contact.errors") << "</h2>\n<ul>\n";
        for (const auto& e : errors)
            out << "<li><a href=\"#" << e.field << "\">" << e.message << "</a></li>\n";
        out << "</ul>\n</div>\n";
    }
    out << "<form method=\"post\" action=\"" << href(snapshot.base, lang, "contact") << "\" class=\"contact\">\n"
        << "<input type=\"hidden\" name=\"token\" value=\"" << state.token << "\">\n"
        << "<p class=\"hp\"><label for=\"website\">" << word(lang, "pub.contact.honeypot")
        << "</label><input id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></p>\n"
        << "<p><label for=\"name\">" << word(lang, "pub.contact.name") << "</label>\n<input id=\"name\" name=\"name\" "
        << "autocomplete=\"given-name\" maxlength=\"80\" required value=\"" << in.name << "\""
        << errorAttributes(errors, "name") << ">\n</p>\n"
        << fieldError(errors, "name") << "<fieldset>\n<legend>" << word(lang, "pub.contact.reach")
        << "</legend>\n<p><label for=\"phone\">" << word(lang, "pub.contact.phone")
        << "</label>\n<input id=\"phone\" name=\"phone\" type=\"tel\" autocomplete=\"tel\" maxlength=\"20\" value=\""
        << in.phone << "\"" << errorAttributes(errors, "phone") << ">\n</p>\n"
        << fieldError(errors, "phone") << "<p><label for=\"email\">" << word(lang, "pub.contact.email")
        << "</label>\n<input id=\"email\" name=\"email\" "
        << "type=\"email\" autocomplete=\"email\" maxlength=\"254\" value=\"" << in.email << "\""
        << errorAttributes(errors, "email") << ">\n</p>\n"
        << fieldError(errors, "email") << "</fieldset>\n"
        << "<p><label for=\"service\">" << word(lang, "pub.contact.service") << "</label>\n"
        << "<select id=\"service\" name=\"service\"" << errorAttributes(errors, "service") << ">\n<option value=\"\">"
        << word(lang, "pub.contact.other") << "</option>\n";
    for (const auto& s : snapshot.catalog.services)
        out << "<option value=\"" << s.id << "\"" << selected(s.id == in.serviceId) << ">" << s.name.in(lang)
            << "</option>\n";
    out << "</select>\n</p>\n"
        << fieldError(errors, "service") << "<p><label for=\"topic\">" << word(lang, "pub.contact.topic")
        << "</label>\n<textarea id=\"topic\" name=\"topic\" rows=\"4\" "
        << "maxlength=\"500\" required" << errorAttributes(errors, "topic") << ">" << in.topic << "</textarea>\n</p>\n"
        << fieldError(errors, "topic") << "<fieldset>\n<legend>" << word(lang, "callback.when.part") << "</legend>\n"
        << "<p><input type=\"radio\" id=\"daypart-morning\" name=\"day_part\" value=\"morning\""
        << (in.dayPart != "afternoon" ? Markup(" checked") : Markup("")) << "> <label for=\"daypart-morning\">"
        << word(lang, "slip.callback.morning") << "</label></p>\n"
        << "<p><input type=\"radio\" id=\"daypart-afternoon\" name=\"day_part\" value=\"afternoon\""
        << (in.dayPart == "afternoon" ? Markup(" checked") : Markup("")) << "> <label for=\"daypart-afternoon\">"
        << word(lang, "slip.callback.afternoon") << "</label></p>\n</fieldset>\n"
        << "<p class=\"consent\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\" required"
        << (in.consent ? Markup(" checked") : Markup("")) << errorAttributes(errors, "consent")
        << "> <label for=\"consent\">" << word(lang, "pub.contact.consent") << "</label></p>\n"
        << fieldError(errors, "consent") << "<p><button type=\"submit\">" << word(lang, "pub.contact.send")
        << "</button></p>\n</form>\n";
    return out;
}

Html contactSentPage(domain::Language lang, const std::string& referenceCode, bool merged, const std::string& base)
{
    Html out;
    out << "<h1>" << word(lang, "pub.contact.sent.title") << "</h1>\n<p role=\"status\">"
        << word(lang, merged ? "callback.done.updated" : "callback.done.received") << "</p>\n";
    if (!referenceCode.empty())
        out << "<p>" << word(lang, "pub.contact.code", {{"code", referenceCode}}) << "</p>\n";
    return out << "<p><a href=\"" << href(base, lang, "") << "\">" << word(lang, "catalog.title") << "</a></p>\n";
}

Html messageBody(const std::string& heading, const std::string& text, domain::Language lang, const std::string& base)
{
    Html out;
    return out << "<h1>" << heading << "</h1>\n<p>" << text << "</p>\n<p><a href=\"" << href(base, lang, "") << "\">"
               << word(lang, "catalog.title") << "</a></p>\n";
}

const std::string& publicStylesheet()
{
    // Contrast: text 16.1:1, links 8.6:1, the header's white on blue 10.4:1; focus is a 3 px outline.
    static const std::string css = R"css(
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",Verdana,Arial,sans-serif;font-size:1.05rem;line-height:1.55;color:#1b1b1b;background:#fff}
a{color:#0a4a8f;text-decoration:underline}
a:hover{color:#06305e}
:focus-visible{outline:3px solid #b34700;outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:10}
header{background:#0a3d70;color:#fff;padding:.75rem 1rem}
header a{color:#fff}
header :focus-visible{outline-color:#ffd27f}
header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.site{font-size:1.3rem;font-weight:bold;margin:0 0 .5rem}
.languages{float:right}
.menu{clear:both;margin-top:.5rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
footer{border-top:2px solid #0a3d70;padding:1rem;max-width:60rem;margin:2rem auto 0}
footer h2{font-size:1.1rem}
.tiles{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.5rem}
.tiles li{border:1px solid #767676;border-radius:4px;padding:.5rem .75rem}
.count,.status{color:#4a4a4a}
.services li{margin-bottom:.75rem}
.note{background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .75rem}
.error{color:#a4000f;font-weight:bold}
.errors{border:2px solid #a4000f;padding:.5rem 1rem;margin-bottom:1rem}
.errors h2{font-size:1.1rem;margin-top:0}
.hp{display:none}
label{font-weight:bold}
fieldset label,.consent label{font-weight:normal}
input,select,textarea,button{font:inherit;padding:.4rem .5rem;border:1px solid #595959;border-radius:3px;max-width:100%}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;vertical-align:middle}
textarea,#topic,#name,#email,#phone,#q,#income{width:100%;max-width:36rem;display:block}
button{background:#0a4a8f;color:#fff;border-color:#0a4a8f;cursor:pointer;margin-top:.5rem}
button:hover{background:#06305e}
fieldset{border:1px solid #767676;margin:1rem 0;padding:.5rem 1rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:left}
.answer{font-size:1.2rem}
dl.centre dt{font-weight:bold}
dl.centre dd{margin:0 0 .5rem}
@media print{
header nav,.skip,form.search,.no-print,.menu,.languages{display:none}
header{background:none;color:#000;padding:0}
header a,a{color:#000;text-decoration:none}
body{font-size:11pt}
main,footer{max-width:none;padding:0}
section{break-inside:avoid}
}
)css";
    return css;
}

} // namespace okienko::server::pub
