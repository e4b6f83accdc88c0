// Automation script execution (see automation_runner.hpp).
#include "kiosk/platform/automation_runner.hpp"

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/platform/monkey.hpp"
#include "kiosk/platform/screenshot.hpp"
#include "shared/text/utf8.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace okienko::kiosk::platform
{

namespace
{

/// How long `expect-screen` waits for a worker's answer to change the screen.
constexpr Uint64 kWorkerWaitMs = 10'000;

} // namespace

AutomationRunner::AutomationRunner(Frontend& frontend, KioskApp& app, ManualClock& clock, std::string scriptName)
    : m_frontend(frontend), m_app(app), m_clock(clock), m_scriptName(std::move(scriptName)),
      m_failShot("automation-failure.png")
{
    // Layout checks (the layout sweep) need no pixels except in screenshots: the software renderer
    // is most of a scripted frame's cost.
    const char* layoutOnly = std::getenv("OKIENKO_SCRIPT_LAYOUT_ONLY");
    m_layoutOnly = layoutOnly != nullptr && std::string_view(layoutOnly) == "1";
    m_frontend.setPixels(!m_layoutOnly);
}

void AutomationRunner::frames(int n)
{
    for (int i = 0; i < n; ++i)
    {
        SDL_Event e;
        while (SDL_PollEvent(&e) != 0)
            (void)m_frontend.handleEvent(e); // window events from the driver; no user input headless
        m_app.tick();
        const ScreenId drawn = m_app.state().router.current(); // a tap in this frame may leave it
        m_frontend.renderFrame();
        if (m_clipCheck != ClipCheck::Off)
            checkClipsOfFrame(drawn);
        noteScreen();
    }
}

void AutomationRunner::noteScreen()
{
    const std::uint64_t visit = m_app.state().router.visit();
    if (m_voice == nullptr || visit == m_heardVisit)
        return;
    m_heardVisit = visit;
    m_heardFrom = m_voice->utterances().size();
}

bool AutomationRunner::spokenSince(const std::string& text) const
{
    const std::vector<speech::Utterance>& said = m_voice->utterances();
    for (std::size_t i = m_heardFrom; i < said.size(); ++i)
    {
        if (said[i].text.find(text) != std::string::npos)
            return true;
    }
    return false;
}

std::string AutomationRunner::heardSince() const
{
    std::string out;
    const std::vector<speech::Utterance>& said = m_voice->utterances();
    for (std::size_t i = m_heardFrom; i < said.size(); ++i)
        out += (out.empty() ? "\"" : " | \"") + said[i].text + "\"";
    return out.empty() ? "nothing" : out;
}

bool AutomationRunner::setSpeechOn(bool on, std::string& why)
{
    if (m_app.state().speech.on == on)
        return true;
    return pressPhysicalKey(m_frontend.speechKey().key, m_frontend.speechKey().scancode, why);
}

bool AutomationRunner::explore(const std::string& key, bool byId, std::string& why)
{
    if (!m_app.state().speech.on)
    {
        why = "speech is off: a touch would press, not explore (speech on first)";
        return false;
    }
    ui::TapTarget t;
    if (!find(key, byId, t, why))
        return false;
    // A finger moving to the next widget takes longer than a double tap: this touch is a new one.
    m_clock.advance(Millis(ui::ExploreByTouch::kDoubleTapMs + 100));
    return tapAt(t, why);
}

bool AutomationRunner::doubleTap(std::string& why)
{
    if (!m_app.state().speech.on)
    {
        why = "speech is off: double-tap activates only what the voice spoke";
        return false;
    }
    if (!m_app.spokenFocus())
    {
        why = "nothing was spoken on this screen yet (explore first)";
        return false;
    }
    // A spot no widget covers, so the gesture is the double tap itself, not a touch on a widget.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImVec2 spot = m_app.spokenFocus()->centre();
    const ui::FrameRecord& rec = m_app.ui().record;
    bool found = false;
    for (int gy = 1; gy < 24 && !found; ++gy)
    {
        for (int gx = 1; gx < 12 && !found; ++gx)
        {
            const ImVec2 p(display.x * static_cast<float>(gx) / 12.0f, display.y * static_cast<float>(gy) / 24.0f);
            found = rec.targetAt(p) == nullptr && !rec.inScrollList(p);
            if (found)
                spot = p;
        }
    }
    m_clock.advance(Millis(ui::ExploreByTouch::kDoubleTapMs + 100));
    m_app.userActivity();
    TouchAdapter& touch = m_frontend.touch();
    for (int i = 0; i < 2; ++i)
    {
        touch.push(TouchAdapter::Kind::Down, spot);
        touch.push(TouchAdapter::Kind::Up, spot);
    }
    (void)why;
    settle();
    return true;
}

void AutomationRunner::checkClipsOfFrame(ScreenId drawn)
{
    const std::vector<ui::Clip> clips = m_app.ui().record.clips(ImGui::GetIO().DisplaySize, m_app.ui().minTargetPx());
    if (clips.empty())
        return;
    const std::string screen(screenName(drawn));
    if (m_clipCheck == ClipCheck::On)
    {
        if (m_clipFailure.empty())
        {
            m_clipFailure = "clip on screen " + screen + ": " + clips.front().describe();
            failureShot(); // this frame, before the script moves on
        }
        return;
    }
    for (const ui::Clip& c : clips)
    {
        // Once per screen and widget: a list scrolling past a clip would repeat it every frame.
        if (m_reported.insert(screen + " " + c.kind + " " + c.what).second)
            std::fprintf(stderr, "%s: clip on screen %s: %s\n", m_scriptName.c_str(), screen.c_str(),
                         c.describe().c_str());
    }
}

void AutomationRunner::renderForShot()
{
    m_frontend.setPixels(true);
    m_frontend.renderFrame(false);
    m_frontend.setPixels(!m_layoutOnly);
}

void AutomationRunner::failureShot()
{
    if (m_shotTaken)
        return;
    m_shotTaken = true;
    std::string shotError;
    renderForShot();
    if (saveScreenshot(m_frontend.window().renderer(), m_failShot.string(), shotError))
        std::fprintf(stderr, "%s: screenshot of the failure: %s\n", m_scriptName.c_str(), m_failShot.string().c_str());
    else
        std::fprintf(stderr, "%s: no failure screenshot: %s\n", m_scriptName.c_str(), shotError.c_str());
    m_frontend.present();
}

bool AutomationRunner::expectNoClip(std::string& why)
{
    const std::vector<ui::Clip> clips = m_app.ui().record.clips(ImGui::GetIO().DisplaySize, m_app.ui().minTargetPx());
    if (clips.empty())
        return true;
    why = clips.front().describe();
    if (clips.size() > 1)
        why += " (and " + std::to_string(clips.size() - 1) + " more)";
    return false;
}

void AutomationRunner::settle()
{
    // A bounded wait: a widget that animates forever must not hang the script.
    for (int i = 0; i < 600 && m_frontend.wantsFrames(); ++i)
        frames(1);
    frames(2);
}

bool AutomationRunner::tapAt(const ui::TapTarget& target, std::string& why)
{
    (void)why;
    const ImVec2 c = target.centre();
    m_app.userActivity();
    m_frontend.touch().push(TouchAdapter::Kind::Down, c);
    m_frontend.touch().push(TouchAdapter::Kind::Up, c);
    settle();
    return true;
}

void AutomationRunner::swipe(ImVec2 from, ImVec2 to)
{
    TouchAdapter& touch = m_frontend.touch();
    m_app.userActivity();
    touch.push(TouchAdapter::Kind::Down, from);
    frames(2);
    constexpr int kSteps = 12;
    for (int i = 1; i <= kSteps; ++i)
    {
        const float f = static_cast<float>(i) / kSteps;
        touch.push(TouchAdapter::Kind::Move, ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f));
        frames(1);
    }
    // Hold still before lifting, so the list stops instead of flying on.
    for (int i = 0; i < 6; ++i)
    {
        touch.push(TouchAdapter::Kind::Move, to);
        frames(1);
    }
    touch.push(TouchAdapter::Kind::Up, to);
    settle();
}

bool AutomationRunner::find(const std::string& key, bool byId, ui::TapTarget& out, std::string& why)
{
    auto lookup = [&](bool hidden)
    {
        const ui::FrameRecord& rec = m_app.ui().record;
        return byId ? rec.findTargetById(key, hidden) : rec.findTarget(key, hidden);
    };
    // Like a person: if it is in a list but scrolled away, scroll the list towards it.
    for (int attempt = 0; attempt < 12; ++attempt)
    {
        if (const ui::TapTarget* t = lookup(false))
        {
            out = *t; // the record is rebuilt by the next frame
            return true;
        }
        const ui::TapTarget* hidden = lookup(true);
        if (hidden == nullptr)
            break;
        const ui::TapTarget h = *hidden;
        const float x = (h.clipMin.x + h.clipMax.x) * 0.5f;
        const float top = h.clipMin.y + (h.clipMax.y - h.clipMin.y) * 0.2f;
        const float bottom = h.clipMin.y + (h.clipMax.y - h.clipMin.y) * 0.8f;
        if (h.fullMinY >= h.clipMax.y - 1.0f || h.fullMaxY > h.clipMax.y)
            swipe(ImVec2(x, bottom), ImVec2(x, top)); // it is below: move the list up
        else
            swipe(ImVec2(x, top), ImVec2(x, bottom));
    }
    why = std::string("no enabled widget ") + (byId ? "with id \"" : "labelled \"") + key + "\" on screen";
    return false;
}

bool AutomationRunner::tapLabel(const std::string& label, std::string& why)
{
    ui::TapTarget t;
    return find(label, false, t, why) && tapAt(t, why);
}

bool AutomationRunner::tapId(const std::string& id, std::string& why)
{
    ui::TapTarget t;
    return find(id, true, t, why) && tapAt(t, why);
}

bool AutomationRunner::holdId(const std::string& id, double seconds, std::string& why)
{
    ui::TapTarget t;
    if (!find(id, true, t, why))
        return false;
    const ImVec2 c = t.centre();
    TouchAdapter& touch = m_frontend.touch();
    m_app.userActivity();
    touch.push(TouchAdapter::Kind::Down, c);
    // The adapter moves the pointer there first and presses on the next frame; the hold starts then.
    for (int i = 0; i < 10 && touch.busy(); ++i)
        frames(1);
    // Scripted runs step ImGui by 1/60 s a frame (Frontend's fixed step), whatever the clock says:
    // so the clock moves by one step per frame too, and the hold lasts `seconds` for both.
    constexpr double kStep = 1.0 / 60.0;
    const int steps = static_cast<int>(std::ceil(seconds / kStep));
    for (int i = 0; i < steps; ++i)
    {
        m_clock.advanceSeconds(kStep);
        frames(1);
    }
    touch.push(TouchAdapter::Kind::Up, c);
    settle();
    return true;
}

bool AutomationRunner::typeOne(const std::string& ch, std::string& why)
{
    const ui::FrameRecord& rec = m_app.ui().record;
    const KeyboardState& kb = m_app.state().keyboard.state;
    // Whatever keyboard is on screen (letters or keypad): find the key that inserts `ch`.
    for (const KeyboardLayout* layout : {&kb.layout(), &codeKeyboard(), &numericKeypad(), &amountKeypad()})
    {
        for (const KeyRow& row : layout->rows)
        {
            for (const Key& k : row)
            {
                const bool inserts = k.action == KeyAction::Insert || k.action == KeyAction::Space;
                if (!inserts || rec.findTargetById(k.id) == nullptr)
                    continue;
                if (kb.textFor(k) == ch || (layout != &kb.layout() && k.text == ch))
                    return tapId(k.id, why);
                if (k.shiftText == ch && k.text != ch && rec.findTargetById("key-shift") != nullptr)
                    return tapId("key-shift", why) && tapId(k.id, why);
            }
        }
    }
    if (rec.findTargetById("key-page") != nullptr && kb.page() == KeyboardPage::Letters)
    {
        if (!tapId("key-page", why))
            return false;
        // Once only: a page key that did not turn the page (a touch that only spoke it, a key under
        // an overlay) would otherwise be pressed forever (the monkey soak found that loop).
        if (m_app.state().keyboard.state.page() == KeyboardPage::Letters)
        {
            why = "the page key did not turn the keyboard's page while looking for \"" + ch + "\"";
            return false;
        }
        return typeOne(ch, why);
    }
    why = "no key on the on-screen keyboard types \"" + ch + "\"";
    return false;
}

bool AutomationRunner::typeText(const std::string& text, std::string& why)
{
    std::size_t pos = 0;
    while (pos < text.size())
    {
        const std::size_t start = pos;
        if (!okienko::text::decodeOne(text, pos))
        {
            why = "invalid UTF-8 in the text";
            return false;
        }
        if (!typeOne(text.substr(start, pos - start), why))
            return false;
    }
    return true;
}

void AutomationRunner::sendKey(SDL_Keycode key, SDL_Scancode scancode, bool down)
{
    SDL_Event e{};
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = scancode;
    (void)m_frontend.handleEvent(e);
}

bool AutomationRunner::pressPhysicalKey(SDL_Keycode key, SDL_Scancode scancode, std::string& why)
{
    (void)why;
    sendKey(key, scancode, true);
    sendKey(key, scancode, false);
    settle();
    return true;
}

bool AutomationRunner::scan(const std::string& code, std::string& why)
{
    // A keyboard-wedge scanner: one SDL_TEXTINPUT per character, then Enter, all at the same
    // instant of the manual clock (a real scanner needs a few ms; the detector allows 30).
    std::size_t pos = 0;
    while (pos < code.size())
    {
        const std::size_t start = pos;
        if (!okienko::text::decodeOne(code, pos))
        {
            why = "invalid UTF-8 in the code";
            return false;
        }
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        const std::string ch = code.substr(start, pos - start);
        ch.copy(e.text.text, sizeof e.text.text - 1);
        (void)m_frontend.handleEvent(e);
    }
    sendKey(SDLK_RETURN, SDL_SCANCODE_RETURN, true);
    sendKey(SDLK_RETURN, SDL_SCANCODE_RETURN, false);
    settle();
    return true;
}

bool AutomationRunner::expectWhole(const std::string& id, std::string& why)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ui::TapTarget* t = m_app.ui().record.findTargetById(id, true);
    if (t == nullptr)
    {
        why = "no enabled widget with id \"" + id + "\" on screen";
        return false;
    }
    if (t->isWhole(display))
        return true;
    char where[160];
    std::snprintf(where, sizeof where,
                  "drawn at (%.0f,%.0f)-(%.0f,%.0f), visible (%.0f,%.0f)-(%.0f,%.0f)%s on %.0fx%.0f", t->fullMinX,
                  t->fullMinY, t->fullMaxX, t->fullMaxY, t->min.x, t->min.y, t->max.x, t->max.y,
                  t->covered ? ", partly under the bottom bar" : "", display.x, display.y);
    why = std::string("not whole on screen: ") + where;
    return false;
}

bool AutomationRunner::expectWholeText(const std::string& text, std::string& why)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ui::TextBox* box = m_app.ui().record.findTextBox(text);
    if (box == nullptr)
    {
        why = "no label or paragraph with this text on screen";
        return false;
    }
    if (box->isWhole(display))
    {
        const ui::TapTarget* over = m_app.ui().record.targetOver(*box);
        if (over == nullptr)
            return true;
        char where[200];
        std::snprintf(where, sizeof where,
                      "drawn at (%.0f,%.0f)-(%.0f,%.0f), partly under \"%s\" at (%.0f,%.0f)-(%.0f,%.0f)", box->min.x,
                      box->min.y, box->max.x, box->max.y, (over->id.empty() ? over->label : over->id).c_str(),
                      over->min.x, over->min.y, over->max.x, over->max.y);
        why = std::string("not whole in sight: ") + where;
        return false;
    }
    char where[160];
    std::snprintf(where, sizeof where, "drawn at (%.0f,%.0f)-(%.0f,%.0f), its list shows (%.0f,%.0f)-(%.0f,%.0f)",
                  box->min.x, box->min.y, box->max.x, box->max.y, box->clipMin.x, box->clipMin.y, box->clipMax.x,
                  box->clipMax.y);
    why = std::string("not whole in sight: ") + where;
    return false;
}

bool AutomationRunner::expectMinHeight(const std::string& id, float pixels, std::string& why)
{
    return expectHeight(id, pixels, true, why);
}

bool AutomationRunner::expectMaxHeight(const std::string& id, float pixels, std::string& why)
{
    return expectHeight(id, pixels, false, why);
}

bool AutomationRunner::expectHeight(const std::string& id, float pixels, bool atLeast, std::string& why)
{
    const ui::TapTarget* t = m_app.ui().record.findTargetById(id, true);
    if (t == nullptr)
    {
        why = "no enabled widget with id \"" + id + "\" on screen";
        return false;
    }
    const float height = t->fullMaxY - t->fullMinY;
    if (atLeast ? height >= pixels : height <= pixels)
        return true;
    char what[96];
    std::snprintf(what, sizeof what, "%.0f px tall (%.0fx%.0f), %s than %.0f px", height, t->fullMaxX - t->fullMinX,
                  height, atLeast ? "less" : "more", pixels);
    why = what;
    return false;
}

bool AutomationRunner::execute(const Command& c, std::string& why)
{
    const bool touchesByLabel = c.kind == CommandKind::Lang || c.kind == CommandKind::Tap ||
                                c.kind == CommandKind::TapId || c.kind == CommandKind::Type ||
                                (c.kind == CommandKind::Key && (c.text == "enter" || c.text == "backspace"));
    if (m_blind && touchesByLabel)
    {
        why = "blind on: the script may only explore and double-tap what it heard";
        return false;
    }
    switch (c.kind)
    {
    case CommandKind::Lang:
        return tapId("lang-" + c.text, why);
    case CommandKind::Tap:
        return tapLabel(c.text, why);
    case CommandKind::TapId:
        return tapId(c.text, why);
    case CommandKind::HoldId:
        return holdId(c.text, c.number, why);
    case CommandKind::Type:
        return typeText(c.text, why);
    case CommandKind::Key:
        if (c.text == "backspace")
            return tapId("key-backspace", why);
        if (c.text == "enter")
            return tapId("key-done", why);
        if (c.text == "tab")
            return pressPhysicalKey(SDLK_TAB, SDL_SCANCODE_TAB, why);
        if (c.text == "escape")
            return pressPhysicalKey(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, why);
        why = "key \"" + c.text + "\" has no on-screen equivalent";
        return false;
    case CommandKind::Scan:
        return scan(c.text, why);
    case CommandKind::Expect:
        frames(1);
        if (m_app.ui().record.containsText(c.text))
            return true;
        why = "text not visible";
        return false;
    case CommandKind::ExpectNot:
        frames(1);
        if (!m_app.ui().record.containsText(c.text))
            return true;
        why = "text is visible";
        return false;
    case CommandKind::ExpectScreen:
    {
        // A worker's answer (the staff PIN check) may still be on its way: wait for it, in real
        // time, since the manual clock does not move by itself.
        const Uint64 until = SDL_GetTicks64() + kWorkerWaitMs;
        frames(1);
        while (screenName(m_app.state().router.current()) != c.text && SDL_GetTicks64() < until)
        {
            SDL_Delay(5);
            frames(1);
        }
        const std::string_view shown = screenName(m_app.state().router.current());
        if (shown == c.text)
            return true;
        why = "screen is " + std::string(shown);
        return false;
    }
    case CommandKind::ExpectWhole:
        frames(1);
        return expectWhole(c.text, why);
    case CommandKind::ExpectWholeText:
        frames(1);
        return expectWholeText(c.text, why);
    case CommandKind::ExpectMinHeight:
        frames(1);
        return expectMinHeight(c.text, static_cast<float>(c.number), why);
    case CommandKind::ExpectMaxHeight:
        frames(1);
        return expectMaxHeight(c.text, static_cast<float>(c.number), why);
    case CommandKind::ExpectNoClip:
        frames(1);
        return expectNoClip(why);
    case CommandKind::CheckClips:
        m_clipCheck = c.text == "on" ? ClipCheck::On : c.text == "report" ? ClipCheck::Report : ClipCheck::Off;
        m_clipFailure.clear();
        if (m_clipCheck != ClipCheck::Off)
            checkClipsOfFrame(m_app.state().router.current()); // the frame on screen now counts too
        return true;
    case CommandKind::Wait:
    {
        const Uint64 until = SDL_GetTicks64() + static_cast<Uint64>(c.number);
        do
        {
            frames(1);
            SDL_Delay(5);
        } while (SDL_GetTicks64() < until);
        return true;
    }
    case CommandKind::AdvanceClock:
        m_clock.advanceSeconds(c.number);
        m_app.tick();
        frames(2);
        return true;
    case CommandKind::Speech:
        return setSpeechOn(c.text == "on", why);
    case CommandKind::Blind:
        m_blind = c.text == "on";
        return true;
    case CommandKind::Explore:
        return explore(c.text, false, why);
    case CommandKind::ExploreId:
        return explore(c.text, true, why);
    case CommandKind::DoubleTap:
        return doubleTap(why);
    case CommandKind::ExpectTextSize:
    {
        frames(1);
        const bool large = c.text == "large";
        const ui::UiContext& ui = m_app.ui();
        const ui::FontSet& fonts = ui.fonts;
        const float drawn = ui.faces().body->FontSize;
        const float wanted = (large ? fonts.large : fonts.normal).body->FontSize;
        // Large text faces are baked only while wanted: normal text must also have dropped them.
        const bool baked = fonts.largeBaked == large;
        if (ui.largeText == large && drawn == wanted && baked &&
            (!large || fonts.large.body->FontSize > fonts.normal.body->FontSize))
            return true;
        why = "body text drawn at " + std::to_string(static_cast<int>(drawn)) + " px (normal " +
              std::to_string(static_cast<int>(fonts.normal.body->FontSize)) + ", large " +
              std::to_string(static_cast<int>(fonts.large.body->FontSize)) + "), large text faces " +
              (fonts.largeBaked ? "baked" : "not baked");
        return false;
    }
    case CommandKind::ExpectSpoken:
    case CommandKind::ExpectNotSpoken:
    {
        if (m_voice == nullptr)
        {
            why = "the runner records no speech";
            return false;
        }
        frames(1);
        const bool said = spokenSince(c.text);
        if (said == (c.kind == CommandKind::ExpectSpoken))
        {
            if (said)
                m_heardFrom = m_voice->utterances().size(); // the next expect-spoken looks at what follows
            return true;
        }
        why = std::string(said ? "was said" : "not said") +
              "; since the screen change or the last expect-spoken: " + heardSince();
        return false;
    }
    case CommandKind::Monkey:
    {
        Monkey monkey(*this, m_app, m_clock, static_cast<std::uint32_t>(std::stoul(c.text)));
        return monkey.run(static_cast<long>(c.number), why);
    }
    case CommandKind::Screenshot:
    {
        frames(1);
        renderForShot();
        const bool ok = saveScreenshot(m_frontend.window().renderer(), c.text, why);
        m_frontend.present();
        return ok;
    }
    }
    why = "unknown command";
    return false;
}

int AutomationRunner::run(const std::vector<Command>& commands)
{
    settle();
    for (const Command& c : commands)
    {
        std::string why;
        bool ok = execute(c, why);
        if (!m_clipFailure.empty())
        {
            ok = false; // a frame drawn while running this line had a clip
            why = m_clipFailure;
        }
        if (!ok)
        {
            std::fprintf(stderr, "%s:%d: FAILED: %s \"%s\": %s\n", m_scriptName.c_str(), c.line,
                         std::string(commandName(c.kind)).c_str(), c.text.c_str(), why.c_str());
            failureShot();
            return 1;
        }
    }
    std::fprintf(stderr, "%s: %zu lines passed\n", m_scriptName.c_str(), commands.size());
    return 0;
}

} // namespace okienko::kiosk::platform
