// Everything the kiosk's voice says, composed in one place from the frame record and the
// translations of the current language: a touched widget (label, role, state or value), a screen
// entered (its title and how many choices it offers, a headphones reminder on a personal-data
// form), a typed character, a completion code spelled slowly, the idle warning with its countdown,
// how to use the voice. It only composes text: KioskApp decides when and says it.
//
// Discretion rules (docs/accessibility.md): a personal field's content (name, phone, PESEL) is
// never read when the field is only touched: the resident hears "filled" and asks for the content
// by touching the field again (which also puts the caret there); a secret is spoken as its length;
// a screen is announced by its title and count only, never by what it shows (a counselling kind is
// heard only when the resident's own finger is on it).
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/translator.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <string>
#include <string_view>

namespace okienko::kiosk::ui
{

class SpeechAnnouncer
{
  public:
    explicit SpeechAnnouncer(const Translator& tr) : m_tr(tr) {}

    /// A touch on `t`: "Dalej, przycisk", "Zgoda, pole wyboru, zaznaczone", "Telefon, pole tekstowe,
    /// wypełnione" (a personal value is not read), "PIN, pole tekstowe, 4 znaki ukryte".
    std::string describe(const TapTarget& t) const;
    /// The content of a field on request: its value, spelled when short; a secret as its length.
    std::string fieldContent(const TapTarget& t) const;
    /// A screen entered: "Wypożyczalnia sprzętu. Do wyboru: 9." plus the headphones reminder when a
    /// field on it is personal data.
    std::string screenEntered(const FrameRecord& record) const;
    /// A character typed: "a", "spacja", "myślnik"; `erased` for Backspace.
    std::string echo(std::string_view character) const;
    std::string erased() const;
    /// "Kod: R. Z. 7. K. 3." — one character at a time, with pauses between them.
    std::string spellCode(std::string_view code) const;
    /// The idle warning: its question and the countdown.
    std::string idleWarning(int secondsLeft) const;
    /// Said when the voice is turned on: how to use it.
    std::string howToUse() const;
    std::string turnedOff() const;
    /// "Tempo 115 procent, głośność 100 procent."
    std::string levels(const SpeechSettings& s) const;
    /// A word for the role and the state (exposed for tests and the help screen).
    std::string roleWord(SpokenRole role) const;
    std::string stateWord(SpokenState state) const;

  private:
    /// One character as a word when it has one ("-" → "myślnik"), else itself.
    std::string characterName(std::string_view character) const;

    const Translator& m_tr;
};

} // namespace okienko::kiosk::ui
