// The partner form as a browser fills it in.
#include "tests/integration/public/partner_form_client.hpp"

#include "tests/integration/panel/panel_client.hpp"

#include <chrono>
#include <regex>
#include <thread>
#include <utility>
#include <vector>

namespace okienko::test
{

std::string challengeAnswer(const std::string& page)
{
    // Written out here, independently of the server's table: the question as each language asks it.
    static const std::vector<std::pair<std::string, std::string>> answers{
        {"dwa plus trzy", "5"},       {"dni ma tydzień", "7"},     {"miesięcy ma rok", "12"}, {"nóg ma kot", "4"},
        {"sześć plus cztery", "10"},  {"два плюс три", "5"},       {"днів має тиждень", "7"}, {"місяців має рік", "12"},
        {"лап має кіт", "4"},         {"шість плюс чотири", "10"}, {"two plus three", "5"},   {"days does a week", "7"},
        {"months does a year", "12"}, {"legs does a cat", "4"},    {"six plus four", "10"}};
    const auto label = page.find("<label for=\"answer\">");
    if (label == std::string::npos)
        return {};
    const std::string question = page.substr(label, page.find("</label>", label) - label);
    for (const auto& [words, answer] : answers)
        if (question.find(words) != std::string::npos)
            return answer;
    return {};
}

std::string hiddenToken(const std::string& page)
{
    std::smatch m;
    return std::regex_search(page, m, std::regex("name=\"token\" value=\"([^\"]+)\"")) ? m[1].str() : "";
}

std::map<std::string, std::string> registrationForm(const std::string& lang, const std::string& contact)
{
    std::map<std::string, std::string> form{{"inst_name", "Fundacja Dobrzy Sąsiedzi"},
                                            {"kind", "ngo"},
                                            {"address", "ul. Mickiewicza 5, 18-100 Łapy"},
                                            {"phone", "85 715 22 33"},
                                            {"email", "biuro@dobrzy-sasiedzi.example.org"},
                                            {"homepage", "https://dobrzy-sasiedzi.example.org"},
                                            {"contact_name", contact},
                                            {"consent", "yes"},
                                            {"proposal", "new"},
                                            {"fee_kind", "free"},
                                            {"area.09-kultura", "yes"},
                                            {"area.11-aktywnosc-obywatelska", "yes"},
                                            {"group.seniors", "yes"},
                                            {"group.families", "yes"}};
    const bool uk = lang == "uk";
    form["profile"] = uk ? "Допомагаємо сусідам: клуб сеніорів і зустрічі для сімей у Лапах."
                         : "Pomagamy sąsiadom: klub seniora i spotkania rodzinne w Łapach.";
    const std::map<std::string, std::pair<std::string, std::string>> texts{
        {"name", {"Klub Dobrych Sąsiadów", "Клуб добрих сусідів"}},
        {"summary", {"Spotkania seniorów i rodzin raz w tygodniu.", "Зустрічі сеніорів і сімей раз на тиждень."}},
        {"description",
         {"Wspólne rozmowy, gry i warsztaty rękodzieła w świetlicy.", "Спільні розмови, ігри та майстер-класи."}},
        {"delivered_by", {"Fundacja Dobrzy Sąsiedzi", "Фундація «Добрі сусіди»"}},
        {"place", {"Świetlica, ul. Mickiewicza 5, Łapy", "Світлиця, вул. Міцкевича 5, Лапи"}},
        {"hours", {"Czwartki 16:00–18:00, od marca do czerwca", "Четвер 16:00–18:00, з березня до червня"}},
        {"contact", {"biuro@dobrzy-sasiedzi.example.org", "biuro@dobrzy-sasiedzi.example.org"}},
        {"eligibility", {"Mieszkańcy gminy Łapy, bez warunków.", "Мешканці гміни Лапи, без умов."}},
        {"qualification_mode", {"Wystarczy przyjść albo napisać.", "Достатньо прийти або написати."}},
        {"fee_text", {"Bezpłatnie, bez ulg.", "Безкоштовно, без пільг."}},
        {"documents", {"Nie trzeba dokumentów.", "Документи не потрібні."}},
        {"personal_data", {"Tylko imię na liście obecności.", "Лише ім’я у списку присутності."}},
        {"capacity", {"20 miejsc", "20 місць"}}};
    for (const auto& [key, value] : texts)
        form["svc." + key] = uk ? value.second : value.first;
    return form;
}

httplib::Result sendPartnerForm(httplib::SSLClient& client, const std::string& lang,
                                std::map<std::string, std::string> form, int minSeconds)
{
    auto page = client.Get(("/public/" + lang + "/partner").c_str());
    if (!page || page->status != 200)
        return page;
    form.emplace("token", hiddenToken(page->body));
    form.emplace("answer", challengeAnswer(page->body));
    if (minSeconds > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(minSeconds * 1000 + 100));
    // As the page's form is sent: multipart/form-data.
    const std::string boundary = "----okienko-partner-form";
    return client.Post(("/public/" + lang + "/partner").c_str(), multipartEncode(form, boundary),
                       ("multipart/form-data; boundary=" + boundary).c_str());
}

} // namespace okienko::test
