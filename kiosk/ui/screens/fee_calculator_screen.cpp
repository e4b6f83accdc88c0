// Fee calculator screen (see fee_calculator_screen.hpp).
#include "kiosk/ui/screens/fee_calculator_screen.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "shared/rules/fee.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

std::string percent(long long v)
{
    return std::to_string(v) + " %";
}

/// "1 010,00" from grosze (the translation adds "zł").
std::string money(std::int64_t grosze)
{
    std::string zl = std::to_string(grosze / 100);
    for (int i = static_cast<int>(zl.size()) - 3; i > 0; i -= 3)
        zl.insert(static_cast<std::size_t>(i), "\u00A0");
    const long long gr = grosze % 100;
    return zl + "," + (gr < 10 ? "0" : "") + std::to_string(gr);
}

void householdChoice(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const Household h = env.state.fee.household;
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ButtonOptions single;
    single.size = ImVec2(w, 0);
    single.style = h == Household::Single ? ButtonStyle::Selected : ButtonStyle::Secondary;
    single.id = "household-single";
    ButtonOptions family = single;
    family.style = h == Household::Family ? ButtonStyle::Selected : ButtonStyle::Secondary;
    family.id = "household-family";
    // Equal heights even when one label wraps to two lines.
    const float wrapW = w - ImGui::GetStyle().FramePadding.x * 2;
    const float textH =
        std::max(wrappedHeight(ImGui::GetFont(), ImGui::GetFontSize(), wrapW, env.tr.tr("fee.household.single")),
                 wrappedHeight(ImGui::GetFont(), ImGui::GetFontSize(), wrapW, env.tr.tr("fee.household.family")));
    single.size.y = family.size.y = textH + ImGui::GetStyle().FramePadding.y * 2;
    if (BigButton(ctx, env.tr.tr("fee.household.single") + "##single", single))
        out.emplace_back(SetHousehold{Household::Single});
    ImGui::SameLine();
    if (BigButton(ctx, env.tr.tr("fee.household.family") + "##family", family))
        out.emplace_back(SetHousehold{Household::Family});
}

void result(const ScreenEnv& env, UiContext& ctx, const domain::FeeTable& table)
{
    const FeeCalcState& f = env.state.fee;
    const Translator& tr = env.tr;
    if (f.household == Household::None || f.income.buffer.empty())
        return;
    const std::int64_t grosze = std::stoll(f.income.buffer.text()) * 100;
    const rules::HouseholdType type =
        f.household == Household::Single ? rules::HouseholdType::Single : rules::HouseholdType::FamilyMember;
    const auto assessed = rules::assessShelteredHousingFee(table, grosze, type);
    if (!assessed.ok())
    {
        ParagraphColored(ctx, tr.tr("slip.service.to_confirm"), ctx.palette.mutedText);
        return;
    }
    const rules::FeeAssessment& a = assessed.value();
    const std::string pct = std::to_string(a.incomePercent);
    Paragraph(ctx,
              tr.format(a.incomePercentExact ? "fee.income_percent" : "fee.income_percent_above", {{"percent", pct}}));
    switch (a.outcome)
    {
    case rules::FeeOutcome::Free:
        Title(ctx, tr.tr("fee.result.free"));
        break;
    case rules::FeeOutcome::ShareOfCosts:
        Title(ctx, tr.format("fee.result.share", {{"percent", std::to_string(a.sharePercent)}}));
        break;
    case rules::FeeOutcome::DecidedIndividually:
        Title(ctx, tr.tr("fee.result.individual"));
        break;
    }
}

void bandTable(const ScreenEnv& env, UiContext& ctx, const domain::FeeTable& table)
{
    const Translator& tr = env.tr;
    if (!ImGui::BeginTable("##bands", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg))
        return;
    const std::string h0 = "%";
    const std::string h1 = tr.tr("fee.household.single");
    const std::string h2 = tr.tr("fee.household.family");
    for (const std::string* h : {&h0, &h1, &h2})
    {
        ImGui::TableNextColumn();
        Label(ctx, *h);
    }
    int from = 0;
    auto share = [&](int p)
    {
        return p == 0 ? tr.tr("service.free") : percent(p);
    };
    for (const domain::FeeBand& b : table.bands)
    {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // "100–150 %": above the first number, up to and including the second.
        Paragraph(ctx, (from == 0 ? std::string("≤ ") : std::to_string(from) + "–") + percent(b.upToPercent));
        ImGui::TableNextColumn();
        Paragraph(ctx, share(b.singlePercent));
        ImGui::TableNextColumn();
        Paragraph(ctx, share(b.familyPercent));
        from = b.upToPercent;
    }
    ImGui::EndTable();
    if (!table.aboveLastBand.empty())
        Paragraph(ctx, env.text(table.aboveLastBand));
    const bool family = env.state.fee.household == Household::Family;
    const std::int64_t criterion = family ? table.criterionFamilyGrosze : table.criterionSingleGrosze;
    if (criterion > 0)
        Paragraph(ctx, (family ? tr.tr("fee.household.family") : tr.tr("fee.household.single")) + ": " +
                           tr.format("fee.criterion", {{"amount", money(criterion)}}));
    if (!table.criterionNote.empty())
        ParagraphColored(ctx, env.text(table.criterionNote), ctx.palette.mutedText);
    Paragraph(ctx, table.paymentRule.empty() ? tr.tr("fee.payment_rule") : env.text(table.paymentRule));
}

float keypadHeight(const UiContext& ctx)
{
    const float key = std::max(ctx.minTargetPx(), ctx.em(2.2f));
    const float gap = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    return static_cast<float>(numericKeypad().rows.size()) * (key + gap) + ImGui::GetStyle().ItemSpacing.y;
}

} // namespace

void drawFeeCalculatorScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##fee");
    drawTopBar(env, ctx, out);
    const domain::FeeTable* table = env.catalog.findFeeTable(env.state.fee.feeTableId);
    Title(ctx, env.tr.tr("fee.title"));
    if (table == nullptr)
    {
        Paragraph(ctx, env.tr.tr("slip.service.to_confirm"));
        drawBottomBar(env, ctx, out);
        endScreen();
        return;
    }
    const float padW = std::min(ImGui::GetContentRegionAvail().x, ctx.em(21.0f));
    const float listH = ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx) - keypadHeight(ctx);
    TouchScrollBegin(ctx, "##fee-body", ImVec2(0, listH));
    Paragraph(ctx, env.tr.tr("fee.intro"));
    Label(ctx, env.tr.tr("fee.household.question"));
    householdChoice(env, ctx, out);
    Label(ctx, env.tr.tr(env.state.fee.household == Household::Family ? "fee.income.family" : "fee.income.single"));
    TextField(ctx, env.state.fee.income.buffer.text(), "0", padW);
    ImGui::Spacing();
    result(env, ctx, *table);
    ImGui::Dummy(ImVec2(0, ctx.em(0.5f)));
    bandTable(env, ctx, *table);
    ParagraphColored(ctx, env.tr.tr("fee.disclaimer"), ctx.palette.mutedText);
    TouchScrollEnd(ctx);

    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - padW) * 0.5f);
    if (const std::optional<Key> key = NumericKeypad(ctx, env.tr, padW))
    {
        if (key->action != KeyAction::Done)
            out.emplace_back(PressKey{FieldId::Income, *key});
    }
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
