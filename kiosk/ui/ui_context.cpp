// Frame record used by the automation script and tests (see ui_context.hpp).
#include "kiosk/ui/ui_context.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{

std::string_view visibleLabel(std::string_view label)
{
    const std::size_t hashes = label.find("##");
    return hashes == std::string_view::npos ? label : label.substr(0, hashes);
}

void FrameRecord::clear()
{
    m_targets.clear();
    m_texts.clear();
}

void FrameRecord::addTarget(std::string_view label, ImVec2 min, ImVec2 max, bool enabled, std::string_view id)
{
    TapTarget t;
    t.label = std::string(visibleLabel(label));
    t.id = std::string(id);
    t.enabled = enabled;
    t.fullMinY = min.y;
    t.fullMaxY = max.y;
    t.fullMinX = min.x;
    t.fullMaxX = max.x;
    ImDrawList* list = ImGui::GetWindowDrawList();
    t.clipMin = list->GetClipRectMin();
    t.clipMax = list->GetClipRectMax();
    t.min = ImVec2(std::max(min.x, t.clipMin.x), std::max(min.y, t.clipMin.y));
    t.max = ImVec2(std::min(max.x, t.clipMax.x), std::min(max.y, t.clipMax.y));
    // A sliver at the edge of a list is not something a finger should be sent to.
    const float minVisible = std::min(max.y - min.y, 24.0f);
    t.visible = t.max.x - t.min.x > 0.0f && t.max.y - t.min.y >= minVisible;
    m_targets.push_back(std::move(t));
}

bool TapTarget::isWhole(ImVec2 displaySize) const
{
    const bool clipped = min.x > fullMinX || min.y > fullMinY || max.x < fullMaxX || max.y < fullMaxY;
    const bool inside = fullMinX >= 0.0f && fullMinY >= 0.0f && fullMaxX <= displaySize.x && fullMaxY <= displaySize.y;
    return visible && !clipped && !covered && inside;
}

void FrameRecord::addCover(ImVec2 min, ImVec2 max)
{
    for (TapTarget& t : m_targets)
    {
        if (t.fullMinX < max.x && t.fullMaxX > min.x && t.fullMinY < max.y && t.fullMaxY > min.y)
            t.covered = true;
    }
}

const TapTarget* FrameRecord::findTargetById(std::string_view id, bool includeHidden) const
{
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it)
    {
        if (it->enabled && (it->visible || includeHidden) && it->id == id)
            return &*it;
    }
    return nullptr;
}

void FrameRecord::addText(std::string_view text)
{
    if (!text.empty())
        m_texts.emplace_back(text);
}

namespace
{

/// "← Back" → "Back", "✓ Large text" → "Large text": decorations are not part of the name.
std::string_view undecorated(std::string_view s)
{
    auto isDecoration = [](unsigned char c)
    {
        return c == ' ' || c >= 0x80;
    };
    while (!s.empty() && isDecoration(static_cast<unsigned char>(s.front())))
    {
        // Strip whole leading non-ASCII symbols only when followed by a space ("← ", "✓ ").
        const std::size_t space = s.find(' ');
        if (s.front() == ' ')
            s.remove_prefix(1);
        else if (space != std::string_view::npos && space <= 4)
            s.remove_prefix(space + 1);
        else
            break;
    }
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    const std::size_t arrow = s.rfind(" →");
    if (arrow != std::string_view::npos && arrow + 4 == s.size())
        s = s.substr(0, arrow);
    return s;
}

} // namespace

const TapTarget* FrameRecord::findTarget(std::string_view label, bool includeHidden) const
{
    auto usable = [&](const TapTarget& t)
    {
        return t.enabled && (t.visible || includeHidden);
    };
    // Later targets are drawn on top (overlays, keyboards): prefer them on a tie.
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it)
    {
        if (usable(*it) && (it->label == label || undecorated(it->label) == label))
            return &*it;
    }
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it)
    {
        if (usable(*it) && it->label.find(label) != std::string::npos)
            return &*it;
    }
    return nullptr;
}

bool FrameRecord::containsText(std::string_view needle) const
{
    for (const std::string& t : m_texts)
    {
        if (t.find(needle) != std::string::npos)
            return true;
    }
    for (const TapTarget& t : m_targets)
    {
        if (t.label.find(needle) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace okienko::kiosk::ui
