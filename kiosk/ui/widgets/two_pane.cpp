// Two panes (see two_pane.hpp): an ImGui table of two stretch columns, so every widget inside
// sizes itself to its column through GetContentRegionAvail().
#include "kiosk/ui/widgets/two_pane.hpp"

namespace okienko::kiosk::ui
{

bool wantsTwoPanes(const UiContext& ctx, float minPaneEm)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return display.x > display.y && ImGui::GetContentRegionAvail().x >= ctx.em(minPaneEm * 2.0f + 1.0f);
}

TwoPane::TwoPane(UiContext& ctx, const char* id, float leftShare)
{
    m_split = wantsTwoPanes(ctx);
    if (!m_split)
        return;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ctx.em(0.5f), 0.0f));
    m_split = ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings);
    if (!m_split)
    {
        ImGui::PopStyleVar();
        return;
    }
    ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, leftShare);
    ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, 1.0f - leftShare);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
}

void TwoPane::next()
{
    if (m_split)
        ImGui::TableSetColumnIndex(1);
}

TwoPane::~TwoPane()
{
    if (!m_split)
        return;
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

} // namespace okienko::kiosk::ui
