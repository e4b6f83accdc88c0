// What the counselling, callback and feedback flows share: the session state, the catalogue, the
// services (database, outbox, printer, online booking), translations for slips, the clock, and the
// usage recorder. Services, translator and clock may be missing (a unit test of the navigation, a
// kiosk whose database did not open): a flow then refuses to store and says so.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/flows/flow_deps.hpp"
#include "kiosk/core/flows/usage_recorder.hpp"
#include "kiosk/core/translator.hpp"
#include "kiosk/model/slip.hpp"
#include "kiosk/model/slip_status.hpp"
#include "shared/domain/catalog.hpp"

#include <string>

namespace okienko::kiosk
{

class KioskServices;

struct FlowContext
{
    AppState& state;
    const domain::Catalog& catalog;
    FlowDeps deps;
    UsageRecorder usage;

    /// Local wall time (a fixed Monday morning without a clock, so tests stay deterministic).
    LocalDateTime localNow() const;
    /// Queues `slip`; what the done screen shows (printing, or no printer).
    SlipProgress print(receipt::Slip slip);
    /// "23.11.2026 10:15" for the slip footer.
    std::string printedAt() const;
};

/// Applies a key of the on-screen keypad (digits, Clear, Backspace) to `buffer`.
void pressKeypad(TextBuffer& buffer, const Key& key, domain::Language lang);

} // namespace okienko::kiosk
