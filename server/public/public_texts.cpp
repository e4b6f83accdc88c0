// The public pages' own words. Ukrainian follows docs/glossary-uk.md ("ЦСП" for the centre).
#include "server/public/public_texts.hpp"

#include <algorithm>

namespace okienko::server::pub
{

const WordTable& publicWords()
{
    static const WordTable words{
        {"pub.address", "Adres", "Адреса", "Address"},
        {"pub.area.count", "Usługi: {count}", "Послуги: {count}", "Services: {count}"},
        {"pub.area.title", "Obszar: {name}", "Сфера: {name}", "Area: {name}"},
        {"pub.contact.code", "Numer zgłoszenia: {code}", "Номер звернення: {code}", "Request number: {code}"},
        {"pub.contact.consent",
         "Zgadzam się, aby CUS przetwarzało moje dane w celu odpowiedzi na to zgłoszenie (dane usuwamy po załatwieniu "
         "sprawy).",
         "Я погоджуюся, щоб ЦСП обробляв мої дані, щоб відповісти на це звернення (дані видаляємо після розгляду "
         "справи).",
         "I agree that the centre processes my data to answer this request (the data is deleted once the matter is "
         "settled)."},
        {"pub.contact.email", "E-mail", "Електронна пошта", "E-mail"},
        {"pub.contact.error.consent", "Zaznacz zgodę, abyśmy mogli się z Tobą skontaktować.",
         "Позначте згоду, щоб ми могли з вами зв’язатися.", "Tick the consent so that we can contact you."},
        {"pub.contact.error.email", "Adres e-mail jest niepoprawny. Wpisz go w postaci nazwa@domena.pl.",
         "Адреса електронної пошти неправильна. Введіть її у форматі ім’я@домен.pl.",
         "The e-mail address is not valid. Write it as name@domain.pl."},
        {"pub.contact.error.expired", "Formularz wygasł. Sprawdź dane i wyślij go ponownie.",
         "Термін дії форми минув. Перевірте дані й надішліть її ще раз.",
         "The form has expired. Check the data and send it again."},
        {"pub.contact.error.limit",
         "Z tego adresu wysłano już wiele zgłoszeń. Spróbuj ponownie za godzinę albo zadzwoń do CUS.",
         "З цієї адреси вже надіслано багато звернень. Спробуйте через годину або зателефонуйте до ЦСП.",
         "Many requests have already been sent from this address. Try again in an hour or phone the centre."},
        {"pub.contact.error.reach", "Podaj numer telefonu albo adres e-mail — wystarczy jedno.",
         "Вкажіть номер телефону або адресу електронної пошти — достатньо одного.",
         "Give a phone number or an e-mail address — one is enough."},
        {"pub.contact.error.rejected", "Formularz nie został przyjęty. Odśwież stronę i wypełnij go ponownie.",
         "Форму не прийнято. Оновіть сторінку й заповніть її ще раз.",
         "The form was not accepted. Reload the page and fill it in again."},
        {"pub.contact.error.service", "Wybierz usługę z listy albo „Inna sprawa”.",
         "Виберіть послугу зі списку або «Інша справа».", "Choose a service from the list or “Something else”."},
        {"pub.contact.error.too_fast", "Formularz wysłano zbyt szybko. Sprawdź dane i wyślij go ponownie.",
         "Форму надіслано занадто швидко. Перевірте дані й надішліть її ще раз.",
         "The form was sent too quickly. Check the data and send it again."},
        {"pub.contact.errors", "Popraw formularz:", "Виправте форму:", "Please correct the form:"},
        {"pub.contact.honeypot", "Nie wypełniaj tego pola", "Не заповнюйте це поле", "Leave this field empty"},
        {"pub.contact.intro",
         "Zostaw kontakt, a koordynator CUS odezwie się w najbliższy dzień roboczy. Pola oznaczone * są wymagane.",
         "Залиште контакт, і координатор ЦСП зв’яжеться з вами найближчого робочого дня. Поля, позначені *, "
         "обов’язкові.",
         "Leave your contact details and a coordinator of the centre will get back to you on the next working day. "
         "Fields marked * are required."},
        {"pub.contact.name", "Imię *", "Ім’я *", "First name *"},
        {"pub.contact.other", "Inna sprawa", "Інша справа", "Something else"},
        {"pub.contact.phone", "Telefon", "Телефон", "Phone"},
        {"pub.contact.reach", "Telefon lub e-mail * (wystarczy jedno)",
         "Телефон або електронна пошта * (достатньо одного)", "Phone or e-mail * (one is enough)"},
        {"pub.contact.send", "Wyślij", "Надіслати", "Send"},
        {"pub.contact.sent.title", "Dziękujemy", "Дякуємо", "Thank you"},
        {"pub.contact.service", "Usługa, o którą pytasz", "Послуга, про яку ви питаєте", "The service you ask about"},
        {"pub.contact.title", "Kontakt z koordynatorem", "Зв’язок з координатором", "Contact the coordinator"},
        {"pub.contact.topic", "W jakiej sprawie? *", "У якій справі? *", "What is it about? *"},
        {"pub.contact.topic_field", "Temat: {message}", "Тема: {message}", "Topic: {message}"},
        {"pub.email", "E-mail", "Електронна пошта", "E-mail"},
        {"pub.fee.band", "Dochód do (% kryterium)", "Дохід до (% критерію)", "Income up to (% of the threshold)"},
        {"pub.fee.choose", "Usługa", "Послуга", "Service"},
        {"pub.fee.error.household", "Wybierz, jak prowadzisz gospodarstwo domowe.",
         "Виберіть, як ви ведете домашнє господарство.", "Choose what your household is."},
        {"pub.fee.income", "Miesięczny dochód netto w zł (osoby samotnej albo na osobę w rodzinie)",
         "Щомісячний чистий дохід у злотих (особи, що живе сама, або на особу в сім’ї)",
         "Monthly net income in zł (of a person living alone, or per family member)"},
        {"pub.fee.none", "W katalogu nie ma usługi z tabelą odpłatności.",
         "У каталозі немає послуги з таблицею оплати.", "No service in the catalogue has a fee table."},
        {"pub.fee.result", "Wynik", "Результат", "Result"},
        {"pub.fee.table", "Tabela odpłatności", "Таблиця оплати", "Fee table"},
        {"pub.fee.title", "Kalkulator odpłatności", "Калькулятор оплати", "Fee calculator"},
        {"pub.footer.title", "Kontakt z CUS", "Контакти ЦСП", "Contact the centre"},
        {"pub.group.title", "Dla kogo: {name}", "Для кого: {name}", "Who it is for: {name}"},
        {"pub.home.intro",
         "Usługi społeczne w gminie: na czym polegają, kto może z nich skorzystać, gdzie i kiedy. Wybierz obszar, "
         "grupę albo wyszukaj.",
         "Соціальні послуги в гміні: що це, хто може ними скористатися, де і коли. Виберіть сферу, групу або "
         "скористайтеся пошуком.",
         "Social services in the municipality: what they are, who can use them, where and when. Choose an area, a "
         "group or search."},
        {"pub.hours", "Godziny otwarcia", "Години роботи", "Opening hours"},
        {"pub.languages", "Język", "Мова", "Language"},
        {"pub.nav", "Menu", "Меню", "Menu"},
        {"pub.not_found", "Nie ma takiej strony. Wróć do katalogu usług.",
         "Такої сторінки немає. Поверніться до каталогу послуг.",
         "There is no such page. Go back to the service catalogue."},
        {"pub.not_found.title", "Nie znaleziono", "Не знайдено", "Not found"},
        {"pub.phone", "Telefon", "Телефон", "Phone"},
        {"pub.rate_limited", "Zbyt wiele zapytań. Spróbuj ponownie za chwilę.",
         "Забагато запитів. Спробуйте трохи згодом.", "Too many requests. Please try again in a moment."},
        {"pub.schedule.intro",
         "Zajęcia, spotkania, dyżury i wydarzenia partnerów w najbliższych dwóch tygodniach. Godziny według czasu "
         "polskiego.",
         "Заняття, зустрічі, чергування та події партнерів на найближчі два тижні. Час — за польським часом.",
         "Activities, meetings, duty hours and partners' events in the next two weeks. Times are Polish time."},
        {"pub.schedule.none", "W najbliższych dwóch tygodniach nie zaplanowano zajęć.",
         "На найближчі два тижні нічого не заплановано.", "Nothing is planned for the next two weeks."},
        {"pub.search.empty", "Wpisz, czego szukasz, np. wózek.", "Введіть, що ви шукаєте, напр. візок.",
         "Type what you are looking for, e.g. wheelchair."},
        {"pub.search.label", "Czego szukasz?", "Що ви шукаєте?", "What are you looking for?"},
        {"pub.search.title", "Wyszukiwanie", "Пошук", "Search"},
        {"pub.service.ask", "Zapytaj koordynatora o tę usługę", "Запитати координатора про цю послугу",
         "Ask the coordinator about this service"},
        {"pub.service.capacity", "Liczba miejsc", "Кількість місць", "Places"},
        {"pub.service.equipment", "Sprzęt do wypożyczenia", "Обладнання для позики", "Equipment to borrow"},
        {"pub.service.fee_calc", "Oblicz odpłatność", "Розрахувати оплату", "Calculate the fee"},
        {"pub.service.period", "Okres realizacji", "Період надання", "Period"},
        {"pub.skip", "Przejdź do treści", "Перейти до змісту", "Skip to content"},
        {"pub.status.active", "Usługa realizowana", "Послуга надається", "Service delivered now"},
        {"pub.status.archived", "Usługa zakończona", "Послугу завершено", "Service ended"},
        {"pub.status.information", "Informacja — szczegóły potwierdzisz w CUS", "Інформація — подробиці уточніть у ЦСП",
         "Information — confirm the details at the centre"},
        {"pub.status.planned", "Usługa planowana", "Послуга планується", "Service planned"},
        {"pub.status.title", "Stan", "Стан", "Status"},
        {"pub.weekday.0", "Poniedziałek", "Понеділок", "Monday"},
        {"pub.weekday.1", "Wtorek", "Вівторок", "Tuesday"},
        {"pub.weekday.2", "Środa", "Середа", "Wednesday"},
        {"pub.weekday.3", "Czwartek", "Четвер", "Thursday"},
        {"pub.weekday.4", "Piątek", "П’ятниця", "Friday"},
        {"pub.weekday.5", "Sobota", "Субота", "Saturday"},
        {"pub.weekday.6", "Niedziela", "Неділя", "Sunday"},
    };
    return words;
}

const TextEntry* WordTable::find(std::string_view key) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                               [](const TextEntry& e, std::string_view k) { return e.key < k; });
    return it != m_entries.end() && it->key == key ? &*it : nullptr;
}

const std::vector<const WordTable*>& wordTables()
{
    static const std::vector<const WordTable*> tables{&kioskWords(), &publicWords(), &partnerWords()};
    return tables;
}

std::string word(domain::Language lang, std::string_view key)
{
    const TextEntry* e = nullptr;
    for (const WordTable* table : wordTables())
        if (e == nullptr)
            e = table->find(key);
    if (e == nullptr)
        return std::string(key);
    const std::string_view text = lang == domain::Language::Uk ? e->uk : lang == domain::Language::En ? e->en : e->pl;
    return std::string(text.empty() ? e->pl : text);
}

std::string word(domain::Language lang, std::string_view key,
                 std::initializer_list<std::pair<std::string_view, std::string>> values)
{
    std::string text = word(lang, key);
    for (const auto& [name, value] : values)
    {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

} // namespace okienko::server::pub
