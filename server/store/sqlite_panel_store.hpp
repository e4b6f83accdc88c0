// The panel's queries and actions on the central SQLite database (PanelStore over ServerStore's
// reader pool and its one writer). One .cpp file per group of pages.
#pragma once

#include "server/server_store.hpp"
#include "server/store/panel_store.hpp"

namespace okienko::server
{

class SqlitePanelStore final : public PanelStore
{
  public:
    explicit SqlitePanelStore(ServerStore& store) : m_store(store) {}

    // --- login, callbacks, reservations and counselling, kiosks, monitoring, loans ---

    // --- units, duty slots, catalogue and announcements ---
    // (sqlite_panel_store_units.cpp, sqlite_panel_store_slots.cpp, sqlite_panel_store_catalog.cpp)

    Result<std::vector<UnitView>, db::Error> units(const std::string& stateCode) override;
    Result<UnitChangeOutcome, db::Error> changeUnitState(const UnitStateChange& change) override;

    Result<std::vector<CounsellingKindView>, db::Error> counsellingKinds() override;
    Result<SlotsOverview, db::Error> slotsOverview(Date today, int minuteNow) override;
    Result<std::vector<SlotView>, db::Error> freeSlots(Date today, int minuteNow, int limit) override;
    Result<SlotChangeOutcome, db::Error> saveSlot(const SlotEdit& edit) override;
    Result<SlotChangeOutcome, db::Error> withdrawSlot(const std::string& id, const std::string& staffId,
                                                      std::int64_t now) override;

    Result<CatalogOverview, db::Error> catalogOverview() override;
    Result<CatalogEntryView<domain::Service>, db::Error> service(const std::string& id) override;
    Result<CatalogEntryView<domain::Announcement>, db::Error> announcement(const std::string& id) override;
    Result<CatalogSaveOutcome<domain::Service>, db::Error> saveService(const CatalogEdit& edit) override;
    Result<CatalogSaveOutcome<domain::Announcement>, db::Error> saveAnnouncement(const CatalogEdit& edit) override;
    Result<CatalogSaveResult, db::Error> withdrawAnnouncement(const std::string& id, std::int64_t version,
                                                              const std::string& staffId, std::int64_t now) override;

  private:
    ServerStore& m_store;
};

} // namespace okienko::server
