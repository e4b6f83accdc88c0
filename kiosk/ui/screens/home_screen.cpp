// Home screen (see home_screen.hpp).
#include "kiosk/ui/screens/home_screen.hpp"

#include "kiosk/ui/screens/callback_screens.hpp"
#include "kiosk/ui/screens/counselling_screens.hpp"
#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/staff_entry_screens.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

namespace okienko::kiosk::ui
{
namespace
{

void tile(const ScreenEnv& env, UiContext& ctx, Intents& out, const char* titleKey, const char* hintKey, const char* id,
          BrowseMode mode, float height)
{
    ButtonOptions opt;
    opt.style = ButtonStyle::Tile;
    opt.size = ImVec2(ImGui::GetContentRegionAvail().x, height);
    const std::string subtitle = hintKey != nullptr ? env.tr.tr(hintKey) : std::string();
    opt.subtitle = subtitle;
    opt.id = id;
    if (BigButton(ctx, env.tr.tr(titleKey) + "##" + id, opt))
    {
        out.emplace_back(SetBrowseMode{mode});
        if (mode == BrowseMode::Areas)
            out.emplace_back(SelectArea{std::nullopt});
        if (mode == BrowseMode::Groups)
            out.emplace_back(SelectGroup{std::nullopt});
        out.emplace_back(OpenScreen{ScreenId::Catalogue});
    }
}

} // namespace

void drawHomeScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##home");
    drawTopBar(env, ctx, out, {.backAndHome = false});
    Title(ctx, env.tr.tr("home.title"));
    // Held 3 s, the CUS name opens staff mode's PIN keypad; a tap does nothing here.
    (void)StaffEntryHeader(env, ctx, out, env.text(env.catalog.municipality.cusName), HeaderStyle::Muted);
    ImGui::Spacing();

    TouchScrollBegin(ctx, "##home-list", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    // One flow exists today, the catalogue: one big tile, and two shortcuts into it.
    tile(env, ctx, out, "home.catalog", "home.catalog.hint", "home-catalog", BrowseMode::Areas, ctx.em(5.0f));
    tile(env, ctx, out, "catalog.search", "catalog.search.placeholder", "home-search", BrowseMode::Search, 0.0f);
    tile(env, ctx, out, "catalog.groups", nullptr, "home-groups", BrowseMode::Groups, 0.0f);
    if (!env.catalog.equipmentTypes.empty())
    {
        // The equipment flow: only where the catalogue lends equipment.
        ButtonOptions eq;
        eq.style = ButtonStyle::Tile;
        eq.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        const std::string hint = env.tr.tr("home.equipment.hint");
        eq.subtitle = hint;
        eq.id = "home-equipment";
        if (BigButton(ctx, env.tr.tr("home.equipment.reserve") + "##home-equipment", eq))
            out.emplace_back(EquipmentIntent{equipment::Start{}});
    }
    drawCounsellingHomeTile(env, ctx, out);
    drawCallbackHomeTile(env, ctx, out);
    drawIdeaHomeTile(env, ctx, out);

    const domain::Municipality& m = env.catalog.municipality;
    ImGui::Dummy(ImVec2(0, ctx.em(0.6f)));
    Divider(ctx);
    Label(ctx, env.text(m.cusName));
    // Seed placeholders ("ul. — (do uzupełnienia przez CUS)") are notes for the CUS, in Polish
    // whatever the language: a resident must not read them as an address or a number to call.
    if (!m.address.empty() && !m.contactToBeConfirmed)
        Paragraph(ctx, m.address);
    if (!m.phone.empty() && !m.contactToBeConfirmed)
        Paragraph(ctx, env.tr.tr("slip.phone_prefix") + " " + m.phone);
    if (!m.openingHours.empty())
        Paragraph(ctx, env.text(m.openingHours));
    TouchScrollEnd(ctx);

    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
