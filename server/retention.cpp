// The retention job's SQL (see retention.hpp). Each period counts from the end of the request or loan:
// a callback's closed_at, a counselling request's last decision or its meeting day, a reservation's
// last decision or pick-up day, a loan's return day.
#include "server/retention.hpp"

#include "server/staff_changes.hpp"
#include "server/waitlist_store.hpp"
#include "shared/db/query.hpp"

namespace okienko::server
{

namespace
{
constexpr std::int64_t kDay = 86400;

/// The latest of the row's decisions in the panel (panel_actions names the row by its id).
constexpr const char* kLastDecision = "(SELECT MAX(a.at) FROM panel_actions a WHERE a.entity_id = t.id)";

std::string unixOfDay(const char* column)
{
    return std::string("COALESCE(CAST(strftime('%s', ") + column + ") AS INTEGER), 0)";
}

/// The error a dry run returns from its transaction so that ServerStore::write rolls it back.
db::Error dryRunRollback()
{
    return db::makeError(db::ErrorKind::Misuse, "dry run: rolled back", "retention");
}

Status<db::Error> eraseAll(db::Database& d, const RetentionConfig& config, const Now& now, RetentionCounts& counts)
{
    auto run = [&](std::int64_t& count, const std::string& sql, auto... args) -> Status<db::Error>
    {
        auto changed = db::execChanges(d, sql, args...);
        if (!changed)
            return makeErr(changed.error());
        count = *changed;
        return {};
    };
    const std::int64_t callbackCutoff = now.unix - kDay * config.callbackDays;
    if (auto st = run(counts.callbacks,
                      "UPDATE callback_requests AS t SET phone = '', phone_key = '', first_name = '', email = '', "
                      "message = '', erased_at = ?1 "
                      "WHERE erased_at IS NULL AND status IN ('done', 'closed', 'cancelled') AND "
                      "COALESCE(closed_at, received_at) < ?2",
                      now.unix, callbackCutoff);
        !st)
        return st;
    if (auto st = run(counts.attemptNotes, "UPDATE callback_attempts SET note = '' WHERE note <> '' AND callback_id IN "
                                           "(SELECT id FROM callback_requests WHERE erased_at IS NOT NULL)");
        !st)
        return st;

    // A waiting-list entry names the resident as a callback does, and goes like one: after its outcome.
    if (auto st = run(counts.waitlist,
                      "UPDATE waitlist_entries SET name = NULL, phone = NULL, erased_at = ?1 WHERE erased_at IS NULL "
                      "AND status IN ('taken', 'declined', 'expired', 'withdrawn') AND resolved_at < ?2",
                      now.unix, callbackCutoff);
        !st)
        return st;

    const std::int64_t counsellingCutoff = now.unix - kDay * config.counsellingDays;
    if (auto st = run(counts.counselling,
                      "UPDATE counselling_requests AS t SET name = NULL, phone = NULL, erased_at = ?1 "
                      "WHERE erased_at IS NULL AND ((status IN ('cancelled', 'done', 'closed') AND "
                      "MAX(received_at, COALESCE(" +
                          std::string(kLastDecision) +
                          ", 0)) < ?2) OR EXISTS (SELECT 1 FROM counselling_slots s WHERE s.id = t.slot_id AND " +
                          unixOfDay("s.date") + " < ?2))",
                      now.unix, counsellingCutoff);
        !st)
        return st;

    const std::int64_t reservationCutoff = now.unix - kDay * config.reservationDays;
    if (auto st = run(counts.reservations,
                      "UPDATE reservations AS t SET person_name = NULL, person_phone = NULL, address_street = NULL, "
                      "address_postal_code = NULL, address_city = NULL, on_behalf_of = NULL, erased_at = ?1 "
                      "WHERE erased_at IS NULL AND status IN ('picked-up', 'cancelled', 'expired', 'rejected') AND "
                      "MAX(received_at, " +
                          unixOfDay("pick_up_date") + ", COALESCE(" + kLastDecision + ", 0)) < ?2",
                      now.unix, reservationCutoff);
        !st)
        return st;

    const std::string loanCutoffDay = now.today.plusDays(-config.loanDays).iso();
    if (auto st = run(counts.loans,
                      "UPDATE loans SET borrower_name = NULL, borrower_phone = NULL, address_street = NULL, "
                      "address_postal_code = NULL, address_city = NULL, pesel = NULL, erased_at = ?1 "
                      "WHERE erased_at IS NULL AND returned_on IS NOT NULL AND returned_on < ?2",
                      now.unix, loanCutoffDay);
        !st)
        return st;
    // The registers' names prove the year's report (docs/reporting.md): they count from the meeting's
    // day and from the day a volunteer left; the count of meetings and members stays.
    const std::string registerCutoffDay = now.today.plusDays(-config.registerDays).iso();
    std::int64_t members = 0;
    if (auto st = run(counts.registerNames,
                      "UPDATE counselling_register SET person_name = NULL, erased_at = ?1 WHERE erased_at IS NULL AND "
                      "date < ?2",
                      now.unix, registerCutoffDay);
        !st)
        return st;
    if (auto st = run(members,
                      "UPDATE volunteer_club_members SET display_name = NULL, erased_at = ?1 WHERE erased_at IS NULL "
                      "AND left_on IS NOT NULL AND left_on < ?2",
                      now.unix, registerCutoffDay);
        !st)
        return st;
    counts.registerNames += members;
    // A resident registered from a phone call: gone resident_days after the last contact; what they
    // were still to be told is withdrawn with them, the nameless matches stay for the statistics.
    const std::int64_t residentCutoff = now.unix - kDay * config.residentDays;
    if (auto st = run(counts.residents,
                      "UPDATE residents SET name = NULL, phone = NULL, email = NULL, needs = NULL, erased_at = ?1, "
                      "erased_reason = 'retention' WHERE erased_at IS NULL AND last_contact_at < ?2",
                      now.unix, residentCutoff);
        !st)
        return st;
    if (auto st = db::exec(d, "UPDATE resident_matches SET status = 'withdrawn', email_state = CASE email_state WHEN "
                              "'pending' THEN 'none' ELSE email_state END WHERE status IN ('to-tell', 'waiting') AND "
                              "resident_id IN (SELECT id FROM residents WHERE erased_at IS NOT NULL)");
        !st)
        return st;
    // A rejected institution's contact person has no use once the CUS has answered it.
    const std::int64_t partnerCutoff = now.unix - kDay * config.partnerDays;
    if (auto st = run(counts.partnerContacts,
                      "UPDATE institutions SET contact_name = '', erased_at = ?1 WHERE erased_at IS NULL AND "
                      "status = 'rejected' AND decided_at < ?2",
                      now.unix, partnerCutoff);
        !st)
        return st;
    // The return erases a PESEL already; this catches rows of older releases, and every PESEL once
    // the CUS turns store_pesel off.
    return run(counts.pesels,
               "UPDATE loans SET pesel = NULL WHERE pesel IS NOT NULL AND (returned_on IS NOT NULL OR ?1 = 0)",
               config.storePesel ? 1 : 0);
}
} // namespace

Result<RetentionCounts, db::Error> RetentionJob::run(const Now& now, bool dryRun)
{
    RetentionCounts counts;
    auto written = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            // Holds that ran out pass their units on first, so their outcomes count from now.
            auto ended = sweepWaitlist(d, now, m_store.waitlistOptions());
            if (!ended)
                return makeErr(ended.error());
            counts.holdsEnded = *ended;
            if (auto st = eraseAll(d, m_config, now, counts); !st)
                return st;
            auto published = refreshStaffFeed(d, now.unix);
            if (!published)
                return makeErr(published.error());
            counts.feedPublished = *published;
            if (dryRun)
                return makeErr(dryRunRollback());
            return {};
        });
    if (dryRun)
    {
        if (!written && written.error().message != dryRunRollback().message)
            return makeErr(written.error());
        return counts;
    }
    if (!written)
        return makeErr(written.error());
    // Erased values are zeroed in the database file (secure_delete); their earlier versions are still
    // in the -wal file until it is checkpointed and truncated.
    if (auto truncated = m_store.checkpointTruncate(); !truncated)
        return makeErr(truncated.error());
    return counts;
}

} // namespace okienko::server
