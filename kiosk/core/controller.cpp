// Intent handling and the idle session (see controller.hpp).
#include "kiosk/core/controller.hpp"

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
    std::visit(
        [&](const auto& i)
        {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, StartSession>)
            {
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
            else if constexpr (std::is_same_v<T, EndSession>)
            {
                wipeSession();
            }
            else if constexpr (std::is_same_v<T, MoreTime>)
            {
                if (m_idle.moreTime(now))
                    m_state.idle = IdleOverlay{};
            }
        },
        intent);
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
    m_state.serviceId = id;
    m_state.router.push(ScreenId::ServicePage);
}

void Controller::userActivity(Millis now)
{
    if (m_idle.touch(now) && m_state.idle.visible)
        m_state.idle = IdleOverlay{};
}

bool Controller::tick(Millis now)
{
    switch (m_idle.update(now))
    {
    case IdleEvent::None:
        return false;
    case IdleEvent::WarningStarted:
    case IdleEvent::CountdownTick:
        m_state.idle.visible = true;
        m_state.idle.secondsLeft = m_idle.secondsRemaining(now);
        return true;
    case IdleEvent::Expired:
        wipeSession();
        return true;
    }
    return false;
}

std::optional<Millis> Controller::nextDeadline(Millis now) const
{
    return m_idle.nextDeadline(now);
}

void Controller::wipeSession()
{
    std::vector<std::string> configErrors = std::move(m_state.configErrors);
    m_state = freshState(m_defaults);
    m_state.configErrors = std::move(configErrors);
    if (!m_state.configErrors.empty())
        m_state.router.reset(ScreenId::ConfigError);
    m_idle.stop();
}

} // namespace okienko::kiosk
