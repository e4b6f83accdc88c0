// What a screen reads: the app state, the catalogue, translations and the time. Screens never
// change any of it; they append intents.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/intents.hpp"
#include "kiosk/core/translator.hpp"
#include "shared/domain/catalog.hpp"

namespace okienko::kiosk::ui
{

struct ScreenEnv
{
    const AppState& state;
    const domain::Catalog& catalog;
    const Translator& tr;
    LocalDateTime now;

    domain::Language lang() const { return state.language; }
    /// Catalogue text in the session language (Polish when not translated).
    const std::string& text(const domain::LocalizedText& t) const { return t.in(state.language); }
};

} // namespace okienko::kiosk::ui
