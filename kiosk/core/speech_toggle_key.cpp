// The toggle keys' names (see speech_toggle_key.hpp).
#include "kiosk/core/speech_toggle_key.hpp"

#include <algorithm>
#include <cctype>

namespace okienko::kiosk
{

const std::vector<std::string>& speechToggleKeyNames()
{
    static const std::vector<std::string> names = []
    {
        std::vector<std::string> n;
        for (int i = 1; i <= 24; ++i)
            n.push_back("F" + std::to_string(i));
        for (const char* other : {"Help", "Menu", "Application", "Pause", "ScrollLock", "Insert", "Home", "End",
                                  "PageUp", "PageDown", "AudioPlay", "AudioStop", "Mute"})
            n.emplace_back(other);
        return n;
    }();
    return names;
}

std::optional<std::string> speechToggleKey(std::string_view name)
{
    const auto sameIgnoringCase = [name](const std::string& known)
    {
        return known.size() == name.size() && std::equal(known.begin(), known.end(), name.begin(),
                                                         [](char a, char b) {
                                                             return std::tolower(static_cast<unsigned char>(a)) ==
                                                                    std::tolower(static_cast<unsigned char>(b));
                                                         });
    };
    const std::vector<std::string>& names = speechToggleKeyNames();
    const auto found = std::find_if(names.begin(), names.end(), sameIgnoringCase);
    if (found == names.end())
        return std::nullopt;
    return *found;
}

} // namespace okienko::kiosk
