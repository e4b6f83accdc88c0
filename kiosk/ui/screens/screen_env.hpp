// What a screen reads: the app state, the catalogue, translations and the time. Screens never
// change any of it; they append intents.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/intents.hpp"
#include "kiosk/core/translator.hpp"
#include "shared/domain/activity.hpp"
#include "shared/domain/catalog.hpp"

#include <vector>

namespace okienko::kiosk::ui
{

struct ScreenEnv
{
    const AppState& state;
    const domain::Catalog& catalog;
    const Translator& tr;
    LocalDateTime now;
    /// The schedule's activities (kiosk database); null where a screen is drawn without them.
    const std::vector<domain::Activity>* activities = nullptr;

    domain::Language lang() const { return state.language; }
    /// Catalogue text in the session language (Polish when not translated).
    const std::string& text(const domain::LocalizedText& t) const { return t.in(state.language); }
    const std::vector<domain::Activity>& schedule() const
    {
        static const std::vector<domain::Activity> none;
        return activities != nullptr ? *activities : none;
    }
};

} // namespace okienko::kiosk::ui
