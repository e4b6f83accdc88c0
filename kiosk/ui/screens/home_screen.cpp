// Home screen (see home_screen.hpp).
#include "kiosk/ui/screens/home_screen.hpp"

#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/schedule_words.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/staff_entry_screens.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/emergency_help.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/pictogram_tile.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

/// What a home tile does when tapped.
enum class HomeAction
{
    Catalogue,
    Equipment,
    Callback,
    Counselling,
    Search,
    Groups,
    IdeaBox,
    Schedule,
};

struct HomeTiles
{
    std::vector<TileSpec> tiles;
    std::vector<HomeAction> actions;

    void add(const ScreenEnv& env, HomeAction action, const char* titleKey, const char* hintKey, const char* pictogram,
             const char* id)
    {
        tiles.push_back(TileSpec{env.tr.tr(titleKey) + "##" + id, hintKey != nullptr ? env.tr.tr(hintKey) : "",
                                 pictogram, id, true});
        actions.push_back(action);
    }
};

/// The most used actions, large: the catalogue, equipment (where the catalogue lends it), a call
/// back and counselling (where the catalogue has kinds of it).
HomeTiles primaryTiles(const ScreenEnv& env)
{
    HomeTiles t;
    t.add(env, HomeAction::Catalogue, "home.catalog", "home.catalog.hint", "catalogue", "home-catalog");
    if (!env.catalog.equipmentTypes.empty())
        t.add(env, HomeAction::Equipment, "home.equipment.reserve", "home.equipment.hint", "equipment",
              "home-equipment");
    t.add(env, HomeAction::Callback, "home.callback", "callback.home.hint", "callback", "home-callback");
    if (!env.catalog.counsellingKinds.empty())
        t.add(env, HomeAction::Counselling, "counselling.home", "counselling.home.hint", "counselling",
              "home-counselling");
    return t;
}

/// The rest, smaller: two ways into the catalogue, the idea box, and the schedule (where it has
/// anything this week).
HomeTiles secondaryTiles(const ScreenEnv& env)
{
    HomeTiles t;
    t.add(env, HomeAction::Search, "catalog.search", nullptr, "search", "home-search");
    t.add(env, HomeAction::Groups, "catalog.groups", nullptr, "who-for", "home-groups");
    t.add(env, HomeAction::IdeaBox, "idea.open", nullptr, "idea-box", "home-idea");
    if (!upcomingOccurrences(env, kScheduleDays, true).empty())
        t.add(env, HomeAction::Schedule, "home.schedule", nullptr, "schedule", "home-schedule");
    return t;
}

void emitAction(Intents& out, HomeAction action)
{
    switch (action)
    {
    case HomeAction::Catalogue:
        out.emplace_back(SetBrowseMode{BrowseMode::Areas});
        out.emplace_back(SelectArea{std::nullopt});
        out.emplace_back(OpenScreen{ScreenId::Catalogue});
        break;
    case HomeAction::Search:
        out.emplace_back(SetBrowseMode{BrowseMode::Search});
        out.emplace_back(OpenScreen{ScreenId::Catalogue});
        break;
    case HomeAction::Groups:
        out.emplace_back(SetBrowseMode{BrowseMode::Groups});
        out.emplace_back(SelectGroup{std::nullopt});
        out.emplace_back(OpenScreen{ScreenId::Catalogue});
        break;
    case HomeAction::Equipment:
        out.emplace_back(EquipmentIntent{equipment::Start{}});
        break;
    case HomeAction::Callback:
        emit(out, StartCallback{});
        break;
    case HomeAction::Counselling:
        emit(out, StartCounselling{});
        break;
    case HomeAction::IdeaBox:
        emit(out, OpenIdeaBox{});
        break;
    case HomeAction::Schedule:
        out.emplace_back(SelectScheduleDay{0});
        out.emplace_back(OpenScreen{ScreenId::Schedule});
        break;
    }
}

/// The CUS's name, address, phone and hours under the tiles; the lines to draw.
std::vector<std::string> contactLines(const ScreenEnv& env)
{
    const domain::Municipality& m = env.catalog.municipality;
    std::vector<std::string> lines;
    // Seed placeholders ("ul. — (do uzupełnienia przez CUS)") are notes for the CUS, in Polish
    // whatever the language: a resident must not read them as an address or a number to call.
    if (!m.address.empty() && !m.contactToBeConfirmed)
        lines.push_back(m.address);
    if (!m.phone.empty() && !m.contactToBeConfirmed)
        lines.push_back(env.tr.tr("slip.phone_prefix") + " " + m.phone);
    if (!m.openingHours.empty())
        lines.push_back(env.text(m.openingHours));
    return lines;
}

float contactHeight(const ScreenEnv& env, const UiContext& ctx, const std::vector<std::string>& lines)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    ImFont* bold = ctx.faces().bold;
    // The spacing after the small tiles' grid, then drawContact's: its gap, the divider and the name,
    // each followed by the spacing, and its lines.
    float h = spacing + ctx.em(0.6f) + spacing * 3.0f + std::max(1.0f, 2.0f * ctx.uiScale) +
              bold->CalcTextSizeA(bold->FontSize, FLT_MAX, width, env.text(env.catalog.municipality.cusName).c_str()).y;
    for (const std::string& l : lines)
        h += spacing + ImGui::CalcTextSize(l.c_str(), nullptr, false, width).y;
    return h;
}

void drawContact(const ScreenEnv& env, UiContext& ctx, const std::vector<std::string>& lines)
{
    ImGui::Dummy(ImVec2(0, ctx.em(0.6f)));
    Divider(ctx);
    Label(ctx, env.text(env.catalog.municipality.cusName));
    for (const std::string& l : lines)
        Paragraph(ctx, l);
}

/// The home grid's shape for the space it has: columns, whether the large tiles keep their hints,
/// the pictogram sizes and how far the large tiles stretch to fill the screen.
struct HomeLayout
{
    GridOptions primary;
    GridOptions secondary;
    float needed = 0.0f; ///< both grids' height (before stretching)
};

HomeLayout chooseLayout(const ScreenEnv& env, const UiContext& ctx, const HomeTiles& primary,
                        const HomeTiles& secondary, float height)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool landscape = display.x > display.y;
    const float width = ImGui::GetContentRegionAvail().x; // the list's width: called before and inside it
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const int count = static_cast<int>(primary.tiles.size());
    HomeLayout l;

    l.primary.shape = TileShape::Column;
    l.primary.prominent = true;
    l.primary.iconSize = pictogramTileSize(ctx);
    const int maxCols = landscape ? count : 2;
    // Three and one orphan reads worse than two rows of two.
    const auto balanced = [count](int c)
    {
        return c > 2 && count % c != 0 ? 2 : c;
    };
    int cols = balanced(PictogramTileColumns(ctx, primary.tiles, width, maxCols, TileShape::Column));
    l.primary.columns = cols;

    l.secondary.shape = TileShape::Row;
    l.secondary.fillLastRow = true;
    l.secondary.iconSize = std::round(pictogramInlineSize(ctx) * 1.3f);
    l.secondary.columns = PictogramTileColumns(ctx, secondary.tiles, width, 3, TileShape::Row, l.secondary.iconSize);

    const float secondaryH = PictogramTileGridHeight(ctx, secondary.tiles, l.secondary);
    // A short screen keeps every action in sight: first the hints go (the titles say enough), then
    // the pictograms shrink to the inline size, then the large tiles put the pictogram beside the
    // title instead of above it.
    const float smallIcon = std::round(pictogramInlineSize(ctx) * 1.3f);
    struct Try
    {
        bool subtitles;
        float icon;
        TileShape shape;
    };
    const Try tries[] = {{true, l.primary.iconSize, TileShape::Column},
                         {false, l.primary.iconSize, TileShape::Column},
                         {false, smallIcon, TileShape::Column},
                         {false, smallIcon, TileShape::Row}};
    for (const Try& t : tries)
    {
        l.primary.subtitles = t.subtitles;
        l.primary.iconSize = t.icon;
        if (t.shape != l.primary.shape)
        {
            l.primary.shape = t.shape;
            l.primary.columns = balanced(PictogramTileColumns(ctx, primary.tiles, width, maxCols, t.shape, t.icon));
        }
        l.needed = PictogramTileGridHeight(ctx, primary.tiles, l.primary) + spacing + secondaryH;
        if (l.needed <= height)
            break;
    }
    if (l.needed > height)
    {
        // Still short: the small tiles take the inline pictogram, the smallest that still reads.
        l.secondary.iconSize = pictogramInlineSize(ctx);
        l.needed = PictogramTileGridHeight(ctx, primary.tiles, l.primary) + spacing +
                   PictogramTileGridHeight(ctx, secondary.tiles, l.secondary);
    }
    const float needed = l.needed;
    cols = l.primary.columns;
    // A tall screen gives the large tiles the room (no third of it left empty), up to half again
    // their height, leaving the CUS's contact details in sight.
    const float spare = height - needed - contactHeight(env, ctx, contactLines(env));
    const int rows = (count + cols - 1) / std::max(cols, 1);
    if (spare > 0.0f && rows > 0)
    {
        const float rowH =
            (PictogramTileGridHeight(ctx, primary.tiles, l.primary) - spacing * static_cast<float>(rows - 1)) /
            static_cast<float>(rows);
        l.primary.minRowHeight = std::floor(rowH + std::min(spare / static_cast<float>(rows), rowH * 0.5f));
    }
    return l;
}

ImVec2 textSize(ImFont* font, const std::string& text)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
}

/// Title and the CUS's name (which, held 3 s, opens staff mode's PIN keypad; a tap does nothing
/// here). The title goes on the top bar's row when it fits there. When even then the tiles would not
/// fit on a short landscape screen, the CUS's name takes that row instead and the title is left out:
/// every action in sight matters more than the question. Returns the height left for the list.
float drawHeader(const ScreenEnv& env, UiContext& ctx, Intents& out, const TopRow& row, const HomeTiles& primary,
                 const HomeTiles& secondary, float below)
{
    const std::string title = env.tr.tr("home.title");
    const std::string& name = env.text(env.catalog.municipality.cusName);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 titleSize = textSize(ctx.faces().title, title);
    const bool titleInRow = row.fits(titleSize);
    const float nameH = std::max(ctx.minTargetPx(),
                                 ImGui::CalcTextSize(name.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y);
    const float headerH = (titleInRow ? 0.0f : titleSize.y + spacing) + nameH + spacing * 2.0f;
    const ImVec2 nameAsTitle = textSize(ctx.faces().title, name);
    const bool compact = row.fits(ImVec2(nameAsTitle.x, std::max(nameAsTitle.y, ctx.minTargetPx()))) &&
                         chooseLayout(env, ctx, primary, secondary, below - headerH).needed > below - headerH;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (compact)
    {
        row.place(std::max(nameAsTitle.y, ctx.minTargetPx()));
        (void)StaffEntryHeader(env, ctx, out, name, HeaderStyle::Title);
        ImGui::SetCursorScreenPos(start);
        return below;
    }
    (void)TitleInTopRow(ctx, row, title);
    (void)StaffEntryHeader(env, ctx, out, name, HeaderStyle::Muted);
    return below - (ImGui::GetCursorScreenPos().y - start.y);
}

} // namespace

void drawHomeScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##home");
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out, {.backAndHome = false});
    const TopRow row = topRowAfter(ctx, mark);

    // The emergency strip stays in sight above the bottom bar; the tiles scroll above it if needed.
    const HomeTiles primary = primaryTiles(env);
    const HomeTiles secondary = secondaryTiles(env);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float below =
        ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx) - emergencyHelpHeight(env, ctx) - spacing;
    float listH = drawHeader(env, ctx, out, row, primary, secondary, below);
    // A tall panel's room under the tiles (a third of a 1080x1920 screen) shows the help numbers
    // themselves above the strip, so they need no touch; what is left still stretches the tiles.
    const float numbersH = emergencyNumbersHeight(env, ctx);
    const HomeLayout probe = chooseLayout(env, ctx, primary, secondary, listH);
    const bool showNumbers = numbersH > 0.0f && probe.primary.subtitles &&
                             listH - probe.needed - contactHeight(env, ctx, contactLines(env)) >= numbersH + spacing;
    if (showNumbers)
        listH -= numbersH + spacing;
    TouchScrollBegin(ctx, "##home-list", ImVec2(0, listH));
    const HomeLayout layout = chooseLayout(env, ctx, primary, secondary, listH);
    const int tappedPrimary = PictogramTileGrid(ctx, primary.tiles, layout.primary);
    if (tappedPrimary >= 0)
        emitAction(out, primary.actions[static_cast<std::size_t>(tappedPrimary)]);
    const int tappedSecondary = PictogramTileGrid(ctx, secondary.tiles, layout.secondary);
    if (tappedSecondary >= 0)
        emitAction(out, secondary.actions[static_cast<std::size_t>(tappedSecondary)]);
    drawContact(env, ctx, contactLines(env));
    TouchScrollEnd(ctx);
    if (showNumbers)
        drawEmergencyNumbers(env, ctx);

    drawEmergencyHelp(env, ctx, out);
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
