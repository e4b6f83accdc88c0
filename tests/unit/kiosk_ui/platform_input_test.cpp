// The platform input pieces without a display: finger/mouse events to ImGui's pointer, the frame
// scheduler's draw/sleep decisions, the USB keyboard / barcode scanner path, and the speech key's
// names as SDL resolves them. SDL events are synthesized structs; SDL is never initialised.
#include "kiosk/core/speech_toggle_key.hpp"
#include "kiosk/platform/frame_scheduler.hpp"
#include "kiosk/platform/keyboard_adapter.hpp"
#include "kiosk/platform/speech_key.hpp"
#include "kiosk/platform/touch_adapter.hpp"

#include <cfloat>
#include <cstring>
#include <gtest/gtest.h>
#include <imgui.h>
#include <string>
#include <variant>

namespace
{

using namespace okienko::kiosk;
using namespace okienko::kiosk::platform;

SDL_Event finger(Uint32 type, float x, float y, SDL_FingerID id = 1)
{
    SDL_Event e{};
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

class Touch : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ImGui::CreateContext();
        m_touch.setWindowSize(1000, 2000);
    }
    void TearDown() override { ImGui::DestroyContext(); }
    ImGuiIO& io() { return ImGui::GetIO(); }
    TouchAdapter m_touch;
};

TEST_F(Touch, FingerTapMovesFirstThenPressesThenReleasesAndClearsHover)
{
    EXPECT_TRUE(m_touch.handleEvent(finger(SDL_FINGERDOWN, 0.5f, 0.25f)));
    EXPECT_TRUE(m_touch.handleEvent(finger(SDL_FINGERUP, 0.5f, 0.25f)));
    m_touch.applyTo(io());
    EXPECT_EQ(io().MousePos.x, 500.0f) << "normalised finger position times the window size";
    EXPECT_EQ(io().MousePos.y, 500.0f);
    EXPECT_FALSE(io().MouseDown[0]) << "first frame: only move there, so ImGui sees what is under it";
    m_touch.applyTo(io());
    EXPECT_TRUE(io().MouseDown[0]) << "a tap shorter than a frame still presses";
    m_touch.applyTo(io());
    EXPECT_FALSE(io().MouseDown[0]);
    EXPECT_EQ(io().MousePos.x, 500.0f);
    EXPECT_TRUE(m_touch.busy());
    m_touch.applyTo(io());
    EXPECT_EQ(io().MousePos.x, -FLT_MAX) << "after the lift nothing stays hovered";
    EXPECT_FALSE(m_touch.busy());
}

TEST_F(Touch, MotionFollowsTheFirstFingerOnly)
{
    m_touch.handleEvent(finger(SDL_FINGERDOWN, 0.1f, 0.1f, 7));
    m_touch.applyTo(io());
    m_touch.applyTo(io());
    EXPECT_TRUE(io().MouseDown[0]);
    m_touch.handleEvent(finger(SDL_FINGERDOWN, 0.9f, 0.9f, 8)); // a second finger: ignored
    m_touch.handleEvent(finger(SDL_FINGERMOTION, 0.9f, 0.9f, 8));
    m_touch.handleEvent(finger(SDL_FINGERMOTION, 0.2f, 0.3f, 7));
    m_touch.applyTo(io());
    EXPECT_EQ(io().MousePos.x, 200.0f);
    EXPECT_EQ(io().MousePos.y, 600.0f);
    EXPECT_TRUE(io().MouseDown[0]);
    EXPECT_TRUE(m_touch.isDown());
}

TEST_F(Touch, IgnoresSynthesizedMouseAndTakesARealMouse)
{
    SDL_Event synth{};
    synth.type = SDL_MOUSEBUTTONDOWN;
    synth.button.which = SDL_TOUCH_MOUSEID;
    synth.button.button = SDL_BUTTON_LEFT;
    EXPECT_TRUE(m_touch.handleEvent(synth));
    EXPECT_FALSE(m_touch.busy()) << "touch-synthesized mouse events would double every tap";
    SDL_Event real{};
    real.type = SDL_MOUSEBUTTONDOWN;
    real.button.which = 0;
    real.button.button = SDL_BUTTON_LEFT;
    real.button.x = 40;
    real.button.y = 50;
    EXPECT_TRUE(m_touch.handleEvent(real));
    EXPECT_TRUE(m_touch.busy());
    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    EXPECT_FALSE(m_touch.handleEvent(key)) << "keys are not pointer events";
}

TEST(FrameSchedulerTest, DrawsStartupFramesThenSleepsUntilAnEvent)
{
    FrameScheduler s;
    int drawn = 0;
    while (s.beginFrameIfNeeded(0))
        ++drawn;
    EXPECT_EQ(drawn, FrameScheduler::kFramesAfterEvent);
    EXPECT_EQ(s.waitTimeoutMs(0), -1) << "idle: block until input";
}

TEST(FrameSchedulerTest, RendersNFramesAfterAnEvent)
{
    FrameScheduler s;
    while (s.beginFrameIfNeeded(0))
    {
    }
    s.requestFrames();
    EXPECT_EQ(s.waitTimeoutMs(0), 0) << "frames are owed: do not block";
    int drawn = 0;
    while (s.beginFrameIfNeeded(0))
        ++drawn;
    EXPECT_EQ(drawn, 3);
    s.requestFrames(1);
    s.requestFrames(5);
    s.requestFrames(2);
    drawn = 0;
    while (s.beginFrameIfNeeded(0))
        ++drawn;
    EXPECT_EQ(drawn, 5) << "requests do not add up, the largest wins";
}

TEST(FrameSchedulerTest, SleepsUntilTheEarliestDeadlineThenDrawsOnce)
{
    FrameScheduler s;
    while (s.beginFrameIfNeeded(0))
    {
    }
    s.wakeAt(60000);
    s.wakeAt(5000);
    s.wakeAt(9000);
    EXPECT_EQ(s.waitTimeoutMs(1000), 4000);
    EXPECT_FALSE(s.beginFrameIfNeeded(4999));
    EXPECT_TRUE(s.beginFrameIfNeeded(5000));
    EXPECT_FALSE(s.beginFrameIfNeeded(5001)) << "one frame per deadline";
    EXPECT_EQ(s.waitTimeoutMs(5001), -1);
}

TEST(FrameSchedulerTest, KeepsDrawingWhileAnimating)
{
    FrameScheduler s;
    while (s.beginFrameIfNeeded(0))
    {
    }
    s.setAnimating(true);
    EXPECT_EQ(s.waitTimeoutMs(0), 0);
    for (int i = 0; i < 100; ++i)
        EXPECT_TRUE(s.beginFrameIfNeeded(i));
    s.setAnimating(false);
    EXPECT_FALSE(s.beginFrameIfNeeded(100));
}

SDL_Event text(const char* s)
{
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::strncpy(e.text.text, s, sizeof e.text.text - 1);
    return e;
}

SDL_Event key(SDL_Keycode k)
{
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    return e;
}

TEST(KeyboardAdapterTest, AScannerBurstEndingInEnterIsOneScan)
{
    KeyboardAdapter kb;
    Intents out;
    const std::string code = "CUS-2026-0042";
    Millis t{1000};
    for (char c : code)
    {
        const char s[2] = {c, '\0'};
        EXPECT_TRUE(kb.handleEvent(text(s), t, out));
        t += Millis{4};
    }
    EXPECT_TRUE(out.empty()) << "fast characters are held until it is clear what they are";
    EXPECT_TRUE(kb.holding());
    EXPECT_TRUE(kb.handleEvent(key(SDLK_RETURN), t, out));
    ASSERT_EQ(out.size(), 1u);
    const auto* scan = std::get_if<Scanned>(&out[0]);
    ASSERT_NE(scan, nullptr);
    EXPECT_EQ(scan->code, code);
    EXPECT_FALSE(kb.holding());
}

TEST(KeyboardAdapterTest, PersonTypingIsTextAndBackspaceErases)
{
    KeyboardAdapter kb;
    Intents out;
    kb.handleEvent(text("ż"), Millis{0}, out);
    kb.handleEvent(text("u"), Millis{200}, out); // a person: 200 ms apart
    kb.poll(Millis{400}, out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(std::get<TypeText>(out[0]).text, "ż");
    EXPECT_EQ(std::get<TypeText>(out[1]).text, "u");
    out.clear();
    kb.handleEvent(text("k"), Millis{500}, out);
    EXPECT_TRUE(kb.handleEvent(key(SDLK_BACKSPACE), Millis{505}, out));
    ASSERT_EQ(out.size(), 2u) << "the held letter goes in before Backspace takes one out";
    EXPECT_EQ(std::get<TypeText>(out[0]).text, "k");
    EXPECT_TRUE(std::holds_alternative<EraseText>(out[1]));
}

TEST(KeyboardAdapterTest, ShortFastRunWithEnterIsTypingAndEscapeIsBack)
{
    KeyboardAdapter kb;
    Intents out;
    kb.handleEvent(text("a"), Millis{0}, out);
    kb.handleEvent(text("b"), Millis{5}, out);
    kb.handleEvent(key(SDLK_RETURN), Millis{10}, out);
    ASSERT_EQ(out.size(), 2u) << "two characters are too short for a code";
    EXPECT_EQ(std::get<TypeText>(out[0]).text, "ab");
    EXPECT_TRUE(std::holds_alternative<SubmitField>(out[1]));
    out.clear();
    EXPECT_TRUE(kb.handleEvent(key(SDLK_ESCAPE), Millis{900}, out));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<GoBack>(out[0]));
    out.clear();
    EXPECT_FALSE(kb.handleEvent(key(SDLK_F5), Millis{950}, out)) << "other keys stay with ImGui";
    EXPECT_TRUE(out.empty());
}

TEST(SpeechKey, EveryNameTheConfigurationAcceptsIsAKeySdlKnows)
{
    for (const std::string& name : speechToggleKeyNames())
    {
        const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
        ASSERT_NE(key, SDLK_UNKNOWN) << name;
        EXPECT_EQ(std::string(SDL_GetKeyName(key)), name) << "spelled as SDL spells it";
        EXPECT_EQ(speechKey(name).key, key);
        EXPECT_NE(speechKey(name).scancode, SDL_SCANCODE_UNKNOWN) << name;
    }
    EXPECT_EQ(speechKey("F1").key, SDLK_F1);
    EXPECT_EQ(speechKey("f5").key, SDLK_F5) << "without case, as the configuration reads it";
    EXPECT_EQ(speechKey("Help").scancode, SDL_SCANCODE_HELP);
    EXPECT_EQ(speechKey("no such key").key, SDLK_F1);
}

} // namespace
