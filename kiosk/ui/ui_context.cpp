// Frame record used by the automation script and tests (see ui_context.hpp).
#include "kiosk/ui/ui_context.hpp"

#include <algorithm>
#include <cstdio>
#include <imgui_internal.h>

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
    m_textBoxes.clear();
    m_lines.clear();
    m_clips.clear();
    m_title.clear();
    m_alerts.clear();
    m_code.clear();
    m_codeRepeat = false;
    m_readAloud.clear();
}

void FrameRecord::addTarget(std::string_view label, ImVec2 min, ImVec2 max, bool enabled, std::string_view id,
                            const Spoken& spoken)
{
    TapTarget t;
    t.label = std::string(visibleLabel(label));
    t.id = std::string(id);
    t.enabled = enabled;
    t.role = spoken.role;
    t.state = spoken.state;
    t.value = std::string(spoken.value);
    t.personal = spoken.personal;
    t.masked = spoken.masked;
    t.speech = std::string(spoken.speech);
    t.fullMinY = min.y;
    t.fullMaxY = max.y;
    t.fullMinX = min.x;
    t.fullMaxX = max.x;
    ImDrawList* list = ImGui::GetWindowDrawList();
    // A table's column clips to its own rectangle, which may run past the list holding the table:
    // what a finger can reach is inside both.
    const ImRect windowClip = ImGui::GetCurrentWindow()->ClipRect;
    t.clipMin = ImVec2(std::max(list->GetClipRectMin().x, windowClip.Min.x),
                       std::max(list->GetClipRectMin().y, windowClip.Min.y));
    t.clipMax = ImVec2(std::min(list->GetClipRectMax().x, windowClip.Max.x),
                       std::min(list->GetClipRectMax().y, windowClip.Max.y));
    t.min = ImVec2(std::max(min.x, t.clipMin.x), std::max(min.y, t.clipMin.y));
    t.max = ImVec2(std::min(max.x, t.clipMax.x), std::min(max.y, t.clipMax.y));
    // A sliver at the edge of a list is not something a finger should be sent to.
    const float minVisible = std::min(max.y - min.y, 24.0f);
    t.visible = t.max.x - t.min.x > 0.0f && t.max.y - t.min.y >= minVisible;
    t.inList = (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_ChildWindow) != 0;
    m_targets.push_back(std::move(t));
}

bool TapTarget::isWhole(ImVec2 displaySize) const
{
    const bool clipped = min.x > fullMinX || min.y > fullMinY || max.x < fullMaxX || max.y < fullMaxY;
    const bool inside = fullMinX >= 0.0f && fullMinY >= 0.0f && fullMaxX <= displaySize.x && fullMaxY <= displaySize.y;
    return visible && !clipped && !covered && inside;
}

namespace
{

/// Less than this much of a pixel is rounding, not something a person sees.
constexpr float kTolerance = 1.0f;

bool intersects(ImVec2 aMin, ImVec2 aMax, ImVec2 bMin, ImVec2 bMax)
{
    return aMin.x < bMax.x - kTolerance && aMax.x > bMin.x + kTolerance && aMin.y < bMax.y - kTolerance &&
           aMax.y > bMin.y + kTolerance;
}

std::string nameOf(const TapTarget& t)
{
    return t.id.empty() ? t.label : t.id;
}

} // namespace

std::string Clip::describe() const
{
    char where[96];
    std::snprintf(where, sizeof where, " at (%.0f,%.0f)-(%.0f,%.0f)", min.x, min.y, max.x, max.y);
    return kind + " \"" + what + "\"" + where;
}

void FrameRecord::addCover(ImVec2 min, ImVec2 max)
{
    for (TapTarget& t : m_targets)
    {
        if (t.fullMinX < max.x && t.fullMaxX > min.x && t.fullMinY < max.y && t.fullMaxY > min.y)
            t.covered = true;
        // The part a finger could reach is under the bar: a layout that ran too long.
        if (t.enabled && t.visible && intersects(t.min, t.max, min, max))
            addClip("covered", nameOf(t), t.min, t.max);
    }
}

void FrameRecord::addClip(std::string_view kind, std::string_view what, ImVec2 min, ImVec2 max)
{
    // A text can be long (a paragraph): its first words name it well enough.
    constexpr std::size_t kMaxName = 60;
    std::string name(visibleLabel(what));
    if (name.size() > kMaxName)
    {
        std::size_t cut = kMaxName;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut;
        name = name.substr(0, cut) + "…";
    }
    m_clips.push_back(Clip{std::string(kind), std::move(name), min, max});
}

std::vector<Clip> FrameRecord::clips(ImVec2 display, float minTarget) const
{
    std::vector<Clip> out = m_clips;
    const auto outside = [&](ImVec2 min, ImVec2 max)
    {
        return min.x < -kTolerance || min.y < -kTolerance || max.x > display.x + kTolerance ||
               max.y > display.y + kTolerance;
    };
    std::vector<const TapTarget*> live;
    for (const TapTarget& t : m_targets)
    {
        if (!t.enabled)
            continue;
        const ImVec2 fullMin(t.fullMinX, t.fullMinY);
        const ImVec2 fullMax(t.fullMaxX, t.fullMaxY);
        // In a list, partly scrolled away is normal; cut at the list's side or off the display is not.
        const bool cutSideways = t.fullMinX < t.clipMin.x - kTolerance || t.fullMaxX > t.clipMax.x + kTolerance;
        if (t.inList ? (t.visible && (outside(t.min, t.max) || cutSideways)) : outside(fullMin, fullMax))
            out.push_back(Clip{"off-display", nameOf(t), fullMin, fullMax});
        if (t.visible)
            live.push_back(&t);
        const bool key = t.id.rfind("key-", 0) == 0;
        if (key && minTarget > 0.0f &&
            (t.fullMaxX - t.fullMinX < minTarget - kTolerance || t.fullMaxY - t.fullMinY < minTarget - kTolerance))
            out.push_back(Clip{"small-target", nameOf(t), fullMin, fullMax});
        // A person who cannot see hears nothing about it: every touch-kit widget says its role.
        if (t.visible && (t.role == SpokenRole::None || t.spokenLabel().empty()))
            out.push_back(Clip{"silent", nameOf(t), t.min, t.max});
    }
    for (std::size_t i = 0; i < live.size(); ++i)
    {
        for (std::size_t j = i + 1; j < live.size(); ++j)
        {
            const TapTarget& a = *live[i];
            const TapTarget& b = *live[j];
            if (intersects(a.min, a.max, b.min, b.max))
                out.push_back(Clip{"overlap", nameOf(a) + "\" and \"" + nameOf(b),
                                   ImVec2(std::max(a.min.x, b.min.x), std::max(a.min.y, b.min.y)),
                                   ImVec2(std::min(a.max.x, b.max.x), std::min(a.max.y, b.max.y))});
        }
    }
    return out;
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

void FrameRecord::addTextBox(std::string_view text, ImVec2 min, ImVec2 max)
{
    ImDrawList* list = ImGui::GetWindowDrawList();
    m_textBoxes.push_back({std::string(text), min, max, list->GetClipRectMin(), list->GetClipRectMax()});
}

const TextBox* FrameRecord::findTextBox(std::string_view text) const
{
    for (auto it = m_textBoxes.rbegin(); it != m_textBoxes.rend(); ++it)
        if (it->text == text)
            return &*it;
    return nullptr;
}

bool TextBox::isWhole(ImVec2 displaySize) const
{
    // Half a pixel of slack: the last line's descent may touch the list's edge.
    const float slack = 0.5f;
    return min.x >= std::max(0.0f, clipMin.x) - slack && min.y >= std::max(0.0f, clipMin.y) - slack &&
           max.y <= std::min(displaySize.y, clipMax.y) + slack && min.x < displaySize.x;
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
        // Strip a leading symbol only when it is one code point of three or four bytes followed by
        // a space ("← ", "✓ "): a short word of Cyrillic or Polish letters (two bytes each, "На ")
        // is part of the label.
        const std::size_t space = s.find(' ');
        const auto lead = static_cast<unsigned char>(s.front());
        const std::size_t symbolBytes = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 0;
        if (s.front() == ' ')
            s.remove_prefix(1);
        else if (symbolBytes != 0 && space == symbolBytes)
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

std::string TapTarget::spokenLabel() const
{
    return speech.empty() ? std::string(undecorated(label)) : speech;
}

void FrameRecord::addAlert(std::string_view message)
{
    if (!message.empty())
        m_alerts.emplace_back(message);
}

const TapTarget* FrameRecord::targetOver(const TextBox& box) const
{
    // The part of the text its list shows: only there can a target hide it.
    const ImVec2 lo(std::max(box.min.x, box.clipMin.x), std::max(box.min.y, box.clipMin.y));
    const ImVec2 hi(std::min(box.max.x, box.clipMax.x), std::min(box.max.y, box.clipMax.y));
    for (const TapTarget& t : m_targets)
    {
        if (!t.visible)
            continue;
        const bool meets = t.min.x < hi.x && lo.x < t.max.x && t.min.y < hi.y && lo.y < t.max.y;
        const bool holds =
            t.fullMinX <= box.min.x && box.max.x <= t.fullMaxX && t.fullMinY <= box.min.y && box.max.y <= t.fullMaxY;
        if (meets && !holds)
            return &t;
    }
    return nullptr;
}

const TapTarget* FrameRecord::targetAt(ImVec2 p) const
{
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it)
    {
        if (it->visible && p.x >= it->min.x && p.x < it->max.x && p.y >= it->min.y && p.y < it->max.y)
            return &*it;
    }
    return nullptr;
}

bool FrameRecord::inScrollList(ImVec2 p) const
{
    for (const TapTarget& t : m_targets)
    {
        if (t.inList && p.x >= t.clipMin.x && p.x < t.clipMax.x && p.y >= t.clipMin.y && p.y < t.clipMax.y)
            return true;
    }
    return false;
}

namespace
{

/// The frame's own controls, on every screen: not what the screen offers.
bool isFrameControl(const TapTarget& t)
{
    static constexpr std::string_view kFrame[] = {"back",          "home",   "large-text",
                                                  "high-contrast", "speech", "emergency-help"};
    for (std::string_view id : kFrame)
    {
        if (t.id == id)
            return true;
    }
    return t.id.rfind("lang-", 0) == 0 || t.role == SpokenRole::Key;
}

} // namespace

int FrameRecord::choiceCount() const
{
    int n = 0;
    for (const TapTarget& t : m_targets)
    {
        if (t.enabled && !isFrameControl(t))
            ++n;
    }
    return n;
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
