// The touch kit widgets the resident flows use, driven headlessly (ImGui without SDL, a fixed
// frame time as the clock): calendar, long-press, toast and modal.
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/calendar.hpp"
#include "kiosk/ui/widgets/long_press.hpp"
#include "kiosk/ui/widgets/modal.hpp"
#include "kiosk/ui/widgets/toast.hpp"
#include "tests/unit/kiosk_ui/headless_ui.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <imgui.h>
#include <string>

namespace
{

using namespace okienko::kiosk::ui;
using okienko::Date;

class TouchKit : public test::HeadlessUiTest
{
};

CalendarLabels labels()
{
    CalendarLabels l;
    l.monthTitle = "Marzec 2026";
    l.weekdays = {"Pn", "Wt", "Śr", "Cz", "Pt", "So", "Nd"};
    l.previous = "Poprzedni";
    l.next = "Następny";
    return l;
}

TEST_F(TouchKit, CalendarPicksAnOpenDayAndRefusesClosedOnes)
{
    const Date first{2026, 3, 2};
    const Date last{2026, 3, 31};
    CalendarOptions opt;
    opt.today = first;
    opt.isDisabled = [](Date d)
    {
        return d.weekday() >= 5;
    }; // closed at weekends
    CalendarResult last_result;
    auto draw = [&]
    {
        const CalendarResult r =
            CalendarDatePicker(ctx, "cal", Date{2026, 3, 1}, std::nullopt, first, last, labels(), 1000.0f, opt);
        if (r.kind != CalendarResult::Kind::None)
            last_result = r;
    };
    frame(nullptr, false, draw);
    // Before the range (1 March), and a Saturday (7 March): drawn, but not tappable.
    auto drawn = [&](const std::string& id)
    {
        for (const TapTarget& t : ctx.record.targets())
            if (t.id == id)
                return true;
        return false;
    };
    EXPECT_TRUE(drawn("day-2026-03-01"));
    EXPECT_EQ(ctx.record.findTargetById("day-2026-03-01"), nullptr);
    EXPECT_EQ(ctx.record.findTargetById("day-2026-03-07"), nullptr);
    const TapTarget* saturday = nullptr;
    for (const TapTarget& t : ctx.record.targets())
        if (t.id == "day-2026-03-07")
            saturday = &t;
    ASSERT_NE(saturday, nullptr);
    tap(saturday->centre(), draw);
    EXPECT_EQ(last_result.kind, CalendarResult::Kind::None) << "a closed day cannot be picked";

    const TapTarget* wednesday = ctx.record.findTargetById("day-2026-03-11");
    ASSERT_NE(wednesday, nullptr);
    EXPECT_GE(wednesday->max.x - wednesday->min.x, 15.0f * ctx.pxPerMm - 0.5f) << "cells are at least 15 mm";
    EXPECT_GE(wednesday->max.y - wednesday->min.y, 15.0f * ctx.pxPerMm - 0.5f);
    tap(wednesday->centre(), draw);
    EXPECT_EQ(last_result.kind, CalendarResult::Kind::Picked);
    EXPECT_EQ(last_result.date, (Date{2026, 3, 11}));
}

TEST_F(TouchKit, CalendarMonthButtonsStopAtTheRange)
{
    CalendarResult got;
    auto draw = [&]
    {
        const CalendarResult r = CalendarDatePicker(ctx, "cal", Date{2026, 3, 1}, std::nullopt, Date{2026, 3, 2},
                                                    Date{2026, 4, 30}, labels(), 1000.0f);
        if (r.kind != CalendarResult::Kind::None)
            got = r;
    };
    frame(nullptr, false, draw);
    EXPECT_EQ(ctx.record.findTarget("Poprzedni"), nullptr) << "no month before the first allowed day";
    const TapTarget* next = ctx.record.findTarget("Następny");
    ASSERT_NE(next, nullptr);
    tap(next->centre(), draw);
    EXPECT_EQ(got.kind, CalendarResult::Kind::NextMonth);
}

TEST_F(TouchKit, LongPressFiresOnceAfterTheHoldAndShowsProgress)
{
    int fired = 0;
    int taps = 0;
    auto draw = [&]
    {
        if (BigButton(ctx, "CUS##logo"))
            ++taps;
        if (LongPressed(ctx, 0.8f))
            ++fired;
    };
    frame(nullptr, false, draw);
    const ImVec2 c = ctx.record.findTarget("CUS")->centre();
    frame(&c, false, draw);
    for (int i = 0; i < 30; ++i) // 0.5 s: not yet
        frame(&c, true, draw);
    EXPECT_EQ(fired, 0);
    EXPECT_GT(ctx.longPressProgress, 0.5f);
    EXPECT_LT(ctx.longPressProgress, 1.0f);
    EXPECT_TRUE(ctx.animating) << "the ring must keep frames coming";
    for (int i = 0; i < 30; ++i) // 1.0 s in all
        frame(&c, true, draw);
    EXPECT_EQ(fired, 1) << "fires exactly once while held";
    frame(&c, false, draw);

    // A short tap is not a long-press.
    fired = 0;
    tap(c, draw, 5);
    EXPECT_EQ(fired, 0);
}

TEST_F(TouchKit, LongPressIsCancelledByDragging)
{
    int fired = 0;
    auto draw = [&]
    {
        BigButton(
            ctx, "CUS##logo",
            ButtonOptions{
                ImVec2(400, 200), ButtonStyle::Secondary, true, {}, {}, SpokenRole::Button, SpokenState::None, {}});
        if (LongPressed(ctx, 0.8f))
            ++fired;
    };
    frame(nullptr, false, draw);
    ImVec2 p = ctx.record.findTarget("CUS")->centre();
    frame(&p, false, draw);
    for (int i = 0; i < 60; ++i)
    {
        p.x += 2.0f; // a finger sliding across, past the drag threshold
        frame(&p, true, draw);
    }
    EXPECT_EQ(fired, 0);
}

TEST_F(TouchKit, ToastSitsAtTheBottomAwayFromTheNavigationBar)
{
    std::pair<ImVec2, ImVec2> rect;
    float barBottom = 0.0f;
    auto draw = [&]
    {
        BigButton(ctx, "← Wstecz##back");
        barBottom = ImGui::GetItemRectMax().y;
        rect = Toast(ctx, "Pole jest pełne — usuń znak, aby dopisać następny");
    };
    frame(nullptr, false, draw);
    EXPECT_TRUE(ctx.record.containsText("Pole jest pełne"));
    EXPECT_GT(rect.first.y, barBottom) << "never over the Back/Home bar";
    EXPECT_LE(rect.second.y, 1920.0f);
    EXPECT_LE(rect.second.x - rect.first.x, 1080.0f * 0.8f + ctx.em(1.6f) + 1.0f) << "long text wraps";
    EXPECT_TRUE(toastVisible(1000, 1000));
    EXPECT_TRUE(toastVisible(1000, 4999));
    EXPECT_FALSE(toastVisible(1000, 5000)) << "auto-hides after 4 s";
    EXPECT_FALSE(toastVisible(1000, 999));
}

TEST_F(TouchKit, ModalTakesTouchesAwayFromTheScreenBehind)
{
    int behind = 0;
    int ok = 0;
    bool open = true;
    auto draw = [&]
    {
        if (BigButton(ctx, "Szukaj##behind",
                      ButtonOptions{ImVec2(1000, 300),
                                    ButtonStyle::Secondary,
                                    true,
                                    {},
                                    {},
                                    SpokenRole::Button,
                                    SpokenState::None,
                                    {}}))
            ++behind;
        if (open)
        {
            ModalBegin(ctx, "##dialog", 0.6f);
            if (BigButton(ctx, "OK##ok"))
                ++ok;
            ModalEnd();
        }
    };
    frame(nullptr, false, draw);
    frame(nullptr, false, draw); // the modal's size settles on its second frame
    const TapTarget* under = nullptr;
    for (const TapTarget& t : ctx.record.targets())
        if (t.label == "Szukaj")
            under = &t;
    ASSERT_NE(under, nullptr);
    const ImVec2 corner(under->min.x + 10.0f, under->min.y + 10.0f); // outside the centred dialog
    tap(corner, draw);
    EXPECT_EQ(behind, 0) << "the dimmed screen takes no taps while the modal is open";
    const TapTarget* okBtn = ctx.record.findTarget("OK");
    ASSERT_NE(okBtn, nullptr);
    tap(okBtn->centre(), draw);
    EXPECT_EQ(ok, 1);
    open = false;
    frame(nullptr, false, draw);
    tap(corner, draw);
    EXPECT_EQ(behind, 1) << "closed: the screen works again";
}

} // namespace
