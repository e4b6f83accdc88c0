// The registration form of resident_form.hpp.
#include "server/panel/resident_form.hpp"

#include "server/panel/monitoring.hpp"
#include "server/public/contact_form.hpp"
#include "server/public/public_texts.hpp"
#include "shared/validate/amount.hpp"
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

namespace okienko::server::panel
{

const char* const kConsentWording =
    "Zgadzam się, aby Centrum Usług Społecznych zapisało moje imię i nazwisko, telefon lub e-mail, język i "
    "potrzeby, żeby poinformować mnie o pasujących usługach. Dane zostaną usunięte na moją prośbę albo po "
    "roku bez kontaktu.";

namespace
{
constexpr std::int64_t kMaxFeeGrosze = 10000000; // 100 000 zł: above it the limit means nothing

std::string nameMessage(validate::PersonNameError e)
{
    using E = validate::PersonNameError;
    switch (e)
    {
    case E::Empty:
        return "Podaj imię i nazwisko mieszkańca.";
    case E::Digit:
        return "Imię i nazwisko nie może zawierać cyfr.";
    case E::TooShort:
        return "Imię i nazwisko jest za krótkie.";
    case E::TooLong:
        return "Imię i nazwisko jest za długie.";
    case E::LeadingSeparator:
    case E::TrailingSeparator:
    case E::DoubleSeparator:
        return "Łącznik lub apostrof może stać tylko między literami.";
    case E::InvalidUtf8:
    case E::ControlCharacter:
    case E::InvalidCharacter:
    case E::NoLetter:
        break;
    }
    return "Imię i nazwisko może zawierać tylko litery, spacje, łączniki i apostrofy.";
}

std::string phoneMessage(validate::PhoneError)
{
    return "Numer telefonu: 9 cyfr (może być z +48 i spacjami), np. 600 123 456.";
}

std::string checkboxName(std::string_view prefix, std::string_view code)
{
    return std::string(prefix) + std::string(code);
}

bool checked(const Form& form, const std::string& name)
{
    return !fieldValue(form, name).empty();
}

void readNeeds(const Form& form, ResidentForm& f, const domain::Catalog& catalogue)
{
    residents::ResidentNeeds& needs = f.resident.needs;
    for (const auto* def : catalogue.activeAreas())
        if (checked(form, checkboxName("area-", domain::areaCode(def->id))))
            needs.areas.push_back(def->id);
    for (const auto* def : catalogue.activeTargetGroups())
        if (checked(form, checkboxName("group-", domain::targetGroupCode(def->id))))
            needs.targetGroups.push_back(def->id);
    if (needs.areas.empty() && needs.targetGroups.empty())
        f.errors["needs"] = "Zaznacz co najmniej jeden obszar lub jedną grupę: bez nich pasowałaby każda usługa.";

    const std::string place = fieldValue(form, "place");
    if (place.find_first_not_of(' ') != std::string::npos)
    {
        auto valid = validate::validateFreeText(place, 2, 80);
        if (!valid || valid->find('\n') != std::string::npos)
            f.errors["place"] = "Miejsce: od 2 do 80 znaków w jednym wierszu (np. „Radomska” albo „w domu”).";
        else
            needs.place = *valid;
    }

    const auto fee = residents::parseFeeLimit(fieldValue(form, "fee"));
    if (!fee)
    {
        f.errors["fee"] = "Wybierz odpłatność: dowolna, tylko bezpłatne albo do kwoty.";
        return;
    }
    needs.fee = *fee;
    if (*fee != residents::FeeLimit::Maximum)
        return;
    const auto amount = validate::parseAmountGrosze(fieldValue(form, "max_fee"));
    if (!amount || *amount <= 0 || *amount > kMaxFeeGrosze)
        f.errors["max_fee"] = "Kwota miesięcznie w złotych, od 0,01 do 100000 (np. 150 albo 150,50).";
    else
        needs.maxFeeGrosze = *amount;
}

Html errorSummaryOf(const ResidentForm& f)
{
    Html out;
    if (f.errors.empty())
        return out;
    out << "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"bledy-naglowek\" tabindex=\"-1\" "
           "id=\"bledy\">\n<h2 id=\"bledy-naglowek\">Nie zapisano — popraw błędy ("
        << f.errors.size() << ")</h2>\n<ul>\n";
    for (const auto& [field, message] : f.errors)
        out << "<li><a href=\"#pole-" << field << "\">" << message << "</a></li>\n";
    return out << "</ul>\n</div>\n";
}

/// A text input with its label and error.
Html textField(const ResidentForm& f, const std::string& name, const std::string& label, Markup attributes)
{
    const auto error = f.errors.find(name);
    Html out;
    out << "<p><label for=\"pole-" << name << "\">" << label << "</label><br><input id=\"pole-" << name << "\" name=\""
        << name << "\" " << attributes << " value=\"" << fieldValue(f.typed, name) << "\"";
    if (error != f.errors.end())
        out << " aria-invalid=\"true\" aria-describedby=\"blad-" << name << "\"";
    out << ">";
    if (error != f.errors.end())
        out << " <span id=\"blad-" << name << "\" class=\"warn\">" << error->second << "</span>";
    return out << "</p>\n";
}

Html checkbox(const ResidentForm& f, const std::string& name, const std::string& label)
{
    Html out;
    out << "<input type=\"checkbox\" id=\"" << name << "\" name=\"" << name << "\" value=\"1\""
        << (fieldValue(f.typed, name).empty() ? Markup("") : Markup(" checked")) << "> <label for=\"" << name << "\">"
        << label << "</label><br>\n";
    return out;
}

Html errorAfter(const ResidentForm& f, const std::string& name)
{
    Html out;
    if (auto e = f.errors.find(name); e != f.errors.end())
        out << "<span id=\"blad-" << name << "\" class=\"warn\">" << e->second << "</span>\n";
    return out;
}

Html radio(const ResidentForm& f, const std::string& name, const std::string& value, const std::string& label,
           bool byDefault)
{
    const std::string typed = fieldValue(f.typed, name);
    const bool on = typed.empty() ? byDefault : typed == value;
    const std::string id = name + "-" + value;
    Html out;
    out << "<input type=\"radio\" id=\"" << id << "\" name=\"" << name << "\" value=\"" << value << "\""
        << (on ? Markup(" checked") : Markup("")) << "> <label for=\"" << id << "\">" << label << "</label><br>\n";
    return out;
}
} // namespace

std::string targetGroupLabel(const domain::TargetGroup& group)
{
    return pub::word(domain::Language::Pl, "group." + std::string(domain::targetGroupCode(group)));
}

std::string needsText(const residents::ResidentNeeds& needs)
{
    std::string out;
    auto add = [&](const std::string& part)
    {
        out += (out.empty() ? "" : "; ") + part;
    };
    for (const auto& a : needs.areas)
        add(areaLabel(std::string(domain::areaCode(a))));
    for (const auto& g : needs.targetGroups)
        add(targetGroupLabel(g));
    if (!needs.place.empty())
        add("miejsce: " + needs.place);
    if (needs.fee == residents::FeeLimit::FreeOnly)
        add("tylko bezpłatne");
    else if (needs.fee == residents::FeeLimit::Maximum)
        add("odpłatność do " + std::to_string(needs.maxFeeGrosze / 100) + "," +
            (needs.maxFeeGrosze % 100 < 10 ? "0" : "") + std::to_string(needs.maxFeeGrosze % 100) + " zł/mies.");
    return out;
}

ResidentForm readResidentForm(const Form& form, const std::string& staffId, const domain::Catalog& catalogue)
{
    ResidentForm f;
    f.typed = form;
    f.resident.staffId = staffId;
    if (auto name = validate::validatePersonName(fieldValue(form, "name"), 2, 120); name)
        f.resident.name = *name;
    else
        f.errors["name"] = nameMessage(name.error());

    const std::string phone = fieldValue(form, "phone");
    const std::string email = fieldValue(form, "email");
    const bool phoneGiven = phone.find_first_not_of(' ') != std::string::npos;
    const bool emailGiven = email.find_first_not_of(' ') != std::string::npos;
    if (!phoneGiven && !emailGiven)
        f.errors["phone"] = "Podaj telefon albo e-mail: bez nich nie da się przekazać wiadomości o usłudze.";
    if (phoneGiven)
    {
        if (auto p = validate::normalisePhone(phone); p)
            f.resident.phone = *p;
        else
            f.errors["phone"] = phoneMessage(p.error());
    }
    if (emailGiven)
    {
        std::string trimmed = email.substr(email.find_first_not_of(' '));
        trimmed.erase(trimmed.find_last_not_of(' ') + 1);
        if (!pub::plausibleEmail(trimmed))
            f.errors["email"] = "Adres e-mail w postaci nazwa@domena.pl, bez spacji.";
        else
        {
            for (char& c : trimmed)
                if (c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c - 'A' + 'a');
            f.resident.email = trimmed;
        }
    }
    const std::string language = fieldValue(form, "language");
    if (language != "pl" && language != "uk" && language != "en")
        f.errors["language"] = "Wybierz język rozmowy: polski, ukraiński albo angielski.";
    else
        f.resident.language = language;
    readNeeds(form, f, catalogue);
    if (fieldValue(form, "consent") != "1")
        f.errors["consent"] = "Bez zgody mieszkańca nie wolno zapisać jego danych: odczytaj mu zgodę i zaznacz ją.";
    return f;
}

Html renderResidentForm(const PanelSession& session, const ResidentForm& f, const domain::Catalog& catalogue)
{
    Html out = errorSummaryOf(f);
    out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/residents/new\">"
        << csrfField(session) << "\n<fieldset><legend>Mieszkaniec</legend>\n"
        << textField(f, "name", "Imię i nazwisko", Markup("required maxlength=\"120\" autocomplete=\"off\""))
        << textField(f, "phone", "Telefon (albo e-mail)", Markup("type=\"tel\" maxlength=\"20\" autocomplete=\"off\""))
        << textField(f, "email", "E-mail (nieobowiązkowy)",
                     Markup("type=\"email\" maxlength=\"254\" autocomplete=\"off\""))
        << "<fieldset id=\"pole-language\"><legend>Język rozmowy i wiadomości</legend>\n"
        << radio(f, "language", "pl", "polski", true) << radio(f, "language", "uk", "ukraiński", false)
        << radio(f, "language", "en", "angielski", false) << errorAfter(f, "language")
        << "</fieldset>\n</fieldset>\n<fieldset id=\"pole-needs\"><legend>Potrzeby (co najmniej jeden obszar lub "
           "grupa)</legend>\n"
        << errorAfter(f, "needs") << "<fieldset><legend>Obszary</legend>\n";
    for (const auto* def : catalogue.activeAreas())
        out << checkbox(f, checkboxName("area-", domain::areaCode(def->id)),
                        domain::actNumber(def->id) ? areaLabel(std::string(domain::areaCode(def->id))) : def->name.pl);
    out << "</fieldset>\n<fieldset><legend>Dla kogo</legend>\n";
    for (const auto* def : catalogue.activeTargetGroups())
        if (def->id != domain::TargetGroup::AllResidents)
            out << checkbox(f, checkboxName("group-", domain::targetGroupCode(def->id)),
                            domain::isShipped(def->id) ? targetGroupLabel(def->id) : def->name.pl);
    out << "</fieldset>\n"
        << textField(f, "place", "Miejsce (słowo z miejsca usługi, np. „Radomska”, „w domu”; puste: dowolne)",
                     Markup("maxlength=\"80\""))
        << "<fieldset id=\"pole-fee\"><legend>Odpłatność</legend>\n"
        << radio(f, "fee", "any", "dowolna", true) << radio(f, "fee", "free", "tylko usługi bezpłatne", false)
        << radio(f, "fee", "max",
                 "do kwoty miesięcznie (bezpłatne; pozostałe z uwagą, co sprawdzić — katalog nie podaje kwot)", false)
        << errorAfter(f, "fee") << "</fieldset>\n"
        << textField(f, "max_fee", "Kwota (zł miesięcznie, przy „do kwoty”)",
                     Markup("inputmode=\"decimal\" maxlength=\"12\""))
        << "</fieldset>\n<fieldset id=\"pole-consent\"><legend>Zgoda (wersja "
        << std::string(residents::kConsentWordingVersion) << ")</legend>\n<p>Przeczytaj mieszkańcowi: <q>"
        << std::string(kConsentWording) << "</q></p>\n"
        << checkbox(f, "consent", "Mieszkaniec wyraził zgodę w tej rozmowie (zapisze się, kto i kiedy ją przyjął)")
        << errorAfter(f, "consent") << "</fieldset>\n<p><button type=\"submit\">Zapisz mieszkańca</button> "
        << "<a href=\"/panel/residents\">Anuluj</a></p>\n</form>\n";
    return out;
}

} // namespace okienko::server::panel
