// What the coordinators' panel reads from and writes to the central database, as one interface:
// every query a page needs returns plain view structs, every action is one method that runs in one
// transaction. The panel holds no SQL; a second database backend implements this interface.
#pragma once

#include "server/store/catalog_views.hpp"
#include "server/store/slots_views.hpp"
#include "server/store/units_views.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

namespace okienko::server
{

class PanelStore
{
  public:
    virtual ~PanelStore() = default;

    // --- login, callbacks, reservations and counselling, kiosks, monitoring, loans ---

    // --- units, duty slots, catalogue and announcements ---

    /// Every equipment unit in catalogue order, or only those whose live state is `stateCode`
    /// ("" for all).
    virtual Result<std::vector<UnitView>, db::Error> units(const std::string& stateCode) = 0;
    /// Re-reads the unit's state and open loan inside the write; when allowed, sets the state (and
    /// the note), logs the unit for kiosks and records the panel action, all in one transaction.
    virtual Result<UnitChangeOutcome, db::Error> changeUnitState(const UnitStateChange& change) = 0;

    /// The counselling kinds, in catalogue order.
    virtual Result<std::vector<CounsellingKindView>, db::Error> counsellingKinds() = 0;
    /// Slots from `today` on with their bookings, and the free ones not started by `minuteNow`.
    virtual Result<SlotsOverview, db::Error> slotsOverview(Date today, int minuteNow) = 0;
    /// Free slots not yet started at `today` `minuteNow`, in time order, at most `limit`.
    virtual Result<std::vector<SlotView>, db::Error> freeSlots(Date today, int minuteNow, int limit) = 0;
    /// Publishes or edits a free slot (overlaps and bookings re-checked inside the write). Editing
    /// the date, time, length or room gives the slot a new id and withdraws the old one.
    virtual Result<SlotChangeOutcome, db::Error> saveSlot(const SlotEdit& edit) = 0;
    /// Withdraws free slot `id` (a tombstone to kiosks).
    virtual Result<SlotChangeOutcome, db::Error> withdrawSlot(const std::string& id, const std::string& staffId,
                                                              std::int64_t now) = 0;

    /// The stored catalogue with every service's and announcement's latest change.
    virtual Result<CatalogOverview, db::Error> catalogOverview() = 0;
    virtual Result<CatalogEntryView<domain::Service>, db::Error> service(const std::string& id) = 0;
    virtual Result<CatalogEntryView<domain::Announcement>, db::Error> announcement(const std::string& id) = 0;
    /// Saves a service's texts, status, dates and "to be confirmed" flag: the catalogue, its
    /// change-log row (as import-catalog logs it) and the catalog_edits row in one transaction.
    virtual Result<CatalogSaveOutcome<domain::Service>, db::Error> saveService(const CatalogEdit& edit) = 0;
    /// Adds (edit.id "") or saves an announcement, as saveService.
    virtual Result<CatalogSaveOutcome<domain::Announcement>, db::Error> saveAnnouncement(const CatalogEdit& edit) = 0;
    /// Withdraws announcement `id` at `version` (a tombstone to kiosks): Saved, Stale or NotFound.
    virtual Result<CatalogSaveResult, db::Error> withdrawAnnouncement(const std::string& id, std::int64_t version,
                                                                      const std::string& staffId, std::int64_t now) = 0;
};

} // namespace okienko::server
