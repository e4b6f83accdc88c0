// Fee calculator screen (see fee_calculator_screen.hpp).
#include "kiosk/ui/screens/fee_calculator_screen.hpp"

#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/number_keypad.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/text_table.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "shared/rules/fee.hpp"
#include "shared/validate/amount.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

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

/// The assessment of what the resident typed, once there is a household and a whole amount.
std::optional<rules::FeeAssessment> assessment(const ScreenEnv& env, const domain::FeeTable& table)
{
    const FeeCalcState& f = env.state.fee;
    if (f.household == Household::None)
        return std::nullopt;
    const std::optional<std::int64_t> grosze = validate::parseAmountGrosze(f.income.buffer.text());
    if (!grosze)
        return std::nullopt;
    const rules::HouseholdType type =
        f.household == Household::Single ? rules::HouseholdType::Single : rules::HouseholdType::FamilyMember;
    const auto assessed = rules::assessShelteredHousingFee(table, *grosze, type);
    if (!assessed.ok())
        return std::nullopt;
    return assessed.value();
}

void result(const ScreenEnv& env, UiContext& ctx, const domain::FeeTable& table)
{
    const FeeCalcState& f = env.state.fee;
    const Translator& tr = env.tr;
    const std::string& typed = f.income.buffer.text();
    if (f.household == Household::None || typed.empty())
        return;
    // "1500," is still being typed; "1500,505" or ",5" is not an amount.
    const bool typing = typed.back() == ',' || typed.back() == '.';
    if (!typing && !validate::parseAmountGrosze(typed))
    {
        ParagraphColored(ctx, "⚠ " + tr.tr("fee.error.income"), ctx.palette.warningText);
        return;
    }
    const std::optional<rules::FeeAssessment> assessed = assessment(env, table);
    if (!assessed)
    {
        if (!typing)
            ParagraphColored(ctx, tr.tr("slip.service.to_confirm"), ctx.palette.mutedText);
        return;
    }
    const rules::FeeAssessment& a = *assessed;
    const std::string pct = std::to_string(a.incomePercent);
    Paragraph(ctx,
              tr.format(a.incomePercentExact ? "fee.income_percent" : "fee.income_percent_above", {{"percent", pct}}));
    switch (a.outcome)
    {
    case rules::FeeOutcome::Free:
        Label(ctx, tr.tr("fee.result.free"));
        break;
    case rules::FeeOutcome::ShareOfCosts:
        Label(ctx, tr.format("fee.result.share", {{"percent", std::to_string(a.sharePercent)}}));
        break;
    case rules::FeeOutcome::DecidedIndividually:
        Label(ctx, tr.tr("fee.result.individual"));
        break;
    }
}

void bandTable(const ScreenEnv& env, UiContext& ctx, const domain::FeeTable& table)
{
    const Translator& tr = env.tr;
    std::vector<TextTableRow> rows;
    TextTableRow header;
    header.header = true;
    header.cells = {"%", tr.tr("fee.household.single"), tr.tr("fee.household.family")};
    rows.push_back(header);
    int from = 0;
    auto share = [&](int p)
    {
        return p == 0 ? tr.tr("service.free") : percent(p);
    };
    // The resident's band, once there is a result: marked with a tick and the selected colour, their
    // household's share in bold.
    const std::optional<rules::FeeAssessment> assessed = assessment(env, table);
    const bool family = env.state.fee.household == Household::Family;
    for (const domain::FeeBand& b : table.bands)
    {
        TextTableRow row;
        row.highlighted = assessed && assessed->outcome != rules::FeeOutcome::DecidedIndividually &&
                          assessed->upToPercent == b.upToPercent;
        // "100–150 %": above the first number, up to and including the second.
        row.cells = {(row.highlighted ? std::string("✓ ") : std::string()) +
                         (from == 0 ? std::string("≤ ") : std::to_string(from) + "–") + percent(b.upToPercent),
                     share(b.singlePercent), share(b.familyPercent)};
        if (row.highlighted)
            row.boldCell = family ? 2 : 1;
        rows.push_back(std::move(row));
        from = b.upToPercent;
    }
    TextTable(ctx, {0.34f, 0.33f, 0.33f}, rows);
    if (!table.aboveLastBand.empty())
        Paragraph(ctx, env.text(table.aboveLastBand));
    const std::int64_t criterion = family ? table.criterionFamilyGrosze : table.criterionSingleGrosze;
    if (criterion > 0)
        Paragraph(ctx, (family ? tr.tr("fee.household.family") : tr.tr("fee.household.single")) + ": " +
                           tr.format("fee.criterion", {{"amount", money(criterion)}}));
    if (!table.criterionNote.empty())
        ParagraphColored(ctx, env.text(table.criterionNote), ctx.palette.mutedText);
    Paragraph(ctx, table.paymentRule.empty() ? tr.tr("fee.payment_rule") : env.text(table.paymentRule));
}

/// Room down the answer needs above the keys: the income label, the field and four lines of result.
float answerHeight(const ScreenEnv& env, const UiContext& ctx, float width)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* bold = ctx.faces().bold;
    const std::string& label =
        env.tr.tr(env.state.fee.household == Household::Family ? "fee.income.family" : "fee.income.single");
    const float field = std::max(ctx.minTargetPx(), ImGui::GetFontSize() + style.FramePadding.y * 2);
    return wrappedHeight(bold, bold->FontSize, width, label) + field + ImGui::GetTextLineHeightWithSpacing() * 4.0f +
           style.ItemSpacing.y * 3.0f;
}

/// Room down the screen's opening needs above the keys: the title, the household question and its
/// two buttons, all in sight before anything is chosen (the buttons were half under the keys).
float openingHeight(const ScreenEnv& env, const UiContext& ctx, float width)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* title = ctx.faces().title;
    ImFont* bold = ctx.faces().bold;
    ImFont* body = ImGui::GetFont();
    const float buttonText = (width - style.ItemSpacing.x) * 0.5f - style.FramePadding.x * 2.0f;
    const float buttons =
        std::max({ctx.minTargetPx(),
                  wrappedHeight(body, ImGui::GetFontSize(), buttonText, env.tr.tr("fee.household.single")) +
                      style.FramePadding.y * 2.0f,
                  wrappedHeight(body, ImGui::GetFontSize(), buttonText, env.tr.tr("fee.household.family")) +
                      style.FramePadding.y * 2.0f});
    return style.WindowPadding.y + wrappedHeight(title, title->FontSize, width, env.tr.tr("fee.title")) +
           wrappedHeight(bold, bold->FontSize, width, env.tr.tr("fee.household.question")) + buttons +
           style.ItemSpacing.y * 3.0f;
}

} // namespace

void drawFeeCalculatorScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##fee");
    drawTopBar(env, ctx, out);
    const domain::FeeTable* table = env.catalog.findFeeTable(env.state.fee.feeTableId);
    if (table == nullptr)
    {
        Title(ctx, env.tr.tr("fee.title"));
        Paragraph(ctx, env.tr.tr("slip.service.to_confirm"));
        drawBottomBar(env, ctx, out);
        endScreen();
        return;
    }
    // The keys get the whole height under the top bar (landscape: beside the list; portrait: under
    // it, as large as the staff PIN keypad's when the answer keeps its room); the title scrolls with
    // the list, and each digit typed brings the income's label, field and result whole into sight (at
    // the list's top when it has to scroll, so no title or button is left half cut above them).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float roomDown = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    ImGuiStorage* openingStore = ImGui::GetStateStorage();
    const ImGuiID openingKey = ImGui::GetID("##fee-opening");
    NumberKeypadOptions pad;
    pad.amount = true;
    const bool beside = keypadBeside(ctx, 16.0f);
    if (beside)
    {
        pad.height = roomDown;
        pad.width = keypadBesideWidth(ctx);
    }
    else
    {
        // The list keeps room for the opening (title, question, household) and for the answer (which
        // scrolls to the list's top): whichever is taller; the keys take the rest.
        const float leastPad = ctx.minTargetPx() * 4.0f + style.ItemSpacing.y * 3.0f;
        const float listW = ImGui::GetContentRegionAvail().x - style.ScrollbarSize;
        // The opening as the list laid it out last frame (its estimate only on the very first).
        const float opening = openingStore->GetFloat(openingKey, openingHeight(env, ctx, listW));
        const float listNeeds = std::max(answerHeight(env, ctx, listW), opening);
        pad.height = std::max(leastPad, roomDown - listNeeds - style.ItemSpacing.y);
    }
    const float listH = beside ? roomDown : roomDown - numberKeypadSize(ctx, pad).y - style.ItemSpacing.y;
    const float listW = beside ? ImGui::GetContentRegionAvail().x - pad.width - style.ItemSpacing.x : 0.0f;
    TouchScrollBegin(ctx, "##fee-body", ImVec2(listW, std::max(listH, 1.0f)));
    Title(ctx, env.tr.tr("fee.title"));
    Label(ctx, env.tr.tr("fee.household.question"));
    householdChoice(env, ctx, out);
    const float answerTop = ImGui::GetCursorPosY();
    openingStore->SetFloat(openingKey, answerTop);
    Label(ctx, env.tr.tr(env.state.fee.household == Household::Family ? "fee.income.family" : "fee.income.single"));
    TextFieldOptions income;
    income.hint = "0";
    income.id = "fee-income"; // the only field: a tap changes nothing, scripts check it is whole
    TextField(ctx, env.state.fee.income.buffer.text(), ImGui::GetContentRegionAvail().x, income);
    drawInputNotice(env, ctx, env.state.fee.income.buffer, false);
    result(env, ctx, *table);
    // Nothing chosen or typed yet (the screen just opened): the list stays at its top, where the
    // title and the household question are.
    const bool started = env.state.fee.household != Household::None || !env.state.fee.income.buffer.text().empty();
    scrollSpanIntoViewOnChange("##fee-typed",
                               env.state.fee.income.buffer.text() + "/" +
                                   std::to_string(static_cast<int>(env.state.fee.household)),
                               answerTop, started ? ImGui::GetCursorPosY() : answerTop, SpanAlign::Top);
    ImGui::Dummy(ImVec2(0, ctx.em(0.5f)));
    Paragraph(ctx, env.tr.tr("fee.intro"));
    bandTable(env, ctx, *table);
    ParagraphColored(ctx, env.tr.tr("fee.disclaimer"), ctx.palette.mutedText);
    TouchScrollEnd(ctx);
    if (beside)
        ImGui::SameLine();
    ImGui::BeginGroup();
    if (const std::optional<Key> key = NumberKeypad(ctx, env.tr, pad))
        out.emplace_back(PressKey{FieldId::Income, *key});
    ImGui::EndGroup();
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
