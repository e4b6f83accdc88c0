// Service page (see service_page_screen.hpp).
#include "kiosk/ui/screens/service_page_screen.hpp"

#include "kiosk/ui/screens/area_words.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

bool isFallback(const ScreenEnv& env, const domain::LocalizedText& text)
{
    return env.lang() != domain::Language::Pl && !text.empty() && text.isFallback(env.lang());
}

/// A short "PL" badge on a section shown in Polish; the page explains it once at the top.
void fallbackMarker(const ScreenEnv& env, UiContext& ctx, const domain::LocalizedText& text)
{
    if (isFallback(env, text))
        Badge(ctx, "PL", ctx.palette.warning, ctx.palette.warningText);
}

bool anyFallback(const ScreenEnv& env, const domain::Service& s)
{
    for (const domain::LocalizedText* t :
         {&s.name, &s.summary, &s.description, &s.deliveredBy, &s.place, &s.hours, &s.contact, &s.eligibility,
          &s.qualificationMode, &s.fee.text, &s.documents, &s.personalData})
    {
        if (isFallback(env, *t))
            return true;
    }
    return false;
}

/// One section: bold heading, the text, and the fallback marker when the text is Polish.
void section(const ScreenEnv& env, UiContext& ctx, const char* key, const domain::LocalizedText& text)
{
    if (text.empty())
        return;
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    Label(ctx, env.tr.tr(key));
    fallbackMarker(env, ctx, text);
    Paragraph(ctx, env.text(text));
}

std::string groupsText(const ScreenEnv& env, const domain::Service& s)
{
    std::string out;
    for (const domain::TargetGroup& g : s.targetGroups)
    {
        if (!out.empty())
            out += ", ";
        out += groupName(env, g);
    }
    return out;
}

void feeSection(const ScreenEnv& env, UiContext& ctx, Intents& out, const domain::Service& s)
{
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    Label(ctx, env.tr.tr("service.section.fees"));
    switch (s.fee.kind)
    {
    case domain::FeeKind::Free:
        // The catalogue's own words say it ("Free of charge, whatever your income."): the generic
        // line only stands in for a missing text, as on the public pages, never above it.
        if (s.fee.text.empty())
            Paragraph(ctx, env.tr.tr("service.free"));
        break;
    case domain::FeeKind::Unspecified:
        if (s.fee.text.empty())
            Paragraph(ctx, env.tr.tr("slip.service.to_confirm"));
        break;
    case domain::FeeKind::IncomeTable:
    case domain::FeeKind::Fixed:
        break;
    }
    if (!s.fee.text.empty())
    {
        fallbackMarker(env, ctx, s.fee.text);
        Paragraph(ctx, env.text(s.fee.text));
    }
    if (s.fee.kind == domain::FeeKind::IncomeTable && env.catalog.findFeeTable(s.fee.feeTableId) != nullptr)
    {
        ButtonOptions opt;
        opt.style = ButtonStyle::Primary;
        opt.id = "fee-calculator";
        opt.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        if (BigButton(ctx, env.tr.tr("fee.title") + "##fee-calc", opt))
            out.emplace_back(OpenFeeCalculator{s.fee.feeTableId});
    }
}

/// "Drukuj informację" and, under it, how the last sheet of this service ended.
void printSection(const ScreenEnv& env, UiContext& ctx, Intents& out, const domain::Service& s)
{
    const ServicePrintState& p = env.state.servicePrint;
    if (!p.printerAvailable)
        return;
    const bool mine = p.serviceId == s.id;
    ButtonOptions opt;
    opt.style = ButtonStyle::Secondary;
    opt.id = "service-print";
    opt.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    opt.enabled = p.slip.status != SlipStatus::Printing;
    if (BigButton(ctx, env.tr.tr("service.print") + "##service-print", opt))
        out.emplace_back(PrintServiceInfo{s.id});
    if (!mine)
        return;
    switch (p.slip.status)
    {
    case SlipStatus::None:
    case SlipStatus::NoPrinter:
        break;
    case SlipStatus::Printing:
        ParagraphColored(ctx, env.tr.tr("service.print.printing"), ctx.palette.mutedText);
        break;
    case SlipStatus::Printed:
        ParagraphColored(ctx, "✓ " + env.tr.tr("service.print.done"), ctx.palette.text);
        break;
    case SlipStatus::Failed:
        ParagraphColored(ctx, "⚠ " + env.tr.tr("service.print.failed"), ctx.palette.warningText);
        if (!p.slip.messageKey.empty())
            Paragraph(ctx, env.tr.tr(p.slip.messageKey));
        break;
    }
}

/// The sections that describe the service: what, by whom, where, when, for whom, documents, data.
void describe(const ScreenEnv& env, UiContext& ctx, const domain::Service& s, bool withApply)
{
    section(env, ctx, "service.section.what", s.description.empty() ? s.summary : s.description);
    section(env, ctx, "service.section.provider", s.deliveredBy);
    section(env, ctx, "service.section.where", s.place);
    section(env, ctx, "service.section.when", s.hours);
    if (!s.eligibility.empty() || !s.targetGroups.empty())
    {
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        Label(ctx, env.tr.tr("service.section.eligibility"));
        fallbackMarker(env, ctx, s.eligibility);
        if (!s.eligibility.empty())
            Paragraph(ctx, env.text(s.eligibility));
        if (!s.targetGroups.empty())
            ParagraphColored(ctx, groupsText(env, s), ctx.palette.mutedText);
    }
    if (withApply)
        section(env, ctx, "service.section.how_to_apply", s.qualificationMode);
}

/// What the resident can do: the service's button (reserve equipment), printing, fees with the
/// calculator, and, in the side column, how to apply and whom to contact.
void act(const ScreenEnv& env, UiContext& ctx, Intents& out, const domain::Service& s)
{
    if (s.kioskAction == domain::KioskAction::ReserveEquipment && !env.catalog.equipmentTypes.empty())
    {
        ButtonOptions reserve;
        reserve.style = ButtonStyle::Primary;
        reserve.id = "service-reserve-equipment";
        reserve.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        if (BigButton(ctx, env.tr.tr("home.equipment.reserve") + "##service-reserve", reserve))
            out.emplace_back(EquipmentIntent{equipment::Start{}});
    }
    printSection(env, ctx, out, s);
}

void contactSection(const ScreenEnv& env, UiContext& ctx, const domain::Service& s)
{
    section(env, ctx, "service.section.contact", s.contact);
    if (s.contact.empty())
    {
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        Label(ctx, env.tr.tr("service.section.contact"));
        Paragraph(ctx, env.text(env.catalog.municipality.cusName));
        if (!env.catalog.municipality.phone.empty())
            Paragraph(ctx, env.tr.tr("slip.phone_prefix") + " " + env.catalog.municipality.phone);
    }
}

void notes(const ScreenEnv& env, UiContext& ctx, const domain::Service& s)
{
    if (anyFallback(env, s))
        ParagraphColored(ctx, "PL: " + env.tr.tr("catalog.translation_missing"), ctx.palette.mutedText);
    if (s.toBeConfirmed || s.status != domain::ServiceStatus::Active)
        ParagraphColored(ctx, env.tr.tr("slip.service.to_confirm"), ctx.palette.mutedText);
}

/// Two columns when the screen is landscape and each would still hold a comfortable line.
bool twoColumns(const UiContext& ctx)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return display.x > display.y && ImGui::GetContentRegionAvail().x >= ctx.em(34.0f);
}

} // namespace

void drawServicePageScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##service");
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out);
    const domain::Service* s = env.catalog.findService(env.state.serviceId);
    if (s == nullptr)
    {
        Paragraph(ctx, env.tr.tr("catalog.no_results"));
        drawBottomBar(env, ctx, out);
        endScreen();
        return;
    }
    (void)TitleInTopRow(ctx, topRowAfter(ctx, mark), env.text(s->name));
    fallbackMarker(env, ctx, s->name);

    const float height = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    if (twoColumns(ctx))
    {
        // Landscape: what the service is on the left; on the right what to do — the buttons, fees
        // with the calculator, how to apply and contact — each column scrolling on its own.
        const float gap = ImGui::GetStyle().ItemSpacing.x * 2.0f;
        const float width = ImGui::GetContentRegionAvail().x;
        const float left = std::floor((width - gap) * 0.58f);
        TouchScrollBegin(ctx, "##service-body", ImVec2(left, height));
        notes(env, ctx, *s);
        describe(env, ctx, *s, false);
        section(env, ctx, "service.section.documents", s->documents);
        section(env, ctx, "service.section.personal_data", s->personalData);
        ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));
        TouchScrollEnd(ctx);
        ImGui::SameLine(0.0f, gap);
        TouchScrollBegin(ctx, "##service-side", ImVec2(width - left - gap, height));
        act(env, ctx, out, *s);
        feeSection(env, ctx, out, *s);
        section(env, ctx, "service.section.how_to_apply", s->qualificationMode);
        contactSection(env, ctx, *s);
        ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));
        TouchScrollEnd(ctx);
    }
    else
    {
        TouchScrollBegin(ctx, "##service-body", ImVec2(0, height));
        notes(env, ctx, *s);
        act(env, ctx, out, *s);
        describe(env, ctx, *s, true);
        feeSection(env, ctx, out, *s);
        section(env, ctx, "service.section.documents", s->documents);
        section(env, ctx, "service.section.personal_data", s->personalData);
        contactSection(env, ctx, *s);
        ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));
        TouchScrollEnd(ctx);
    }

    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
