// USB keyboard and scanner → intents (see keyboard_adapter.hpp).
#include "kiosk/platform/keyboard_adapter.hpp"

#include <utility>

namespace okienko::kiosk::platform
{

void KeyboardAdapter::emit(std::vector<ScannerEvent> events, Intents& out)
{
    for (ScannerEvent& e : events)
    {
        switch (e.kind)
        {
        case ScannerEvent::Kind::Text:
            out.push_back(TypeText{std::move(e.text)});
            break;
        case ScannerEvent::Kind::Enter:
            out.push_back(SubmitField{});
            break;
        case ScannerEvent::Kind::Scan:
            out.push_back(Scanned{std::move(e.text)});
            break;
        }
    }
}

bool KeyboardAdapter::handleEvent(const SDL_Event& event, Millis now, Intents& out)
{
    if (event.type == SDL_TEXTINPUT)
    {
        emit(m_scanner.onText(event.text.text, now), out);
        return true;
    }
    if (event.type != SDL_KEYDOWN)
        return false;
    switch (event.key.keysym.sym)
    {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        emit(m_scanner.onEnter(now), out);
        return true;
    case SDLK_BACKSPACE:
        // Held text was typed before this key: it goes in first, then one character goes out.
        emit(m_scanner.poll(now + m_scanner.settings().maxGap + Millis{1}), out);
        out.push_back(EraseText{});
        return true;
    case SDLK_ESCAPE:
        emit(m_scanner.poll(now + m_scanner.settings().maxGap + Millis{1}), out);
        out.push_back(GoBack{});
        return true;
    default:
        return false;
    }
}

void KeyboardAdapter::poll(Millis now, Intents& out)
{
    emit(m_scanner.poll(now), out);
}

} // namespace okienko::kiosk::platform
