// On-screen keyboard: every letter of the Polish and Ukrainian alphabets (and their capitals) can be
// typed from the matching layout through the real press() path; Shift, pages, languages, keypad.
#include "kiosk/core/keyboard_state.hpp"
#include "kiosk/core/translator.hpp"
#include "shared/text/utf8.hpp"

#include <gtest/gtest.h>
#include <set>

namespace okienko::kiosk
{
namespace
{

using domain::Language;

/// The letter key typing `text` (unshifted), or nullptr.
const Key* findLetter(const KeyboardLayout& layout, const std::string& text)
{
    for (const KeyRow& row : layout.rows)
        for (const Key& k : row)
            if (k.text == text)
                return &k;
    return nullptr;
}

const Key* findKey(const KeyboardLayout& layout, KeyAction action)
{
    for (const KeyRow& row : layout.rows)
    {
        for (const Key& k : row)
        {
            if (k.action == action)
            {
                return &k;
            }
        }
    }
    return nullptr;
}

/// Everything a resident can type with one key press on `lang`'s keyboard, found by pressing every
/// key on every page with Shift off and on.
std::set<std::string> typeable(Language lang)
{
    std::set<std::string> out;
    for (const KeyboardPage page : {KeyboardPage::Letters, KeyboardPage::Symbols})
    {
        for (const bool shifted : {false, true})
        {
            KeyboardState probe(lang);
            TextBuffer scratch;
            if (page == KeyboardPage::Symbols)
            {
                const Key* pageKey = findKey(probe.layout(), KeyAction::SwitchPage);
                EXPECT_NE(pageKey, nullptr);
                EXPECT_EQ(probe.press(*pageKey, scratch), KeyOutcome::PageChanged);
            }
            const KeyboardLayout& layout = probe.layout();
            for (std::size_t r = 0; r < layout.rows.size(); ++r)
            {
                for (std::size_t c = 0; c < layout.rows[r].size(); ++c)
                {
                    const Key& key = layout.rows[r][c];
                    if (key.action != KeyAction::Insert)
                    {
                        continue;
                    }
                    KeyboardState state = probe;
                    if (shifted)
                    {
                        const Key* shift = findKey(layout, KeyAction::Shift);
                        if (shift == nullptr)
                        {
                            continue; // the symbols page has no Shift
                        }
                        state.press(*shift, scratch);
                    }
                    TextBuffer buffer;
                    EXPECT_EQ(state.press(key, buffer), KeyOutcome::Inserted) << key.id;
                    out.insert(buffer.text());
                }
            }
        }
    }
    return out;
}

std::vector<std::string> codePoints(std::string_view s)
{
    std::vector<std::string> out;
    const std::optional<std::u32string> decoded = text::decode(s);
    EXPECT_TRUE(decoded.has_value());
    for (const char32_t cp : decoded.value_or(std::u32string{}))
    {
        std::string one;
        text::appendUtf8(one, cp);
        out.push_back(one);
    }
    return out;
}

TEST(KeyboardTest, EveryPolishLetterAndCapitalIsTypeable)
{
    const std::set<std::string> keys = typeable(Language::Pl);
    const std::string alphabet = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżqvx"
                                 "AĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻQVX";
    for (const std::string& letter : codePoints(alphabet))
    {
        EXPECT_TRUE(keys.count(letter)) << "cannot type " << letter << " on the Polish keyboard";
    }
}

TEST(KeyboardTest, TheCodeKeyboardTypesEveryInventoryCharacterInFourRowsWithoutLanguageOrShift)
{
    // Inventory numbers and codes: the same Latin keys in a Ukrainian session as in a Polish one.
    const KeyboardLayout& code = codeKeyboard();
    EXPECT_EQ(code.rows.size(), 4u);
    EXPECT_LE(code.maxRowWidth(), 10.0f);
    std::set<std::string> inserts;
    for (const KeyRow& row : code.rows)
    {
        for (const Key& k : row)
        {
            EXPECT_NE(k.action, KeyAction::SwitchLanguage);
            EXPECT_NE(k.action, KeyAction::Shift);
            if (k.action == KeyAction::Insert)
                inserts.insert(k.text);
        }
    }
    for (const char c : std::string("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-"))
        EXPECT_TRUE(inserts.count(std::string(1, c))) << "cannot type " << c << " on the code keyboard";
    KeyboardState uk(Language::Uk);
    TextBuffer buffer;
    for (const KeyRow& row : code.rows)
        for (const Key& k : row)
            if (k.text == "L" || k.text == "-" || k.text == "1")
                (void)uk.press(k, buffer);
    EXPECT_EQ(buffer.text(), "1L-"); // in the rows' order
}

TEST(KeyboardTest, EveryUkrainianLetterAndCapitalAndTheApostropheIsTypeable)
{
    const std::set<std::string> keys = typeable(Language::Uk);
    const std::string alphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
                                 "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ"
                                 "ʼ";
    ASSERT_EQ(text::codePointCount(alphabet), 67u);
    for (const std::string& letter : codePoints(alphabet))
    {
        EXPECT_TRUE(keys.count(letter)) << "cannot type " << letter << " on the Ukrainian keyboard";
    }
}

TEST(KeyboardTest, EnglishLettersAndEveryPagesSymbolsAreTypeable)
{
    const std::set<std::string> en = typeable(Language::En);
    for (const std::string& letter : codePoints("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    {
        EXPECT_TRUE(en.count(letter)) << letter;
    }
    for (const Language lang : domain::kAllLanguages)
    {
        const std::set<std::string> keys = typeable(lang);
        for (const std::string& s : codePoints("0123456789-'@.,"))
        {
            EXPECT_TRUE(keys.count(s)) << domain::languageCode(lang) << ": " << s;
        }
    }
}

TEST(KeyboardTest, ShiftIsOneShotAndDoubleShiftIsCapsLock)
{
    KeyboardState kb(Language::Pl);
    TextBuffer buf;
    const KeyboardLayout& l = kb.layout();
    const Key* shift = findKey(l, KeyAction::Shift);
    ASSERT_NE(shift, nullptr);
    const Key& aOgonek = l.rows[0][0]; // ą
    ASSERT_EQ(aOgonek.text, "ą");

    EXPECT_EQ(kb.press(*shift, buf), KeyOutcome::ShiftChanged);
    EXPECT_EQ(kb.shift(), ShiftState::OneShot);
    kb.press(aOgonek, buf);
    kb.press(aOgonek, buf);
    EXPECT_EQ(buf.text(), "Ąą");
    EXPECT_EQ(kb.shift(), ShiftState::Off);

    kb.press(*shift, buf);
    kb.press(*shift, buf);
    EXPECT_EQ(kb.shift(), ShiftState::Caps);
    kb.press(aOgonek, buf);
    kb.press(aOgonek, buf);
    EXPECT_EQ(buf.text(), "ĄąĄĄ");
    kb.press(*shift, buf);
    EXPECT_EQ(kb.shift(), ShiftState::Off);
    kb.press(aOgonek, buf);
    EXPECT_EQ(buf.text(), "ĄąĄĄą");
}

TEST(KeyboardTest, RejectedKeyUsesUpOneShotShift)
{
    // A refused letter ends a one-shot Shift like a typed one: Shift must not stay on unseen.
    KeyboardState kb(Language::Pl);
    TextBuffer full(1);
    ASSERT_EQ(full.insert(std::string_view{"x"}), InsertResult::Inserted);
    kb.press(*findKey(kb.layout(), KeyAction::Shift), full);
    EXPECT_EQ(kb.press(kb.layout().rows[1][0], full), KeyOutcome::Rejected);
    EXPECT_EQ(kb.shift(), ShiftState::Off);
    EXPECT_EQ(full.text(), "x");
    EXPECT_EQ(full.refusal(), InsertResult::TooLong);
}

TEST(KeyboardTest, CapsLockSurvivesARejectedKey)
{
    KeyboardState kb(Language::Pl);
    TextBuffer full(1);
    ASSERT_EQ(full.insert(std::string_view{"x"}), InsertResult::Inserted);
    kb.press(*findKey(kb.layout(), KeyAction::Shift), full);
    kb.press(*findKey(kb.layout(), KeyAction::Shift), full);
    EXPECT_EQ(kb.press(kb.layout().rows[1][0], full), KeyOutcome::Rejected);
    EXPECT_EQ(kb.shift(), ShiftState::Caps);
}

TEST(KeyboardTest, AmountKeypadHasTheCommaOfItsMessage)
{
    // "Wpisz dochód w złotych, np. 1500 albo 1500,50": the keypad types exactly that.
    const KeyboardLayout& pad = amountKeypad();
    KeyboardState kb(Language::Pl);
    TextBuffer income(10, InputFilter::Amount);
    for (const char* ch : {"1", "5", "0", "0", ",", "5", "0"})
    {
        const Key* key = nullptr;
        for (const KeyRow& row : pad.rows)
            for (const Key& k : row)
                if (k.text == ch)
                    key = &k;
        ASSERT_NE(key, nullptr) << ch;
        EXPECT_EQ(kb.press(*key, income), KeyOutcome::Inserted) << ch;
    }
    EXPECT_EQ(income.text(), "1500,50");
    EXPECT_EQ(income.insert(std::string_view{","}), InsertResult::Filtered) << "one separator only";
    EXPECT_EQ(income.insert(std::string_view{"."}), InsertResult::Filtered);
    EXPECT_NE(amountKeypad().id, numericKeypad().id);
}

TEST(KeyboardTest, TheUkrainianKeyboardIsElevenKeysWideWithEveryLetter)
{
    // Eleven across like the Polish rows, so a 1280x720 panel keeps 15-mm keys and a readable
    // column beside them; ї and ґ on the bottom row beside the apostrophe.
    const KeyboardState kb(Language::Uk);
    EXPECT_FLOAT_EQ(kb.layout().maxRowWidth(), 11.0f);
    for (const char* letter : {"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ї", "ф", "і", "в", "а", "п",
                               "р", "о", "л", "д", "ж", "є", "ґ", "я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "ʼ"})
        EXPECT_NE(findLetter(kb.layout(), letter), nullptr) << letter;
}

TEST(KeyboardTest, BackspaceSpaceAndDone)
{
    KeyboardState kb(Language::Uk);
    TextBuffer buf;
    const KeyboardLayout& l = kb.layout();
    ASSERT_NE(findLetter(l, "ї"), nullptr);
    kb.press(*findLetter(l, "ї"), buf);
    kb.press(*findKey(l, KeyAction::Space), buf);
    kb.press(l.rows[1][10], buf); // є
    EXPECT_EQ(buf.text(), "ї є");
    EXPECT_EQ(kb.press(*findKey(l, KeyAction::Backspace), buf), KeyOutcome::Deleted);
    EXPECT_EQ(buf.text(), "ї ");
    kb.press(*findKey(l, KeyAction::Backspace), buf);
    kb.press(*findKey(l, KeyAction::Backspace), buf);
    EXPECT_EQ(kb.press(*findKey(l, KeyAction::Backspace), buf), KeyOutcome::NothingToDelete);
    EXPECT_EQ(kb.press(*findKey(l, KeyAction::Done), buf), KeyOutcome::Done);
}

TEST(KeyboardTest, PageSwitchResetsShiftAndComesBack)
{
    KeyboardState kb(Language::En);
    TextBuffer buf;
    kb.press(*findKey(kb.layout(), KeyAction::Shift), buf);
    EXPECT_EQ(kb.press(*findKey(kb.layout(), KeyAction::SwitchPage), buf), KeyOutcome::PageChanged);
    EXPECT_EQ(kb.page(), KeyboardPage::Symbols);
    EXPECT_EQ(kb.shift(), ShiftState::Off);
    EXPECT_EQ(kb.layout().id, "en-symbols");
    kb.press(*findKey(kb.layout(), KeyAction::SwitchPage), buf);
    EXPECT_EQ(kb.page(), KeyboardPage::Letters);
}

TEST(KeyboardTest, LanguageKeyCyclesTheOfferedLanguages)
{
    KeyboardState kb(Language::Pl, {Language::Pl, Language::Uk});
    TextBuffer buf;
    EXPECT_EQ(kb.nextLanguage(), Language::Uk);
    EXPECT_EQ(kb.press(*findKey(kb.layout(), KeyAction::SwitchLanguage), buf), KeyOutcome::LanguageChanged);
    EXPECT_EQ(kb.language(), Language::Uk);
    EXPECT_EQ(kb.layout().id, "uk-letters");
    kb.press(*findKey(kb.layout(), KeyAction::SwitchLanguage), buf);
    EXPECT_EQ(kb.language(), Language::Pl);

    KeyboardState all(Language::En);
    EXPECT_EQ(all.nextLanguage(), Language::Pl);
}

TEST(KeyboardTest, LabelsFollowShiftAndTranslations)
{
    Translator t;
    t.setTable(Language::Pl, *parsePo("msgid \"keyboard.space\"\nmsgstr \"Spacja\"\n"));
    KeyboardState kb(Language::Pl, {Language::Pl, Language::Uk, Language::En});
    TextBuffer buf;
    const KeyboardLayout& l = kb.layout();
    EXPECT_EQ(kb.labelFor(l.rows[0][3], t), "ł");
    EXPECT_EQ(kb.labelFor(*findKey(l, KeyAction::Space), t), "Spacja");
    EXPECT_EQ(kb.labelFor(*findKey(l, KeyAction::SwitchLanguage), t), "УКР");
    EXPECT_EQ(kb.labelFor(*findKey(l, KeyAction::SwitchPage), t), "?123");
    kb.press(*findKey(l, KeyAction::Shift), buf);
    EXPECT_EQ(kb.labelFor(l.rows[0][3], t), "Ł");
}

TEST(KeyboardTest, LayoutsHaveUniqueAsciiIdsAndPositiveWidths)
{
    std::vector<const KeyboardLayout*> layouts{&numericKeypad()};
    for (const Language lang : domain::kAllLanguages)
    {
        layouts.push_back(&keyboardLayout(lang, KeyboardPage::Letters));
        layouts.push_back(&keyboardLayout(lang, KeyboardPage::Symbols));
    }
    for (const KeyboardLayout* l : layouts)
    {
        std::set<std::string> ids;
        EXPECT_GT(l->maxRowWidth(), 2.9f);
        for (const KeyRow& row : l->rows)
        {
            for (const Key& k : row)
            {
                EXPECT_GT(k.width, 0.0f) << l->id << " " << k.id;
                EXPECT_TRUE(ids.insert(k.id).second) << l->id << ": duplicate id " << k.id;
                for (const char c : k.id)
                {
                    EXPECT_LT(static_cast<unsigned char>(c), 0x80) << l->id << ": non-ASCII id " << k.id;
                }
                if (k.action == KeyAction::Insert)
                {
                    EXPECT_EQ(text::codePointCount(k.text), 1u) << l->id << " " << k.id;
                }
            }
        }
        EXPECT_TRUE(l == &numericKeypad() || findKey(*l, KeyAction::Done) != nullptr) << l->id;
        EXPECT_NE(findKey(*l, KeyAction::Backspace), nullptr) << l->id;
    }
}

TEST(KeyboardTest, NumericKeypadTypesDigitsIntoADigitsField)
{
    const KeyboardLayout& pad = numericKeypad();
    ASSERT_EQ(pad.rows.size(), 4u);
    KeyboardState kb;
    TextBuffer pin(4, InputFilter::Digits);
    std::multiset<std::string> digits;
    for (const KeyRow& row : pad.rows)
    {
        ASSERT_EQ(row.size(), 3u);
        for (const Key& k : row)
        {
            if (k.action == KeyAction::Insert)
            {
                digits.insert(k.text);
            }
        }
    }
    EXPECT_EQ(digits, (std::multiset<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
    kb.press(pad.rows[0][0], pin);
    kb.press(pad.rows[3][1], pin);
    kb.press(pad.rows[2][2], pin);
    kb.press(pad.rows[1][1], pin);
    EXPECT_EQ(pin.text(), "1095");
    EXPECT_EQ(kb.press(pad.rows[0][1], pin), KeyOutcome::Rejected) << "PIN is full";
    EXPECT_EQ(kb.press(*findKey(pad, KeyAction::Backspace), pin), KeyOutcome::Deleted);
    EXPECT_EQ(pin.text(), "109");
    EXPECT_EQ(kb.press(*findKey(pad, KeyAction::Clear), pin), KeyOutcome::Cleared);
    EXPECT_TRUE(pin.empty());
}

TEST(KeyboardTest, NameFieldRejectsSymbolsFromTheSymbolsPage)
{
    KeyboardState kb(Language::Pl);
    TextBuffer name(80, InputFilter::PersonName);
    kb.press(*findKey(kb.layout(), KeyAction::SwitchPage), name);
    const Key& at = kb.layout().rows[1][0];
    ASSERT_EQ(at.text, "@");
    EXPECT_EQ(kb.press(at, name), KeyOutcome::Rejected);
    EXPECT_TRUE(name.empty());
}

} // namespace
} // namespace okienko::kiosk
