// The touch widgets driven headlessly (ImGui without SDL): a tap fires a button once, a drag over
// a list scrolls it and never fires the row under the finger, and buttons keep the 15 mm minimum.
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "tests/unit/kiosk_ui/headless_ui.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <imgui.h>
#include <string>

namespace
{

using namespace okienko::kiosk::ui;

class Harness : public test::HeadlessUiTest
{
};

TEST_F(Harness, TapFiresOnceOnRelease)
{
    int fired = 0;
    auto draw = [&]
    {
        if (BigButton(ctx, "Szukaj##s"))
            ++fired;
    };
    frame(nullptr, false, draw);
    const TapTarget* t = ctx.record.findTarget("Szukaj");
    ASSERT_NE(t, nullptr);
    const ImVec2 c = t->centre();
    frame(&c, false, draw);
    frame(&c, true, draw);
    EXPECT_EQ(fired, 0) << "a press alone must not act";
    frame(&c, false, draw);
    frame(nullptr, false, draw);
    frame(nullptr, false, draw);
    EXPECT_EQ(fired, 1);
}

TEST_F(Harness, ButtonsAreAtLeastFifteenMillimetres)
{
    frame(nullptr, false, [&] { BigButton(ctx, "x##tiny"); });
    const TapTarget* t = ctx.record.findTarget("x");
    ASSERT_NE(t, nullptr);
    EXPECT_GE(t->max.x - t->min.x, 15.0f * ctx.pxPerMm - 0.5f);
    EXPECT_GE(t->max.y - t->min.y, 15.0f * ctx.pxPerMm - 0.5f);
}

TEST_F(Harness, DragScrollsTheListAndNeverFiresTheRow)
{
    int fired = 0;
    float scroll = 0.0f;
    auto draw = [&]
    {
        TouchScrollBegin(ctx, "##list", ImVec2(0, 600));
        for (int i = 0; i < 40; ++i)
        {
            if (BigButton(
                    ctx, "Row " + std::to_string(i) + "##r" + std::to_string(i),
                    ButtonOptions{
                        ImVec2(800, 0), ButtonStyle::Tile, true, {}, {}, SpokenRole::Button, SpokenState::None, {}}))
                ++fired;
        }
        scroll = ImGui::GetScrollY();
        TouchScrollEnd(ctx);
    };
    frame(nullptr, false, draw);
    const TapTarget* row = ctx.record.findTarget("Row 3");
    ASSERT_NE(row, nullptr);
    ImVec2 p = row->centre();
    frame(&p, false, draw);
    frame(&p, true, draw);
    for (int i = 0; i < 10; ++i) // the finger moves up by 300 px: the list follows
    {
        p.y -= 30.0f;
        frame(&p, true, draw);
    }
    frame(&p, false, draw);
    EXPECT_EQ(fired, 0) << "a drag is a scroll, not a tap";
    EXPECT_GT(scroll, 200.0f);
    const float afterRelease = scroll;
    for (int i = 0; i < 20; ++i)
        frame(nullptr, false, draw);
    EXPECT_GT(scroll, afterRelease) << "a flick keeps moving (inertia)";
    EXPECT_EQ(fired, 0);
}

TEST(TouchScrollDecay, SlowsDownAndStops)
{
    EXPECT_LT(decayVelocity(1000.0f, 1.0f / 60.0f), 1000.0f);
    EXPECT_GT(decayVelocity(1000.0f, 1.0f / 60.0f), 900.0f);
    EXPECT_EQ(decayVelocity(15.0f, 1.0f / 60.0f), 0.0f);
    float v = 2000.0f;
    int frames = 0;
    while (v != 0.0f && frames < 1000)
    {
        v = decayVelocity(v, 1.0f / 60.0f);
        ++frames;
    }
    EXPECT_LT(frames, 200) << "inertia ends within a few seconds";
}

} // namespace
