// Keyboard state machine: Shift cycling, pages, language switching and edits.
#include "kiosk/core/keyboard_state.hpp"

#include "kiosk/core/translator.hpp"

#include <algorithm>

namespace okienko::kiosk
{

namespace
{

std::string_view shortLanguageName(domain::Language lang)
{
    switch (lang)
    {
    case domain::Language::Pl:
        return "PL";
    case domain::Language::Uk:
        return "УКР";
    case domain::Language::En:
        return "EN";
    }
    return "PL";
}

} // namespace

KeyboardState::KeyboardState(domain::Language lang, std::vector<domain::Language> languages)
    : m_languages(std::move(languages)), m_language(lang)
{
    if (m_languages.empty())
    {
        m_languages.assign(domain::kAllLanguages.begin(), domain::kAllLanguages.end());
    }
}

void KeyboardState::setLanguage(domain::Language lang)
{
    m_language = lang;
    reset();
}

void KeyboardState::reset()
{
    m_page = KeyboardPage::Letters;
    m_shift = ShiftState::Off;
}

domain::Language KeyboardState::nextLanguage() const
{
    const auto it = std::find(m_languages.begin(), m_languages.end(), m_language);
    if (it == m_languages.end())
    {
        return m_languages.front();
    }
    const auto next = it + 1;
    return next == m_languages.end() ? m_languages.front() : *next;
}

const std::string& KeyboardState::textFor(const Key& key) const
{
    if (m_shift != ShiftState::Off && !key.shiftText.empty())
    {
        return key.shiftText;
    }
    return key.text;
}

KeyOutcome KeyboardState::press(const Key& key, TextBuffer& buffer)
{
    switch (key.action)
    {
    case KeyAction::Insert:
    {
        const bool inserted = buffer.insert(std::string_view{textFor(key)}) == InsertResult::Inserted;
        // A one-shot Shift is used up by the next letter key even when the field refuses it: a
        // capital "A" after a refused "1" would surprise as much as a Shift that never ends.
        if (m_shift == ShiftState::OneShot)
        {
            m_shift = ShiftState::Off;
        }
        return inserted ? KeyOutcome::Inserted : KeyOutcome::Rejected;
    }
    case KeyAction::Space:
        return buffer.insert(std::string_view{" "}) == InsertResult::Inserted ? KeyOutcome::Inserted
                                                                              : KeyOutcome::Rejected;
    case KeyAction::Backspace:
        return buffer.backspace() ? KeyOutcome::Deleted : KeyOutcome::NothingToDelete;
    case KeyAction::Clear:
        buffer.clear();
        return KeyOutcome::Cleared;
    case KeyAction::Shift:
        m_shift = m_shift == ShiftState::Off       ? ShiftState::OneShot
                  : m_shift == ShiftState::OneShot ? ShiftState::Caps
                                                   : ShiftState::Off;
        return KeyOutcome::ShiftChanged;
    case KeyAction::Done:
        return KeyOutcome::Done;
    case KeyAction::SwitchPage:
        m_page = m_page == KeyboardPage::Letters ? KeyboardPage::Symbols : KeyboardPage::Letters;
        m_shift = ShiftState::Off;
        return KeyOutcome::PageChanged;
    case KeyAction::SwitchLanguage:
    {
        const KeyboardPage page = m_page;
        setLanguage(nextLanguage());
        m_page = page; // stay on the symbols page when switching language there
        return KeyOutcome::LanguageChanged;
    }
    }
    return KeyOutcome::Rejected;
}

std::string KeyboardState::labelFor(const Key& key, const Translator& translator) const
{
    if (key.action == KeyAction::SwitchLanguage)
    {
        return std::string(shortLanguageName(nextLanguage()));
    }
    if (!key.label.empty())
    {
        return key.label;
    }
    if (!key.labelKey.empty())
    {
        return translator.tr(key.labelKey);
    }
    return textFor(key);
}

} // namespace okienko::kiosk
