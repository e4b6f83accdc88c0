// Pulled changes applied to a real kiosk database: a whole catalogue delivered as per-entity changes
// reads back equal to the file it came from, in the file's order; later pages update and delete
// single entities; the applier refuses to run outside a transaction; staff-mode pick-ups and open
// loans are upserted, updated and deleted row by row; a hold's status without its code yet applies;
// the end of a snapshot deletes exactly the rows of the listed entities the server no longer has.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/change_applier.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using protocol::Change;
using protocol::ChangeOp;

namespace
{

/// Łapy's catalogue as a kiosk holds it: the server never sends the coordinators' notes.
domain::Catalog lapy()
{
    auto loaded = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    EXPECT_TRUE(loaded.ok());
    domain::Catalog c = std::move(loaded).value();
    c.municipality.internalNote.clear();
    for (auto& s : c.services)
        s.internalNote.clear();
    return c;
}

/// The catalogue as the server sends it to a new kiosk: one upsert per entity, with positions. The
/// order inside the page is deliberately not the file's (units before their types) — the foreign
/// keys are checked at COMMIT and positions decide the order.
std::vector<Change> asChanges(const domain::Catalog& c)
{
    std::vector<Change> out;
    std::int64_t seq = 0;
    auto add = [&](std::string_view entity, const std::string& id, protocol::Json data, int position)
    {
        out.push_back(Change{++seq, std::string(entity), id, ChangeOp::Upsert, std::move(data), position});
    };
    for (int i = static_cast<int>(c.units.size()) - 1; i >= 0; --i)
        add(protocol::entity::kUnit, c.units[static_cast<std::size_t>(i)].inventoryNumber,
            protocol::encodeUnit(c.units[static_cast<std::size_t>(i)]), i);
    add(protocol::entity::kMunicipality, c.municipality.id, protocol::encodeMunicipality(c.municipality), 0);
    for (std::size_t i = 0; i < c.feeTables.size(); ++i)
        add(protocol::entity::kFeeTable, c.feeTables[i].id, protocol::encodeFeeTable(c.feeTables[i]),
            static_cast<int>(i));
    for (std::size_t i = 0; i < c.services.size(); ++i)
        add(protocol::entity::kService, c.services[i].id, protocol::encodeService(c.services[i]), static_cast<int>(i));
    for (std::size_t i = 0; i < c.equipmentTypes.size(); ++i)
        add(protocol::entity::kEquipmentType, c.equipmentTypes[i].id,
            protocol::encodeEquipmentType(c.equipmentTypes[i]), static_cast<int>(i));
    for (std::size_t i = 0; i < c.counsellingKinds.size(); ++i)
        add(protocol::entity::kCounsellingKind, c.counsellingKinds[i].id,
            protocol::encodeCounsellingKind(c.counsellingKinds[i]), static_cast<int>(i));
    for (std::size_t i = 0; i < c.emergencyNumbers.size(); ++i)
        add(protocol::entity::kEmergencyNumber, c.emergencyNumbers[i].number,
            protocol::encodeEmergencyNumber(c.emergencyNumbers[i]), static_cast<int>(i));
    for (std::size_t i = 0; i < c.announcements.size(); ++i)
        add(protocol::entity::kAnnouncement, c.announcements[i].id, protocol::encodeAnnouncement(c.announcements[i]),
            static_cast<int>(i));
    return out;
}

Result<sync::ApplySummary, db::Error> applyPage(db::Database& db, std::vector<Change> changes,
                                                const std::string& cursor)
{
    protocol::ChangesPage page;
    page.cursor = cursor;
    page.changes = std::move(changes);
    auto tx = db::Transaction::begin(db);
    EXPECT_TRUE(tx.ok());
    auto applied = sync::applyChanges(db, page);
    if (!applied)
        return applied;
    auto stored = sync::storeCursor(db, cursor, 1);
    if (!stored)
        return makeErr(stored.error());
    auto committed = tx->commit();
    if (!committed)
        return makeErr(committed.error());
    return applied;
}

class ChangeApplierTest : public ::testing::Test
{
  protected:
    test::TempDir dir{"changes"};
    db::Database db = std::move(kiosk::openKioskDatabase(dir.file("k.db"))).value();
};

} // namespace

TEST_F(ChangeApplierTest, RefusesToRunOutsideATransaction)
{
    protocol::ChangesPage page;
    auto r = sync::applyChanges(db, page);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, db::ErrorKind::Misuse);
}

TEST_F(ChangeApplierTest, AUnitWhoseTypeNeverArrivesFailsTheWholePage)
{
    const auto c = lapy();
    ASSERT_FALSE(c.units.empty());
    auto r = applyPage(
        db, {Change{1, "unit", c.units[0].inventoryNumber, ChangeOp::Upsert, protocol::encodeUnit(c.units[0]), 0}},
        "c1");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().isConstraint()); // deferred foreign key at COMMIT
    EXPECT_EQ(*sync::loadCursor(db), "");
    EXPECT_FALSE(*catalog::hasCatalog(db));
}

TEST_F(ChangeApplierTest, ACatalogueSentAsChangesReadsBackAsTheFile)
{
    const auto file = lapy();
    auto r = applyPage(db, asChanges(file), "c100");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_GT(r->catalogue, 10);
    auto stored = catalog::loadCatalog(db);
    ASSERT_TRUE(stored.ok()) << stored.error().describe();
    EXPECT_EQ(*stored, file);
    EXPECT_EQ(*sync::loadCursor(db), "c100");
}

TEST_F(ChangeApplierTest, LaterPagesUpdateAndDeleteSingleEntities)
{
    auto file = lapy();
    ASSERT_TRUE(applyPage(db, asChanges(file), "c1").ok());
    ASSERT_GE(file.services.size(), 2u);

    auto renamed = file.services[1];
    renamed.name.pl = "Nowa nazwa usługi";
    const auto gone = file.services[0].id;
    // Replaying the page before (a crash before its cursor was stored) changes nothing.
    ASSERT_TRUE(applyPage(db, asChanges(file), "c1").ok());
    auto r = applyPage(db,
                       {Change{200, "service", renamed.id, ChangeOp::Upsert, protocol::encodeService(renamed), 1},
                        Change{201, "service", gone, ChangeOp::Delete, protocol::Json::object(), -1}},
                       "c2");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    auto stored = catalog::loadCatalog(db);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->services.size(), file.services.size() - 1);
    EXPECT_EQ(stored->services[0].id, renamed.id);
    EXPECT_EQ(stored->services[0].name.pl, "Nowa nazwa usługi");
    EXPECT_EQ(stored->findService(gone), nullptr);
    EXPECT_EQ(stored->equipmentTypes, file.equipmentTypes);
}

TEST_F(ChangeApplierTest, ACatalogueEntityThatDoesNotDecodeIsBadData)
{
    auto r = applyPage(db, {Change{1, "service", "x", ChangeOp::Upsert, protocol::Json{{"id", 5}}, 0}}, "c1");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, db::ErrorKind::BadData);
    EXPECT_EQ(*sync::loadCursor(db), "");
}

namespace
{
protocol::PickupNotice pickupFor(const std::string& id)
{
    protocol::PickupNotice p;
    p.reservationId = id;
    p.code = "R-7K4-29Q-X4Z";
    p.typeId = "wozek-inwalidzki";
    p.pickUpDate = Date{2030, 6, 20};
    p.loanDays = 30;
    p.status = domain::ReservationStatus::Provisional;
    p.name = "Zofia Wiśniewska";
    p.phone = "600123456";
    return p;
}

protocol::OpenLoanNotice loanFor(const std::string& id)
{
    protocol::OpenLoanNotice l;
    l.loanId = id;
    l.inventoryNumber = "LAP-WI-001";
    l.typeId = "wozek-inwalidzki";
    l.start = Date{2030, 6, 20};
    l.due = Date{2030, 7, 20};
    l.name = "Jan Kowalski";
    l.phone = "600987654";
    return l;
}

/// "a|b|…" of the row's columns, or "" when there is no such row.
std::string row(db::Database& db, const std::string& sql, const std::string& id)
{
    auto st = db.prepare(sql);
    EXPECT_TRUE(st.ok());
    if (!st || !st->bind(1, id))
        return "?";
    auto step = st->step();
    if (!step || *step != db::Step::Row)
        return {};
    std::string out;
    for (int i = 0; i < st->columnCount(); ++i)
    {
        auto text = st->columnText(i);
        out += (i ? "|" : "") + (text ? *text : std::to_string(st->columnInt64(i).value()));
    }
    return out;
}

const char* kPickupRow = "SELECT code, type_id, pick_up_date, loan_days, status, person_name, person_phone FROM "
                         "staff_pickups WHERE reservation_id = ?1";
const char* kLoanRow = "SELECT inventory_number, type_id, start_date, due_date, borrower_name, borrower_phone FROM "
                       "staff_loans WHERE loan_id = ?1";
} // namespace

TEST_F(ChangeApplierTest, PickupsAreUpsertedUpdatedAndDeleted)
{
    const std::string id = newUuid();
    auto p = pickupFor(id);
    auto r = applyPage(db, {Change{1, "pickup", id, ChangeOp::Upsert, protocol::encodePickup(p)}}, "c1");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->pickups, 1);
    EXPECT_EQ(row(db, kPickupRow, id),
              "R-7K4-29Q-X4Z|wozek-inwalidzki|2030-06-20|30|provisional|Zofia Wiśniewska|600123456");

    // A coordinator confirmed it and the resident gave another number: the same row, updated.
    p.status = domain::ReservationStatus::Confirmed;
    p.phone = "600111222";
    const std::string other = newUuid();
    r = applyPage(db,
                  {Change{2, "pickup", id, ChangeOp::Upsert, protocol::encodePickup(p)},
                   Change{3, "pickup", other, ChangeOp::Upsert, protocol::encodePickup(pickupFor(other))}},
                  "c2");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->pickups, 2);
    EXPECT_EQ(row(db, kPickupRow, id),
              "R-7K4-29Q-X4Z|wozek-inwalidzki|2030-06-20|30|confirmed|Zofia Wiśniewska|600111222");
    EXPECT_EQ(row(db, "SELECT count(*) FROM staff_pickups WHERE reservation_id <> ?1", ""), "2");

    // Picked up: the name and phone leave the kiosk; the other reservation stays.
    r = applyPage(db, {Change{4, "pickup", id, ChangeOp::Delete, protocol::Json::object()}}, "c3");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(row(db, kPickupRow, id), "");
    EXPECT_NE(row(db, kPickupRow, other), "");
    // A tombstone for a row the kiosk never had is harmless.
    EXPECT_TRUE(applyPage(db, {Change{5, "pickup", newUuid(), ChangeOp::Delete, protocol::Json::object()}}, "c4").ok());
    EXPECT_EQ(*sync::loadCursor(db), "c4");
}

TEST_F(ChangeApplierTest, OpenLoansAreUpsertedUpdatedAndDeleted)
{
    const std::string id = newUuid();
    auto l = loanFor(id);
    auto r = applyPage(db, {Change{1, "open_loan", id, ChangeOp::Upsert, protocol::encodeOpenLoan(l)}}, "c1");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->openLoans, 1);
    EXPECT_EQ(row(db, kLoanRow, id), "LAP-WI-001|wozek-inwalidzki|2030-06-20|2030-07-20|Jan Kowalski|600987654");

    l.due = Date{2030, 8, 3}; // extended
    r = applyPage(db, {Change{2, "open_loan", id, ChangeOp::Upsert, protocol::encodeOpenLoan(l)}}, "c2");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(row(db, kLoanRow, id), "LAP-WI-001|wozek-inwalidzki|2030-06-20|2030-08-03|Jan Kowalski|600987654");

    r = applyPage(db, {Change{3, "open_loan", id, ChangeOp::Delete, protocol::Json::object()}}, "c3");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->openLoans, 1);
    EXPECT_EQ(row(db, kLoanRow, id), "");
}

TEST_F(ChangeApplierTest, AStaffRowThatDoesNotDecodeOrNamesAnotherIdRollsThePageBack)
{
    const std::string id = newUuid();
    auto good = protocol::encodeOpenLoan(loanFor(id));
    ASSERT_TRUE(applyPage(db, {Change{1, "open_loan", id, ChangeOp::Upsert, good}}, "c1").ok());

    auto broken = good;
    broken["due_date"] = "2030-06-01"; // before the start
    auto r = applyPage(db,
                       {Change{2, "open_loan", id, ChangeOp::Delete, protocol::Json::object()},
                        Change{3, "open_loan", newUuid(), ChangeOp::Upsert, broken}},
                       "c2");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, db::ErrorKind::BadData);
    EXPECT_NE(r.error().describe().find("$.due_date"), std::string::npos) << r.error().describe();
    // No personal value in the error a log would show.
    EXPECT_EQ(r.error().describe().find("Kowalski"), std::string::npos);
    EXPECT_EQ(r.error().describe().find("600987654"), std::string::npos);

    const auto mismatched = protocol::encodePickup(pickupFor(newUuid()));
    r = applyPage(db, {Change{4, "pickup", newUuid(), ChangeOp::Upsert, mismatched}}, "c3");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().describe().find("$.reservation_id"), std::string::npos) << r.error().describe();
    // The delete in the refused page did not happen and the cursor did not move.
    EXPECT_NE(row(db, kLoanRow, id), "");
    EXPECT_EQ(*sync::loadCursor(db), "c1");
    EXPECT_EQ(row(db, "SELECT count(*) FROM staff_pickups WHERE reservation_id <> ?1", ""), "0");
}

TEST_F(ChangeApplierTest, AHoldsStatusWithoutItsCodeYetIsAppliedAndDoesNotStopThePull)
{
    const std::string id = newUuid();
    ASSERT_TRUE(db.exec("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, "
                        "residency_declared, clause_acknowledged, language, kiosk_id, created_at) VALUES ('" +
                        id + "', 'R-7K4-29Q-X4Z', 'kule-lokciowe', '2030-06-20', 30, 'held', 1, 1, 'pl', 'k1', 1)")
                    .ok());
    // A status without the code key at all is still malformed: the page is refused.
    auto r = applyPage(db, {Change{1, "reservation", id, ChangeOp::Upsert, {{"id", id}, {"status", "expired"}}}}, "c1");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, db::ErrorKind::BadData);
    EXPECT_EQ(*sync::loadCursor(db), "");

    // The server logs a hold (and a hold lapsing unclaimed) before reservation.created brings the
    // code: the status applies, and the rest of the page with it.
    const std::string other = newUuid();
    r = applyPage(db,
                  {Change{2, "reservation", id, ChangeOp::Upsert, protocol::encodeRequestStatus({id, "", "expired"})},
                   Change{3, "pickup", other, ChangeOp::Upsert, protocol::encodePickup(pickupFor(other))}},
                  "c2");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(row(db, "SELECT status FROM reservations WHERE id = ?1", id), "expired");
    EXPECT_NE(row(db, kPickupRow, other), "");
    EXPECT_EQ(*sync::loadCursor(db), "c2");
}

TEST_F(ChangeApplierTest, TheEndOfASnapshotDeletesWhatTheServerNoLongerListsAndNothingElse)
{
    const domain::Catalog c = lapy();
    const std::string kept = newUuid(), gone = newUuid();
    ASSERT_TRUE(applyPage(db, asChanges(c), "c1").ok());
    ASSERT_TRUE(applyPage(db,
                          {Change{90, "pickup", kept, ChangeOp::Upsert, protocol::encodePickup(pickupFor(kept))},
                           Change{91, "pickup", gone, ChangeOp::Upsert, protocol::encodePickup(pickupFor(gone))}},
                          "c2")
                    .ok());

    // The last page of a snapshot: the first announcement and one pick-up are no longer on the server
    // (their tombstones compacted away), open loans and staff lists are empty, the rest is listed.
    protocol::ChangesPage end;
    end.cursor = "c3";
    end.live.emplace();
    for (std::size_t i = 1; i < c.announcements.size(); ++i)
        (*end.live)["announcement"].push_back(c.announcements[i].id);
    for (const auto& s : c.services)
        (*end.live)["service"].push_back(s.id);
    (*end.live)["pickup"] = {kept};
    (*end.live)["open_loan"] = {};
    (*end.live)["an_entity_of_a_newer_server"] = {"x-1"};
    auto tx = db::Transaction::begin(db);
    ASSERT_TRUE(tx.ok());
    auto swept = sync::applyChanges(db, end);
    ASSERT_TRUE(swept.ok()) << swept.error().describe();
    ASSERT_TRUE(tx->commit().ok());
    EXPECT_EQ(swept->swept, 2);

    auto stored = catalog::loadCatalog(db);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->announcements.size(), c.announcements.size() - 1);
    EXPECT_EQ(stored->announcements.front().id, c.announcements[1].id);
    // Entities not listed are not the sweep's: units, types and the fee table stay.
    EXPECT_EQ(stored->units.size(), c.units.size());
    EXPECT_EQ(stored->services.size(), c.services.size());
    EXPECT_EQ(stored->feeTables.size(), c.feeTables.size());
    EXPECT_NE(row(db, kPickupRow, kept), "");
    EXPECT_EQ(row(db, kPickupRow, gone), "");
}

// Decision 0012: an area a coordinator added arrives as its own entity, with the service that names
// it in the same page (the service decoded with a placeholder for it); a retired one arrives as an
// upsert with its flag, and stays defined for the records that name it.
TEST_F(ChangeApplierTest, AnAddedAreaArrivesWithTheServiceThatNamesItAndLaterRetires)
{
    auto file = lapy();
    ASSERT_TRUE(applyPage(db, asChanges(file), "c1").ok());
    domain::AreaDefinition home{*domain::parseArea("15-opieka-w-domu"),
                                {"Usługi opiekuńcze w domu", "Послуги догляду вдома", "Home care"},
                                "05-zdrowie",
                                false};
    auto service = file.services[0];
    service.areas.push_back(home.id);
    // The service first, then its area: the page is applied as a whole.
    auto r = applyPage(db,
                       {Change{300, "service", service.id, ChangeOp::Upsert, protocol::encodeService(service), 0},
                        Change{301, "area", "15-opieka-w-domu", ChangeOp::Upsert, protocol::encodeArea(home), 14}},
                       "c2");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    auto stored = catalog::loadCatalog(db);
    ASSERT_TRUE(stored.ok()) << stored.error().describe();
    ASSERT_EQ(stored->areas.size(), 15u);
    EXPECT_EQ(stored->areas.back(), home);
    EXPECT_EQ(stored->activeAreas().size(), 15u);
    EXPECT_EQ(stored->services[0].areas.back(), home.id);

    home.retired = true;
    ASSERT_TRUE(
        applyPage(db, {Change{302, "area", "15-opieka-w-domu", ChangeOp::Upsert, protocol::encodeArea(home), 14}}, "c3")
            .ok());
    stored = catalog::loadCatalog(db);
    ASSERT_TRUE(stored.ok());
    ASSERT_NE(stored->findArea(home.id), nullptr);
    EXPECT_TRUE(stored->findArea(home.id)->retired);
    EXPECT_EQ(stored->activeAreas().size(), 14u);
}
