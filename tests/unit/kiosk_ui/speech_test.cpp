// The kiosk's voice in the UI layer, headless: every touch-kit widget records a spoken role (a
// widget without one is a "silent" clip), the announcer's words in Polish and Ukrainian (screen
// title and count, roles, states, masked and personal values, typed echo, a code spelled), and
// explore-by-touch (a touch speaks and presses nothing, a second touch or a double tap activates,
// a drag in a list scrolls).
#include "kiosk/core/translator.hpp"
#include "kiosk/ui/explore_by_touch.hpp"
#include "kiosk/ui/speech_announcer.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/checkbox.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "tests/unit/kiosk_ui/headless_ui.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace okienko::kiosk;
using namespace okienko::kiosk::ui;

class Speech : public test::HeadlessUiTest
{
  protected:
    void SetUp() override
    {
        HeadlessUiTest::SetUp();
        ASSERT_TRUE(tr.loadDirectory(std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "i18n").ok());
    }

    /// A screen: a title, a button, a checkbox, a personal field with a value, a secret field.
    void drawForm(bool checked)
    {
        frame(nullptr, false,
              [&]
              {
                  ImGui::PushFont(ctx.faces().body);
                  Title(ctx, "Twoje dane");
                  ButtonOptions next;
                  next.id = "next";
                  (void)BigButton(ctx, "Dalej##next", next);
                  (void)Checkbox(ctx, "Oświadczam, że mieszkam w gminie", checked, "residency");
                  TextFieldOptions phone;
                  phone.id = "field-phone";
                  phone.hint = "Dotknij, aby wpisać";
                  phone.name = "Telefon";
                  phone.personal = true;
                  (void)TextField(ctx, "600123456", 600.0f, phone);
                  TextFieldOptions pin;
                  pin.id = "field-pin";
                  pin.name = "PIN";
                  pin.masked = true;
                  (void)TextField(ctx, "4821", 600.0f, pin);
                  ImGui::PopFont();
              });
    }

    const TapTarget& target(const char* id)
    {
        const TapTarget* t = ctx.record.findTargetById(id);
        EXPECT_NE(t, nullptr) << id;
        return *t;
    }

    Translator tr;
};

TEST_F(Speech, EveryTouchKitWidgetSaysItsRoleAndNoneIsSilent)
{
    drawForm(true);
    EXPECT_EQ(target("next").role, SpokenRole::Button);
    EXPECT_EQ(target("residency").role, SpokenRole::Checkbox);
    EXPECT_EQ(target("residency").state, SpokenState::Checked);
    EXPECT_EQ(target("field-phone").role, SpokenRole::TextField);
    EXPECT_TRUE(target("field-phone").personal);
    for (const Clip& c : ctx.record.clips(ImGui::GetIO().DisplaySize))
        EXPECT_NE(c.kind, "silent") << c.describe();
}

TEST_F(Speech, AWidgetWithoutARoleIsASilentClip)
{
    frame(nullptr, false,
          [&]
          {
              ImGui::InvisibleButton("##bare", ImVec2(200, 200));
              ctx.record.addTarget("Mystery", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), true, "bare", Spoken{});
          });
    const std::vector<Clip> clips = ctx.record.clips(ImGui::GetIO().DisplaySize);
    ASSERT_EQ(clips.size(), 1u);
    EXPECT_EQ(clips[0].kind, "silent");
    EXPECT_EQ(clips[0].what, "bare");
}

TEST_F(Speech, TouchedWidgetsAreSpokenWithRoleStateAndDiscreetValues)
{
    tr.setLanguage(okienko::domain::Language::Pl);
    drawForm(false);
    const SpeechAnnouncer a(tr);
    EXPECT_EQ(a.describe(target("next")), "Dalej, przycisk");
    EXPECT_EQ(a.describe(target("residency")), "Oświadczam, że mieszkam w gminie, pole wyboru, niezaznaczone");
    // A phone number is personal data: only "filled" on a touch, the number only on request.
    const std::string phone = a.describe(target("field-phone"));
    EXPECT_EQ(phone.find("600"), std::string::npos) << phone;
    EXPECT_NE(phone.find("Telefon, pole tekstowe, wypełnione"), std::string::npos) << phone;
    EXPECT_EQ(a.fieldContent(target("field-phone")), "600123456");
    // A secret is spoken as its length, even on request.
    EXPECT_EQ(a.describe(target("field-pin")), "PIN, pole tekstowe, ukrytych znaków: 4");
    EXPECT_EQ(a.fieldContent(target("field-pin")), "ukrytych znaków: 4");
}

TEST_F(Speech, UkrainianRolesAndStates)
{
    tr.setLanguage(okienko::domain::Language::Uk);
    drawForm(true);
    const SpeechAnnouncer a(tr);
    EXPECT_EQ(a.describe(target("next")), "Dalej, кнопка");
    EXPECT_EQ(a.describe(target("residency")), "Oświadczam, że mieszkam w gminie, прапорець, позначено");
    EXPECT_EQ(a.describe(target("field-phone")),
              "Telefon, текстове поле, заповнене; торкніться ще раз, щоб почути вміст");
}

TEST_F(Speech, AScreenIsAnnouncedByTitleAndChoicesWithTheHeadphonesReminder)
{
    tr.setLanguage(okienko::domain::Language::Pl);
    drawForm(false);
    const SpeechAnnouncer a(tr);
    // Dalej, the checkbox and two fields: four choices; the phone is personal data.
    EXPECT_EQ(a.screenEntered(ctx.record),
              "Twoje dane. Do wyboru: 4. Ten formularz dotyczy Twoich danych osobowych. Jeśli możesz, użyj słuchawek.");
    tr.setLanguage(okienko::domain::Language::Uk);
    EXPECT_EQ(SpeechAnnouncer(tr).screenEntered(ctx.record).rfind("Twoje dane. Варіантів вибору: 4.", 0), 0u);
}

TEST_F(Speech, CodesAreSpelledOneCharacterAtATimeAndTypingIsEchoed)
{
    tr.setLanguage(okienko::domain::Language::Pl);
    const SpeechAnnouncer a(tr);
    EXPECT_EQ(a.spellCode("R-7K3"), "Twój kod: R. myślnik. 7. K. 3.");
    EXPECT_EQ(a.echo("ł"), "ł");
    EXPECT_EQ(a.echo(" "), "spacja");
    EXPECT_EQ(a.erased(), "usuń");
    tr.setLanguage(okienko::domain::Language::Uk);
    EXPECT_EQ(SpeechAnnouncer(tr).spellCode("AB"), "Ваш код: A. B.");
    EXPECT_EQ(SpeechAnnouncer(tr).echo(" "), "пробіл");
}

TEST_F(Speech, TheIdleWarningIsSpokenWithItsCountdown)
{
    tr.setLanguage(okienko::domain::Language::Pl);
    EXPECT_EQ(SpeechAnnouncer(tr).idleWarning(30), "Czy potrzebujesz więcej czasu? Ekran wróci do początku za 30 s.");
}

/// Explore-by-touch on a record with two buttons side by side.
class Explore : public Speech
{
  protected:
    void drawTwo()
    {
        frame(nullptr, false,
              [&]
              {
                  ButtonOptions a;
                  a.id = "a";
                  a.size = ImVec2(300, 200);
                  (void)BigButton(ctx, "Tak##a", a);
                  ImGui::SameLine();
                  ButtonOptions b = a;
                  b.id = "b";
                  (void)BigButton(ctx, "Nie##b", b);
              });
    }

    ImVec2 centreOf(const char* id) { return target(id).centre(); }

    ExploreByTouch::Result tap(ImVec2 p, Millis at)
    {
        ExploreByTouch::Result r;
        explorer.feed({PointerEvent::Kind::Down, p}, ctx.record, at, 10.0f, r);
        explorer.feed({PointerEvent::Kind::Up, p}, ctx.record, at, 10.0f, r);
        return r;
    }

    ExploreByTouch explorer;
};

TEST_F(Explore, ATouchSpeaksAndPressesNothingASecondTouchActivates)
{
    drawTwo();
    ExploreByTouch::Result first = tap(centreOf("a"), Millis(1000));
    ASSERT_TRUE(first.speak);
    EXPECT_EQ(first.speak->id, "a");
    EXPECT_TRUE(first.deliver.empty()); // ImGui never saw the finger
    EXPECT_FALSE(first.activated);
    ExploreByTouch::Result second = tap(centreOf("a"), Millis(2000));
    ASSERT_TRUE(second.activated);
    EXPECT_EQ(second.activated->id, "a");
    ASSERT_EQ(second.deliver.size(), 2u);
    EXPECT_EQ(second.deliver[0].kind, PointerEvent::Kind::Down);
    EXPECT_EQ(second.deliver[1].kind, PointerEvent::Kind::Up);
}

TEST_F(Explore, ADoubleTapAnywhereActivatesWhatWasSpokenBefore)
{
    drawTwo();
    (void)tap(centreOf("a"), Millis(1000));
    // Quickly twice on "Nie": the gesture, not the widget under it; "Tak" had the focus.
    ExploreByTouch::Result r1 = tap(centreOf("b"), Millis(3000));
    EXPECT_FALSE(r1.activated);
    ExploreByTouch::Result r2 = tap(centreOf("b"), Millis(3000 + ExploreByTouch::kDoubleTapMs - 50));
    ASSERT_TRUE(r2.activated);
    EXPECT_EQ(r2.activated->id, "a");
}

TEST_F(Explore, DraggingAFingerSpeaksEachWidgetItEntersAndLiftingPressesNothing)
{
    drawTwo();
    ExploreByTouch::Result r;
    explorer.feed({PointerEvent::Kind::Down, centreOf("a")}, ctx.record, Millis(0), 10.0f, r);
    ASSERT_TRUE(r.speak);
    EXPECT_EQ(r.speak->id, "a");
    ExploreByTouch::Result moved;
    explorer.feed({PointerEvent::Kind::Move, centreOf("b")}, ctx.record, Millis(100), 10.0f, moved);
    ASSERT_TRUE(moved.speak);
    EXPECT_EQ(moved.speak->id, "b");
    ExploreByTouch::Result up;
    explorer.feed({PointerEvent::Kind::Up, centreOf("b")}, ctx.record, Millis(200), 10.0f, up);
    EXPECT_FALSE(up.activated);
    EXPECT_TRUE(up.deliver.empty());
}

TEST_F(Explore, AVerticalDragInAListScrollsIt)
{
    frame(nullptr, false,
          [&]
          {
              TouchScrollBegin(ctx, "##list", ImVec2(600, 400));
              for (int i = 0; i < 10; ++i)
              {
                  ButtonOptions o;
                  const std::string id = "row-" + std::to_string(i);
                  o.id = id;
                  o.size = ImVec2(500, 150);
                  (void)BigButton(ctx, "Row " + std::to_string(i) + "##" + id, o);
              }
              TouchScrollEnd(ctx);
          });
    const ImVec2 start = centreOf("row-1");
    ExploreByTouch::Result r;
    explorer.feed({PointerEvent::Kind::Down, start}, ctx.record, Millis(0), 10.0f, r);
    EXPECT_TRUE(r.deliver.empty());
    ExploreByTouch::Result moved;
    explorer.feed({PointerEvent::Kind::Move, ImVec2(start.x, start.y - 120)}, ctx.record, Millis(50), 10.0f, moved);
    ASSERT_EQ(moved.deliver.size(), 2u); // the finger handed to ImGui where it started, then moved
    EXPECT_EQ(moved.deliver[0].kind, PointerEvent::Kind::Down);
    EXPECT_EQ(moved.deliver[0].pos.y, start.y);
    ExploreByTouch::Result up;
    explorer.feed({PointerEvent::Kind::Up, ImVec2(start.x, start.y - 120)}, ctx.record, Millis(90), 10.0f, up);
    ASSERT_EQ(up.deliver.size(), 1u);
    EXPECT_EQ(up.deliver[0].kind, PointerEvent::Kind::Up);
}

} // namespace

TEST(SpokenLabel, ALeadingSymbolIsDroppedButAShortWordIsKept)
{
    TapTarget t;
    t.label = "← Wstecz";
    EXPECT_EQ(t.spokenLabel(), "Wstecz");
    t.label = "✓ Wysoki kontrast";
    EXPECT_EQ(t.spokenLabel(), "Wysoki kontrast");
    // Two Cyrillic or Polish letters are four bytes, like a symbol, but they are a word.
    t.label = "На початок";
    EXPECT_EQ(t.spokenLabel(), "На початок");
    t.label = "Ów dzień";
    EXPECT_EQ(t.spokenLabel(), "Ów dzień");
    t.label = "Далі →";
    EXPECT_EQ(t.spokenLabel(), "Далі");
}
