// The `monkey SEED STEPS` command of the automation runner: seeded random use of the real app for a
// simulated month of opening days. Each step waits a few seconds of the manual clock (a person
// thinking) and then does one thing a lobby visitor or a staff member could do with what the current
// frame offers: taps a widget drawn on it, drags a list, types on the on-screen keyboard, scans a
// code, switches language or text size, walks away (the idle warning and wipe fire), or enters staff
// mode by the long-press or a badge with a wrong or the right PIN. Every STEPS/30 steps the clock
// jumps to the next day's opening. It fails when it is stuck: a screen (other than the start screen)
// that neither the monkey's own steps, nor Escape, nor a quarter of an hour idle leaves. As it goes
// it prints `[monkey] step=… day=…` lines with the process's memory, descriptors, threads and the
// kiosk database's size (the soak harness, tests/soak, reads them).
//
// Environment: OKIENKO_MONKEY_STAFF="ID:PIN" is a staff member the kiosk knows (badge and right PIN);
// OKIENKO_MONKEY_REPORT_EVERY=N prints figures every N steps (default STEPS/100, at least 10);
// OKIENKO_MONKEY_TRACE=1 prints every step's action (to replay a failure by hand).
#pragma once

#include "kiosk/core/clock.hpp"

#include <cstdint>
#include <deque>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace okienko::kiosk
{
class KioskApp;
}

namespace okienko::kiosk::platform
{

class AutomationRunner;

class Monkey
{
  public:
    /// Simulated opening days a run spreads its steps over.
    static constexpr int kDays = 30;

    Monkey(AutomationRunner& runner, KioskApp& app, ManualClock& clock, std::uint32_t seed);

    /// Runs `steps` steps; false with `why` (seed, step, screen and the last actions) when stuck.
    bool run(long steps, std::string& why);

  private:
    /// One random action on the current frame.
    void act();
    void tapSomething();
    void tapNowhere();
    void swipeAList();
    void typeOnKeyboard();
    void scanCode();
    void switchLanguage();
    void toggleTextSize();
    void walkAway();
    void enterStaffMode();
    /// Types `pin` on the PIN keypad and presses OK, then waits (real time) for the worker's answer.
    void typePin(const std::string& pin);
    /// Jumps the clock to 09:00 of the next day (the kiosk opens).
    void nextMorning();
    /// After a step: false when the screen has outlived every way out.
    bool checkWayOut(std::string& why);
    void report();
    void note(std::string action);
    bool tapId(const std::string& id);
    /// Frames with the clock moving `seconds` forward in steps small enough for every timer to see.
    void idleFor(double seconds);

    std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : static_cast<std::uint32_t>(m_rng() % n); }

    AutomationRunner& m_runner;
    KioskApp& m_app;
    ManualClock& m_clock;
    std::uint32_t m_seed;
    std::mt19937 m_rng;
    long m_step = 0;
    int m_day = 1;
    long m_reportEvery = 0;
    std::string m_staffId;
    std::string m_staffPin;
    bool m_trace = false;
    std::deque<std::string> m_recent; ///< the last actions, for a failure report
    std::uint64_t m_visit = 0;        ///< the router's visit when m_sameVisitSteps started
    long m_sameVisitSteps = 0;
    long m_wayOutProbes = 0;
    /// Each (screen, language, text size) the run has drawn: the report's `seen`, which stops
    /// growing once the run has passed through everything it reaches (the soak's warm-up).
    std::set<std::tuple<int, int, bool>> m_seen;
};

} // namespace okienko::kiosk::platform
