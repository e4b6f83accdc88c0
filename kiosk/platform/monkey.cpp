// Seeded random use of the real app (see monkey.hpp).
#include "kiosk/platform/monkey.hpp"

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/platform/automation_runner.hpp"
#include "kiosk/platform/process_figures.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace okienko::kiosk::platform
{

namespace
{

/// Steps on one screen visit before the monkey checks that there is a way out of it.
constexpr long kWayOutAfterSteps = 120;
/// Real time a PIN check (argon2id on a worker) may take before the monkey goes on.
constexpr Uint64 kPinAnswerMs = 10'000;
constexpr std::size_t kRecentActions = 12;

/// What people type into the kiosk's fields: names, phones, postal codes, towns, search words, and
/// some nonsense.
constexpr std::array<std::string_view, 16> kTexts{
    "Anna Kowalska", "600123456", "18-100", "Łapy", "Polna 5", "psycholog",  "wózek",  "Олена",
    "Київ",          "ąęłńóśźż",  "kule",   "123",  "zzzzzz",  "Żółć gęślą", "w domu", "a"};

/// What a scanner reads: staff badges (the right one is added from the environment), inventory
/// numbers, a product barcode, a URL from a leaflet's QR code.
constexpr std::array<std::string_view, 6> kCodes{"OKIENKO-STAFF:s-nobody", "LAP-WI-001",     "LAP-KU-003",
                                                 "5901234123457",          "OKIENKO-STAFF:", "https://cus.example/x"};

/// Every screen's own controls and the keyboard's keys.
bool isFrameControl(std::string_view id)
{
    static constexpr std::array<std::string_view, 6> kFrame{"back",          "home",   "large-text",
                                                            "high-contrast", "speech", "emergency-help"};
    return std::find(kFrame.begin(), kFrame.end(), id) != kFrame.end() || id.rfind("lang-", 0) == 0 ||
           id.rfind("key-", 0) == 0 || id.rfind("speech-", 0) == 0;
}

long envLong(const char* name, long fallback)
{
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::strtol(v, nullptr, 10) : fallback;
}

} // namespace

Monkey::Monkey(AutomationRunner& runner, KioskApp& app, ManualClock& clock, std::uint32_t seed)
    : m_runner(runner), m_app(app), m_clock(clock), m_seed(seed), m_rng(seed)
{
    if (const char* staff = std::getenv("OKIENKO_MONKEY_STAFF"))
    {
        const std::string_view s(staff);
        const std::size_t colon = s.rfind(':');
        if (colon != std::string_view::npos)
        {
            m_staffId = std::string(s.substr(0, colon));
            m_staffPin = std::string(s.substr(colon + 1));
        }
    }
    const char* trace = std::getenv("OKIENKO_MONKEY_TRACE");
    m_trace = trace != nullptr && std::string_view(trace) == "1";
}

bool Monkey::run(long steps, std::string& why)
{
    const long perDay = std::max(1L, steps / kDays);
    m_reportEvery = std::max(1L, envLong("OKIENKO_MONKEY_REPORT_EVERY", std::max(10L, steps / 100)));
    m_visit = m_app.state().router.visit();
    report();
    for (m_step = 1; m_step <= steps; ++m_step)
    {
        if (m_step % perDay == 0 && m_day < kDays)
            nextMorning();
        // A person reads and thinks before the next touch.
        m_clock.advanceSeconds(1.0 + below(14));
        m_runner.frames(1);
        act();
        const AppState& state = m_app.state();
        m_seen.emplace(static_cast<int>(state.router.current()), static_cast<int>(state.language), state.largeText);
        if (!checkWayOut(why))
            return false;
        if (m_step % m_reportEvery == 0)
            report();
    }
    m_step = steps;
    report();
    std::fprintf(stderr, "[monkey] done seed=%u steps=%ld days=%d way_out_probes=%ld\n", m_seed, steps, m_day,
                 m_wayOutProbes);
    // For a heap profiler: everything still allocated stays so at exit, whoever holds it, and two
    // runs of different lengths compare what the longer one holds more of (docs/automation.md).
    if (std::getenv("OKIENKO_MONKEY_EXIT_HOLDING") != nullptr)
    {
        std::fflush(nullptr);
        std::_Exit(0);
    }
    return true;
}

void Monkey::act()
{
    // Weights out of 100: mostly taps, as on a touch screen.
    const std::uint32_t r = below(100);
    if (r < 50)
        tapSomething();
    else if (r < 53)
        tapNowhere();
    else if (r < 60)
        swipeAList();
    else if (r < 72)
        typeOnKeyboard();
    else if (r < 76)
        scanCode();
    else if (r < 79)
        switchLanguage();
    else if (r < 81)
        toggleTextSize();
    else if (r < 85)
    {
        note("key escape");
        std::string why;
        (void)m_runner.pressPhysicalKey(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, why);
    }
    else if (r < 90)
        walkAway();
    else
        enterStaffMode();
}

void Monkey::note(std::string action)
{
    if (m_trace)
        std::fprintf(stderr, "[monkey] step=%ld screen=%s %s\n", m_step,
                     std::string(screenName(m_app.state().router.current())).c_str(), action.c_str());
    m_recent.push_back("step " + std::to_string(m_step) + " on " +
                       std::string(screenName(m_app.state().router.current())) + ": " + std::move(action));
    if (m_recent.size() > kRecentActions)
        m_recent.pop_front();
}

bool Monkey::tapId(const std::string& id)
{
    std::string why;
    return m_runner.tapId(id, why);
}

void Monkey::tapSomething()
{
    // What the screen offers counts six times what every screen's frame offers (languages, text
    // size, voice, back, home, emergency help) and the keys (typing has its own step): a person
    // mostly goes on with the task in front of them.
    std::vector<const ui::TapTarget*> reachable;
    std::vector<std::uint32_t> weights;
    std::uint32_t total = 0;
    for (const ui::TapTarget& t : m_app.ui().record.targets())
    {
        if (!t.enabled || !t.visible || t.max.x <= t.min.x || t.max.y <= t.min.y)
            continue;
        const std::uint32_t w = isFrameControl(t.id) ? 1 : 6;
        reachable.push_back(&t);
        weights.push_back(w);
        total += w;
    }
    if (reachable.empty())
    {
        tapNowhere();
        return;
    }
    std::uint32_t pick = below(total);
    std::size_t i = 0;
    while (pick >= weights[i])
        pick -= weights[i++];
    const ui::TapTarget target = *reachable[i];
    note("tap-id " + (target.id.empty() ? "\"" + target.label + "\"" : target.id));
    std::string why;
    (void)m_runner.tapAt(target, why);
    // With the voice on a first touch only speaks the widget (explore by touch); a second activates.
    if (m_app.state().speech.on && m_app.ui().record.findTargetById(target.id) != nullptr && below(4) != 0)
        (void)m_runner.tapAt(target, why);
}

void Monkey::tapNowhere()
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 at(static_cast<float>(below(static_cast<std::uint32_t>(std::max(1.0f, display.x)))),
                    static_cast<float>(below(static_cast<std::uint32_t>(std::max(1.0f, display.y)))));
    note("touch at " + std::to_string(static_cast<int>(at.x)) + "," + std::to_string(static_cast<int>(at.y)));
    ui::TapTarget spot;
    spot.min = at;
    spot.max = at;
    std::string why;
    (void)m_runner.tapAt(spot, why);
}

void Monkey::swipeAList()
{
    std::vector<const ui::TapTarget*> inLists;
    for (const ui::TapTarget& t : m_app.ui().record.targets())
    {
        if (t.inList && t.clipMax.y - t.clipMin.y > 40.0f)
            inLists.push_back(&t);
    }
    if (inLists.empty())
    {
        tapSomething();
        return;
    }
    const ui::TapTarget& t = *inLists[below(static_cast<std::uint32_t>(inLists.size()))];
    const float x = (t.clipMin.x + t.clipMax.x) * 0.5f;
    const float top = t.clipMin.y + (t.clipMax.y - t.clipMin.y) * 0.2f;
    const float bottom = t.clipMin.y + (t.clipMax.y - t.clipMin.y) * 0.8f;
    const bool up = below(2) == 0;
    note(up ? "drag a list up" : "drag a list down");
    if (up)
        m_runner.swipe(ImVec2(x, bottom), ImVec2(x, top));
    else
        m_runner.swipe(ImVec2(x, top), ImVec2(x, bottom));
}

void Monkey::typeOnKeyboard()
{
    std::vector<std::string> keys;
    for (const ui::TapTarget& t : m_app.ui().record.targets())
    {
        if (t.enabled && t.visible && t.id.rfind("key-", 0) == 0)
            keys.push_back(t.id);
    }
    if (keys.empty())
    {
        tapSomething();
        return;
    }
    std::string why;
    if (below(2) == 0)
    {
        // A word a person would type; a character this keyboard lacks ends the word there.
        const std::string text(kTexts[below(kTexts.size())]);
        note("type \"" + text + "\"");
        if (!m_runner.typeText(text, why) && m_trace)
            std::fprintf(stderr, "[monkey] step=%ld typed part of it: %s\n", m_step, why.c_str());
        return;
    }
    // Keys at random, Done, Shift and the page keys included.
    const std::uint32_t n = 1 + below(8);
    note("tap " + std::to_string(n) + " random keys");
    for (std::uint32_t i = 0; i < n; ++i)
    {
        const ui::TapTarget* key =
            m_app.ui().record.findTargetById(keys[below(static_cast<std::uint32_t>(keys.size()))]);
        if (key == nullptr)
            break; // a key changed the screen (Done)
        (void)m_runner.tapAt(*key, why);
    }
}

void Monkey::scanCode()
{
    std::string code(kCodes[below(kCodes.size())]);
    if (!m_staffId.empty() && below(3) == 0)
        code = "OKIENKO-STAFF:" + m_staffId;
    note("scan \"" + code + "\"");
    std::string why;
    (void)m_runner.scan(code, why);
    if (m_app.state().router.current() == ScreenId::StaffPin)
        typePin(below(2) == 0 ? m_staffPin : std::to_string(100000 + below(900000)));
}

void Monkey::switchLanguage()
{
    static constexpr std::array<const char*, 3> kLangs{"lang-pl", "lang-uk", "lang-en"};
    const std::string id = kLangs[below(kLangs.size())];
    note("tap-id " + id);
    (void)tapId(id);
}

void Monkey::toggleTextSize()
{
    note("tap-id large-text");
    (void)tapId("large-text");
}

void Monkey::idleFor(double seconds)
{
    // In half-minute steps, so the idle warning is drawn before the wipe, as it would be.
    for (double left = seconds; left > 0; left -= 30.0)
    {
        m_clock.advanceSeconds(std::min(30.0, left));
        m_runner.frames(2);
    }
    m_runner.settle();
}

void Monkey::walkAway()
{
    const double seconds = 30.0 + below(900);
    note("walk away for " + std::to_string(static_cast<int>(seconds)) + " s");
    idleFor(seconds);
}

void Monkey::enterStaffMode()
{
    const ScreenId screen = m_app.state().router.current();
    if (screen != ScreenId::Attract && screen != ScreenId::Home)
    {
        tapSomething();
        return;
    }
    std::string why;
    if (m_app.ui().record.findTargetById("cus-logo") != nullptr && below(2) == 0)
    {
        note("hold-id cus-logo 3.2");
        (void)m_runner.holdId("cus-logo", 3.2, why);
    }
    else if (!m_staffId.empty())
    {
        note("scan the staff badge");
        (void)m_runner.scan("OKIENKO-STAFF:" + m_staffId, why);
    }
    if (m_app.state().router.current() != ScreenId::StaffPin)
        return;
    // Wrong PINs more often than right ones: five wrong ones in a row lock the keypad.
    typePin(!m_staffPin.empty() && below(3) == 0 ? m_staffPin : std::to_string(100000 + below(900000)));
}

void Monkey::typePin(const std::string& pin)
{
    note("PIN " + std::string(pin == m_staffPin ? "right" : "wrong") + ", OK");
    std::string why;
    if (!m_runner.typeText(pin, why) || !tapId("staff-pin-ok"))
        return;
    // The check runs on a worker (argon2id): its answer leaves the keypad or says why not.
    const Uint64 until = SDL_GetTicks64() + kPinAnswerMs;
    while (m_app.state().router.current() == ScreenId::StaffPin && m_app.state().staff.entry.checking &&
           SDL_GetTicks64() < until)
    {
        SDL_Delay(5);
        m_runner.frames(1);
    }
}

void Monkey::nextMorning()
{
    const LocalDateTime now = m_clock.localNow();
    const int sinceNine = (now.hour - 9) * 3600 + now.minute * 60 + now.second;
    note("the kiosk closes; next morning");
    // The lobby empties at closing time: whatever was open times out before the night.
    idleFor(900);
    m_clock.advanceSeconds(std::max(0, 24 * 3600 - sinceNine - 900));
    m_runner.frames(2);
    ++m_day;
}

bool Monkey::checkWayOut(std::string& why)
{
    const std::uint64_t visit = m_app.state().router.visit();
    if (visit != m_visit)
    {
        m_visit = visit;
        m_sameVisitSteps = 0;
        return true;
    }
    if (++m_sameVisitSteps < kWayOutAfterSteps || m_app.state().router.current() == ScreenId::Attract)
        return true;
    // So many steps on one visit of one screen: Escape, then a quarter of an hour idle, must leave it.
    ++m_wayOutProbes;
    note("way out: key escape, then 15 minutes idle");
    std::string ignored;
    (void)m_runner.pressPhysicalKey(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, ignored);
    if (m_app.state().router.visit() == m_visit)
        idleFor(900);
    if (m_app.state().router.visit() != m_visit)
    {
        m_visit = m_app.state().router.visit();
        m_sameVisitSteps = 0;
        return true;
    }
    why = "monkey seed " + std::to_string(m_seed) + " step " + std::to_string(m_step) + ": stuck on screen " +
          std::string(screenName(m_app.state().router.current())) + " for " + std::to_string(m_sameVisitSteps) +
          " steps; neither Escape nor 15 minutes idle left it. Last actions:";
    for (const std::string& a : m_recent)
        why += "\n  " + a;
    return false;
}

void Monkey::report()
{
    // The runner's recording of what was said is for `expect-spoken`, not the kiosk: it would grow.
    if (m_runner.m_voice != nullptr)
        m_runner.m_voice->clear();
    const ProcessFigures f = readProcessFigures();
    const std::filesystem::path db = m_app.config().data.directory / "kiosk.sqlite3";
    std::fprintf(stderr,
                 "[monkey] step=%ld day=%d screen=%s rss_kib=%lld pss_kib=%lld anon_kib=%lld heap_used_kib=%lld "
                 "heap_free_kib=%lld fds=%d threads=%d db_bytes=%lld wal_bytes=%lld large_text=%d seen=%zu\n",
                 m_step, m_day, std::string(screenName(m_app.state().router.current())).c_str(),
                 static_cast<long long>(f.rssKib), static_cast<long long>(f.pssKib), static_cast<long long>(f.anonKib),
                 static_cast<long long>(f.heapInUseKib), static_cast<long long>(f.heapFreeKib), f.fds, f.threads,
                 static_cast<long long>(fileBytes(db)), static_cast<long long>(fileBytes(db.string() + "-wal")),
                 m_app.ui().fonts.largeBaked ? 1 : 0, m_seen.size());
}

} // namespace okienko::kiosk::platform
