// What the panel's duty-slot pages read and ask of the store: upcoming counselling slots with the
// request that booked them, the free slots a request can move to, and publishing, editing and
// withdrawing a slot with the precise reason a change was refused.
#pragma once

#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

struct CounsellingKindView
{
    std::string id;
    std::string name; ///< Polish
};

/// A counselling slot as stored (times in minutes after midnight).
struct SlotView
{
    std::string id;
    std::vector<std::string> kindIds;
    std::string counsellor;
    std::string room;
    std::string date; ///< YYYY-MM-DD
    int start = 0;
    int minutes = 0;
};

/// An upcoming slot with the counselling request that booked it, if any.
struct BookedSlotView
{
    SlotView slot;
    bool booked = false;
    std::string requestId, requestCode, requestStatus, requestKind; ///< "" when not booked (or the request is gone)
};

/// What the slots page shows, read in one snapshot.
struct SlotsOverview
{
    std::vector<CounsellingKindView> kinds; ///< in catalogue order
    std::vector<BookedSlotView> upcoming;   ///< from today, by date, start, room
    std::vector<SlotView> free;             ///< free and not yet started, by time
};

/// Publish (`id` empty) or edit a free slot.
struct SlotEdit
{
    std::string id;
    Date date;
    int start = 0;
    int minutes = 0;
    std::string counsellor;
    std::string room;
    std::vector<std::string> kindIds;
    std::string staffId;
    std::int64_t now = 0;
};

enum class SlotChangeResult
{
    Published,
    Edited,
    Withdrawn,
    Gone,    ///< the slot no longer exists
    Booked,  ///< the slot is booked: only its request can move it
    Overlap, ///< another slot of the same counsellor or room overlaps
};

struct SlotChangeOutcome
{
    SlotChangeResult result = SlotChangeResult::Published;
    SlotView overlapping;        ///< the slot in the way (Overlap)
    bool sameCounsellor = false; ///< Overlap: the counsellor's (else the room's) other slot
};

} // namespace okienko::server
