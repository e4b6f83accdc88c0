// Shared flow helpers (see flow_context.hpp).
#include "kiosk/core/flows/flow_context.hpp"

#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "shared/util/date_format.hpp"

namespace okienko::kiosk
{

LocalDateTime FlowContext::localNow() const
{
    if (deps.clock != nullptr)
        return deps.clock->localNow();
    return LocalDateTime{Date{2024, 1, 15}, 9, 0, 0};
}

SlipProgress FlowContext::print(receipt::Slip slip)
{
    if (deps.services == nullptr || !deps.services->canPrint())
        return SlipProgress{SlipStatus::NoPrinter, 0, {}};
    const std::optional<std::uint64_t> queued = deps.services->print(std::move(slip));
    if (!queued)
        return SlipProgress{SlipStatus::NoPrinter, 0, {}};
    return SlipProgress{SlipStatus::Printing, *queued, {}};
}

std::string FlowContext::printedAt() const
{
    return formatDateTime(localNow());
}

void pressKeypad(TextBuffer& buffer, const Key& key, domain::Language lang)
{
    // The keypad has no Shift or pages; its keys never touch the letter keyboard's state.
    KeyboardState keypad(lang, {lang});
    keypad.press(key, buffer);
}

} // namespace okienko::kiosk
