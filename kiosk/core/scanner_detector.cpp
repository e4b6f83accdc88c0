// Keyboard-wedge scanner detection by keystroke timing.
#include "kiosk/core/scanner_detector.hpp"

#include "shared/text/utf8.hpp"

namespace okienko::kiosk
{

ScannerDetector::ScannerDetector(ScannerSettings settings) : m_settings(settings) {}

std::vector<ScannerEvent> ScannerDetector::releaseHeld()
{
    std::vector<ScannerEvent> out;
    if (!m_held.empty())
    {
        out.push_back(ScannerEvent{ScannerEvent::Kind::Text, std::move(m_held)});
    }
    m_held.clear();
    m_heldCount = 0;
    return out;
}

std::vector<ScannerEvent> ScannerDetector::onText(std::string_view utf8, Millis at)
{
    std::vector<ScannerEvent> out;
    if (utf8.empty())
    {
        return out;
    }
    // A slow keystroke ends the previous run: whatever was held was typed by a person.
    if (!m_held.empty() && at - m_lastAt > m_settings.maxGap)
    {
        out = releaseHeld();
    }
    m_held.append(utf8);
    m_heldCount += text::codePointCount(utf8);
    m_lastAt = at;
    if (m_heldCount > m_settings.maxLength)
    {
        for (ScannerEvent& e : releaseHeld())
        {
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::vector<ScannerEvent> ScannerDetector::onEnter(Millis at)
{
    const bool fast = !m_held.empty() && at - m_lastAt <= m_settings.maxGap;
    if (fast && m_heldCount >= m_settings.minLength)
    {
        std::vector<ScannerEvent> out{ScannerEvent{ScannerEvent::Kind::Scan, std::move(m_held)}};
        m_held.clear();
        m_heldCount = 0;
        return out;
    }
    std::vector<ScannerEvent> out = releaseHeld();
    out.push_back(ScannerEvent{ScannerEvent::Kind::Enter, {}});
    return out;
}

std::vector<ScannerEvent> ScannerDetector::poll(Millis now)
{
    if (!m_held.empty() && now - m_lastAt > m_settings.maxGap)
    {
        return releaseHeld();
    }
    return {};
}

std::optional<Millis> ScannerDetector::nextDeadline() const
{
    if (m_held.empty())
    {
        return std::nullopt;
    }
    return m_lastAt + m_settings.maxGap + Millis{1};
}

} // namespace okienko::kiosk
