// Palettes and style for the kiosk (see theme.hpp).
#include "kiosk/ui/theme.hpp"

namespace okienko::kiosk::ui
{
namespace
{

ImVec4 rgb(int r, int g, int b)
{
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, 1.0f);
}

} // namespace

Palette calmPalette()
{
    Palette p;
    p.background = rgb(244, 241, 234);
    p.surface = rgb(255, 255, 255);
    p.surfaceHot = rgb(214, 228, 240);
    p.text = rgb(28, 30, 33);
    p.mutedText = rgb(74, 79, 86); // 7.9:1 on the background
    p.accent = rgb(22, 86, 140);
    p.accentHot = rgb(14, 58, 96);
    p.accentText = rgb(255, 255, 255);
    p.border = rgb(168, 172, 178);
    p.warning = rgb(250, 214, 120);
    p.warningText = rgb(40, 30, 0);
    p.selected = rgb(196, 221, 201);
    p.emergency = rgb(178, 34, 34); // white on it: 6.7:1
    p.emergencyHot = rgb(128, 18, 18);
    p.emergencyText = rgb(255, 255, 255);
    return p;
}

Palette highContrastPalette()
{
    Palette p;
    p.background = rgb(0, 0, 0);
    p.surface = rgb(18, 18, 18);
    p.surfaceHot = rgb(70, 70, 0);
    p.text = rgb(255, 255, 255);
    p.mutedText = rgb(255, 255, 255);
    p.accent = rgb(255, 230, 0);
    p.accentHot = rgb(255, 255, 140);
    p.accentText = rgb(0, 0, 0);
    p.border = rgb(255, 255, 255);
    p.warning = rgb(255, 230, 0);
    p.warningText = rgb(0, 0, 0);
    p.selected = rgb(0, 90, 160);
    p.emergency = rgb(190, 0, 0); // white on it: 6.6:1, and unmistakable on black
    p.emergencyHot = rgb(120, 0, 0);
    p.emergencyText = rgb(255, 255, 255);
    return p;
}

void applyTheme(ImGuiStyle& style, const Palette& palette, float uiScale)
{
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(28, 24);
    style.FramePadding = ImVec2(22, 16);
    style.ItemSpacing = ImVec2(18, 16);
    style.ItemInnerSpacing = ImVec2(12, 10);
    style.ScrollbarSize = 18;
    style.GrabMinSize = 24;
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.FrameRounding = 12;
    style.PopupRounding = 12;
    style.ScrollbarRounding = 9;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 2;
    style.PopupBorderSize = 3;
    // Small, so neighbouring targets do not steal each other's taps (first submitted wins).
    style.TouchExtraPadding = ImVec2(3, 3);
    style.ScaleAllSizes(uiScale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = palette.text;
    c[ImGuiCol_TextDisabled] = palette.mutedText;
    c[ImGuiCol_WindowBg] = palette.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = palette.surface;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.55f);
    c[ImGuiCol_Border] = palette.border;
    c[ImGuiCol_FrameBg] = palette.surface;
    c[ImGuiCol_FrameBgHovered] = palette.surface;
    c[ImGuiCol_FrameBgActive] = palette.surfaceHot;
    c[ImGuiCol_Button] = palette.accent;
    // No hover look on a touch screen: hovered equals normal.
    c[ImGuiCol_ButtonHovered] = palette.accent;
    c[ImGuiCol_ButtonActive] = palette.accentHot;
    c[ImGuiCol_Header] = palette.selected;
    c[ImGuiCol_HeaderHovered] = palette.surface;
    c[ImGuiCol_HeaderActive] = palette.surfaceHot;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = palette.border;
    c[ImGuiCol_ScrollbarGrabHovered] = palette.border;
    c[ImGuiCol_ScrollbarGrabActive] = palette.border;
    c[ImGuiCol_Separator] = palette.border;
}

} // namespace okienko::kiosk::ui
