// Shared screen frame (see screen_frame.hpp).
#include "kiosk/ui/screens/screen_frame.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace okienko::kiosk::ui
{

namespace
{

/// "10:42" in the kiosk's local time zone.
std::string localClock(std::int64_t unixSeconds)
{
    const std::optional<LocalDateTime> t = localDateTimeOf(unixSeconds);
    return t ? formatClock(t->hour, t->minute) : "--:--";
}

} // namespace

std::string connectivityText(const ScreenEnv& env)
{
    const ConnectivityStatus& c = env.state.connectivity;
    switch (c.link)
    {
    case LinkState::Standalone:
        return {};
    case LinkState::Connecting:
        return env.tr.tr("status.connecting");
    case LinkState::Online:
        if (c.lastSyncAt)
            return env.tr.format("status.online", {{"time", localClock(*c.lastSyncAt)}});
        return env.tr.tr("status.connecting");
    case LinkState::Offline:
        return env.tr.tr("status.offline_short");
    }
    return {};
}

void beginScreen(UiContext& ctx, const char* id)
{
    (void)ctx;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // No background: the frontend clears the frame to the same colour, which the software
    // renderer does at memset speed; a second full-screen blended fill costs ~2 M pixels a frame.
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
}

void endScreen()
{
    ImGui::End();
}

bool isLandscape()
{
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    return d.x > d.y;
}

int layoutColumns(const UiContext& ctx, float minColumnEm)
{
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    const float column = std::max(ctx.em(minColumnEm), ctx.minTargetPx());
    const int fit = static_cast<int>((width + gap) / (column + gap));
    return std::clamp(fit, 1, isLandscape() ? 3 : 2);
}

void drawTopBar(const ScreenEnv& env, UiContext& ctx, Intents& out, const FrameOptions& options)
{
    const Translator& tr = env.tr;
    if (options.backAndHome)
    {
        ButtonOptions back;
        back.id = "back";
        if (BigButton(ctx, "← " + tr.tr("nav.back") + "##back", back))
            out.emplace_back(GoBack{});
        ImGui::SameLine();
        ButtonOptions home;
        home.id = "home";
        if (BigButton(ctx, tr.tr("nav.home") + "##home", home))
            out.emplace_back(GoHome{});
        ImGui::SameLine();
    }
    // Language buttons, right-aligned, each named in its own language so anyone finds theirs
    // ("UK" would read as the United Kingdom).
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const std::vector<domain::Language>& langs = env.state.languages;
    std::vector<std::string> names;
    float total = gap * static_cast<float>(langs.size() > 0 ? langs.size() - 1 : 0);
    for (const domain::Language l : langs)
    {
        names.push_back(tr.tr(l, "language." + std::string(domain::languageCode(l))));
        total += naturalButtonWidth(ctx, names.back());
    }
    const float left = ImGui::GetWindowContentRegionMin().x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float start = ImGui::GetCursorPosX(); // after Back and Home (or the caller's buttons)
    const bool sharesLine = start > left + 0.5f;
    const bool ownRow = sharesLine && start + gap + total > right;
    if (ownRow)
        ImGui::NewLine(); // a second row: nothing may cover Back or Home
    // On a display too narrow even for a row of their own, the three share it equally.
    const bool squeezed = total > right - left;
    const float equal = (right - left - gap * static_cast<float>(langs.size() - 1)) /
                        static_cast<float>(std::max<std::size_t>(langs.size(), 1));
    ImGui::SetCursorPosX(squeezed ? left : std::max(ImGui::GetCursorPosX(), right - total));
    for (std::size_t i = 0; i < langs.size(); ++i)
    {
        if (i > 0)
            ImGui::SameLine();
        const domain::Language l = langs[i];
        const std::string code(domain::languageCode(l));
        ButtonOptions opt;
        opt.size = ImVec2(squeezed ? equal : naturalButtonWidth(ctx, names[i]), 0.0f);
        opt.style = l == env.state.language ? ButtonStyle::Selected : ButtonStyle::Secondary;
        const std::string tapId = "lang-" + code;
        opt.id = tapId;
        if (BigButton(ctx, names[i] + "##" + tapId, opt))
            out.emplace_back(SetLanguage{l});
    }
    ImGui::Spacing();
}

/// The status line's height: one line of body text. Reserved on every screen, so a screen's
/// layout does not jump when the kiosk goes online or offline.
static float statusLineHeight()
{
    return ImGui::GetTextLineHeightWithSpacing();
}

namespace
{

/// One key of the bottom bar: the voice, large text, high contrast, and the voice's gestures and
/// settings while it is on.
struct BarKey
{
    std::string label; ///< as drawn, with the tick of a toggle that is on and its "##id"
    const char* id;
    bool on;
    bool toggle; ///< false: opens a screen (the speech key while the voice is on)
    bool voice;  ///< the voice's own keys: a pictogram in portrait
    Intent intent;
    const char* nameKey = "";   ///< the translation key of its name (spoken)
    const char* pictogram = ""; ///< the voice's keys
};

std::vector<BarKey> barKeys(const ScreenEnv& env)
{
    const auto label = [&](bool on, const char* key, const char* id)
    {
        return (on ? "✓ " : "") + env.tr.tr(key) + "##" + id;
    };
    const AppState& s = env.state;
    std::vector<BarKey> keys;
    // Off: the key turns the voice on. On: it opens the voice's screen (gestures, pace, loudness),
    // where the same key turns it off. One key, always in the same place, for both.
    const bool opensHelp = s.speech.on && s.router.current() != ScreenId::SpeechHelp;
    keys.push_back({label(s.speech.on, "speech.toggle", "speech"), "speech", s.speech.on, !opensHelp, true,
                    opensHelp ? Intent{OpenScreen{ScreenId::SpeechHelp}} : Intent{ToggleSpeech{}}, "speech.toggle",
                    "speech"});
    keys.push_back({label(s.largeText, "accessibility.large_text", "large-text"), "large-text", s.largeText, true,
                    false, ToggleLargeText{}, "accessibility.large_text", ""});
    keys.push_back({label(s.highContrast, "accessibility.high_contrast", "high-contrast"), "high-contrast",
                    s.highContrast, true, false, ToggleHighContrast{}, "accessibility.high_contrast", ""});
    return keys;
}

/// On all but wide landscape outputs the voice's key shows its pictogram only (its name is
/// spoken): the width goes to large text and high contrast, whose long words ("контрастність")
/// must neither break nor wrap the bar onto a second line (1024×600).
bool iconOnly(const BarKey& k)
{
    constexpr float kWideLandscape = 1280.0f;
    return k.voice && !(isLandscape() && ImGui::GetIO().DisplaySize.x >= kWideLandscape);
}

/// The keys' widths. In portrait the voice's keys (short words) take what their labels need and
/// large text and high contrast share the rest of the root window's content width: their long
/// words ("контрастність") then never break. In landscape each takes the width of the longest
/// label, right-aligned, and the status line stands beside them: height is what a landscape panel
/// lacks, and one line less under every screen is worth the narrower buttons.
std::vector<float> keyWidths(const UiContext& ctx, const std::vector<BarKey>& keys)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float content = ImGui::GetIO().DisplaySize.x - style.WindowPadding.x * 2.0f;
    const float n = static_cast<float>(keys.size());
    const float share = (content - style.ItemSpacing.x * (n - 1.0f)) / n;
    std::vector<float> widths(keys.size(), share);
    const float iconKey = std::max(ctx.minTargetPx(), pictogramInlineSize(ctx) + style.FramePadding.x * 2.0f);
    if (isLandscape())
    {
        // Each key as wide as its own label (the voice's key as its pictogram on a narrower
        // output), as long as the row fits; else the text keys share what the voice's key leaves.
        float voice = 0.0f;
        float wanted = 0.0f;
        for (std::size_t i = 0; i < keys.size(); ++i)
        {
            const float own = naturalButtonWidth(ctx, keys[i].label) + style.FramePadding.x;
            widths[i] = keys[i].voice && iconOnly(keys[i]) ? iconKey : own;
            (keys[i].voice ? voice : wanted) += widths[i];
        }
        const float room = content - voice - style.ItemSpacing.x * (n - 1.0f);
        if (wanted > room)
        {
            const float others = std::max(n - 1.0f, 1.0f);
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (!keys[i].voice)
                    widths[i] = room / others;
        }
        return widths;
    }
    float left = content - style.ItemSpacing.x * (n - 1.0f);
    int sharing = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        if (keys[i].voice)
        {
            widths[i] = std::min(share, iconKey); // a pictogram, its name spoken
            left -= widths[i];
        }
        else
        {
            ++sharing;
        }
    }
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        if (!keys[i].voice)
            widths[i] = left / static_cast<float>(std::max(sharing, 1));
    }
    return widths;
}

/// The tallest key at its width (a label wraps onto two lines on a narrow output in large text).
float barKeysHeight(const UiContext& ctx, const std::vector<BarKey>& keys, const std::vector<float>& widths)
{
    float h = 0.0f;
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        ButtonOptions opt;
        opt.size = ImVec2(widths[i], 0);
        h = std::max(h, BigButtonSize(ctx, iconOnly(keys[i]) ? std::string("##") + keys[i].id : keys[i].label, opt).y);
    }
    return h;
}

/// The status line's own row: only in portrait (in landscape it sits beside the toggles).
float statusRowHeight()
{
    return isLandscape() ? 0.0f : statusLineHeight();
}

/// The bar without the toggles' labels: one line of status, one row of buttons.
float bareBottomBarHeight(const UiContext& ctx)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::max(ctx.minTargetPx(), ImGui::GetFontSize() + style.FramePadding.y * 2) + style.ItemSpacing.y +
           statusRowHeight();
}

} // namespace

void prepareScreenFrame(const ScreenEnv& env, UiContext& ctx)
{
    ctx.bottomBarPx = 0.0f;
    ctx.bottomBarPx = bottomBarHeight(env, ctx);
}

float bottomBarHeight(const ScreenEnv& env, const UiContext& ctx)
{
    // Large text on a narrow output wraps a label onto two lines: the bar grows to hold it.
    const std::vector<BarKey> keys = barKeys(env);
    const float buttons = barKeysHeight(ctx, keys, keyWidths(ctx, keys));
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::max(bareBottomBarHeight(ctx), buttons + style.ItemSpacing.y + statusRowHeight());
}

float bottomBarHeight(const UiContext& ctx)
{
    return ctx.bottomBarPx > 0.0f ? ctx.bottomBarPx : bareBottomBarHeight(ctx);
}

void drawBottomBar(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = bottomBarHeight(env, ctx);
    const float top = ImGui::GetWindowHeight() - h - style.WindowPadding.y + style.ItemSpacing.y;
    // Content that runs long (announcements on the attract screen) must not show through the bar.
    const ImVec2 win = ImGui::GetWindowPos();
    const ImVec2 coverMin(win.x, win.y + top - style.ItemSpacing.y * 0.5f);
    const ImVec2 coverMax(win.x + ImGui::GetWindowWidth(), win.y + ImGui::GetWindowHeight());
    ImGui::GetWindowDrawList()->AddRectFilled(coverMin, coverMax, packed(ctx.palette.background));
    ctx.record.addCover(coverMin, coverMax);
    const std::vector<BarKey> keys = barKeys(env);
    const std::vector<float> widths = keyWidths(ctx, keys);
    // The link to the server, small but readable; offline in the full text colour. In landscape it
    // stands left of the toggles, on their row.
    const float buttonsH = barKeysHeight(ctx, keys, widths);
    const float statusY = isLandscape() ? top + (buttonsH - ImGui::GetTextLineHeight()) * 0.5f : top;
    ImGui::SetCursorPosY(statusY);
    const std::string status = connectivityText(env);
    if (!status.empty())
    {
        const bool offline = env.state.connectivity.link == LinkState::Offline;
        TextIn(ctx, ctx.faces().body, offline ? ctx.palette.text : ctx.palette.mutedText, status);
    }
    ImGui::SetCursorPosY(top + statusRowHeight());
    const float n = static_cast<float>(keys.size());
    float total = style.ItemSpacing.x * (n - 1.0f);
    for (const float w : widths)
        total += w;
    if (isLandscape())
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - total);
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        const BarKey& k = keys[i];
        if (i > 0)
            ImGui::SameLine();
        ButtonOptions opt;
        opt.size = ImVec2(widths[i], buttonsH);
        const std::string spoken = env.tr.tr(k.nameKey);
        if (iconOnly(k))
            opt.speech = spoken;
        opt.style = k.on ? ButtonStyle::Selected : ButtonStyle::Secondary;
        opt.id = k.id;
        opt.role = k.toggle ? SpokenRole::Toggle : SpokenRole::Button;
        opt.state = k.on ? SpokenState::On : SpokenState::Off;
        if (BigButton(ctx, iconOnly(k) ? std::string("##") + k.id : k.label, opt))
            out.push_back(k.intent);
        if (k.voice)
        {
            const ImVec2 mn = ImGui::GetItemRectMin();
            const ImVec2 mx = ImGui::GetItemRectMax();
            const float icon = pictogramInlineSize(ctx);
            if (iconOnly(k))
                drawPictogram(ctx, ImGui::GetWindowDrawList(), k.pictogram,
                              ImVec2((mn.x + mx.x - icon) * 0.5f, (mn.y + mx.y - icon) * 0.5f), icon,
                              packed(ctx.palette.text));
            ctx.record.addText(pictogramRecordText(k.pictogram));
        }
    }
}

} // namespace okienko::kiosk::ui
