// Catalogue screen (see catalogue_screen.hpp).
#include "kiosk/ui/screens/catalogue_screen.hpp"

#include "kiosk/ui/screens/area_words.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/pictogram_tile.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

using domain::Service;

constexpr std::string_view kGenericPictogram = "generic";

/// An added area or group without a chosen picture shows the generic one: the neutral shape the
/// touch kit draws for a name its table does not have (decision 0012).
std::string tilePictogram(std::string name)
{
    return name.empty() ? std::string(kGenericPictogram) : name;
}

bool listed(const Service& s)
{
    return s.status != domain::ServiceStatus::Archived;
}

std::vector<const Service*> servicesWhere(const ScreenEnv& env, auto&& pred)
{
    std::vector<const Service*> out;
    for (const Service& s : env.catalog.services)
    {
        if (listed(s) && pred(s))
            out.push_back(&s);
    }
    std::stable_sort(out.begin(), out.end(),
                     [&](const Service* a, const Service* b) { return env.text(a->name) < env.text(b->name); });
    return out;
}

std::string countText(const ScreenEnv& env, std::size_t n)
{
    return env.tr.format("catalog.results", {{"count", std::to_string(n)}});
}

/// The search field's Clear button: as wide as its word, at least a finger's width.
float clearButtonWidth(const ScreenEnv& env, const UiContext& ctx)
{
    return std::max(ctx.minTargetPx(),
                    ImGui::CalcTextSize(env.tr.tr("keyboard.clear").c_str()).x + ImGui::GetStyle().FramePadding.x * 2);
}

/// The back button's label in the narrow column beside the search keyboard.
std::string backToAreasLabel(const ScreenEnv& env)
{
    return "← " + env.tr.tr("catalog.areas") + "##tab-areas";
}

/// In the narrow column beside the keyboard, Clear goes up beside the back button when both fit,
/// so the search field below gets the column's whole width.
bool clearBesideBack(const ScreenEnv& env, const UiContext& ctx)
{
    if (env.state.catalogue.mode != BrowseMode::Search || !formColumnOpen())
        return false;
    const float backW = BigButtonSize(ctx, backToAreasLabel(env)).x;
    return backW + ImGui::GetStyle().ItemSpacing.x + clearButtonWidth(env, ctx) <= ImGui::GetContentRegionAvail().x;
}

void clearButton(const ScreenEnv& env, UiContext& ctx, Intents& out, float width)
{
    ButtonOptions clear;
    clear.size = ImVec2(width, 0);
    clear.id = "search-clear";
    clear.enabled = !env.state.catalogue.query.buffer.empty();
    if (BigButton(ctx, env.tr.tr("keyboard.clear") + "##clear", clear))
        out.emplace_back(ClearField{FieldId::Search});
}

void modeTabs(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const BrowseMode mode = env.state.catalogue.mode;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // In the narrow column beside the search keyboard: one button back to the areas (and Clear when
    // it fits beside), instead of three tabs whose words would not fit.
    if (mode == BrowseMode::Search && formColumnOpen())
    {
        const bool clearHere = clearBesideBack(env, ctx);
        const float clearW = clearButtonWidth(env, ctx);
        ButtonOptions opt;
        opt.size = ImVec2(ImGui::GetContentRegionAvail().x - (clearHere ? clearW + gap : 0.0f), 0);
        opt.style = ButtonStyle::Secondary;
        opt.id = "tab-areas";
        if (BigButton(ctx, backToAreasLabel(env), opt))
        {
            out.emplace_back(SetBrowseMode{BrowseMode::Areas});
            out.emplace_back(SelectArea{std::nullopt});
        }
        if (clearHere)
        {
            ImGui::SameLine();
            clearButton(env, ctx, out, clearW);
        }
        return;
    }
    const float w = (ImGui::GetContentRegionAvail().x - gap * 2) / 3.0f;
    struct Tab
    {
        BrowseMode mode;
        const char* key;
        const char* id;
    };
    constexpr Tab kTabs[] = {{BrowseMode::Areas, "catalog.areas", "tab-areas"},
                             {BrowseMode::Groups, "catalog.groups", "tab-groups"},
                             {BrowseMode::Search, "catalog.search", "tab-search"}};
    bool first = true;
    for (const Tab& t : kTabs)
    {
        if (!first)
            ImGui::SameLine();
        first = false;
        ButtonOptions opt;
        opt.size = ImVec2(w, 0);
        opt.style = mode == t.mode ? ButtonStyle::Selected : ButtonStyle::Secondary;
        opt.id = t.id;
        if (BigButton(ctx, env.tr.tr(t.key) + "##" + t.id, opt))
        {
            out.emplace_back(SetBrowseMode{t.mode});
            if (t.mode == BrowseMode::Areas)
                out.emplace_back(SelectArea{std::nullopt});
            if (t.mode == BrowseMode::Groups)
                out.emplace_back(SelectGroup{std::nullopt});
        }
    }
}

/// Services as tiles: name, summary and the pictogram of the service's main area.
std::vector<TileSpec> serviceTiles(const ScreenEnv& env, const std::vector<const Service*>& services)
{
    std::vector<TileSpec> tiles;
    for (const Service* s : services)
    {
        const std::string id = "service-" + s->id;
        tiles.push_back(TileSpec{env.text(s->name) + "##" + id, env.text(s->summary),
                                 std::string(domain::areaCode(s->primaryArea)), id, true});
    }
    return tiles;
}

bool landscape()
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return display.x > display.y;
}

/// Service tiles in one column, or two on a wide landscape screen; a tap opens the service. `titlesOnly`:
/// one line per service (a short list on a landscape panel, or a column beside the keyboard), so a
/// resident sees several at once and scrolls less.
void serviceGrid(const ScreenEnv& env, UiContext& ctx, Intents& out, const std::vector<const Service*>& services,
                 bool titlesOnly = false)
{
    std::vector<TileSpec> tiles = serviceTiles(env, services);
    GridOptions grid;
    grid.subtitles = !titlesOnly;
    // Beside the keyboard the column is narrow: the names get the pictograms' width too.
    if (titlesOnly && formColumnOpen())
        for (TileSpec& t : tiles)
            t.pictogram.clear();
    grid.iconSize = pictogramInlineSize(ctx);
    grid.columns = landscape() ? PictogramTileColumns(ctx, tiles, ImGui::GetContentRegionAvail().x, 2, TileShape::Row,
                                                      grid.iconSize)
                               : 1;
    // Beside the keyboard, names without pictograms need little inner margin: the words get it.
    const bool narrow = titlesOnly && formColumnOpen();
    if (narrow)
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x * 0.4f, ImGui::GetStyle().FramePadding.y));
    const int tapped = PictogramTileGrid(ctx, tiles, grid);
    if (narrow)
        ImGui::PopStyleVar();
    if (tapped >= 0)
        out.emplace_back(OpenService{services[static_cast<std::size_t>(tapped)]->id});
}

void serviceList(const ScreenEnv& env, UiContext& ctx, Intents& out, const std::vector<const Service*>& services,
                 float height)
{
    TouchScrollBegin(ctx, "##services", ImVec2(0, height));
    // Fewer than ten lines of text: the summaries would leave room for one service at a time.
    serviceGrid(env, ctx, out, services, height < ctx.em(10.0f));
    if (services.empty())
        ParagraphColored(ctx, env.tr.tr("catalog.no_results"), ctx.palette.mutedText);
    TouchScrollEnd(ctx);
}

/// Tiles with pictograms in a grid: three columns on a landscape screen, two in portrait, fewer
/// when a word would not fit. Returns the index tapped, or -1.
int choiceGrid(UiContext& ctx, const std::vector<TileSpec>& tiles)
{
    GridOptions grid;
    grid.columns =
        PictogramTileColumns(ctx, tiles, ImGui::GetContentRegionAvail().x, landscape() ? 3 : 2, TileShape::Row);
    return PictogramTileGrid(ctx, tiles, grid);
}

void backRow(const ScreenEnv& env, UiContext& ctx, Intents& out, const char* key, const Intent& intent,
             const std::string& heading)
{
    ButtonOptions opt;
    opt.id = "list-up";
    if (BigButton(ctx, "← " + env.tr.tr(key) + "##up", opt))
        out.push_back(intent);
    // Landscape is short: the heading beside the button leaves the list a row more.
    if (isLandscape())
    {
        ImGui::SameLine();
        const float buttonH = ImGui::GetItemRectSize().y;
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + std::max(0.0f, (buttonH - ctx.faces().title->FontSize) * 0.5f));
        ImGui::BeginGroup();
        Title(ctx, heading);
        ImGui::EndGroup();
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y + buttonH + ImGui::GetStyle().ItemSpacing.y));
        return;
    }
    Title(ctx, heading);
}

void drawAreas(const ScreenEnv& env, UiContext& ctx, Intents& out, float height)
{
    const CatalogueState& c = env.state.catalogue;
    if (c.area)
    {
        const domain::Area area = *c.area;
        const float before = ImGui::GetCursorPosY();
        backRow(env, ctx, out, "catalog.areas", SelectArea{std::nullopt}, areaName(env, area, AreaForm::Official));
        const auto services = servicesWhere(
            env, [&](const Service& s) { return std::find(s.areas.begin(), s.areas.end(), area) != s.areas.end(); });
        serviceList(env, ctx, out, services, height - (ImGui::GetCursorPosY() - before));
        return;
    }
    std::vector<TileSpec> tiles;
    const auto areas = env.catalog.activeAreas();
    for (const domain::AreaDefinition* def : areas)
    {
        const domain::Area& area = def->id;
        const auto services = servicesWhere(
            env, [&](const Service& s) { return std::find(s.areas.begin(), s.areas.end(), area) != s.areas.end(); });
        const std::string code(domain::areaCode(area));
        const std::string shortName = areaName(env, area, AreaForm::Short);
        const std::string official = areaName(env, area, AreaForm::Official);
        // The act's name under the short one, unless they are the same words.
        const std::string count = countText(env, services.size());
        tiles.push_back(TileSpec{shortName + "##area-" + code, official == shortName ? count : official + " · " + count,
                                 tilePictogram(domain::pictogramOf(*def)), "area-" + code, !services.empty()});
    }
    TouchScrollBegin(ctx, "##areas", ImVec2(0, height));
    const int tapped = choiceGrid(ctx, tiles);
    if (tapped >= 0)
        out.emplace_back(SelectArea{areas[static_cast<std::size_t>(tapped)]->id});
    TouchScrollEnd(ctx);
}

void drawGroups(const ScreenEnv& env, UiContext& ctx, Intents& out, float height)
{
    const CatalogueState& c = env.state.catalogue;
    auto inGroup = [](const Service& s, const domain::TargetGroup& g)
    {
        return std::find(s.targetGroups.begin(), s.targetGroups.end(), g) != s.targetGroups.end() ||
               std::find(s.targetGroups.begin(), s.targetGroups.end(), domain::TargetGroup::AllResidents) !=
                   s.targetGroups.end();
    };
    if (c.group)
    {
        const domain::TargetGroup group = *c.group;
        const float before = ImGui::GetCursorPosY();
        backRow(env, ctx, out, "catalog.groups", SelectGroup{std::nullopt}, groupName(env, group));
        const auto services = servicesWhere(env, [&](const Service& s) { return inGroup(s, group); });
        serviceList(env, ctx, out, services, height - (ImGui::GetCursorPosY() - before));
        return;
    }
    std::vector<TileSpec> tiles;
    const auto groups = env.catalog.activeTargetGroups();
    for (const domain::TargetGroupDefinition* def : groups)
    {
        const domain::TargetGroup& group = def->id;
        const auto services = servicesWhere(env, [&](const Service& s) { return inGroup(s, group); });
        const std::string code(domain::targetGroupCode(group));
        tiles.push_back(TileSpec{groupName(env, group) + "##group-" + code, countText(env, services.size()),
                                 tilePictogram(domain::pictogramOf(*def)), "group-" + code, !services.empty()});
    }
    TouchScrollBegin(ctx, "##groups", ImVec2(0, height));
    const int tapped = choiceGrid(ctx, tiles);
    if (tapped >= 0)
        out.emplace_back(SelectGroup{groups[static_cast<std::size_t>(tapped)]->id});
    TouchScrollEnd(ctx);
}

void drawSearch(const ScreenEnv& env, UiContext& ctx, Intents& out, bool clearInTabs)
{
    const CatalogueState& c = env.state.catalogue;
    // Portrait: the field, the results under it and the keyboard under them. Landscape: the field
    // and the results on the left, the keyboard beside them from the field's top, where its rows
    // have the height they need.
    // The keyboard beside: the results in the column left of it, one line each.
    const bool landscape = isLandscape();
    const bool column = formColumnOpen();
    if (landscape)
        beginPersonForm(env, ctx, "##results", false);
    const float width = ImGui::GetContentRegionAvail().x;
    const float clearBesideW = clearButtonWidth(env, ctx) + ImGui::GetStyle().ItemSpacing.x;
    if (column && clearInTabs)
        TextField(ctx, c.query.buffer.text(), env.tr.tr("catalog.search.placeholder"), width);
    else if (column && width - clearBesideW < ctx.em(10.0f))
    {
        // Clear fits neither beside Back nor beside a field still wide enough to read what is typed
        // (1280x720 in large Ukrainian text left the field 105 px): it goes under the field.
        TextField(ctx, c.query.buffer.text(), env.tr.tr("catalog.search.placeholder"), width);
        clearButton(env, ctx, out, width);
    }
    else
    {
        const float clearW = clearButtonWidth(env, ctx);
        TextField(ctx, c.query.buffer.text(), env.tr.tr("catalog.search.placeholder"),
                  width - clearW - ImGui::GetStyle().ItemSpacing.x);
        ImGui::SameLine();
        clearButton(env, ctx, out, clearW);
    }
    if (!landscape)
        beginPersonForm(env, ctx, "##results", false);
    if (c.query.buffer.empty())
    {
        // Nothing typed yet: the placeholder in the field says what to do.
    }
    else if (c.results.empty())
    {
        ParagraphColored(ctx, env.tr.tr("catalog.no_results"), ctx.palette.mutedText);
    }
    else
    {
        ParagraphColored(ctx, countText(env, c.results.size()), ctx.palette.mutedText);
        std::vector<const Service*> found;
        for (const std::string& id : c.results)
        {
            if (const Service* s = env.catalog.findService(id))
                found.push_back(s);
        }
        serviceGrid(env, ctx, out, found, column);
    }
    if (const std::optional<Key> key = endPersonForm(env, ctx, false))
    {
        if (key->action == KeyAction::Done)
            out.emplace_back(SetBrowseMode{BrowseMode::Search}); // keeps the results; nothing to close
        else
            out.emplace_back(PressKey{FieldId::Search, *key});
    }
}

} // namespace

void drawCatalogueScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##catalogue");
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out);
    (void)TitleInTopRow(ctx, topRowAfter(ctx, mark), env.tr.tr("catalog.title"));
    // Searching on a landscape panel: the keyboard beside the tabs, the field and the results, from
    // under the title down, where its rows have a finger's height.
    if (env.state.catalogue.mode == BrowseMode::Search && isLandscape())
        beginFormColumn(env, ctx, "##search-column", false);
    const bool clearInTabs = clearBesideBack(env, ctx);
    modeTabs(env, ctx, out);
    ImGui::Spacing();
    const float height = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    switch (env.state.catalogue.mode)
    {
    case BrowseMode::Areas:
        drawAreas(env, ctx, out, height);
        break;
    case BrowseMode::Groups:
        drawGroups(env, ctx, out, height);
        break;
    case BrowseMode::Search:
        drawSearch(env, ctx, out, clearInTabs);
        break;
    }
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
