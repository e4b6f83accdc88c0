// Fresh state and value comparison of the kiosk's state (see app_state.hpp).
#include "kiosk/core/app_state.hpp"

namespace okienko::kiosk
{

bool operator==(const EditField& a, const EditField& b)
{
    return a.buffer.text() == b.buffer.text() && a.buffer.maxLength() == b.buffer.maxLength() &&
           a.buffer.filter() == b.buffer.filter();
}

bool operator==(const KeyboardModel& a, const KeyboardModel& b)
{
    return a.state.language() == b.state.language() && a.state.page() == b.state.page() &&
           a.state.shift() == b.state.shift();
}

AppState freshState(const SessionDefaults& defaults)
{
    AppState s;
    s.language = defaults.language;
    s.languages = defaults.languages;
    s.largeText = defaults.largeText;
    s.highContrast = defaults.highContrast;
    s.speech.on = defaults.speechOn;
    s.speech.ratePercent = defaults.speechRatePercent;
    s.speech.volumePercent = defaults.speechVolumePercent;
    s.keyboard = KeyboardModel(defaults.language, defaults.languages);
    return s;
}

} // namespace okienko::kiosk
