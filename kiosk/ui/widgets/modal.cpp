// Modal overlay (see modal.hpp). A full-screen dim window catches every touch outside the dialog;
// the dialog is focused every frame so it stays on top.
#include "kiosk/ui/widgets/modal.hpp"

#include <string>

namespace okienko::kiosk::ui
{

void ModalBegin(UiContext& ctx, const char* id, float widthFraction, ModalBackdrop backdrop)
{
    const ImGuiIO& io = ImGui::GetIO();
    constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    const std::string dimId = std::string(id) + "##dim";
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // Not focused: focusing it every frame would clear the active id of a button being pressed in
    // the dialog (ImGui's FocusWindow does that), so no dialog button could ever fire. It is
    // created after the screen's root window (which never comes to front) and so stays above it.
    ImVec4 behind = ctx.palette.background;
    behind.w = 1.0f;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, backdrop == ModalBackdrop::Opaque
                                                 ? behind
                                                 : ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg]);
    ImGui::Begin(dimId.c_str(), nullptr, kFixed | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::End();
    ImGui::PopStyleColor();

    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * widthFraction, 0));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.palette.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f * ctx.uiScale);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ctx.em(0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.em(1.2f), ctx.em(1.0f)));
    ImGui::Begin(id, nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
}

void ModalEnd()
{
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
}

} // namespace okienko::kiosk::ui
