// The staff screens' shared frame and layout rules (see staff_frame.hpp).
#include "kiosk/ui/screens/staff_frame.hpp"

#include "kiosk/ui/screens/request_screen_parts.hpp" // keypadHeight, letterKeyboardHeight
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <algorithm>
#include <cfloat>
#include <imgui_internal.h>
#include <string>
#include <unordered_map>

namespace okienko::kiosk::ui
{
namespace
{

/// The language buttons at the right end of the row the cursor is on (its y set by the caller).
void languagesAtRight(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    // A gap before them, as after a button on the row: drawTopBar keeps them on this row then.
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - languageButtonsWidth(env, ctx) -
                         ImGui::GetStyle().ItemSpacing.x);
    drawTopBar(env, ctx, out, {.backAndHome = false});
}

/// The widest word of `text` in `font` (a title's that must not break inside a word).
float longestWordWidth(ImFont* font, std::string_view text)
{
    float widest = 0.0f;
    std::size_t from = 0;
    while (from <= text.size())
    {
        const std::size_t space = std::min(text.find(' ', from), text.size());
        widest = std::max(
            widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data() + from, text.data() + space).x);
        from = space + 1;
    }
    return widest;
}

/// "Zalogowano: Anna Nowak", or nothing before the PIN.
std::string whoLine(const ScreenEnv& env)
{
    const std::optional<StaffSession>& who = env.state.staff.session;
    return who ? env.tr.format("staff.menu.logged_in", {{"name", who->name}}) : std::string();
}

void mutedLine(UiContext& ctx, const std::string& line)
{
    ctx.record.addText(line);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.mutedText);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
}

/// The title (and who is logged in, when `who`), wrapped to end `right` (window-local x) at most.
void titleBlock(const ScreenEnv& env, UiContext& ctx, std::string_view title, float right, bool who)
{
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(right);
    ctx.record.addText(title);
    // A title of more than two lines in the title face (a check-out's unit and its long type name in
    // large text) takes the room of the form: it goes in the bold face then.
    const float width = (right > 0.0f ? right : ImGui::GetWindowContentRegionMax().x) - ImGui::GetCursorPosX();
    ImFont* big = ctx.faces().title;
    const bool fits = wrappedHeight(big, big->FontSize, width, title) <= big->FontSize * 1.15f * 2.0f + 1.0f &&
                      !breaksWord(big, big->FontSize, width, title);
    ImFont* face = fits ? big : ctx.faces().bold;
    ImGui::PushFont(face);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
    ctx.record.addTextBox(title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (breaksWord(face, face->FontSize, width, title))
        ctx.record.addClip("word-broken", title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // Who is logged in, on its own line: in the bar it would not fit beside Menu, Back and the
    // languages in every language and text size.
    if (const std::string line = whoLine(env); who && !line.empty())
        mutedLine(ctx, line);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

/// Where this frame's keys column starts (window-local y) when the keys stand beside the content,
/// and the title that then scrolls with the form (beginStaffForm draws it).
float g_keysTop = 0.0f;
std::string g_formTitle;
/// The keys' height as last drawn, per kind: more than the estimate when a key's label wraps.
float g_keysDrawn[4] = {0.0f, 0.0f, 0.0f, 0.0f};
float g_keysStartY = 0.0f;
StaffKeys g_keysKind = StaffKeys::None;

/// The keys' height: the estimate at the kiosk's key size, or what they took when last drawn.
float keysHeight(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys)
{
    float h = 0.0f;
    if (keys == StaffKeys::Letters)
        h = letterKeyboardHeight(ctx, env);
    else if (keys == StaffKeys::Code)
        h = keyboardHeight(ctx, codeKeyboard()) + ImGui::GetStyle().ItemSpacing.y * 1.5f;
    else if (keys == StaffKeys::Keypad)
        h = keypadHeight(ctx);
    return std::max(h, g_keysDrawn[static_cast<int>(keys)]);
}

/// The keys' width beside the content in landscape: keys a finger's size, as many as the widest
/// row of the letter keyboard (the keypad takes the same column, so the form does not jump when
/// the focus moves between a number and a name); 0 when they do not fit beside a readable column.
float besideKeysWidth(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys)
{
    if (keys == StaffKeys::None || !staffLandscape())
        return 0.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // A full target, as the residents' forms have beside their fields.
    const float key = std::max(ctx.minTargetPx(), ctx.em(1.9f));
    // The code keyboard is narrower than any letter keyboard: the form keeps its long labels whole.
    const float units = keys == StaffKeys::Code ? codeKeyboard().maxRowWidth()
                                                : std::max(env.state.keyboard.state.layout().maxRowWidth(), 11.0f);
    float keysW = units * key + (units - 1.0f) * letterKeyGap();
    // The keypad's three columns need far less: the form gets the room back while a number is typed.
    if (keys == StaffKeys::Keypad)
        keysW = std::min(keysW, 3.0f * std::max(ctx.minTargetPx() * 1.5f, ctx.em(3.5f)) + gap);
    const float full = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    return full - keysW - gap * 2.0f >= ctx.em(7.0f) ? keysW : 0.0f;
}

/// From the cursor down to where the bottom bar's backdrop starts (the window's padding under the
/// bar is not part of the bar's height).
float untilBottomBar(const ScreenEnv& env, const UiContext& ctx)
{
    return ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - bottomBarHeight(env, ctx) -
           ImGui::GetCursorPosY();
}

} // namespace

void beginStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out, const char* windowId,
                      const StaffFrameOptions& options)
{
    beginScreen(ctx, windowId);
    const float rowY = ImGui::GetCursorPosY();
    bool first = true;
    if (options.menu)
    {
        // Always first and always this wide, so a hand finds it without reading the screen.
        ButtonOptions menu;
        menu.id = "staff-to-menu";
        menu.size = ImVec2(std::max(ctx.minTargetPx() * 2.0f, ctx.em(6.0f)), 0);
        if (BigButton(ctx, env.tr.tr("staff.to_menu") + "##staff-to-menu", menu))
            out.emplace_back(StaffEntryIntent{staff_entry::ShowMenu{}});
        first = false;
    }
    if (options.back)
    {
        if (!first)
            ImGui::SameLine();
        ButtonOptions back;
        back.id = "back";
        if (BigButton(ctx, env.tr.tr("checkout.back") + "##back", back))
            out.emplace_back(GoBack{});
        first = false;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (const float keysW = besideKeysWidth(env, ctx, options.keys); keysW > 0.0f)
    {
        // Landscape with keys: the buttons and languages on top, then the keys down the right side
        // and the form on the left, its title scrolling with it (beginStaffForm), so a long title
        // neither pushes the keys under the bottom bar nor squeezes the form.
        ImGui::SetCursorPosY(rowY);
        languagesAtRight(env, ctx, out);
        g_keysTop = ImGui::GetCursorPosY();
        g_formTitle = std::string(options.title);
        return;
    }
    g_formTitle.clear();
    // Landscape is short: the title goes into the bar, between the buttons and the languages, where a
    // portrait bar has nothing but space, when its longest word fits there in the title face (Menu,
    // Back and the languages named in their own languages leave 120 px at 1280×720 in large text:
    // there the title goes under the bar as in portrait).
    const float titleLeft = first ? ImGui::GetCursorPosX()
                                  : ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x * 2.0f;
    const float titleRight = right - languageButtonsWidth(env, ctx) - style.ItemSpacing.x * 2.0f;
    if (staffLandscape() && titleRight - titleLeft >= longestWordWidth(ctx.faces().title, options.title))
    {
        if (!first)
            ImGui::SameLine(0.0f, style.ItemSpacing.x * 2.0f);
        // Who is logged in goes under the languages where it fits there (a long title keeps its
        // lines), else under the title.
        const std::string who = whoLine(env);
        const float whoX = right - ImGui::CalcTextSize(who.c_str()).x;
        const bool whoRight = !who.empty() && whoX >= titleRight + style.ItemSpacing.x * 2.0f;
        titleBlock(env, ctx, options.title, titleRight, !whoRight);
        const float rowEnd = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(rowY);
        languagesAtRight(env, ctx, out);
        if (whoRight)
        {
            ImGui::SetCursorPosX(whoX);
            mutedLine(ctx, who);
        }
        ImGui::SetCursorPosY(std::max(rowEnd, ImGui::GetCursorPosY()));
        ImGui::Spacing();
        return;
    }
    // The language buttons, right-aligned; on their own row when Menu and Back leave no room for
    // them (large text on a narrow panel), never over Back.
    if (!first && ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x * 2.0f <=
                      right - languageButtonsWidth(env, ctx))
        ImGui::SameLine();
    drawTopBar(env, ctx, out, {.backAndHome = false});
    ImGui::Spacing();
    titleBlock(env, ctx, options.title, 0.0f, true);
    ImGui::Spacing();
}

const KeyboardLayout* staffKeyRows(StaffKeys keys)
{
    return keys == StaffKeys::Code ? &codeKeyboard() : nullptr;
}

float staffContentHeight(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys)
{
    const float below = keysHeight(env, ctx, keys);
    // ImGui reads 0 or less as "fill the rest": the keys would go under the bottom bar.
    return std::max(untilBottomBar(env, ctx) - below, ctx.minTargetPx());
}

StaffKeysArea staffKeysArea(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys, std::string_view pinned)
{
    StaffKeysArea area;
    const float keysW = besideKeysWidth(env, ctx, keys);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    area.beside = keysW > 0.0f;
    const float width = area.beside ? ImGui::GetContentRegionAvail().x - keysW - gap * 2.0f : 0.0f;
    // Room under the form for the pinned action, as high as its label needs in the form's width.
    float reserve = 0.0f;
    if (!pinned.empty())
    {
        ButtonOptions o = staffActionOptions(ctx, pinned, ButtonStyle::Primary, {});
        if (area.beside)
            o.size.x = std::min(o.size.x, width);
        reserve = BigButtonSize(ctx, pinned, o).y + ImGui::GetStyle().ItemSpacing.y;
    }
    if (!area.beside)
    {
        area.content = ImVec2(0, std::max(staffContentHeight(env, ctx, keys) - reserve, ctx.minTargetPx()));
        return area;
    }
    area.content = ImVec2(width, std::max(untilBottomBar(env, ctx) - reserve, ctx.minTargetPx()));
    area.keysWidth = keysW;
    area.keysPos = ImVec2(ImGui::GetWindowContentRegionMax().x - keysW, g_keysTop);
    area.keysHeight = keysHeight(env, ctx, keys);
    return area;
}

void beginStaffForm(const ScreenEnv& env, UiContext& ctx, const char* id, const StaffKeysArea& area)
{
    TouchScrollBegin(ctx, id, area.content);
    if (area.beside && !g_formTitle.empty())
    {
        titleBlock(env, ctx, g_formTitle, 0.0f, true);
        ImGui::Spacing();
    }
}

float placeStaffKeys(const StaffKeysArea& area, StaffKeys keys)
{
    g_keysKind = keys;
    if (area.beside)
        ImGui::SetCursorPos(area.keysPos);
    g_keysStartY = ImGui::GetCursorPosY();
    return area.beside ? area.keysWidth : ImGui::GetContentRegionAvail().x;
}

void endStaffKeys()
{
    if (g_keysKind != StaffKeys::None)
        g_keysDrawn[static_cast<int>(g_keysKind)] = ImGui::GetCursorPosY() - g_keysStartY;
}

bool StaffPinnedAction(UiContext& ctx, const StaffKeysArea& area, const std::string& label, std::string_view id,
                       bool enabled)
{
    ButtonOptions o = staffActionOptions(ctx, label, ButtonStyle::Primary, id, enabled);
    if (area.beside)
    {
        // Under the form, which keeps the room for it: the keys take the whole height beside it.
        o.size.x = std::min(o.size.x, area.content.x);
    }
    return BigButton(ctx, label + "##" + std::string(id), o);
}

int StaffTiles(UiContext& ctx, const std::vector<StaffTile>& tiles, int columns)
{
    int tapped = -1;
    const std::size_t n = static_cast<std::size_t>(std::max(columns, 1));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    for (std::size_t i = 0; i < tiles.size(); i += n)
    {
        const std::size_t end = std::min(tiles.size(), i + n);
        ButtonOptions o;
        o.style = ButtonStyle::Tile;
        o.size = ImVec2(w, 0);
        float h = 0.0f;
        for (std::size_t j = i; j < end; ++j)
        {
            o.subtitle = tiles[j].subtitle;
            h = std::max(h, BigButtonSize(ctx, tiles[j].title, o).y);
        }
        o.size.y = h;
        for (std::size_t j = i; j < end; ++j)
        {
            if (j > i)
                ImGui::SameLine();
            o.subtitle = tiles[j].subtitle;
            o.id = tiles[j].id;
            if (BigButton(ctx, tiles[j].title + "##" + tiles[j].key, o))
                tapped = static_cast<int>(j);
        }
    }
    return tapped;
}

void endStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    drawBottomBar(env, ctx, out);
    endScreen();
}

bool staffLandscape()
{
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    return d.x > d.y;
}

int staffColumns(const UiContext& ctx, float minCardEm, int maxColumns)
{
    if (!staffLandscape())
        return 1;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int fit = static_cast<int>((avail + gap) / (ctx.em(minCardEm) + gap));
    return std::clamp(fit, 1, maxColumns);
}

void beginStaffColumns(const UiContext& ctx, const char* id, int columns)
{
    if (columns <= 1)
        return;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ctx.em(0.5f), ctx.em(0.25f)));
    ImGui::BeginTable(id, columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoPadOuterX);
}

void nextStaffColumn(int columns)
{
    if (columns > 1)
        ImGui::TableNextColumn();
}

void endStaffColumns(int columns)
{
    if (columns <= 1)
        return;
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

ButtonOptions staffActionOptions(const UiContext& ctx, std::string_view label, ButtonStyle style, std::string_view id,
                                 bool enabled)
{
    ButtonOptions o;
    o.style = style;
    o.id = id;
    o.enabled = enabled;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (!staffLandscape())
    {
        o.size = ImVec2(avail, 0);
        return o;
    }
    const std::string_view visible = visibleLabel(label);
    const float text = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x;
    o.size = ImVec2(std::min(avail, std::max(text + ImGui::GetStyle().FramePadding.x * 2.0f + ctx.em(2.0f),
                                             std::max(ctx.em(10.0f), ctx.minTargetPx() * 2.0f))),
                    0);
    return o;
}

bool StaffAction(UiContext& ctx, const std::string& label, std::string_view id, ButtonStyle style, bool enabled)
{
    const std::string full = label + "##" + std::string(id);
    return BigButton(ctx, full, staffActionOptions(ctx, label, style, id, enabled));
}

void keepTypedFieldInView(std::string_view key, int focus, float topScreenY)
{
    // What each screen's field had last frame: only a change (or the first sight) scrolls, so a finger
    // may still scroll away. A new area knows its content's height only a frame or two later, so the
    // field is brought into view over the next few frames, until it is whole.
    struct Watch
    {
        int focus = 0;
        int frames = 0;
        float height = 0.0f; ///< the field's: typing that wraps it onto a new line shows it whole again
        float area = 0.0f;   ///< the area's: taller keys (another layout) show it whole again
    };
    static std::unordered_map<std::string, Watch> watched;
    // A spacing's margin: the area's clip rectangle is a pixel inside its window's.
    const float margin = ImGui::GetStyle().ItemSpacing.y;
    ImRect rect(ImVec2(ImGui::GetItemRectMin().x, topScreenY - margin),
                ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + margin));
    // An area too low for the label and the field together shows the field (the last item) whole.
    const ImRect clip = ImGui::GetCurrentWindow()->InnerClipRect;
    if (rect.GetHeight() > clip.GetHeight())
        rect = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // A tap on the field being typed (half of it peeking out at the area's edge) shows it whole too.
    const ImGuiIO& io = ImGui::GetIO();
    const bool tapped = io.MouseReleased[0] && rect.Contains(io.MousePos);
    const float height = rect.GetHeight();
    const float area = clip.GetHeight();
    auto [it, inserted] = watched.try_emplace(std::string(key), Watch{focus, 0, height, area});
    if (inserted || tapped || it->second.focus != focus || it->second.height != height || it->second.area != area)
        it->second = Watch{focus, 6, height, area};
    if (it->second.frames <= 0)
        return;
    --it->second.frames;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->InnerClipRect.Contains(rect))
    {
        it->second.frames = 0;
        return;
    }
    ImGui::ScrollToRect(window, rect, ImGuiScrollFlags_KeepVisibleEdgeY);
}

} // namespace okienko::kiosk::ui
