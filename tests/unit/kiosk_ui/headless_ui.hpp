// The headless ImGui harness of the kiosk widget tests: an ImGui context without SDL on a
// 1080×1920 portrait panel 268 mm wide, with the kiosk's fonts and calm theme, and a fake clock
// (every frame is exactly 1/60 s), driven one frame at a time with a synthetic pointer.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <imgui.h>

namespace okienko::kiosk::ui::test
{

/// Base fixture: derive from it (or alias it) and draw widgets inside frame().
class HeadlessUiTest : public ::testing::Test
{
  protected:
    void SetUp() override;
    void TearDown() override;

    /// One frame with the pointer at `pos` (off-screen when nullptr) and the button state `down`;
    /// `draw` runs inside a full-screen window without decoration.
    void frame(const ImVec2* pos, bool down, const std::function<void()>& draw);

    /// Press at `p`, hold `heldFrames` frames, release; then two idle frames.
    void tap(ImVec2 p, const std::function<void()>& draw, int heldFrames = 1);

    ImVector<ImWchar> m_ranges;
    UiContext ctx;
};

} // namespace okienko::kiosk::ui::test
