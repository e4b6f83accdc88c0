// The voice's help screen (see speech_help_screen.hpp).
#include "kiosk/ui/screens/speech_help_screen.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk::ui
{

namespace
{

struct LevelKey
{
    const char* labelKey;
    const char* id;
    AdjustSpeech change;
};

const LevelKey kLevelKeys[] = {
    {"speech.slower", "speech-slower", AdjustSpeech{-1, 0}},
    {"speech.faster", "speech-faster", AdjustSpeech{1, 0}},
    {"speech.quieter", "speech-quieter", AdjustSpeech{0, -1}},
    {"speech.louder", "speech-louder", AdjustSpeech{0, 1}},
};

/// Two keys per row in portrait, four in one row in landscape: equal widths.
int keysPerRow()
{
    return isLandscape() ? 4 : 2;
}

/// A level key's options in a row `rowWidth` wide.
ButtonOptions levelOptions(const char* id, float rowWidth)
{
    ButtonOptions opt;
    const int perRow = keysPerRow();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    opt.size = ImVec2((rowWidth - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow), 0.0f);
    opt.id = id;
    return opt;
}

/// The height of the rows of level keys (measured with their labels).
float levelKeysHeight(const ScreenEnv& env, const UiContext& ctx)
{
    float rowH = 0.0f;
    for (const LevelKey& k : kLevelKeys)
        rowH = std::max(
            rowH, BigButtonSize(ctx, env.tr.tr(k.labelKey), levelOptions(k.id, ImGui::GetContentRegionAvail().x)).y);
    const int rows = 4 / keysPerRow();
    return (rowH + ImGui::GetStyle().ItemSpacing.y) * static_cast<float>(rows);
}

} // namespace

std::vector<std::string> speechGestures(const Translator& tr)
{
    std::vector<std::string> out;
    for (const char* key :
         {"speech.gesture.touch", "speech.gesture.again", "speech.gesture.double_tap", "speech.gesture.drag",
          "speech.gesture.scroll", "speech.gesture.keys", "speech.gesture.personal"})
        out.push_back(tr.tr(key));
    return out;
}

void drawSpeechHelpScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##speech-help");
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out);
    (void)TitleInTopRow(ctx, topRowAfter(ctx, mark), env.tr.tr("speech.help.title"));
    const std::vector<std::string> gestures = speechGestures(env.tr);
    std::string spoken;
    for (const std::string& g : gestures)
        spoken += (spoken.empty() ? "" : " ") + g;
    ctx.record.setReadAloud(spoken);

    const std::string levels =
        env.tr.format("speech.levels", {{"rate", std::to_string(env.state.speech.ratePercent)},
                                        {"volume", std::to_string(env.state.speech.volumePercent)}});
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float levelsH =
        wrappedHeight(ctx.faces().bold, ctx.faces().bold->FontSize, ImGui::GetContentRegionAvail().x, levels) + spacing;
    const float room =
        ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx) - levelKeysHeight(env, ctx) - levelsH - spacing;
    TouchScrollBegin(ctx, "##speech-gestures", ImVec2(0, std::max(room, ctx.minTargetPx())));
    for (const std::string& g : gestures)
        Paragraph(ctx, "• " + g);
    TouchScrollEnd(ctx);
    Label(ctx, levels);
    const int perRow = keysPerRow();
    const float rowWidth = ImGui::GetContentRegionAvail().x;
    int column = 0;
    for (const LevelKey& k : kLevelKeys)
    {
        if (column++ % perRow != 0)
            ImGui::SameLine();
        if (BigButton(ctx, env.tr.tr(k.labelKey) + "##" + k.id, levelOptions(k.id, rowWidth)))
            out.emplace_back(k.change);
    }
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
