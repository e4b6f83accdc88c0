// Drag-to-scroll with inertia (see touch_scroll.hpp).
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include "kiosk/ui/widgets/big_button.hpp"

#include <algorithm>
#include <cmath>
#include <imgui_internal.h>

namespace okienko::kiosk::ui
{
namespace
{

constexpr float kFrictionTau = 0.33f;  // s: time for the velocity to fall to 1/e
constexpr float kStopVelocity = 20.0f; // px/s

} // namespace

float decayVelocity(float velocity, float dt)
{
    const float v = velocity * std::exp(-dt / kFrictionTau);
    return std::fabs(v) < kStopVelocity ? 0.0f : v;
}

void TouchScrollBegin(UiContext& ctx, const char* id, ImVec2 size)
{
    // A screen entered anew starts at the top (another service's page must not open where the
    // last one was left); Back to a list keeps the visit, and so the place.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID visitKey = ImGui::GetID(id) ^ 0x5c0e11u;
    const int visit = static_cast<int>(ctx.screenVisit & 0x7fffffffu);
    const bool fresh = storage->GetInt(visitKey, -1) != visit;
    if (fresh)
    {
        storage->SetInt(visitKey, visit);
        ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
    }
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoNav);
    if (fresh)
        ctx.scrolls[ImGui::GetCurrentWindow()->ID] = TouchScrollState{};
}

void TouchScrollEnd(UiContext& ctx)
{
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiID id = ImGui::GetCurrentWindow()->ID;
    TouchScrollState& st = ctx.scrolls[id];
    // A frame after a long idle wait has a huge DeltaTime; a flick's speed must not depend on it.
    const float dt = std::clamp(io.DeltaTime, 1.0f / 240.0f, 1.0f / 30.0f);

    // A list inside this one (a pane's own list) takes the drags that start in it: only it scrolls.
    ImGuiWindow* under = GImGui->HoveredWindow;
    const bool inInnerList = under != nullptr && under->ID != id && ctx.scrolls.count(under->ID) != 0 &&
                             ImGui::IsWindowChildOf(under, ImGui::GetCurrentWindow(), false);
    const bool hovered = !inInnerList && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                                                ImGuiHoveredFlags_ChildWindows);
    if (io.MouseClicked[0])
    {
        st.pressed = hovered;
        if (hovered)
            st.velocity = 0.0f; // a finger on a moving list stops it
    }
    if (st.pressed && io.MouseDown[0])
    {
        if (!st.dragging && touchDragged(ctx) &&
            std::fabs(io.MouseDragMaxDistanceAbs[0].y) >= std::fabs(io.MouseDragMaxDistanceAbs[0].x) * 0.5f)
        {
            st.dragging = true;
            // The row under the finger must stop looking (and acting) pressed.
            ImGui::ClearActiveID();
        }
        if (st.dragging)
        {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
            const float instant = -io.MouseDelta.y / dt;
            st.velocity += (instant - st.velocity) * 0.35f;
            ctx.animating = true;
        }
    }
    else
    {
        if (st.dragging)
            st.dragging = false;
        st.pressed = false;
        if (st.velocity != 0.0f)
        {
            const float maxY = ImGui::GetScrollMaxY();
            float y = ImGui::GetScrollY() + st.velocity * dt;
            if (y <= 0.0f || y >= maxY)
            {
                y = std::clamp(y, 0.0f, maxY);
                st.velocity = 0.0f;
            }
            else
            {
                st.velocity = decayVelocity(st.velocity, dt);
            }
            ImGui::SetScrollY(y);
            ctx.animating = ctx.animating || st.velocity != 0.0f;
        }
    }
    ImGui::EndChild();
}

} // namespace okienko::kiosk::ui
