// Turns intents into state changes, runs the idle session timer, and wipes the session when it
// expires. The only writer of AppState. No ImGui, no SDL: tests drive it directly.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/idle_timer.hpp"
#include "kiosk/core/intents.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/search/catalog_index.hpp"

#include <chrono>
#include <optional>

namespace okienko::kiosk
{

/// At most this many search results are listed.
inline constexpr std::size_t kMaxSearchResults = 40;

class Controller
{
  public:
    /// `catalog` and `index` must outlive the controller.
    Controller(AppState& state, const domain::Catalog& catalog, const search::CatalogIndex& index,
               SessionDefaults defaults, std::chrono::seconds idleTimeout, std::chrono::seconds idleWarning);

    void apply(const Intent& intent, Millis now);
    /// Applies and clears `intents`.
    void applyAll(Intents& intents, Millis now);
    /// Any touch on the screen: restarts the idle countdown.
    void userActivity(Millis now);
    /// Advances the idle timer. Returns true when something visible changed (warning shown, its
    /// number changed, or the session was wiped).
    bool tick(Millis now);
    /// When tick() must run next (nullopt: only after input).
    std::optional<Millis> nextDeadline(Millis now) const;
    /// Throws away everything the user entered and shows the attract screen.
    void wipeSession();

    const IdleTimer& idleTimer() const { return m_idle; }

  private:
    void pressKey(const PressKey& press);
    EditField& field(FieldId id);
    void refreshSearch();
    void openService(const std::string& id);

    AppState& m_state;
    const domain::Catalog& m_catalog;
    const search::CatalogIndex& m_index;
    SessionDefaults m_defaults;
    IdleTimer m_idle;
};

} // namespace okienko::kiosk
