// What the coordinators' panel reads from and writes to the central database, as one interface:
// every query a page needs returns plain view structs, every action is one method that runs in one
// transaction. The panel holds no SQL; a second database backend implements this interface.
// Every read and write of site-owned rows is limited to the store's SiteScope (decision 0011): the
// panel makes one store per request with the session's site, and a row of another site is answered
// as one that does not exist.
#pragma once

#include "server/server_store.hpp"
#include "server/store/catalog_entries.hpp"
#include "server/store/catalog_views.hpp"
#include "server/store/indicator_views.hpp"
#include "server/store/login_views.hpp"
#include "server/store/register_views.hpp"
#include "server/store/report_views.hpp"
#include "server/store/request_views.hpp"
#include "server/store/slots_views.hpp"
#include "server/store/units_views.hpp"
#include "server/store/waitlist_views.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

class PanelStore
{
  public:
    virtual ~PanelStore() = default;

    // --- login, callbacks, reservations and counselling, kiosks, monitoring, loans ---

    /// Active staff whose id or name is `login` (at most 2: a shared name is ambiguous).
    virtual Result<std::vector<LoginCandidate>, db::Error> loginCandidates(const std::string& login) = 0;
    /// Counts one more failed login of the account in one statement, so parallel failures all count:
    /// the count starts again after a lock ran out or `lockoutSeconds` without a failure; reaching
    /// `maxFailures` locks the account until now + `lockoutSeconds`; a running lock is kept as is.
    virtual Result<LoginFailureCount, db::Error> countLoginFailure(const std::string& staffId, std::int64_t now,
                                                                   int maxFailures, int lockoutSeconds) = 0;
    /// Clears the account's failures, deletes every session idle since before `idleBefore` or
    /// created before `createdBefore`, and stores the new session with the member's role now,
    /// showing the account's home site (or, when it no longer reaches it, the first site it
    /// reaches); one transaction.
    virtual Status<db::Error> openSession(const std::string& staffId, const std::string& tokenHash,
                                          const std::string& csrfToken, std::int64_t now, std::int64_t idleBefore,
                                          std::int64_t createdBefore) = 0;
    /// The session with this cookie hash whose staff member is active, with the role it was opened
    /// with and the member's role now; nullopt when none.
    virtual Result<std::optional<StoredSession>, db::Error> sessionByHash(const std::string& tokenHash) = 0;
    virtual Status<db::Error> touchSession(const std::string& tokenHash, std::int64_t now) = 0;
    /// Makes `siteId` the site the session shows when its account reaches it (staff_sites); false
    /// (nothing changed) otherwise.
    virtual Result<bool, db::Error> switchSessionSite(const std::string& tokenHash, const std::string& siteId) = 0;
    virtual Status<db::Error> deleteSession(const std::string& tokenHash) = 0;

    /// Callback requests not done, closed or cancelled: by day, morning first, then arrival.
    virtual Result<std::vector<OpenCallback>, db::Error> openCallbacks() = 0;
    virtual Result<CallbackActionResult, db::Error> claimCallback(const std::string& callbackId,
                                                                  const std::string& staffId, std::int64_t now) = 0;
    /// Records an attempt (claiming the request if nobody did); `done` ends it, the
    /// `maxFailedAttempts`-th failure closes it; the kiosk that sent it gets the new status.
    virtual Result<CallbackActionResult, db::Error> recordCallbackAttempt(const CallbackAttempt& attempt,
                                                                          int maxFailedAttempts, std::int64_t now) = 0;

    /// Reservations with a code that are provisional, held or in conflict, by pick-up date.
    virtual Result<std::vector<PendingReservation>, db::Error> pendingReservations() = 0;
    virtual Result<std::vector<OpenConflict>, db::Error> openConflicts() = 0;
    /// Counselling requests received or provisional, in order of arrival.
    virtual Result<std::vector<PendingCounselling>, db::Error> pendingCounsellingRequests() = 0;
    /// Confirms or rejects a reservation (a conflict only rejects), settles its conflicts, and
    /// tells its kiosk and every kiosk's staff feed.
    virtual Result<DecisionResult, db::Error> decideReservation(const std::string& reservationId,
                                                                ReservationDecision decision,
                                                                const std::string& staffId, std::int64_t now) = 0;
    /// Confirms, cancels (freeing its slot) or moves a counselling request to the free slot
    /// `targetSlotId` of its kind that has not started by `now` (`nowMinuteOfDay`, local time).
    virtual Result<DecisionResult, db::Error>
    decideCounselling(const std::string& requestId, CounsellingDecision decision, const std::string& targetSlotId,
                      const std::string& staffId, const Now& now, int nowMinuteOfDay) = 0;
    virtual Result<DecisionResult, db::Error> resolveConflict(const std::string& conflictId, const std::string& staffId,
                                                              std::int64_t now) = 0;

    /// Every kiosk by name with its display name, whether it is revoked, and its last heartbeat.
    virtual Result<std::vector<KioskHealth>, db::Error> kioskHealth() = 0;
    /// Events lost in a restore, as kiosks reported them, latest acknowledgement first.
    virtual Result<std::vector<LostEventView>, db::Error> lostEvents() = 0;
    /// Open loans, overdue (due before `today`) first; only those with `onlyOverdue`.
    virtual Result<std::vector<OpenLoanView>, db::Error> openLoans(bool onlyOverdue, const std::string& today) = 0;
    /// Loans returned on or after `since` ("YYYY-MM-DD"), latest first.
    virtual Result<std::vector<ReturnedLoanView>, db::Error> returnedLoans(const std::string& since) = 0;
    virtual Result<MonitoringCounts, db::Error> monitoringCounts(const ReportPeriod& period) = 0;

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

    /// The whole catalogue as a file with every entry's latest change, the retired entries and the
    /// emergency numbers' checks (the catalogue-keeping pages, catalog_entries.hpp).
    virtual Result<CatalogKeepingView, db::Error> catalogKeeping() = 0;
    /// Adds, saves, retires or brings back one entry (changeCatalogEntry) in one transaction.
    virtual Result<EntryChangeOutcome, db::Error> changeCatalogEntry(const EntryChange& change) = 0;

    // --- registers, the idea box and ratings ---

    /// The register's rows in the period [from, to] (YYYY-MM-DD), newest first, with who entered
    /// and last changed each.
    virtual Result<std::vector<RegisterRowView>, db::Error>
    registerRows(const RegisterTable& table, const std::string& from, const std::string& to) = 0;
    /// One row by id; nullopt when there is none.
    virtual Result<std::optional<RegisterRowView>, db::Error> registerRow(const RegisterTable& table,
                                                                          std::int64_t id) = 0;
    /// Adds or updates a row with its created_* / updated_* columns and its register_edits row in
    /// one transaction: Added, Updated or NotFound.
    virtual Result<RegisterWriteResult, db::Error> saveRegisterRow(const RegisterTable& table,
                                                                   const RegisterWrite& write) = 0;
    /// Deletes a row, keeping its register_edits row: Removed or NotFound.
    virtual Result<RegisterWriteResult, db::Error> removeRegisterRow(const RegisterTable& table, std::int64_t id,
                                                                     const std::string& staffId, std::int64_t now) = 0;
    /// Counselling requests booked on a slot whose day is in [from, to] (not cancelled), by day and
    /// hour, with their counselling_register entries.
    virtual Result<std::vector<BookedMeetingView>, db::Error> bookedMeetings(const std::string& from,
                                                                             const std::string& to) = 0;
    /// Marks a booked meeting held (with its minutes) or not held: the register entry is created
    /// (with the slot's day and the request's name) or updated. Marked, or NotFound when the request
    /// has no slot, is cancelled or its day is after mark.today.
    virtual Result<RegisterWriteResult, db::Error> markMeeting(const MeetingMark& mark) = 0;
    /// The duty slots published for days in [from, to] and their minutes.
    virtual Result<DutyHours, db::Error> dutyHours(const std::string& from, const std::string& to) = 0;
    /// Ideas received in [period.start, period.end) with the status `status` ("" every one), newest first.
    virtual Result<std::vector<IdeaView>, db::Error> ideas(const ReportPeriod& period, const std::string& status) = 0;
    /// Sets an idea's status ("read", "answered", "forwarded") with its register_edits row; false
    /// when there is no such idea.
    virtual Result<bool, db::Error> setIdeaStatus(const std::string& ideaId, const std::string& status,
                                                  const std::string& staffId, std::int64_t now) = 0;
    // --- the programme's indicators and the report ---

    /// Every indicator in catalogue order with its version and latest edit.
    virtual Result<std::vector<IndicatorView>, db::Error> indicators() = 0;
    /// Each indicator measured over each of its periods (periods[i] for indicators[i]), in one snapshot.
    virtual Result<std::vector<std::vector<IndicatorMeasurement>>, db::Error>
    measureIndicators(const std::vector<domain::Indicator>& indicators,
                      const std::vector<std::vector<ReportPeriod>>& periods) = 0;
    /// The rows an indicator's number over `period` was counted from.
    virtual Result<EvidenceTable, db::Error> indicatorEvidence(const domain::Indicator& indicator,
                                                               const ReportPeriod& period) = 0;
    /// Residents' ratings given in [period.start, period.end) by flow, with the count of each score
    /// 1–5 (the report's satisfaction and the idea box page's table).
    virtual Result<std::vector<RatingSummary>, db::Error> ratingSummaries(const ReportPeriod& period) = 0;
    /// Saves target, evidence and how counted, checked by the loader's rules, with its audit row.
    virtual Result<IndicatorSaveOutcome, db::Error> saveIndicator(const IndicatorEdit& edit) = 0;
    /// Stores (or replaces) the value of an entered indicator for one period, with its audit row;
    /// false when no entered indicator has that id.
    virtual Result<bool, db::Error> enterIndicatorValue(const IndicatorValueEntry& entry) = 0;

    // --- the equipment waiting list ---

    /// Ends the holds that ran out (passing their units on), then every entry: the open ones by type
    /// in queue order, then the outcomes of the last `historyDays` days, newest first.
    virtual Result<std::vector<WaitlistEntryView>, db::Error> waitlist(const Now& now, int historyDays) = 0;
    /// A coordinator's outcome for an entry, audited; a declined or withdrawn offer passes the unit on.
    virtual Result<WaitlistDecisionOutcome, db::Error> decideWaitlist(const std::string& entryId,
                                                                      WaitlistDecision decision,
                                                                      const std::string& staffId, const Now& now) = 0;
    /// Each type's joins, offers, outcomes and median wait over the period.
    virtual Result<std::vector<WaitlistSummary>, db::Error> waitlistSummaries(const ReportPeriod& period) = 0;
};

} // namespace okienko::server
