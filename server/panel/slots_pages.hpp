// The panel's counselling duty hours (/panel/slots): upcoming slots, publishing a slot, editing and
// withdrawing a free one. Every change is logged as a counselling_slot change for kiosks. A booked
// slot moves only together with its request, through POST /panel/counselling/decide action=move
// (panel.cpp), for which this file renders the form.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/store/slots_views.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::panel
{

inline constexpr int kMinSlotMinutes = 15;
inline constexpr int kMaxSlotMinutes = 240;

/// A free upcoming slot offered as a target of "move".
struct SlotOption
{
    std::string id;
    std::string label; ///< "wtorek 2025-03-04, 10:00–11:00, pokój 12, Jan Nowak"
    std::vector<std::string> kindIds;
};

/// The free slots `free` as choices of the "move" form.
std::vector<SlotOption> slotOptions(const std::vector<SlotView>& free);
/// Free slots from today on (not yet started), in time order, at most `limit`, as choices.
Result<std::vector<SlotOption>, db::Error> loadFreeSlotOptions(PanelStore& store, const Now& now, int limit = 200);

/// The "move to another slot" form for counselling request `requestId` (offers only slots of its
/// kind, other than `currentSlotId`); empty when no slot fits. `returnTo` is "slots" or "reservations".
Html moveRequestForm(const PanelSession& session, const std::string& requestId, const std::string& code,
                     const std::string& kindId, const std::string& currentSlotId,
                     const std::vector<SlotOption>& options, const std::string& returnTo);

/// `messages` (a page's ?msg= codes) with the messages of the "move" form's outcomes added, for
/// the pages the move returns to.
std::map<std::string, FlashMessage> withMoveMessages(std::map<std::string, FlashMessage> messages);

/// GET /panel/slots[?edit=ID]
PanelResponse slotsPage(const PageContext& ctx);
/// POST /panel/slots/save (id empty: publish; else edit a free slot): 303 when saved, 422 with the
/// form and its errors for invalid fields, 409 for an overlap or a slot that is booked or gone.
PanelResponse slotSaveAction(const PageContext& ctx, const std::map<std::string, std::string>& form);
/// POST /panel/slots/withdraw (id): withdraws a free slot (tombstone to kiosks); 409 when booked.
PanelResponse slotWithdrawAction(const PageContext& ctx, const std::map<std::string, std::string>& form);

} // namespace okienko::server::panel
