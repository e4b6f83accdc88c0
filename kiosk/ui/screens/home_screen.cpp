// Home screen (see home_screen.hpp).
#include "kiosk/ui/screens/home_screen.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
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
    ParagraphColored(ctx, env.text(env.catalog.municipality.cusName), ctx.palette.mutedText);
    ImGui::Spacing();

    TouchScrollBegin(ctx, "##home-list", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    // One flow exists today, the catalogue: one big tile, and two shortcuts into it.
    tile(env, ctx, out, "home.catalog", "home.catalog.hint", "home-catalog", BrowseMode::Areas, ctx.em(5.0f));
    tile(env, ctx, out, "catalog.search", "catalog.search.placeholder", "home-search", BrowseMode::Search, 0.0f);
    tile(env, ctx, out, "catalog.groups", nullptr, "home-groups", BrowseMode::Groups, 0.0f);

    const domain::Municipality& m = env.catalog.municipality;
    ImGui::Dummy(ImVec2(0, ctx.em(0.6f)));
    Divider(ctx);
    Label(ctx, env.text(m.cusName));
    if (!m.address.empty())
        Paragraph(ctx, m.address);
    if (!m.phone.empty())
        Paragraph(ctx, env.tr.tr("slip.phone_prefix") + " " + m.phone);
    if (!m.openingHours.empty())
        Paragraph(ctx, env.text(m.openingHours));
    TouchScrollEnd(ctx);

    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
