// The service fields' markup and their reading back. Each control has a label; a text's language is
// marked with lang; errors are listed at the top (role=alert) before the fields.
#include "server/panel/partner_service_form.hpp"

#include "server/public/area_names.hpp"
#include "server/public/public_texts.hpp"
#include "shared/domain/codes.hpp"

namespace okienko::server::panel
{

namespace
{
using protocol::Json;

constexpr std::string_view kLanguages[] = {"pl", "uk", "en"};
constexpr std::string_view kLanguageNames[] = {"po polsku", "po ukraińsku", "po angielsku"};

struct Choice
{
    std::string_view code;
    std::string_view label;
};
constexpr Choice kStatuses[] = {{"active", "realizowana"},
                                {"planned", "planowana"},
                                {"information", "informacja (szczegóły w CUS)"},
                                {"archived", "zakończona"}};
constexpr Choice kFeeKinds[] = {{"free", "bezpłatna"},
                                {"fixed", "odpłatna — kwota w opisie odpłatności"},
                                {"unspecified", "do ustalenia w CUS"},
                                {"income-table", "według tabeli dochodowej (z pliku katalogu)"}};

std::string textAt(const Json& entry, std::string_view pointer, std::string_view lang)
{
    const Json::json_pointer at(std::string(pointer) + "/" + std::string(lang));
    return entry.contains(at) && entry.at(at).is_string() ? entry.at(at).get<std::string>() : "";
}

std::string stringAt(const Json& entry, const char* key)
{
    return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>() : "";
}

bool listHas(const Json& entry, const char* key, std::string_view code)
{
    if (!entry.contains(key) || !entry[key].is_array())
        return false;
    for (const auto& item : entry[key])
        if (item.is_string() && item.get<std::string>() == code)
            return true;
    return false;
}

Html selectOf(const char* id, const std::string& current, const Choice* choices, std::size_t count)
{
    Html out;
    out << "<select id=\"" << std::string_view(id) << "\" name=\"" << std::string_view(id) << "\">\n";
    for (std::size_t i = 0; i < count; ++i)
        out << "<option value=\"" << choices[i].code << "\""
            << (choices[i].code == current ? Markup(" selected") : Markup("")) << ">" << choices[i].label
            << "</option>\n";
    return out << "</select>\n";
}

/// A checkbox per (code, label), named "<prefix>.<code>".
Html checkboxes(std::string_view legend, std::string_view prefix,
                const std::vector<std::pair<std::string, std::string>>& items, const Json& entry, const char* key)
{
    Html out;
    out << "<fieldset>\n<legend>" << legend << " (co najmniej jedna)</legend>\n";
    for (const auto& [c, label] : items)
    {
        const std::string name = std::string(prefix) + "." + c;
        out << "<div class=\"field check\"><input type=\"checkbox\" id=\"f-" << name << "\" name=\"" << name
            << "\" value=\"yes\"" << (listHas(entry, key, c) ? Markup(" checked") : Markup("")) << "> <label for=\"f-"
            << name << "\">" << label << "</label></div>\n";
    }
    return out << "</fieldset>\n";
}

/// The catalogue's active areas and those `entry` names (a retired one it still names stays
/// visible, so the loader's refusal can be read and the box unticked), with their Polish names.
std::vector<std::pair<std::string, std::string>> areaChoices(const domain::Catalog& catalogue, const Json& entry)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& def : catalogue.areas)
    {
        const std::string code(def.id.id());
        if (!def.retired || listHas(entry, "areas", code) || stringAt(entry, "primary_area") == code)
            out.emplace_back(code, pub::areaName(catalogue, def.id, domain::Language::Pl, "official") +
                                       (def.retired ? " (wycofany)" : ""));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> groupChoices(const domain::Catalog& catalogue, const Json& entry)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& def : catalogue.targetGroups)
    {
        const std::string code(def.id.id());
        if (!def.retired || listHas(entry, "target_groups", code))
            out.emplace_back(code, pub::groupName(catalogue, def.id, domain::Language::Pl) +
                                       (def.retired ? " (wycofana)" : ""));
    }
    return out;
}
} // namespace

const std::vector<ServiceTextField>& serviceTextFields()
{
    static const std::vector<ServiceTextField> fields{
        {"name", "/name", "Nazwa usługi", true, 1, 120},
        {"summary", "/summary", "W skrócie (1–2 zdania do list)", true, 2, 400},
        {"description", "/description", "Sposób realizacji — na czym polega", true, 5, 4000},
        {"delivered_by", "/delivered_by", "Realizator (kto prowadzi)", true, 1, 400},
        {"place", "/place", "Gdzie", true, 2, 1000},
        {"hours", "/hours", "Termin realizacji, dni i godziny", true, 2, 1000},
        {"contact", "/contact", "Kontakt w sprawie usługi", true, 2, 1000},
        {"eligibility", "/eligibility", "Warunki skorzystania — kto może", true, 3, 4000},
        {"qualification_mode", "/qualification_mode", "Tryb kwalifikowania — jak się zgłosić", true, 3, 4000},
        {"fee_text", "/fee/text", "Wysokość opłat, ulgi i kto ma do nich prawo", true, 3, 4000},
        {"documents", "/documents", "Sposób dokumentowania warunków i ulg", true, 3, 4000},
        {"personal_data", "/personal_data", "Dane osobowe potrzebne do kwalifikowania", true, 3, 4000},
        {"capacity", "/capacity", "Liczba miejsc (jeśli jest)", false, 1, 400},
    };
    return fields;
}

Html serviceFieldsHtml(const protocol::Json& entry, const std::vector<std::string>& errors,
                       const domain::Catalog& catalogue)
{
    Html out;
    if (!errors.empty())
    {
        out << "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"bledy-naglowek\">\n<h2 "
               "id=\"bledy-naglowek\">Nie opublikowano — popraw wpis ("
            << errors.size() << ")</h2>\n<ul>\n";
        for (const std::string& e : errors)
            out << "<li>" << e << "</li>\n";
        out << "</ul>\n<p class=\"hint\">Ścieżka „$.name.pl” to pole „Nazwa usługi” po polsku; „empty-text” — puste "
               "pole, „too-long” — za długi tekst.</p>\n</div>\n";
    }
    out << "<div class=\"langs\">\n";
    for (std::size_t l = 0; l < 3; ++l)
    {
        const bool polish = l == 0;
        out << "<fieldset>\n<legend>Teksty " << kLanguageNames[l] << "</legend>\n<p class=\"hint\">"
            << (polish ? Markup("Pola „(wymagane)” muszą mieć tekst polski.")
                       : Markup("Puste pole: pokażemy tekst polski z oznaczeniem braku tłumaczenia."))
            << "</p>\n";
        for (const ServiceTextField& f : serviceTextFields())
        {
            const std::string name = std::string(f.key) + "." + std::string(kLanguages[l]);
            out << "<div class=\"field\">\n<label for=\"f-" << name << "\">" << f.label
                << (polish && f.required ? Markup(" (wymagane)") : Markup("")) << "</label>\n";
            const std::string value = textAt(entry, f.pointer, kLanguages[l]);
            if (f.rows > 1)
                out << "<textarea id=\"f-" << name << "\" name=\"" << name << "\" lang=\"" << kLanguages[l]
                    << "\" rows=\"" << f.rows << "\" maxlength=\"" << f.maxChars << "\">" << value << "</textarea>\n";
            else
                out << "<input type=\"text\" id=\"f-" << name << "\" name=\"" << name << "\" lang=\"" << kLanguages[l]
                    << "\" maxlength=\"" << f.maxChars << "\" value=\"" << value << "\">\n";
            out << "</div>\n";
        }
        out << "</fieldset>\n";
    }
    out << "</div>\n<fieldset>\n<legend>Stan, obszary, grupy, odpłatność</legend>\n"
        << "<div class=\"field\"><label for=\"status\">Stan usługi</label>\n"
        << selectOf("status", stringAt(entry, "status"), kStatuses, std::size(kStatuses)) << "</div>\n";
    const std::string fee = entry.contains("fee") ? stringAt(entry["fee"], "kind") : "";
    // The income table comes with the catalogue file; it is offered only to an entry that has it.
    out << "<div class=\"field\"><label for=\"fee_kind\">Odpłatność</label>\n"
        << selectOf("fee_kind", fee, kFeeKinds, fee == "income-table" ? 4 : 3) << "</div>\n"
        << "<div class=\"field\"><label for=\"primary_area\">Główny obszar (art. 2 ust. 1)</label>\n"
        << "<select id=\"primary_area\" name=\"primary_area\">\n";
    const auto areas = areaChoices(catalogue, entry);
    for (const auto& [code, label] : areas)
        out << "<option value=\"" << code << "\""
            << (code == stringAt(entry, "primary_area") ? Markup(" selected") : Markup("")) << ">" << label
            << "</option>\n";
    out << "</select></div>\n"
        << "<div class=\"field\"><label for=\"valid_from\">Od dnia (RRRR-MM-DD, puste: bez daty)</label>\n"
        << "<input type=\"text\" id=\"valid_from\" name=\"valid_from\" value=\"" << stringAt(entry, "valid_from")
        << "\"></div>\n<div class=\"field\"><label for=\"valid_to\">Do dnia (RRRR-MM-DD, puste: bez daty)</label>\n"
        << "<input type=\"text\" id=\"valid_to\" name=\"valid_to\" value=\"" << stringAt(entry, "valid_to")
        << "\"></div>\n</fieldset>\n"
        << checkboxes("Obszary", "area", areas, entry, "areas")
        << checkboxes("Dla kogo", "group", groupChoices(catalogue, entry), entry, "target_groups");
    return out;
}

protocol::Json entryFromForm(protocol::Json entry, const Form& form, const domain::Catalog& catalogue)
{
    for (const ServiceTextField& f : serviceTextFields())
    {
        Json text = Json::object();
        for (std::string_view lang : kLanguages)
        {
            std::string value = fieldValue(form, std::string(f.key) + "." + std::string(lang));
            // Browsers send CRLF in a textarea; the catalogue keeps LF.
            for (auto at = value.find('\r'); at != std::string::npos; at = value.find('\r'))
                value.erase(at, 1);
            const auto first = value.find_first_not_of(" \n");
            if (first != std::string::npos)
                text[std::string(lang)] = value.substr(first, value.find_last_not_of(" \n") + 1 - first);
        }
        const Json::json_pointer at{std::string(f.pointer)};
        if (!text.empty() || f.required)
            entry[at] = text; // a required text left empty is the loader's to name
        else if (entry.contains(at))
            entry.at(at.parent_pointer()).erase(at.back());
    }
    entry["status"] = fieldValue(form, "status");
    entry["primary_area"] = fieldValue(form, "primary_area");
    entry["fee"]["kind"] = fieldValue(form, "fee_kind");
    if (fieldValue(form, "fee_kind") != "income-table")
        entry["fee"].erase("fee_table_id");
    for (const char* key : {"valid_from", "valid_to"})
    {
        const std::string date = fieldValue(form, key);
        if (date.empty())
            entry.erase(key);
        else
            entry[key] = date;
    }
    Json areas = Json::array();
    for (const auto& def : catalogue.areas)
        if (!fieldValue(form, "area." + std::string(def.id.id())).empty())
            areas.push_back(std::string(def.id.id()));
    entry["areas"] = areas;
    Json groups = Json::array();
    for (const auto& def : catalogue.targetGroups)
        if (!fieldValue(form, "group." + std::string(def.id.id())).empty())
            groups.push_back(std::string(def.id.id()));
    entry["target_groups"] = groups;
    return entry;
}

protocol::Json emptyServiceEntry(const std::string& deliveredBy)
{
    Json entry{{"id", ""},
               {"status", "planned"},
               {"primary_area", "04-pomoc-spoleczna"},
               {"areas", Json::array()},
               {"target_groups", Json::array()},
               {"fee", {{"kind", "unspecified"}, {"text", Json::object()}}},
               {"kiosk_action", "callback"},
               {"sources", Json::array({"partner"})}};
    for (const ServiceTextField& f : serviceTextFields())
        if (f.required)
            entry[Json::json_pointer(std::string(f.pointer))] = Json::object();
    entry["delivered_by"] = Json{{"pl", deliveredBy}};
    return entry;
}

} // namespace okienko::server::panel
