// The state of the on-screen keyboard (language, page, Shift) and what a key press does to the
// focused TextBuffer. The UI draws `layout()` and calls press(); tests drive it the same way.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/text_buffer.hpp"
#include "shared/domain/language.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk
{

class Translator;

enum class ShiftState
{
    Off,
    OneShot, ///< The next letter is a capital, then back to Off.
    Caps,    ///< Every letter is a capital until Shift is pressed again.
};

/// What a press did, so the UI can react (close on Done, flash on Rejected…).
enum class KeyOutcome
{
    Inserted,
    Rejected, ///< Filter or max length refused the text; the buffer is unchanged.
    Deleted,
    NothingToDelete,
    Cleared,
    ShiftChanged,
    PageChanged,
    LanguageChanged,
    Done,
};

class KeyboardState
{
  public:
    /// `languages`: keyboard languages offered by the switch key (the kiosk's UI languages);
    /// an empty list means all three.
    explicit KeyboardState(domain::Language lang = domain::Language::Pl, std::vector<domain::Language> languages = {});

    /// Sets the keyboard language (e.g. when the UI language changes); back to the letters page.
    void setLanguage(domain::Language lang);
    domain::Language language() const { return m_language; }
    KeyboardPage page() const { return m_page; }
    ShiftState shift() const { return m_shift; }
    /// Resets page and Shift (a new field got focus).
    void reset();

    /// The rows to draw now.
    const KeyboardLayout& layout() const { return keyboardLayout(m_language, m_page); }

    /// Applies a key to `buffer`.
    KeyOutcome press(const Key& key, TextBuffer& buffer);

    /// The text currently produced by an Insert key (respects Shift/Caps).
    const std::string& textFor(const Key& key) const;
    /// What to print on a key: its shifted/unshifted text, its literal label, the translated
    /// word for action keys, or the next language's short name on the language key.
    std::string labelFor(const Key& key, const Translator& translator) const;
    /// The language the SwitchLanguage key moves to.
    domain::Language nextLanguage() const;

  private:
    std::vector<domain::Language> m_languages;
    domain::Language m_language;
    KeyboardPage m_page = KeyboardPage::Letters;
    ShiftState m_shift = ShiftState::Off;
};

} // namespace okienko::kiosk
