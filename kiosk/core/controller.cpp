// Intent handling and the idle session (see controller.hpp).
#include "kiosk/core/controller.hpp"

#include "shared/text/utf8.hpp"

#include <algorithm>
#include <type_traits>

namespace okienko::kiosk
{

Controller::Controller(AppState& state, const domain::Catalog& catalog, const search::CatalogIndex& index,
                       SessionDefaults defaults, std::chrono::seconds idleTimeout, std::chrono::seconds idleWarning)
    : m_state(state), m_catalog(catalog), m_index(index), m_defaults(std::move(defaults)),
      m_idle(idleTimeout, idleWarning)
{
}

void Controller::applyAll(Intents& intents, Millis now)
{
    for (const Intent& intent : intents)
        apply(intent, now);
    intents.clear();
}

void Controller::apply(const Intent& intent, Millis now)
{
    const std::uint64_t visit = m_state.router.visit();
    if (std::none_of(m_flows.begin(), m_flows.end(), [&](Flow* f) { return f->apply(intent); }))
        applyOwn(intent, now);
    for (Flow* f : m_flows)
        f->afterIntent(); // Home, Back past a flow's first step: its state is erased
    if (m_state.router.visit() != visit)
        screenEntered();
    const ScreenId shown = m_state.router.current();
    if (((shown == ScreenId::StaffPin && !m_state.staff.loggedIn()) || shown == ScreenId::EmergencyHelp) &&
        m_idle.state() == IdleState::Stopped)
        m_idle.start(
            now); // the keypad or the emergency numbers opened from the attract screen: a walk-away still ends it
    if (m_staffEntry.takeLogout())
        wipeSession(); // logout is the session wipe: nothing a borrower said stays in memory
    followStaffSession(now);
}

void Controller::applyOwn(const Intent& intent, Millis now)
{
    std::visit(
        [&](const auto& i)
        {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, StartSession>)
            {
                followSessionSpeech(); // headphones plugged in since the attract screen came
                m_state.router.home();
                m_idle.start(now);
            }
            else if constexpr (std::is_same_v<T, GoBack>)
            {
                m_state.router.back();
            }
            else if constexpr (std::is_same_v<T, GoHome>)
            {
                m_state.router.home();
                m_equipment.reset(); // Home ends the flow: nothing entered survives it
            }
            else if constexpr (std::is_same_v<T, OpenScreen>)
            {
                m_state.router.push(i.screen);
            }
            else if constexpr (std::is_same_v<T, SetLanguage>)
            {
                if (std::find(m_state.languages.begin(), m_state.languages.end(), i.language) !=
                    m_state.languages.end())
                {
                    m_state.language = i.language;
                    m_state.keyboard.state.setLanguage(i.language);
                    refreshSearch();
                }
            }
            else if constexpr (std::is_same_v<T, ToggleLargeText>)
            {
                m_state.largeText = !m_state.largeText;
            }
            else if constexpr (std::is_same_v<T, ToggleHighContrast>)
            {
                m_state.highContrast = !m_state.highContrast;
            }
            else if constexpr (std::is_same_v<T, ToggleSpeech>)
            {
                m_state.speech.on = !m_state.speech.on;
                m_speechChosen = true;
            }
            else if constexpr (std::is_same_v<T, AdjustSpeech>)
            {
                SpeechSettings& s = m_state.speech;
                s.ratePercent = std::clamp(s.ratePercent + i.rateSteps * kSpeechStep, kSpeechRateMin, kSpeechRateMax);
                s.volumePercent =
                    std::clamp(s.volumePercent + i.volumeSteps * kSpeechStep, kSpeechVolumeMin, kSpeechVolumeMax);
            }
            else if constexpr (std::is_same_v<T, SetBrowseMode>)
            {
                m_state.catalogue.mode = i.mode;
                m_state.keyboard.state.reset();
            }
            else if constexpr (std::is_same_v<T, SelectArea>)
            {
                m_state.catalogue.mode = BrowseMode::Areas;
                m_state.catalogue.area = i.area;
            }
            else if constexpr (std::is_same_v<T, SelectGroup>)
            {
                m_state.catalogue.mode = BrowseMode::Groups;
                m_state.catalogue.group = i.group;
            }
            else if constexpr (std::is_same_v<T, OpenService>)
            {
                openService(i.serviceId);
            }
            else if constexpr (std::is_same_v<T, OpenFeeCalculator>)
            {
                if (m_catalog.findFeeTable(i.feeTableId) != nullptr)
                {
                    if (m_state.fee.feeTableId != i.feeTableId)
                        m_state.fee = FeeCalcState{};
                    m_state.fee.feeTableId = i.feeTableId;
                    m_state.keyboard.state.reset();
                    m_state.router.push(ScreenId::FeeCalculator);
                }
            }
            else if constexpr (std::is_same_v<T, PressKey>)
            {
                pressKey(i);
            }
            else if constexpr (std::is_same_v<T, ClearField>)
            {
                field(i.field).buffer.clear();
                if (i.field == FieldId::Search)
                    refreshSearch();
            }
            else if constexpr (std::is_same_v<T, SetHousehold>)
            {
                m_state.fee.household = i.household;
            }
            else if constexpr (std::is_same_v<T, TypeText> || std::is_same_v<T, EraseText>)
            {
                // A physical keyboard edits the field whose on-screen keyboard is showing: a flow's
                // field (or the PIN keypad) first, each flow filtering as its keys do.
                if (!typeIntoFlow(i))
                    typeIntoOwnField(i);
            }
            else if constexpr (std::is_same_v<T, Scanned>)
            {
                scanned(i.code);
            }
            else if constexpr (std::is_same_v<T, SubmitField>)
            {
                // Enter on a USB keyboard: a flow's Done (look the inventory number up) or the PIN
                // keypad's OK; elsewhere the on-screen keyboard's Done has no state to change.
                (void)std::any_of(m_flows.begin(), m_flows.end(), [](Flow* f) { return f->onSubmit(); });
            }
            else if constexpr (std::is_same_v<T, EndSession>)
            {
                wipeSession();
            }
            else if constexpr (std::is_same_v<T, MoreTime>)
            {
                if (m_idle.moreTime(now))
                    m_state.idle = IdleOverlay{};
            }
            else if constexpr (std::is_same_v<T, SelectScheduleDay>)
            {
                m_state.scheduleDay = std::clamp(i.day, 0, kScheduleDays - 1);
            }
        },
        intent);
}

void Controller::screenEntered()
{
    for (Flow* f : m_flows)
        f->screenEntered();
    const ScreenId current = m_state.router.current();
    if (current == ScreenId::Home || current == ScreenId::Attract)
    {
        // Home and Start begin a new search: "wozek" must not be searched again with "mieszkanie".
        m_state.catalogue = CatalogueState{};
        m_state.keyboard.state.reset();
    }
}

void Controller::attach(const FlowDeps& deps)
{
    for (Flow* f : m_flows)
        f->attach(deps);
}

void Controller::attachStaff(const FlowDeps& deps)
{
    for (Flow* f : m_staffFlows)
        f->attach(deps);
}

bool Controller::takeCatalogueReload()
{
    bool changed = false;
    for (Flow* f : m_flows)
        changed = f->takeUnitsChanged() || changed; // every flow's flag is taken, not just the first
    return changed;
}

void Controller::followStaffSession(Millis now)
{
    const bool loggedIn = m_state.staff.loggedIn();
    if (loggedIn == m_staffWasLoggedIn)
        return;
    m_staffWasLoggedIn = loggedIn;
    if (loggedIn)
    {
        m_idle.stop();
        m_staffIdle.start(now);
    }
    else
    {
        m_staffIdle.stop();
    }
    m_state.idle = IdleOverlay{};
}

bool Controller::typeIntoFlow(const TypeText& typed)
{
    return std::any_of(m_flows.begin(), m_flows.end(), [&](Flow* f) { return f->onType(typed); });
}

bool Controller::typeIntoFlow(const EraseText&)
{
    return std::any_of(m_flows.begin(), m_flows.end(), [](Flow* f) { return f->onErase(); });
}

template <typename Typing> void Controller::typeIntoOwnField(const Typing& typing)
{
    std::optional<FieldId> focus;
    if (m_state.router.current() == ScreenId::Catalogue && m_state.catalogue.mode == BrowseMode::Search)
        focus = FieldId::Search;
    else if (m_state.router.current() == ScreenId::FeeCalculator)
        focus = FieldId::Income;
    if (!focus)
        return;
    TextBuffer& buffer = field(*focus).buffer;
    if constexpr (std::is_same_v<Typing, TypeText>)
    {
        // One character at a time: a filtered letter must not drop the digits around it.
        std::size_t pos = 0;
        while (pos < typing.text.size())
        {
            const std::optional<char32_t> cp = text::decodeOne(typing.text, pos);
            if (!cp)
                break;
            (void)buffer.insert(*cp);
        }
    }
    else
    {
        (void)buffer.backspace();
    }
    if (*focus == FieldId::Search)
        refreshSearch();
}

void Controller::scanned(const std::string& code)
{
    // A staff badge on the attract or home screen, or an inventory number on a staff screen that
    // expects one.
    if (std::any_of(m_flows.begin(), m_flows.end(), [&](Flow* f) { return f->onScan(code); }))
        return;
    if (m_state.staff.loggedIn())
        return; // in staff mode nothing else reacts to codes
    // The catalogue searches for a scanned code.
    if (m_state.router.current() == ScreenId::Catalogue &&
        m_state.catalogue.query.buffer.setText(code) == InsertResult::Inserted)
    {
        m_state.catalogue.mode = BrowseMode::Search;
        refreshSearch();
    }
}

EditField& Controller::field(FieldId id)
{
    switch (id)
    {
    case FieldId::Income:
        return m_state.fee.income;
    case FieldId::Search:
        break;
    }
    return m_state.catalogue.query;
}

void Controller::pressKey(const PressKey& press)
{
    EditField& f = field(press.field);
    if (press.field == FieldId::Income)
    {
        // The keypad has no Shift or pages; its keys never touch the letter keyboard's state.
        KeyboardState keypad(m_state.language, {m_state.language});
        keypad.press(press.key, f.buffer);
        return;
    }
    const KeyOutcome outcome = m_state.keyboard.state.press(press.key, f.buffer);
    if (outcome == KeyOutcome::LanguageChanged || outcome == KeyOutcome::Inserted || outcome == KeyOutcome::Deleted ||
        outcome == KeyOutcome::Cleared)
        refreshSearch();
}

void Controller::refreshSearch()
{
    CatalogueState& c = m_state.catalogue;
    c.results.clear();
    if (c.query.buffer.empty())
        return;
    // Equipment types are reached through the service that lends them.
    std::string rentalId;
    for (const domain::Service& s : m_catalog.services)
    {
        if (s.kioskAction == domain::KioskAction::ReserveEquipment)
        {
            rentalId = s.id;
            break;
        }
    }
    for (const search::SearchResult& r : m_index.query(c.query.buffer.text(), m_state.language, kMaxSearchResults))
    {
        const std::string& id = r.kind == search::ResultKind::Service ? r.id : rentalId;
        if (id.empty() || std::find(c.results.begin(), c.results.end(), id) != c.results.end())
            continue;
        c.results.push_back(id);
    }
}

void Controller::openService(const std::string& id)
{
    if (m_catalog.findService(id) == nullptr)
        return;
    if (m_state.router.current() == ScreenId::ServicePage && m_state.serviceId != id)
        m_state.router.renew(); // another service on the same page: it starts at its top
    m_state.serviceId = id;
    m_servicePrint.opened(id);
    m_state.router.push(ScreenId::ServicePage);
    m_requests.usage().serviceViewed(id, m_state.language);
    if (m_state.catalogue.mode == BrowseMode::Search && !m_state.catalogue.query.buffer.empty())
        m_requests.usage().searchMade(id, m_state.language); // the matched id, never the query text
}

void Controller::userActivity(Millis now)
{
    if (activeIdle().touch(now) && m_state.idle.visible)
        m_state.idle = IdleOverlay{};
}

bool Controller::tick(Millis now)
{
    followStaffSession(now);
    switch (activeIdle().update(now))
    {
    case IdleEvent::None:
        return false;
    case IdleEvent::WarningStarted:
    case IdleEvent::CountdownTick:
        m_state.idle.visible = true;
        m_state.idle.secondsLeft = activeIdle().secondsRemaining(now);
        return true;
    case IdleEvent::Expired:
        wipeSession();
        followStaffSession(now);
        return true;
    }
    return false;
}

std::optional<Millis> Controller::nextDeadline(Millis now) const
{
    return activeIdle().nextDeadline(now);
}

void Controller::wipeSession()
{
    std::vector<std::string> configErrors = std::move(m_state.configErrors);
    const ConnectivityStatus connectivity = m_state.connectivity;
    for (Flow* f : m_flows)
        f->sessionEnding(); // usage of a request flow left half-way; staff mode's slips kept for reprint
    m_state = freshState(m_defaults);
    m_state.configErrors = std::move(configErrors);
    m_state.connectivity = connectivity;
    if (!m_state.configErrors.empty())
        m_state.router.reset(ScreenId::ConfigError);
    m_idle.stop();
    m_speechChosen = false;
    followSessionSpeech();
}

void Controller::followSessionSpeech()
{
    if (m_defaults.speechOnNow && !m_speechChosen)
        m_state.speech.on = m_defaults.speechOnNow();
}

void Controller::onCompletion(const Completion& completion)
{
    // A login by PIN switches the idle timers at the next tick(), which follows every drain.
    if (std::any_of(m_flows.begin(), m_flows.end(), [&](Flow* f) { return f->onCompletion(completion); }))
        return;
    if (const auto* sync = std::get_if<SyncCompletion>(&completion))
    {
        ConnectivityStatus& c = m_state.connectivity;
        switch (sync->status.connectivity)
        {
        case sync::Connectivity::Online:
            c.link = LinkState::Online;
            break;
        case sync::Connectivity::Offline:
            c.link = LinkState::Offline;
            break;
        case sync::Connectivity::Unknown:
            c.link = LinkState::Connecting;
            break;
        }
        if (sync->status.lastSyncAt)
            c.lastSyncAt = sync->status.lastSyncAt;
        c.outboxDepth = sync->status.outboxDepth;
        c.outboxOldestAgeSeconds.reset();
        if (sync->status.outboxOldestAge)
            c.outboxOldestAgeSeconds = sync->status.outboxOldestAge->count();
        c.deadLetters = sync->status.deadLetters;
        c.lastError = sync->status.lastError;
        if (sync->catalogueChanged)
            refreshSearch(); // results are ids of the catalogue that was just replaced
    }
}

} // namespace okienko::kiosk
