// The layout tables. Letters are listed as (lower, upper) pairs so capitals never depend on a
// locale's case mapping.
#include "kiosk/core/keyboard_layout.hpp"

#include "shared/text/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>

namespace okienko::kiosk
{

namespace
{

using domain::Language;

std::string keyId(std::string_view text)
{
    std::size_t pos = 0;
    const std::optional<char32_t> cp = text::decodeOne(text, pos);
    if (cp && pos == text.size() &&
        ((*cp >= U'a' && *cp <= U'z') || (*cp >= U'A' && *cp <= U'Z') || (*cp >= U'0' && *cp <= U'9')))
    {
        return "key-" + std::string(text);
    }
    // Non-ASCII and punctuation keys get their code point, so ids stay ASCII for scripts.
    char buf[16];
    std::snprintf(buf, sizeof buf, "key-u%04X", cp ? static_cast<unsigned>(*cp) : 0u);
    return buf;
}

Key letter(std::string lower, std::string upper)
{
    Key k;
    k.action = KeyAction::Insert;
    k.id = keyId(lower);
    k.text = std::move(lower);
    k.shiftText = std::move(upper);
    return k;
}

Key symbol(std::string text, float width = 1.0f)
{
    Key k;
    k.action = KeyAction::Insert;
    k.id = keyId(text);
    k.shiftText = text;
    k.text = std::move(text);
    k.width = width;
    return k;
}

Key action(KeyAction a, std::string id, std::string labelKey, float width, std::string label = {})
{
    Key k;
    k.action = a;
    k.id = std::move(id);
    k.labelKey = std::move(labelKey);
    k.label = std::move(label);
    k.width = width;
    return k;
}

Key shiftKey(float width)
{
    return action(KeyAction::Shift, "key-shift", "keyboard.shift", width);
}
Key backspaceKey(float width)
{
    return action(KeyAction::Backspace, "key-backspace", "keyboard.backspace", width);
}
Key doneKey(float width)
{
    return action(KeyAction::Done, "key-done", "keyboard.done", width);
}
Key languageKey(float width)
{
    return action(KeyAction::SwitchLanguage, "key-lang", {}, width);
}
Key pageKey(std::string label, float width)
{
    return action(KeyAction::SwitchPage, "key-page", {}, width, std::move(label));
}
Key spaceKey(float width)
{
    Key k = action(KeyAction::Space, "key-space", "keyboard.space", width);
    k.text = " ";
    k.shiftText = " ";
    return k;
}

KeyRow letterRow(std::initializer_list<std::pair<const char*, const char*>> pairs)
{
    KeyRow row;
    for (const auto& [lower, upper] : pairs)
    {
        row.push_back(letter(lower, upper));
    }
    return row;
}

KeyRow qwertyRow1()
{
    return letterRow({{"q", "Q"},
                      {"w", "W"},
                      {"e", "E"},
                      {"r", "R"},
                      {"t", "T"},
                      {"y", "Y"},
                      {"u", "U"},
                      {"i", "I"},
                      {"o", "O"},
                      {"p", "P"}});
}

KeyRow qwertyRow2()
{
    return letterRow(
        {{"a", "A"}, {"s", "S"}, {"d", "D"}, {"f", "F"}, {"g", "G"}, {"h", "H"}, {"j", "J"}, {"k", "K"}, {"l", "L"}});
}

KeyRow qwertyRow3()
{
    KeyRow row{shiftKey(1.5f)};
    for (Key& k : letterRow({{"z", "Z"}, {"x", "X"}, {"c", "C"}, {"v", "V"}, {"b", "B"}, {"n", "N"}, {"m", "M"}}))
    {
        row.push_back(std::move(k));
    }
    row.push_back(backspaceKey(1.5f));
    return row;
}

KeyboardLayout polishLetters()
{
    KeyboardLayout l;
    l.id = "pl-letters";
    // A visible diacritics row: one tap per letter, nothing hidden behind long-press or AltGr.
    l.rows.push_back(letterRow(
        {{"ą", "Ą"}, {"ć", "Ć"}, {"ę", "Ę"}, {"ł", "Ł"}, {"ń", "Ń"}, {"ó", "Ó"}, {"ś", "Ś"}, {"ź", "Ź"}, {"ż", "Ż"}}));
    l.rows.push_back(qwertyRow1());
    l.rows.push_back(qwertyRow2());
    l.rows.push_back(qwertyRow3());
    l.rows.push_back(
        {pageKey("?123", 1.5f), languageKey(1.0f), symbol("'"), spaceKey(3.5f), symbol("-"), doneKey(1.5f)});
    return l;
}

KeyboardLayout englishLetters()
{
    KeyboardLayout l;
    l.id = "en-letters";
    l.rows.push_back(qwertyRow1());
    l.rows.push_back(qwertyRow2());
    l.rows.push_back(qwertyRow3());
    l.rows.push_back(
        {pageKey("?123", 1.5f), languageKey(1.0f), symbol("'"), spaceKey(3.5f), symbol("-"), doneKey(1.5f)});
    return l;
}

KeyboardLayout ukrainianLetters()
{
    KeyboardLayout l;
    l.id = "uk-letters";
    l.rows.push_back(letterRow({{"й", "Й"},
                                {"ц", "Ц"},
                                {"у", "У"},
                                {"к", "К"},
                                {"е", "Е"},
                                {"н", "Н"},
                                {"г", "Г"},
                                {"ш", "Ш"},
                                {"щ", "Щ"},
                                {"з", "З"},
                                {"х", "Х"}}));
    l.rows.push_back(letterRow({{"ф", "Ф"},
                                {"і", "І"},
                                {"в", "В"},
                                {"а", "А"},
                                {"п", "П"},
                                {"р", "Р"},
                                {"о", "О"},
                                {"л", "Л"},
                                {"д", "Д"},
                                {"ж", "Ж"},
                                {"є", "Є"}}));
    KeyRow row3{shiftKey(1.0f)};
    for (Key& k : letterRow({{"я", "Я"},
                             {"ч", "Ч"},
                             {"с", "С"},
                             {"м", "М"},
                             {"и", "И"},
                             {"т", "Т"},
                             {"ь", "Ь"},
                             {"б", "Б"},
                             {"ю", "Ю"}}))
    {
        row3.push_back(std::move(k));
    }
    row3.push_back(backspaceKey(1.0f));
    l.rows.push_back(std::move(row3));
    // Eleven keys across, as wide as the Polish keyboard's rows: ї and ґ stand beside the apostrophe
    // on the bottom row, so on a 1280x720 panel the keys keep 15 mm and the form or the results beside
    // them keep a column where a long Ukrainian word ("соціотерапевтична") fits whole.
    // U+02BC MODIFIER LETTER APOSTROPHE is the Ukrainian apostrophe (вʼязати, пʼять).
    KeyRow row4{pageKey("?123", 1.5f), languageKey(1.0f)};
    for (Key& k : letterRow({{"ї", "Ї"}, {"ґ", "Ґ"}}))
        row4.push_back(std::move(k));
    row4.push_back(symbol("ʼ"));
    row4.push_back(spaceKey(3.0f));
    row4.push_back(symbol("-"));
    row4.push_back(doneKey(1.5f));
    l.rows.push_back(std::move(row4));
    return l;
}

KeyboardLayout symbols(std::string id, std::string lettersLabel)
{
    KeyboardLayout l;
    l.id = std::move(id);
    KeyRow digits;
    for (const char* d : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"})
    {
        digits.push_back(symbol(d));
    }
    l.rows.push_back(std::move(digits));
    KeyRow punct;
    for (const char* s : {"@", ".", ",", "-", "'", "(", ")", "/", ":", ";"})
    {
        punct.push_back(symbol(s));
    }
    l.rows.push_back(std::move(punct));
    KeyRow more;
    for (const char* s : {"!", "?", "\"", "+", "#", "&", "_", "*"})
    {
        more.push_back(symbol(s));
    }
    more.push_back(backspaceKey(2.0f));
    l.rows.push_back(std::move(more));
    l.rows.push_back({pageKey(std::move(lettersLabel), 2.0f), languageKey(1.0f), spaceKey(5.0f), doneKey(2.0f)});
    return l;
}

KeyboardLayout codes()
{
    KeyboardLayout l;
    l.id = "code";
    KeyRow digits;
    for (const char* d : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"})
        digits.push_back(symbol(d));
    l.rows.push_back(std::move(digits));
    // Capitals only: codes are written in them, and there is no Shift to get wrong.
    const auto capitals = [](std::string_view letters)
    {
        KeyRow row;
        for (const char c : letters)
            row.push_back(symbol(std::string(1, c)));
        return row;
    };
    l.rows.push_back(capitals("QWERTYUIOP"));
    KeyRow middle = capitals("ASDFGHJKL");
    middle.push_back(symbol("-"));
    l.rows.push_back(std::move(middle));
    KeyRow last = capitals("ZXCVBNM");
    last.push_back(backspaceKey(1.5f));
    last.push_back(doneKey(1.5f));
    l.rows.push_back(std::move(last));
    return l;
}

KeyboardLayout keypad()
{
    KeyboardLayout l;
    l.id = "keypad";
    l.rows.push_back({symbol("1"), symbol("2"), symbol("3")});
    l.rows.push_back({symbol("4"), symbol("5"), symbol("6")});
    l.rows.push_back({symbol("7"), symbol("8"), symbol("9")});
    l.rows.push_back({action(KeyAction::Clear, "key-clear", "keyboard.clear", 1.0f), symbol("0"), backspaceKey(1.0f)});
    return l;
}

KeyboardLayout amountPad()
{
    KeyboardLayout l = keypad();
    l.id = "amount-keypad";
    // The comma of "1500,50" where Clear was: Backspace held clears a short amount as quickly.
    l.rows.back().front() = symbol(",");
    return l;
}

} // namespace

float KeyboardLayout::maxRowWidth() const
{
    float widest = 0.0f;
    for (const KeyRow& row : rows)
    {
        float sum = 0.0f;
        for (const Key& k : row)
        {
            sum += k.width;
        }
        widest = std::max(widest, sum);
    }
    return widest;
}

const KeyboardLayout& keyboardLayout(domain::Language lang, KeyboardPage page)
{
    static const KeyboardLayout plLetters = polishLetters();
    static const KeyboardLayout ukLetters = ukrainianLetters();
    static const KeyboardLayout enLetters = englishLetters();
    static const KeyboardLayout plSymbols = symbols("pl-symbols", "abc");
    static const KeyboardLayout ukSymbols = symbols("uk-symbols", "абв");
    static const KeyboardLayout enSymbols = symbols("en-symbols", "abc");
    const bool letters = page == KeyboardPage::Letters;
    switch (lang)
    {
    case Language::Pl:
        return letters ? plLetters : plSymbols;
    case Language::Uk:
        return letters ? ukLetters : ukSymbols;
    case Language::En:
        return letters ? enLetters : enSymbols;
    }
    return letters ? plLetters : plSymbols;
}

const KeyboardLayout& codeKeyboard()
{
    static const KeyboardLayout keys = codes();
    return keys;
}

const KeyboardLayout& numericKeypad()
{
    static const KeyboardLayout pad = keypad();
    return pad;
}

const KeyboardLayout& amountKeypad()
{
    static const KeyboardLayout pad = amountPad();
    return pad;
}

} // namespace okienko::kiosk
