// Activity checks (see activity_rules.hpp).
#include "shared/rules/activity_rules.hpp"

#include "shared/text/utf8.hpp"

#include <algorithm>

namespace okienko::rules
{
namespace
{

bool blank(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool hasControl(const std::string& s)
{
    return std::any_of(s.begin(), s.end(),
                       [](char c)
                       {
                           const auto u = static_cast<unsigned char>(c);
                           return u < 0x20 || u == 0x7F;
                       });
}

/// One line of text: well-formed, no control characters, at most `max` characters.
void checkLine(std::vector<ActivityProblem>& out, const std::string& field, const std::string& what,
               const std::string& value, std::size_t max)
{
    if (!text::isValidUtf8(value) || hasControl(value))
        out.push_back({field, what + " zawiera niedozwolone znaki (np. znak nowej linii)."});
    else if (text::codePointCount(value) > max)
        out.push_back({field, what + " może mieć najwyżej " + std::to_string(max) + " znaków (wpisano " +
                                  std::to_string(text::codePointCount(value)) + ")."});
}

const char* languageName(const char* lang)
{
    const std::string l(lang);
    return l == "pl" ? "po polsku" : l == "uk" ? "po ukraińsku" : "po angielsku";
}

} // namespace

std::vector<ActivityProblem> checkActivity(const domain::Activity& a, std::optional<Date> today,
                                           const std::vector<std::string>* knownServices)
{
    std::vector<ActivityProblem> out;
    if (blank(a.title.pl))
        out.push_back({"title_pl", "Wpisz tytuł po polsku: tak zajęcia zobaczą mieszkańcy."});
    for (const char* lang : {"pl", "uk", "en"})
    {
        const domain::Language l = *domain::parseLanguage(lang);
        checkLine(out, std::string("title_") + lang, std::string("Tytuł ") + languageName(lang), a.title.raw(l),
                  kActivityTitleMax);
        checkLine(out, std::string("sign_up_") + lang, std::string("Informacja o zapisach ") + languageName(lang),
                  a.signUp.raw(l), kActivitySignUpMax);
    }
    // A translation without the Polish text would leave Polish residents without it.
    if (blank(a.signUp.pl) && (!blank(a.signUp.uk) || !blank(a.signUp.en)))
        out.push_back({"sign_up_pl", "Informację o zapisach wpisz najpierw po polsku."});
    if (blank(a.place))
        out.push_back({"place", "Wpisz miejsce (np. „CAS, ul. Główna 1, sala 2”)."});
    checkLine(out, "place", "Miejsce", a.place, kActivityPlaceMax);
    if (a.startMinute < 0 || a.startMinute > 1439)
        out.push_back({"start", "Godzina rozpoczęcia musi być między 0:00 a 23:59."});
    if (a.endMinute < 0 || a.endMinute > 1439)
        out.push_back({"end", "Godzina zakończenia musi być między 0:00 a 23:59."});
    else if (a.endMinute <= a.startMinute)
        out.push_back({"end", "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia (zajęcia kończą się "
                              "tego samego dnia)."});
    if (a.weekly)
    {
        if (!a.until)
            out.push_back({"until", "Podaj datę ostatnich zajęć cyklu (co tydzień do…)."});
        else if (*a.until < a.date)
            out.push_back({"until", "Data końca cyklu jest wcześniejsza niż data pierwszych zajęć."});
        else if (a.until->toDays() - a.date.toDays() > domain::kMaxRecurrenceDays)
            out.push_back({"until", "Cykl może trwać najwyżej rok (" + std::to_string(domain::kMaxRecurrenceDays) +
                                        " dni); dłuższy wpisz ponownie za rok."});
    }
    else if (a.until)
    {
        out.push_back({"until", "Datę końca podaje się tylko dla zajęć powtarzanych co tydzień."});
    }
    if (today)
    {
        const Date last = a.weekly && a.until ? *a.until : a.date;
        if (last < *today)
            out.push_back({a.weekly ? "until" : "date", "Ta data już minęła: harmonogram pokazuje zajęcia od dziś."});
    }
    if (a.capacity && (*a.capacity < 1 || *a.capacity > kActivityCapacityMax))
        out.push_back({"capacity", "Liczba miejsc musi być od 1 do " + std::to_string(kActivityCapacityMax) +
                                       " (zostaw puste, gdy nie ma limitu)."});
    for (std::size_t i = 0; i < a.cancelledDates.size(); ++i)
    {
        const domain::CancelledDate& c = a.cancelledDates[i];
        const std::string day = c.date.iso();
        if (domain::occurrenceDates(a, c.date, c.date).empty())
            out.push_back({"cancel_date", "Zajęcia nie odbywają się " + day +
                                              ": odwołać można tylko dzień, w którym są w harmonogramie."});
        else if (i > 0 && !(a.cancelledDates[i - 1].date < c.date))
            out.push_back({"cancel_date", "Dzień " + day + " jest już odwołany (albo lista dni nie jest po kolei)."});
        checkLine(out, "cancel_reason", "Powód odwołania", c.reason, kCancelReasonMax);
    }
    if (a.cancelledDates.size() > kCancelledDatesMax)
        out.push_back({"cancel_date", "Odwołać można najwyżej " + std::to_string(kCancelledDatesMax) +
                                          " pojedynczych dni; odwołaj całe zajęcia albo wpisz cykl na nowo."});
    if (knownServices != nullptr && !a.serviceId.empty() &&
        std::find(knownServices->begin(), knownServices->end(), a.serviceId) == knownServices->end())
        out.push_back({"service", "Nie ma takiej usługi w katalogu."});
    return out;
}

} // namespace okienko::rules
