// Shared screen frame (see screen_frame.hpp).
#include "kiosk/ui/screens/screen_frame.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
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
    // The window's margin above the top bar and under the bottom bar: half of it on a short landscape
    // output (the bars' buttons still 12 px from the display's edge). Pushed for the whole screen, so
    // whatever measures from the style's padding (the bottom bar, the screens' lists) measures from
    // this window's. Popped by endScreen.
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(padding.x, isShortLandscape(ctx) ? std::floor(padding.y * 0.5f) : padding.y));
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
    ImGui::PopStyleVar();
}

bool isLandscape()
{
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    return d.x > d.y;
}

bool isShortLandscape(const UiContext& ctx)
{
    constexpr float kShortLines = 26.0f;
    return isLandscape() && ImGui::GetIO().DisplaySize.y < kShortLines * ctx.faces().body->FontSize;
}

int layoutColumns(const UiContext& ctx, float minColumnEm)
{
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    const float column = std::max(ctx.em(minColumnEm), ctx.minTargetPx());
    const int fit = static_cast<int>((width + gap) / (column + gap));
    return std::clamp(fit, 1, isLandscape() ? 3 : 2);
}

float languageButtonsWidth(const ScreenEnv& env, const UiContext& ctx)
{
    const std::vector<domain::Language>& langs = env.state.languages;
    float total = ImGui::GetStyle().ItemSpacing.x * static_cast<float>(langs.size() > 0 ? langs.size() - 1 : 0);
    for (const domain::Language l : langs)
        total += naturalButtonWidth(ctx, env.tr.tr(l, "language." + std::string(domain::languageCode(l))));
    return total;
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
    for (const domain::Language l : langs)
        names.push_back(tr.tr(l, "language." + std::string(domain::languageCode(l))));
    const float total = languageButtonsWidth(env, ctx);
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
    if (!isShortLandscape(ctx))
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
    bool voice;  ///< the voice's key: its pictogram beside its label
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

/// The room the voice's pictogram takes before its label: the pictogram and a gap.
float pictogramRoom(const UiContext& ctx)
{
    return pictogramInlineSize(ctx) + ImGui::GetStyle().ItemInnerSpacing.x;
}

/// A key as wide as its label needs, the voice's with its pictogram before the label.
float ownWidth(const UiContext& ctx, const BarKey& k)
{
    return naturalButtonWidth(ctx, k.label) + (k.voice ? pictogramRoom(ctx) : 0.0f);
}

float stackedLabelMinSize(const UiContext& ctx);

/// The narrowest the voice's key can be with its label beside the pictogram, shrunk to a caption.
float sideBySideMinWidth(const UiContext& ctx, const BarKey& k)
{
    const std::string_view label = visibleLabel(k.label);
    const float text =
        ImGui::GetFont()
            ->CalcTextSizeA(stackedLabelMinSize(ctx), FLT_MAX, 0.0f, label.data(), label.data() + label.size())
            .x;
    return std::max(ctx.minTargetPx(), text + 1.0f + ImGui::GetStyle().FramePadding.x * 2.0f) + pictogramRoom(ctx);
}

/// Whether the voice's key at `width` has its pictogram above its label: when the two do not fit
/// side by side (a narrow portrait output, "Озвучення"). The row is as tall as two lines of the
/// other keys' labels there anyway.
bool voiceKeyStacked(const UiContext& ctx, const BarKey& k, float width)
{
    return k.voice && sideBySideMinWidth(ctx, k) > width + 0.5f && !isLandscape();
}

/// The one case without a label: a landscape output too narrow for the label even as a caption
/// beside the pictogram (1024×600 in large Ukrainian text), where a label under the pictogram would
/// make the bar taller than the screen can spare. Its name is still spoken.
bool voiceKeyIconOnly(const UiContext& ctx, const BarKey& k, float width)
{
    return k.voice && sideBySideMinWidth(ctx, k) > width + 0.5f && isLandscape();
}

/// The voice's key as its pictogram alone.
float iconOnlyWidth(const UiContext& ctx)
{
    return std::max(ctx.minTargetPx(), pictogramInlineSize(ctx) + ImGui::GetStyle().FramePadding.x * 2.0f);
}

/// How small the label under the pictogram may get before it is a clip, against the normal text
/// size (also in large text, where the keys beside it shrink to that size): a caption, as on a tab bar.
constexpr float kStackedLabelScale = 0.8f;

float stackedLabelMinSize(const UiContext& ctx)
{
    return std::min(ImGui::GetFontSize(), minLabelSize(ctx)) * kStackedLabelScale;
}

/// Left and right of the label under the pictogram: less than a button's padding, so the key
/// leaves the long labels beside it their width.
float stackedInset()
{
    return ImGui::GetStyle().FramePadding.x * 0.25f;
}

/// The voice's key with its pictogram above its label: as wide as the label (one word) needs at
/// its smallest.
float stackedWidth(const UiContext& ctx, const BarKey& k)
{
    const std::string_view label = visibleLabel(k.label);
    const float text =
        ImGui::GetFont()
            ->CalcTextSizeA(stackedLabelMinSize(ctx), FLT_MAX, 0.0f, label.data(), label.data() + label.size())
            .x +
        1.0f;
    return std::max({ctx.minTargetPx(), text, pictogramInlineSize(ctx)}) + stackedInset() * 2.0f;
}

/// The width a key needs for the longest word of its label: its label may wrap between words, and
/// shrink to the normal text size in large text (BigButton's labels shrink rather than break).
float longestWordWidth(const UiContext& ctx, const BarKey& k)
{
    const std::string_view label = visibleLabel(k.label);
    ImFont* font = ImGui::GetFont();
    const float size = std::min(font->FontSize, minLabelSize(ctx));
    float widest = 0.0f;
    std::size_t from = 0;
    while (from <= label.size())
    {
        const std::size_t space = std::min(label.find(' ', from), label.size());
        widest =
            std::max(widest, font->CalcTextSizeA(size, FLT_MAX, 0.0f, label.data() + from, label.data() + space).x);
        from = space + 1;
    }
    return widest + ImGui::GetStyle().FramePadding.x * 2.0f + 1.0f;
}

/// The voice's key's height at `width`: its label's, and the pictogram's beside or above it.
float voiceKeyHeight(const UiContext& ctx, const BarKey& k, float width)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    if (voiceKeyStacked(ctx, k, width))
        return style.FramePadding.y * 2.0f + pictogramInlineSize(ctx) + style.ItemInnerSpacing.y +
               ImGui::GetTextLineHeight();
    if (voiceKeyIconOnly(ctx, k, width))
        return std::max(ctx.minTargetPx(), pictogramInlineSize(ctx) + style.FramePadding.y * 2.0f);
    ButtonOptions opt;
    opt.size = ImVec2(width - pictogramRoom(ctx), 0);
    return std::max(BigButtonSize(ctx, k.label, opt).y, pictogramInlineSize(ctx) + style.FramePadding.y * 2.0f);
}

/// The keys' widths. In portrait the voice's key (its pictogram and a short word) takes what it
/// needs, at most a third of the row, and large text and high contrast share the rest of the root
/// window's content width: their long words ("контрастність") then never break. In landscape each takes the width of
/// the longest label, right-aligned, and the status line stands beside them: height is what a landscape panel lacks,
/// and one line less under every screen is worth the narrower buttons.
std::vector<float> keyWidths(const UiContext& ctx, const std::vector<BarKey>& keys)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float content = ImGui::GetIO().DisplaySize.x - style.WindowPadding.x * 2.0f;
    const float n = static_cast<float>(keys.size());
    const float share = (content - style.ItemSpacing.x * (n - 1.0f)) / n;
    std::vector<float> widths(keys.size(), share);
    if (isLandscape())
    {
        // Each key as wide as its own label (the voice's with its pictogram), as long as the row
        // fits; else the voice's key gives up width first (its label shrinks beside the pictogram
        // down to a caption; past that, the pictogram alone), then the text keys share what is left. Height is what a
        // landscape panel lacks: its labels stay on one line as long as they can.
        float voice = 0.0f;
        float wanted = 0.0f;
        for (std::size_t i = 0; i < keys.size(); ++i)
        {
            widths[i] = ownWidth(ctx, keys[i]) + style.FramePadding.x;
            (keys[i].voice ? voice : wanted) += widths[i];
        }
        const float spacing = style.ItemSpacing.x * (n - 1.0f);
        if (voice + wanted + spacing > content)
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (keys[i].voice)
                {
                    // Beside it while the label fits as a caption, else the pictogram alone.
                    const float left = std::min(widths[i], content - spacing - wanted);
                    widths[i] = left >= sideBySideMinWidth(ctx, keys[i]) ? left : iconOnlyWidth(ctx);
                    voice = widths[i];
                }
        const float room = content - voice - spacing;
        // Short of room, each text key gives up the same share of its width (its extra padding
        // first): a longer label keeps the wider key and stays on one line longer.
        if (wanted > room)
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (!keys[i].voice)
                    widths[i] *= room / wanted;
        return widths;
    }
    // The text keys need at least their longest word ("контрастність") on one line; the voice's key
    // gets what they leave, at most a third of the row.
    float wordNeed = 0.0f;
    int sharing = 0;
    for (const BarKey& k : keys)
        if (!k.voice)
        {
            wordNeed = std::max(wordNeed, longestWordWidth(ctx, k));
            ++sharing;
        }
    const float row = content - style.ItemSpacing.x * (n - 1.0f);
    const float voiceRoom = std::min(share, row - wordNeed * static_cast<float>(sharing));
    float left = row;
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        if (!keys[i].voice)
            continue;
        // Its pictogram beside its label where both fit, else above it (the label as a caption).
        const float own = ownWidth(ctx, keys[i]);
        widths[i] =
            own <= voiceRoom ? own : std::max(ctx.minTargetPx(), std::min(voiceRoom, stackedWidth(ctx, keys[i])));
        left -= widths[i];
    }
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        if (!keys[i].voice)
            widths[i] = left / static_cast<float>(std::max(sharing, 1));
    }
    return widths;
}

/// The tallest key at its width (a label wraps onto two lines on a narrow output in large text;
/// the voice's label has the width its pictogram leaves).
float barKeysHeight(const UiContext& ctx, const std::vector<BarKey>& keys, const std::vector<float>& widths)
{
    float h = 0.0f;
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        ButtonOptions opt;
        opt.size = ImVec2(widths[i], 0);
        h = std::max(h, keys[i].voice ? voiceKeyHeight(ctx, keys[i], widths[i])
                                      : BigButtonSize(ctx, keys[i].label, opt).y);
    }
    return h;
}

/// The voice's key's face, drawn over its button (whose own label is hidden): the pictogram and
/// its label, beside it and centred together, or above it where the key is too narrow; the label
/// shrinks rather than break. Recorded as text and pictogram, so a script can `expect` either, and
/// a label that does not fit is a clip like any other.
void drawVoiceKeyFace(UiContext& ctx, const BarKey& k, ImVec2 min, ImVec2 max)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string_view label = visibleLabel(k.label);
    const float icon = pictogramInlineSize(ctx);
    const ImVec2 innerMin(min.x + style.FramePadding.x, min.y + style.FramePadding.y);
    const ImVec2 innerMax(max.x - style.FramePadding.x, max.y - style.FramePadding.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 color = packed(ctx.palette.text);
    ImFont* font = ImGui::GetFont();
    const float minSize = stackedLabelMinSize(ctx); // a caption at the smallest, beside or under it
    ImVec2 iconAt;
    ImVec2 labelMin;
    ImVec2 labelMax;
    if (voiceKeyIconOnly(ctx, k, max.x - min.x))
    {
        drawPictogram(ctx, list, k.pictogram, ImVec2((min.x + max.x - icon) * 0.5f, (min.y + max.y - icon) * 0.5f),
                      icon, color);
        ctx.record.addText(pictogramRecordText(k.pictogram));
        return;
    }
    if (voiceKeyStacked(ctx, k, max.x - min.x))
    {
        // The pair centred in the key's height (the row is as tall as the tallest key).
        const float pair = icon + style.ItemInnerSpacing.y + ImGui::GetTextLineHeight();
        iconAt = ImVec2((min.x + max.x - icon) * 0.5f, std::max(innerMin.y, (min.y + max.y - pair) * 0.5f));
        labelMin = ImVec2(min.x + stackedInset(), iconAt.y + icon + style.ItemInnerSpacing.y);
        labelMax = ImVec2(max.x - stackedInset(), std::max(labelMin.y + ImGui::GetTextLineHeight(), innerMax.y));
    }
    else
    {
        const float textW = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 1.0f;
        const float group = std::min(icon + style.ItemInnerSpacing.x + textW, innerMax.x - innerMin.x);
        const float left = (innerMin.x + innerMax.x - group) * 0.5f;
        iconAt = ImVec2(left, (min.y + max.y - icon) * 0.5f);
        labelMin = ImVec2(left + icon + style.ItemInnerSpacing.x, innerMin.y);
        labelMax = ImVec2(std::max(labelMin.x, left + group), innerMax.y);
    }
    drawPictogram(ctx, list, k.pictogram, iconAt, icon, color);
    ctx.record.addText(pictogramRecordText(k.pictogram));
    drawFittedLabel(ctx, list, font, font->FontSize, minSize, labelMin, labelMax, color, label, k.id);
    ctx.record.addText(label);
}

/// The status line's own row: only in portrait (in landscape it sits beside the toggles), and only
/// on a kiosk with a server to report on (a standalone kiosk has no status: the row would be an
/// empty strip over the toggles).
float statusRowHeight(const ScreenEnv& env)
{
    return isLandscape() || env.state.connectivity.link == LinkState::Standalone ? 0.0f : statusLineHeight();
}

/// The bar without the toggles' labels: one row of buttons, and the status line's row when given.
float bareBottomBarHeight(const UiContext& ctx, float statusRow)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::max(ctx.minTargetPx(), ImGui::GetFontSize() + style.FramePadding.y * 2) + style.ItemSpacing.y +
           statusRow;
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
    return std::max(bareBottomBarHeight(ctx, statusRowHeight(env)),
                    buttons + style.ItemSpacing.y + statusRowHeight(env));
}

float bottomBarHeight(const UiContext& ctx)
{
    return ctx.bottomBarPx > 0.0f ? ctx.bottomBarPx
                                  : bareBottomBarHeight(ctx, isLandscape() ? 0.0f : statusLineHeight());
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
    ImGui::SetCursorPosY(top + statusRowHeight(env));
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
        if (k.voice)
            opt.speech = spoken; // its name, without the tick
        opt.style = k.on ? ButtonStyle::Selected : ButtonStyle::Secondary;
        opt.id = k.id;
        opt.role = k.toggle ? SpokenRole::Toggle : SpokenRole::Button;
        opt.state = k.on ? SpokenState::On : SpokenState::Off;
        if (BigButton(ctx, k.voice ? std::string("##") + k.id : k.label, opt))
            out.push_back(k.intent);
        if (k.voice)
            drawVoiceKeyFace(ctx, k, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
}

} // namespace okienko::kiosk::ui
