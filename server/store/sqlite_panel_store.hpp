// The panel's queries and actions on the central SQLite database (PanelStore over ServerStore's
// reader pool and its one writer). One .cpp file per group of pages.
#pragma once

#include "server/server_store.hpp"
#include "server/store/panel_store.hpp"
#include "server/store/site_scope.hpp"

#include <utility>

namespace okienko::server
{

class SqlitePanelStore final : public PanelStore
{
  public:
    /// The store limited to `scope`'s sites; the default site only when not given (the single-site
    /// server, the tests and the benchmarks written before sites).
    explicit SqlitePanelStore(ServerStore& store, SiteScope scope = SiteScope::defaultSite())
        : m_store(store), m_scope(std::move(scope))
    {
    }
    const SiteScope& scope() const { return m_scope; }

    // --- login, callbacks, reservations and counselling, kiosks, monitoring, loans ---
    // sqlite_panel_store_login.cpp
    Result<std::vector<LoginCandidate>, db::Error> loginCandidates(const std::string& login) override;
    Result<LoginFailureCount, db::Error> countLoginFailure(const std::string& staffId, std::int64_t now,
                                                           int maxFailures, int lockoutSeconds) override;
    Status<db::Error> openSession(const std::string& staffId, const std::string& tokenHash,
                                  const std::string& csrfToken, std::int64_t now, std::int64_t idleBefore,
                                  std::int64_t createdBefore) override;
    Result<std::optional<StoredSession>, db::Error> sessionByHash(const std::string& tokenHash) override;
    Status<db::Error> touchSession(const std::string& tokenHash, std::int64_t now) override;
    Result<bool, db::Error> switchSessionSite(const std::string& tokenHash, const std::string& siteId) override;
    Status<db::Error> deleteSession(const std::string& tokenHash) override;
    // sqlite_panel_store_requests.cpp
    Result<std::vector<OpenCallback>, db::Error> openCallbacks() override;
    Result<CallbackActionResult, db::Error> claimCallback(const std::string& callbackId, const std::string& staffId,
                                                          std::int64_t now) override;
    Result<CallbackActionResult, db::Error> recordCallbackAttempt(const CallbackAttempt& attempt, int maxFailedAttempts,
                                                                  std::int64_t now) override;
    Result<std::vector<PendingReservation>, db::Error> pendingReservations() override;
    Result<std::vector<OpenConflict>, db::Error> openConflicts() override;
    Result<std::vector<PendingCounselling>, db::Error> pendingCounsellingRequests() override;
    Result<DecisionResult, db::Error> decideReservation(const std::string& reservationId, ReservationDecision decision,
                                                        const std::string& staffId, std::int64_t now) override;
    Result<DecisionResult, db::Error> decideCounselling(const std::string& requestId, CounsellingDecision decision,
                                                        const std::string& targetSlotId, const std::string& staffId,
                                                        const Now& now, int nowMinuteOfDay) override;
    Result<DecisionResult, db::Error> resolveConflict(const std::string& conflictId, const std::string& staffId,
                                                      std::int64_t now) override;
    // sqlite_panel_store_reports.cpp
    Result<std::vector<KioskHealth>, db::Error> kioskHealth() override;
    Result<std::vector<LostEventView>, db::Error> lostEvents() override;
    Result<std::vector<OpenLoanView>, db::Error> openLoans(bool onlyOverdue, const std::string& today) override;
    Result<std::vector<ReturnedLoanView>, db::Error> returnedLoans(const std::string& since) override;
    Result<MonitoringCounts, db::Error> monitoringCounts(const ReportPeriod& period) override;

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
    // sqlite_panel_store_catalog_entries.cpp
    Result<CatalogKeepingView, db::Error> catalogKeeping() override;
    Result<EntryChangeOutcome, db::Error> changeCatalogEntry(const EntryChange& change) override;
    Result<CatalogEntryView<domain::Service>, db::Error> service(const std::string& id) override;
    Result<CatalogEntryView<domain::Announcement>, db::Error> announcement(const std::string& id) override;
    Result<CatalogSaveOutcome<domain::Service>, db::Error> saveService(const CatalogEdit& edit) override;
    Result<CatalogSaveOutcome<domain::Announcement>, db::Error> saveAnnouncement(const CatalogEdit& edit) override;
    Result<CatalogSaveResult, db::Error> withdrawAnnouncement(const std::string& id, std::int64_t version,
                                                              const std::string& staffId, std::int64_t now) override;

    // --- registers (sqlite_panel_store_registers.cpp), the idea box and ratings (…_ideas.cpp) ---

    Result<std::vector<RegisterRowView>, db::Error> registerRows(const RegisterTable& table, const std::string& from,
                                                                 const std::string& to) override;
    Result<std::optional<RegisterRowView>, db::Error> registerRow(const RegisterTable& table, std::int64_t id) override;
    Result<RegisterWriteResult, db::Error> saveRegisterRow(const RegisterTable& table,
                                                           const RegisterWrite& write) override;
    Result<RegisterWriteResult, db::Error> removeRegisterRow(const RegisterTable& table, std::int64_t id,
                                                             const std::string& staffId, std::int64_t now) override;
    Result<std::vector<BookedMeetingView>, db::Error> bookedMeetings(const std::string& from,
                                                                     const std::string& to) override;
    Result<RegisterWriteResult, db::Error> markMeeting(const MeetingMark& mark) override;
    Result<DutyHours, db::Error> dutyHours(const std::string& from, const std::string& to) override;
    Result<std::vector<IdeaView>, db::Error> ideas(const ReportPeriod& period, const std::string& status) override;
    Result<bool, db::Error> setIdeaStatus(const std::string& ideaId, const std::string& status,
                                          const std::string& staffId, std::int64_t now) override;
    // sqlite_panel_store_indicators.cpp
    Result<std::vector<IndicatorView>, db::Error> indicators() override;
    Result<std::vector<std::vector<IndicatorMeasurement>>, db::Error>
    measureIndicators(const std::vector<domain::Indicator>& indicators,
                      const std::vector<std::vector<ReportPeriod>>& periods) override;
    Result<EvidenceTable, db::Error> indicatorEvidence(const domain::Indicator& indicator,
                                                       const ReportPeriod& period) override;
    Result<std::vector<RatingSummary>, db::Error> ratingSummaries(const ReportPeriod& period) override;
    Result<IndicatorSaveOutcome, db::Error> saveIndicator(const IndicatorEdit& edit) override;
    Result<bool, db::Error> enterIndicatorValue(const IndicatorValueEntry& entry) override;

    // --- the equipment waiting list (sqlite_panel_store_waitlist.cpp) ---
    Result<std::vector<WaitlistEntryView>, db::Error> waitlist(const Now& now, int historyDays) override;
    Result<WaitlistDecisionOutcome, db::Error> decideWaitlist(const std::string& entryId, WaitlistDecision decision,
                                                              const std::string& staffId, const Now& now) override;
    Result<std::vector<WaitlistSummary>, db::Error> waitlistSummaries(const ReportPeriod& period) override;

  private:
    /// The site new rows of the panel take: the scope's first (the session's current site).
    std::string site() const;

    ServerStore& m_store;
    SiteScope m_scope;
};

} // namespace okienko::server
