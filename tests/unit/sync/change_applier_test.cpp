// Pulled changes applied to a real kiosk database: a whole catalogue delivered as per-entity changes
// reads back equal to the file it came from, in the file's order; later pages update and delete
// single entities; the applier refuses to run outside a transaction.
#include "kiosk/sync/change_applier.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_schema.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using protocol::Change;
using protocol::ChangeOp;

namespace
{

domain::Catalog lapy()
{
    auto loaded = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    EXPECT_TRUE(loaded.ok());
    return std::move(loaded).value();
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
    db::Database db = std::move(catalog::openKioskDatabase(dir.file("k.db"))).value();
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
