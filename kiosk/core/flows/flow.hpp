// The shape every kiosk flow has, so the controller dispatches through one table instead of naming
// each flow: the screens it owns, the intents it applies, the worker completions it takes, and the
// USB keyboard or scanner input it accepts on its screens. A new flow implements this, keeps its
// state in AppState, and is added to Controller's table.
#pragma once

#include "kiosk/core/flows/flow_deps.hpp"
#include "kiosk/core/flows/flow_id.hpp"
#include "kiosk/core/intents.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/screen_id.hpp"

#include <string>
#include <variant>

namespace okienko::kiosk
{

class Flow
{
  public:
    virtual ~Flow() = default;

    virtual FlowId id() const = 0;
    /// True when `screen` is one of this flow's steps.
    virtual bool ownsScreen(ScreenId screen) const = 0;
    /// Services, translator and clock (see FlowDeps).
    virtual void attach(FlowDeps deps) = 0;
    /// Applies `intent` when it is this flow's; false when it belongs to another flow or the controller.
    virtual bool apply(const Intent& intent) = 0;
    /// A worker's result (print, hold, booking, PIN, printer); false when it is not this flow's (or
    /// belongs to a session that was wiped meanwhile).
    virtual bool onCompletion(const Completion& completion) = 0;

    /// A scanned code; false when none of this flow's screens takes it now.
    virtual bool onScan(const std::string& /*code*/) { return false; }
    /// Text from a USB keyboard for this flow's field being typed; false when none takes it now.
    virtual bool onType(const TypeText& /*typed*/) { return false; }
    /// Backspace on a USB keyboard; false when no field of this flow takes typing now.
    virtual bool onErase() { return false; }
    /// Enter on a USB keyboard; false when no field of this flow takes typing now.
    virtual bool onSubmit() { return false; }

    /// Runs after every intent the controller applied, whoever took it: a flow whose screens were
    /// left (Home, Back past its first step) ends here.
    virtual void afterIntent() {}
    /// After an intent that entered a screen anew or went Back to one: the messages of the step
    /// left (a validation message, "choose a day") must not greet the resident on the next one.
    virtual void screenEntered() {}
    /// Right before the session is wiped (idle expiry, logout).
    virtual void sessionEnding() {}
    /// True once after this flow changed units in the kiosk database (the app reloads the catalogue).
    virtual bool takeUnitsChanged() { return false; }
};

/// For a flow whose intents travel in one Intent alternative `Own`: calls `act` with it and returns
/// true; false for any other intent.
template <typename Own, typename Act> bool applyOwn(const Intent& intent, Act&& act)
{
    const Own* own = std::get_if<Own>(&intent);
    if (own == nullptr)
        return false;
    act(*own);
    return true;
}

} // namespace okienko::kiosk
