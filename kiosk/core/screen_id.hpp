// The screens of the kiosk app. Overlays (idle warning, toast) are state, not screens.
#pragma once

#include <string_view>

namespace okienko::kiosk
{

enum class ScreenId
{
    Attract,       ///< CUS name, clock, "touch to start", announcements
    Home,          ///< one tile per flow that exists
    Catalogue,     ///< browse by area / "who it is for", search as you type
    ServicePage,   ///< everything about one service
    FeeCalculator, ///< sheltered-housing fee share from income
    ConfigError,   ///< a bad configuration, shown instead of a black screen
};

/// Stable lower-case name for logs and automation ("attract", "service-page").
std::string_view screenName(ScreenId id);

} // namespace okienko::kiosk
