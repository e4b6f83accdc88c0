// The equipment waiting list on a real server database with the shipped Łapy catalogue: joins
// queue in order and are idempotent; a unit returned and cleaned is offered to the first in the
// queue with a callback and held so that neither a hold nor a reservation takes it; a declined,
// withdrawn or expired offer passes the unit to the next; a hand-over ends the hold; the report's
// counts with period edges; retention erases a finished entry's name and phone.
#include "server/retention.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/waitlist_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/server_db_test.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;

namespace
{
constexpr const char* kType = "wozek-inwalidzki"; // Łapy: LAP-WI-001, 002, 004 available, 003 cleaning

class WaitlistTest : public test::ServerDbTest
{
  protected:
    void SetUp() override
    {
        m_options.waitlistHoldHours = 48;
        test::ServerDbTest::SetUp();
        auto catalogue = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(catalogue.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *catalogue, at(0)).ok());
        auto staff = m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, "pin", "hash", at(0));
        ASSERT_TRUE(staff.ok());
        m_staffId = *staff;
        m_panel = std::make_unique<SqlitePanelStore>(*m_store);
        // Every wheelchair is out: nothing is free, which is when residents join the queue.
        for (const char* unit : {"LAP-WI-001", "LAP-WI-002", "LAP-WI-004"})
            m_loans[unit] = lend(unit, "Jan Pożyczający", "600000001", at(0));
    }

    protocol::EventResult apply(const protocol::Event& e, const Now& now)
    {
        auto results = m_store->applyEvents(KioskIdentity{1, "kiosk-a"}, {e}, now);
        EXPECT_TRUE(results.ok()) << results.error().describe();
        return results.ok() && results->size() == 1 ? results->front() : protocol::EventResult{};
    }

    domain::WaitlistJoin join(const std::string& name, const std::string& phone, const Now& now) const
    {
        domain::WaitlistJoin w;
        w.id = newUuid();
        w.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "kiosk-a").value();
        w.typeId = kType;
        w.wantedFrom = now.today.plusDays(1);
        w.loanDays = 30;
        w.name = name;
        w.phone = phone;
        w.consent = true;
        w.language = domain::Language::Uk;
        w.createdAt = now.unix;
        return w;
    }

    std::string lend(const std::string& unit, const std::string& name, const std::string& phone, const Now& now)
    {
        domain::Loan l;
        l.id = newUuid();
        l.inventoryNumber = unit;
        l.typeId = kType;
        l.borrower.name = name;
        l.borrower.phone = phone;
        l.start = now.today;
        l.due = now.today.plusDays(30);
        l.staffId = "st-1";
        l.createdAt = now.unix;
        EXPECT_EQ(apply(protocol::makeLoanCheckedOut(l), now).status, protocol::EventStatus::Applied);
        return l.id;
    }

    /// The unit comes back (to cleaning) and is then marked cleaned at a kiosk.
    void returnAndClean(const std::string& unit, const Now& now)
    {
        protocol::LoanCheckIn in{m_loans.at(unit), now.today, domain::ReturnCondition::Fine, "", "st-1"};
        EXPECT_EQ(apply(protocol::makeLoanCheckedIn(newUuid(), now.unix, in), now).status,
                  protocol::EventStatus::Applied);
        EXPECT_EQ(text("SELECT COUNT(*) FROM waitlist_entries WHERE status = 'offered'"), "0")
            << "a unit waiting for cleaning is offered to nobody";
        protocol::UnitStateChange cleaned{unit, domain::UnitState::Available, "", "st-1"};
        EXPECT_EQ(apply(protocol::makeUnitStateChanged(newUuid(), now.unix, cleaned), now).status,
                  protocol::EventStatus::Applied);
    }

    int holdStatus(const Now& now)
    {
        auto o = m_store->hold(KioskIdentity{1, "kiosk-a"}, protocol::HoldRequest{newUuid(), kType, now.today, 1}, now);
        EXPECT_TRUE(o.ok());
        return o.ok() ? o->status : 0;
    }

    std::string status(const std::string& id)
    {
        return text("SELECT status FROM waitlist_entries WHERE id = '" + id + "'");
    }

    std::unique_ptr<SqlitePanelStore> m_panel;
    std::string m_staffId;
    std::map<std::string, std::string> m_loans;
};
} // namespace

TEST_F(WaitlistTest, JoinsQueueInArrivalOrderAndARetryDoesNotQueueTwice)
{
    const auto anna = join("Анна Коваленко", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    auto first = apply(protocol::makeWaitlistJoined(anna), Now{at(0).unix + 10, at(0).today});
    EXPECT_EQ(first.status, protocol::EventStatus::Applied);
    EXPECT_EQ(first.data.value("position", 0), 1);
    EXPECT_EQ(first.data.value("code", ""), anna.code);
    EXPECT_EQ(apply(protocol::makeWaitlistJoined(bogdan), Now{at(0).unix + 20, at(0).today}).data.value("position", 0),
              2);
    EXPECT_EQ(apply(protocol::makeWaitlistJoined(anna), Now{at(0).unix + 30, at(0).today}).status,
              protocol::EventStatus::Duplicate);
    EXPECT_EQ(text("SELECT COUNT(*) FROM waitlist_entries"), "2");
    auto unknown = join("Ewa Lis", "600500600", at(0));
    unknown.typeId = "nie-ma-takiego";
    EXPECT_EQ(apply(protocol::makeWaitlistJoined(unknown), at(0)).code, "unknown_reference");

    auto rows = m_panel->waitlist(at(0), 90);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ(rows->at(0).name, "Анна Коваленко");
    EXPECT_EQ(rows->at(0).position, 1);
    EXPECT_EQ(rows->at(1).position, 2);
    EXPECT_EQ(rows->at(0).typeName, "Wózek inwalidzki (ręczny)");
}

TEST_F(WaitlistTest, AReturnedAndCleanedUnitIsHeldForTheFirstAndPassedOnWhenDeclinedOrExpired)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    apply(protocol::makeWaitlistJoined(anna), Now{at(0).unix + 10, at(0).today});
    apply(protocol::makeWaitlistJoined(bogdan), Now{at(0).unix + 20, at(0).today});

    const Now returned = Now{at(1).unix, at(1).today};
    returnAndClean("LAP-WI-001", returned);
    EXPECT_EQ(status(anna.id), "offered");
    EXPECT_EQ(status(bogdan.id), "waiting");
    EXPECT_EQ(text("SELECT inventory_number || '|' || (hold_until - offered_at) FROM waitlist_entries WHERE id = '" +
                   anna.id + "'"),
              "LAP-WI-001|172800");
    // In the coordinators' callback queue, with the unit and the hold.
    auto callbacks = m_panel->openCallbacks();
    ASSERT_TRUE(callbacks.ok());
    ASSERT_EQ(callbacks->size(), 1u);
    EXPECT_EQ(callbacks->front().code, anna.code);
    EXPECT_EQ(callbacks->front().phone, "600100200");
    EXPECT_EQ(callbacks->front().firstName, "Anna");
    EXPECT_EQ(callbacks->front().heldUnit, "LAP-WI-001");
    EXPECT_EQ(callbacks->front().holdUntil, returned.unix + 48 * 3600);
    EXPECT_EQ(callbacks->front().language, "uk");

    // Held: no kiosk's hold and no reservation takes it.
    EXPECT_EQ(holdStatus(returned), 409);
    domain::Reservation r;
    r.id = newUuid();
    r.code = rules::newReferenceCode(rules::ReferenceKind::Reservation, "kiosk-b").value();
    r.typeId = kType;
    r.period = DateRange{returned.today, 2}; // within the hold: it would need the held unit
    r.person = domain::Person{"Celina Inna", "600700800", {}};
    r.clauseAcknowledged = true;
    r.createdAt = returned.unix;
    EXPECT_EQ(apply(protocol::makeReservationCreated(r), returned).data.value("status", ""), "conflict");
    // A coordinator rejects the request that cannot be met (a conflict occupies a unit until then).
    ASSERT_TRUE(m_panel->decideReservation(r.id, ReservationDecision::Reject, m_staffId, returned.unix).ok());
    // Cleaning it again while held offers it to nobody else.
    protocol::UnitStateChange again{"LAP-WI-001", domain::UnitState::Available, "", "st-1"};
    apply(protocol::makeUnitStateChanged(newUuid(), returned.unix + 60, again), returned);
    EXPECT_EQ(status(bogdan.id), "waiting");

    // Anna declines: Bogdan is offered the same unit, Anna's callback is done, and it is audited.
    const Now declined{returned.unix + 3600, returned.today};
    auto d = m_panel->decideWaitlist(anna.id, WaitlistDecision::Declined, m_staffId, declined);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(*d, WaitlistDecisionOutcome::Recorded);
    EXPECT_EQ(status(anna.id), "declined");
    EXPECT_EQ(status(bogdan.id), "offered");
    EXPECT_EQ(text("SELECT inventory_number FROM waitlist_entries WHERE id = '" + bogdan.id + "'"), "LAP-WI-001");
    EXPECT_EQ(text("SELECT status FROM callback_requests WHERE waitlist_entry_id = '" + anna.id + "'"), "done");
    EXPECT_EQ(text("SELECT staff_id || '|' || action FROM panel_actions WHERE entity = 'waitlist'"),
              m_staffId + "|lista oczekujących: offered -> declined");
    EXPECT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Taken, m_staffId, declined),
              WaitlistDecisionOutcome::NotAllowed)
        << "an outcome is final";
    EXPECT_EQ(holdStatus(declined), 409) << "still held, now for Bogdan";

    // Bogdan's hold runs out a second after its end: it expires, his callback closes, the unit is free.
    const std::int64_t bogdanEnd = declined.unix + 48 * 3600;
    ASSERT_TRUE(m_panel->waitlist(Now{bogdanEnd - 1, at(3).today}, 90).ok());
    EXPECT_EQ(status(bogdan.id), "offered");
    auto rows = m_panel->waitlist(Now{bogdanEnd, at(3).today}, 90);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(status(bogdan.id), "expired");
    EXPECT_EQ(text("SELECT status || '|' || closed_reason FROM callback_requests WHERE waitlist_entry_id = '" +
                   bogdan.id + "'"),
              "closed|lista oczekujących: czas rezerwacji egzemplarza minął");
    EXPECT_EQ(text("SELECT resolved_by FROM waitlist_entries WHERE id = '" + bogdan.id + "'"), "system");
    EXPECT_EQ(holdStatus(Now{bogdanEnd, at(3).today}), 201) << "nobody waits: the unit is free again";
}

TEST_F(WaitlistTest, AHandOverToTheResidentEndsTheHoldAndLendingItToSomeoneElsePutsThemBackFirst)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    apply(protocol::makeWaitlistJoined(anna), Now{at(0).unix + 10, at(0).today});
    apply(protocol::makeWaitlistJoined(bogdan), Now{at(0).unix + 20, at(0).today});
    returnAndClean("LAP-WI-001", at(1));
    ASSERT_EQ(status(anna.id), "offered");

    // Lent at the desk to somebody else: Anna keeps her place, first in the queue again.
    m_loans["LAP-WI-001"] = lend("LAP-WI-001", "Ktoś Inny", "600999999", at(1));
    EXPECT_EQ(status(anna.id), "waiting");
    EXPECT_EQ(text("SELECT status FROM callback_requests WHERE waitlist_entry_id = '" + anna.id + "'"), "closed");
    auto rows = m_panel->waitlist(at(1), 90);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->at(0).id, anna.id);
    EXPECT_EQ(rows->at(0).position, 1);

    // The next returned unit goes to her again; she takes it by phone, and it is handed over to her.
    returnAndClean("LAP-WI-002", at(2));
    ASSERT_EQ(status(anna.id), "offered");
    EXPECT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Taken, m_staffId, at(2)),
              WaitlistDecisionOutcome::Recorded);
    EXPECT_EQ(status(anna.id), "taken");
    EXPECT_EQ(holdStatus(at(2)), 409) << "taken by phone: the unit waits for her until she comes";
    lend("LAP-WI-002", "Anna Kowalska", "600100200", at(2));
    EXPECT_EQ(text("SELECT hold_released_at IS NOT NULL FROM waitlist_entries WHERE id = '" + anna.id + "'"), "1");
    EXPECT_EQ(status(bogdan.id), "waiting");
}

TEST_F(WaitlistTest, AWithdrawnEntryLeavesTheQueueAndOutcomesThatDoNotFitAreRefused)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    apply(protocol::makeWaitlistJoined(anna), Now{at(0).unix + 10, at(0).today});
    apply(protocol::makeWaitlistJoined(bogdan), Now{at(0).unix + 20, at(0).today});
    EXPECT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Taken, m_staffId, at(0)),
              WaitlistDecisionOutcome::NotAllowed)
        << "nothing was offered";
    EXPECT_EQ(*m_panel->decideWaitlist("nie-ma", WaitlistDecision::Withdrawn, m_staffId, at(0)),
              WaitlistDecisionOutcome::Unknown);
    EXPECT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Withdrawn, m_staffId, at(0)),
              WaitlistDecisionOutcome::Recorded);
    auto rows = m_panel->waitlist(at(0), 90);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ(rows->at(0).id, bogdan.id);
    EXPECT_EQ(rows->at(0).position, 1);
    EXPECT_EQ(rows->at(1).status, "withdrawn");
    EXPECT_EQ(rows->at(1).resolvedBy, "Anna Koordynator");
    returnAndClean("LAP-WI-004", at(1));
    EXPECT_EQ(status(bogdan.id), "offered");
}

TEST_F(WaitlistTest, TheReportCountsJoinsOffersOutcomesAndTheMedianWaitWithinThePeriodsEdges)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    const auto celina = join("Celina Wiśniewska", "600500600", at(0));
    apply(protocol::makeWaitlistJoined(anna), at(-1));  // the day before the period
    apply(protocol::makeWaitlistJoined(bogdan), at(0)); // the period's first second counted below
    apply(protocol::makeWaitlistJoined(celina), at(0));
    returnAndClean("LAP-WI-001", at(2)); // Anna: waited 3 days
    ASSERT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Taken, m_staffId, at(2)),
              WaitlistDecisionOutcome::Recorded);
    lend("LAP-WI-001", "Anna Kowalska", "600100200", at(2)); // she came for it
    returnAndClean("LAP-WI-002", at(4));                     // Bogdan: waited 4 days
    ASSERT_EQ(*m_panel->decideWaitlist(bogdan.id, WaitlistDecision::Declined, m_staffId, at(5)),
              WaitlistDecisionOutcome::Recorded); // Celina offered on day 5: waited 5 days

    const ReportPeriod period{"", "", at(0).unix, at(5).unix}; // [day 0 12:00, day 5 12:00)
    auto s = m_panel->waitlistSummaries(period);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->size(), 1u);
    const WaitlistSummary& w = s->front();
    EXPECT_EQ(w.typeName, "Wózek inwalidzki (ręczny)");
    EXPECT_EQ(w.joined, 2) << "Anna joined the day before";
    EXPECT_EQ(w.offered, 2) << "Celina's offer came at the period's end, which is not in it";
    EXPECT_EQ(w.taken, 1);
    EXPECT_EQ(w.declined, 0);
    EXPECT_EQ(w.waitingNow, 1) << "Celina still waited when the period ended";
    ASSERT_TRUE(w.medianWaitDays);
    EXPECT_DOUBLE_EQ(*w.medianWaitDays, 3.5);

    auto later = m_panel->waitlistSummaries(ReportPeriod{"", "", at(5).unix, at(6).unix});
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later->front().joined, 0);
    EXPECT_EQ(later->front().declined, 1);
    EXPECT_EQ(later->front().offered, 1);
    EXPECT_DOUBLE_EQ(*later->front().medianWaitDays, 5.0);
}

TEST_F(WaitlistTest, RetentionErasesAFinishedEntrysNameAndPhoneAfterCallbackDaysAndKeepsAWaitingOne)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    apply(protocol::makeWaitlistJoined(anna), at(0));
    apply(protocol::makeWaitlistJoined(bogdan), Now{at(0).unix + 1, at(0).today});
    ASSERT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Withdrawn, m_staffId, at(0)),
              WaitlistDecisionOutcome::Recorded);
    RetentionJob job(*m_store, RetentionConfig{}); // callback_days = 30
    auto kept = job.run(at(29));
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->waitlist, 0);
    auto gone = job.run(at(31));
    ASSERT_TRUE(gone.ok());
    EXPECT_EQ(gone->waitlist, 1);
    EXPECT_EQ(text("SELECT COALESCE(name, '') || COALESCE(phone, '') || status FROM waitlist_entries WHERE id = '" +
                   anna.id + "'"),
              "withdrawn");
    EXPECT_EQ(text("SELECT name FROM waitlist_entries WHERE id = '" + bogdan.id + "'"), "Bogdan Nowak")
        << "still waiting: the CUS still has to call";
    const std::string bytes = test::readFile(m_dir.file("central.db")) + test::readFile(m_dir.file("central.db-wal"));
    EXPECT_EQ(bytes.find("Anna Kowalska"), std::string::npos);
}

TEST_F(WaitlistTest, AUnitTakenByPhoneButNotCollectedWithinTheHoldGoesToTheNextInTheQueue)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    const auto bogdan = join("Bogdan Nowak", "600300400", at(0));
    apply(protocol::makeWaitlistJoined(anna), Now{at(0).unix + 10, at(0).today});
    apply(protocol::makeWaitlistJoined(bogdan), Now{at(0).unix + 20, at(0).today});
    returnAndClean("LAP-WI-001", at(1));
    ASSERT_EQ(*m_panel->decideWaitlist(anna.id, WaitlistDecision::Taken, m_staffId, at(1)),
              WaitlistDecisionOutcome::Recorded);
    ASSERT_TRUE(m_panel->waitlist(Now{at(3).unix - 1, at(2).today}, 90).ok());
    EXPECT_EQ(status(bogdan.id), "waiting") << "the unit still waits for Anna";
    ASSERT_TRUE(m_panel->waitlist(at(3), 90).ok());
    EXPECT_EQ(status(anna.id), "taken") << "her answer stays on record";
    EXPECT_EQ(status(bogdan.id), "offered");
    EXPECT_EQ(text("SELECT inventory_number FROM waitlist_entries WHERE id = '" + bogdan.id + "'"), "LAP-WI-001");
}

TEST_F(WaitlistTest, ADecisionIsAuditedInTheSiteOfTheEntryNotTheDefaultOne)
{
    const auto anna = join("Anna Kowalska", "600100200", at(0));
    apply(protocol::makeWaitlistJoined(anna), at(0));
    // The entry belongs to another site (as every row of that site's kiosks does), decided by that
    // site's coordinator.
    exec("INSERT INTO sites(id, name, created_at) VALUES ('skarzysko', 'CUS w Skarżysku-Kamiennej', 1)");
    exec("UPDATE waitlist_entries SET site_id = 'skarzysko' WHERE id = '" + anna.id + "'");
    SqlitePanelStore skarzysko(*m_store, SiteScope::one("skarzysko"));
    EXPECT_EQ(*skarzysko.decideWaitlist(anna.id, WaitlistDecision::Withdrawn, m_staffId, at(0)),
              WaitlistDecisionOutcome::Recorded);
    EXPECT_EQ(text("SELECT site_id FROM panel_actions WHERE entity = 'waitlist' AND entity_id = '" + anna.id + "'"),
              "skarzysko");
}
