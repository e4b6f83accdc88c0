// What every screen and widget draws with: fonts, palette, physical units, and the record of the
// current frame (every tappable label with its rectangle, every text drawn, every clip). The record
// is what the automation script taps and checks, so "tap \"Szukaj\"" hits what a person would see,
// and `expect-no-clip` fails on text that does not fit what a person would read it in.
#pragma once

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

#include <cstdint>
#include <imgui.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace okienko::kiosk::ui
{

/// What kind of control a widget is, as the kiosk's voice names it ("przycisk", "pole tekstowe").
/// None is a widget that forgot to say: the frame record reports it as a "silent" clip.
enum class SpokenRole // SpeechAnnouncer::roleWord keeps this order
{
    None,
    Button,
    TextField,
    Checkbox,
    Key, ///< a key of the on-screen keyboard or a keypad
    Tab, ///< one of a set of views (browse by area / group / search)
    Toggle,
    Day, ///< a day of the calendar
};

/// A widget's state as spoken after its role.
enum class SpokenState // SpeechAnnouncer::stateWord keeps this order
{
    None,
    Checked,
    Unchecked,
    Selected, ///< the option that is on (a selected day, the current language)
    On,
    Off,
    Unavailable, ///< a calendar day open but fully booked
    Disabled,    ///< drawn but cannot be used now
};

/// What a widget tells the kiosk's voice besides its visible label.
struct Spoken
{
    SpokenRole role = SpokenRole::None;
    SpokenState state = SpokenState::None;
    std::string_view value;  ///< a field's content (spoken after the role)
    bool personal = false;   ///< the value is personal data: spoken only when the resident asks
    bool masked = false;     ///< the value is secret (a PIN): spoken as its length only
    std::string_view speech; ///< said instead of the visible label ("⌫" → "usuń"), when set
};

/// A Spoken with only its role.
inline Spoken spokenAs(SpokenRole role)
{
    Spoken s;
    s.role = role;
    return s;
}

/// A widget a finger can hit, as drawn this frame.
struct TapTarget
{
    std::string label; ///< visible text (the part before "##")
    std::string id;    ///< stable id when the widget has one (keyboard keys: "key-q")
    ImVec2 min;        ///< the part that is visible (inside its list's clip rectangle)
    ImVec2 max;
    bool enabled = true;
    bool visible = true; ///< false when scrolled out of its list: a finger cannot reach it now
    ImVec2 clipMin;      ///< the list (or window) area that shows it
    ImVec2 clipMax;
    float fullMinY = 0.0f; ///< the whole widget's top and bottom, also when scrolled away
    float fullMaxY = 0.0f;
    float fullMinX = 0.0f; ///< the whole widget's left and right, also when clipped
    float fullMaxX = 0.0f;
    bool covered = false; ///< partly under something drawn later over the content (the bottom bar)
    bool inList = false;  ///< drawn in a child window (a list that scrolls): partly hidden is normal
    SpokenRole role = SpokenRole::None;
    SpokenState state = SpokenState::None;
    std::string value;           ///< a field's content, as typed
    bool personal = false;       ///< see Spoken::personal
    bool masked = false;         ///< see Spoken::masked
    std::string speech;          ///< see Spoken::speech
    std::uint64_t screenKey = 0; ///< not recorded: set by callers that remember a target across frames

    /// The words the kiosk says for it: `speech` when set, else the label without its arrows and marks.
    std::string spokenLabel() const;

    /// Drawn whole on a display of `size`: not clipped, not covered, inside the display.
    bool isWhole(ImVec2 displaySize) const;

    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

/// Something a person cannot read or reach whole: text that does not fit its widget, a word broken
/// inside itself, a tap target off the display, under the bottom bar or overlapping another.
struct Clip
{
    std::string kind; ///< "text-overflow", "word-broken", "number-split", "past-edge", "off-display", "covered",
                      ///< "overlap", "small-target", "silent"
    std::string what; ///< the widget's id, else its label or text (shortened)
    ImVec2 min;       ///< the rectangle it was drawn in (the box the text did not fit)
    ImVec2 max;

    /// "word-broken \"key-done\" at (10,20)-(90,80)".
    std::string describe() const;
};

/// A paragraph, label or title as drawn: where its lines are and the part of it its list shows.
struct TextBox
{
    std::string text;
    ImVec2 min; ///< all its lines, also where scrolled away
    ImVec2 max;
    ImVec2 clipMin; ///< the list (or window) area that shows it
    ImVec2 clipMax;

    /// Every line readable: inside its list's area and on a display of `displaySize`.
    bool isWhole(ImVec2 displaySize) const;
};

/// Everything visible in one frame, collected while drawing.
class FrameRecord
{
  public:
    void clear();
    /// Records a widget drawn in the current ImGui window; clips it to the window's clip rect.
    /// `spoken` says its role and value for the kiosk's voice; without a role it is a "silent" clip.
    void addTarget(std::string_view label, ImVec2 min, ImVec2 max, bool enabled, std::string_view id,
                   const Spoken& spoken);
    void addText(std::string_view text);
    /// Where a wrapped text (recorded with addText) was drawn in the current ImGui window.
    void addTextBox(std::string_view text, ImVec2 min, ImVec2 max);
    /// The last text box whose text equals `text`, or nullptr.
    const TextBox* findTextBox(std::string_view text) const;
    /// One line of a wrapped paragraph as it was drawn (where the kiosk broke it, not ImGui).
    void addLine(std::string_view line) { m_lines.emplace_back(line); }
    /// An area painted over the content recorded so far (the bottom bar's backdrop): the targets
    /// already recorded there are partly hidden.
    void addCover(ImVec2 min, ImVec2 max);
    /// Records text that does not fit where it is drawn (widgets call this; see Clip::kind).
    void addClip(std::string_view kind, std::string_view what, ImVec2 min, ImVec2 max);

    /// The enabled target whose label equals `label` (ignoring leading/trailing arrows and
    /// marks such as "← " or "✓ "); else one whose label contains it; nullptr when nothing
    /// matches. Only visible targets unless `includeHidden`.
    const TapTarget* findTarget(std::string_view label, bool includeHidden = false) const;
    /// The enabled target with this stable id, or nullptr.
    const TapTarget* findTargetById(std::string_view id, bool includeHidden = false) const;
    /// True when `needle` is part of any text or label drawn this frame.
    bool containsText(std::string_view needle) const;

    /// The screen's title as the voice announces it on entering the screen (set by the screen).
    void setTitle(std::string_view title) { m_title = std::string(title); }
    const std::string& title() const { return m_title; }
    /// A message a person must hear (a validator's refusal, a failure): spoken once with the error cue.
    void addAlert(std::string_view message);
    const std::vector<std::string>& alerts() const { return m_alerts; }
    /// A completion code shown this frame: spelled out on entering the screen and on request.
    void setCode(std::string_view code) { m_code = std::string(code); }
    const std::string& code() const { return m_code; }
    /// Text the voice reads after the screen's title when the screen is entered (the help screen).
    void setReadAloud(std::string_view text) { m_readAloud = std::string(text); }
    const std::string& readAloud() const { return m_readAloud; }
    /// The resident asked to hear the code again (the code card, tapped).
    void requestCodeRepeat() { m_codeRepeat = true; }
    bool codeRepeatRequested() const { return m_codeRepeat; }
    /// A visible target drawn over part of `box` (a language button over a title beside the bar),
    /// or nullptr. A target holding the whole box (a tile and its own title) does not count.
    const TapTarget* targetOver(const TextBox& box) const;
    /// The enabled, visible target whose rectangle holds `p` (the topmost: drawn last), or nullptr.
    const TapTarget* targetAt(ImVec2 p) const;
    /// True when `p` is inside a list that scrolls (a child window holding a target).
    bool inScrollList(ImVec2 p) const;
    /// How many choices the screen offers: enabled targets, without the frame's own (back, home,
    /// languages, the bottom bar's toggles) and the keys of a keyboard.
    int choiceCount() const;

    /// Every clip of this frame on a display of `display`: those the widgets recorded while drawing,
    /// then enabled tap targets reaching off the display and pairs of them that overlap (a target
    /// scrolled out of its list does not count: only the part its list shows); with `minTarget` > 0
    /// also enabled keys (ids "key-…") narrower or lower than it: a finger needs 15 mm.
    std::vector<Clip> clips(ImVec2 display, float minTarget = 0.0f) const;

    const std::vector<TapTarget>& targets() const { return m_targets; }
    const std::vector<std::string>& texts() const { return m_texts; }
    /// Every line of the paragraphs drawn this frame, in order.
    const std::vector<std::string>& lines() const { return m_lines; }

  private:
    std::vector<TapTarget> m_targets;
    std::vector<std::string> m_texts;
    std::vector<TextBox> m_textBoxes;
    std::vector<std::string> m_lines;
    std::vector<Clip> m_clips;
    std::string m_title;
    std::vector<std::string> m_alerts;
    std::string m_code;
    bool m_codeRepeat = false;
    std::string m_readAloud;
};

/// Per-list state of a kinetic scroll area.
struct TouchScrollState
{
    float velocity = 0.0f; ///< px/s, positive scrolls down
    bool dragging = false;
    bool pressed = false; ///< a touch started inside this list
};

/// The visible part of a label: ImGui's "text##id" convention hides what follows "##".
std::string_view visibleLabel(std::string_view label);

struct UiContext
{
    FontSet fonts;
    Palette palette;
    float uiScale = 1.0f;
    float pxPerMm = 4.0f; ///< display width in px / panel width in mm
    bool largeText = false;
    FrameRecord record;
    /// Set by widgets that animate (inertia, long-press progress): the scheduler keeps drawing.
    bool animating = false;
    /// 0..1: how far the last long-press hold got (the ring's fill); set while a finger holds.
    float longPressProgress = 0.0f;
    std::unordered_map<ImGuiID, TouchScrollState> scrolls;
    /// The bottom bar's height this frame, measured with its labels before any screen draws
    /// (prepareScreenFrame); 0 until then.
    float bottomBarPx = 0.0f;
    /// The router's visit number of the screen being drawn: a scroll area starts at the top on a new one.
    std::uint64_t screenVisit = 0;
    /// Speech is on: widgets that only matter to a listener (the speech keys) are drawn.
    bool speechOn = false;

    const FontFaces& faces() const { return fonts.faces(largeText); }
    /// The smallest edge a touch target may have: 15 mm on the configured panel.
    float minTargetPx() const { return 15.0f * pxPerMm; }
    /// `n` times the current body text height.
    float em(float n) const { return n * ImGui::GetFontSize(); }
};

} // namespace okienko::kiosk::ui
