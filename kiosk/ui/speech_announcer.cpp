// What the kiosk's voice says (see speech_announcer.hpp).
#include "kiosk/ui/speech_announcer.hpp"

#include "shared/text/utf8.hpp"

#include <vector>

namespace okienko::kiosk::ui
{

namespace
{

/// Parts joined as spoken: "Dalej, przycisk".
std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const std::string& p : parts)
    {
        if (p.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += p;
    }
    return out;
}

/// The characters of `s`, one UTF-8 sequence each.
std::vector<std::string> characters(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size())
    {
        const std::size_t start = pos;
        if (!okienko::text::decodeOne(s, pos))
            pos = start + 1;
        out.emplace_back(s.substr(start, pos - start));
    }
    return out;
}

/// Keys whose label is a symbol or a command: the word the voice says for them.
const char* keySpeechKey(std::string_view id)
{
    if (id == "key-backspace")
        return "speech.key.backspace";
    if (id == "key-shift")
        return "speech.key.shift";
    if (id == "key-space")
        return "speech.key.space";
    if (id == "key-clear")
        return "speech.key.clear";
    if (id == "key-page")
        return "speech.key.page";
    if (id == "key-lang")
        return "speech.key.lang";
    return nullptr;
}

} // namespace

std::string SpeechAnnouncer::roleWord(SpokenRole role) const
{
    // In the order of SpokenRole.
    static constexpr const char* kKeys[] = {
        nullptr,           "speech.role.button", "speech.role.text_field", "speech.role.checkbox",
        "speech.role.key", "speech.role.tab",    "speech.role.toggle",     "speech.role.day"};
    const char* key = kKeys[static_cast<std::size_t>(role)];
    return key == nullptr ? std::string() : m_tr.tr(key);
}

std::string SpeechAnnouncer::stateWord(SpokenState state) const
{
    // In the order of SpokenState.
    static constexpr const char* kKeys[] = {
        nullptr,           "speech.state.checked", "speech.state.unchecked",   "speech.state.selected",
        "speech.state.on", "speech.state.off",     "speech.state.unavailable", "speech.state.disabled"};
    const char* key = kKeys[static_cast<std::size_t>(state)];
    return key == nullptr ? std::string() : m_tr.tr(key);
}

std::string SpeechAnnouncer::characterName(std::string_view character) const
{
    if (character == " ")
        return m_tr.tr("speech.key.space");
    if (character == "-")
        return m_tr.tr("speech.char.dash");
    if (character == "•")
        return m_tr.tr("speech.char.hidden");
    return std::string(character);
}

std::string SpeechAnnouncer::fieldContent(const TapTarget& t) const
{
    if (t.value.empty())
        return m_tr.tr("speech.field.empty");
    const std::size_t count = characters(t.value).size();
    if (t.masked)
        return m_tr.format("speech.field.hidden", {{"count", std::to_string(count)}});
    return t.value;
}

std::string SpeechAnnouncer::describe(const TapTarget& t) const
{
    std::string label = t.spokenLabel();
    if (t.role == SpokenRole::Key)
    {
        if (const char* key = keySpeechKey(t.id))
            label = m_tr.tr(key);
        else if (characters(label).size() == 1)
            label = characterName(label);
    }
    std::string value;
    if (t.role == SpokenRole::TextField)
    {
        // Personal data is read only when asked (a second touch); a secret never, only its length.
        if (t.value.empty())
            value = m_tr.tr("speech.field.empty");
        else if (t.masked)
            value = fieldContent(t);
        else if (t.personal)
            value = m_tr.tr("speech.field.filled");
        else
            value = t.value;
    }
    return joined({label, roleWord(t.role), stateWord(t.state), value}, ", ");
}

std::string SpeechAnnouncer::screenEntered(const FrameRecord& record) const
{
    std::vector<std::string> parts;
    if (!record.title().empty())
    {
        // A title that ends in its own mark ("W czym możemy pomóc?") keeps it; others end in a pause.
        const std::string& title = record.title();
        const char last = title.back();
        parts.push_back(last == '?' || last == '!' || last == '.' ? title : title + ".");
    }
    parts.push_back(m_tr.format("speech.choices", {{"count", std::to_string(record.choiceCount())}}));
    parts.push_back(record.readAloud());
    for (const TapTarget& t : record.targets())
    {
        if (t.personal)
        {
            parts.push_back(m_tr.tr("speech.headphones"));
            break;
        }
    }
    return joined(parts, " ");
}

std::string SpeechAnnouncer::echo(std::string_view character) const
{
    return characterName(character);
}

std::string SpeechAnnouncer::erased() const
{
    return m_tr.tr("speech.key.backspace");
}

std::string SpeechAnnouncer::spellCode(std::string_view code) const
{
    // A full stop after each character: the engine pauses there, so each one is heard alone.
    std::vector<std::string> spelled;
    for (const std::string& c : characters(code))
        spelled.push_back(characterName(c) + ".");
    return m_tr.format("speech.code", {{"code", joined(spelled, " ")}});
}

std::string SpeechAnnouncer::idleWarning(int secondsLeft) const
{
    return m_tr.tr("idle.title") + " " + m_tr.format("idle.countdown", {{"seconds", std::to_string(secondsLeft)}}) +
           ".";
}

std::string SpeechAnnouncer::howToUse() const
{
    return m_tr.tr("speech.how_to_use");
}

std::string SpeechAnnouncer::turnedOff() const
{
    return m_tr.tr("speech.turned_off");
}

std::string SpeechAnnouncer::levels(const SpeechSettings& s) const
{
    return m_tr.format("speech.levels",
                       {{"rate", std::to_string(s.ratePercent)}, {"volume", std::to_string(s.volumePercent)}});
}

} // namespace okienko::kiosk::ui
