// The catalogue survives the kiosk database unchanged: import + load returns an equal value for a
// catalogue with every field set, re-import leaves nothing stale, a failed import keeps the old
// catalogue, and every older schema version migrates to one that accepts the import.
#include "kiosk/store/kiosk_schema.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/migration.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "tests/support/db_fixture.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace okienko;
using namespace okienko::domain;

namespace
{

class TempDir
{
  public:
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "okienko-catalog-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            std::abort();
        m_path = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

  private:
    std::filesystem::path m_path;
};

LocalizedText tri(const std::string& base)
{
    return LocalizedText{base + " (pl) zażółć", base + " (uk) ґїєщ", base + " (en)"};
}

LocalizedList triList(const std::string& base, int n)
{
    LocalizedList list;
    for (int i = 0; i < n; ++i)
    {
        list.pl.push_back(base + "-pl-" + std::to_string(i));
        list.uk.push_back(base + "-uk-" + std::to_string(i));
        list.en.push_back(base + "-en-" + std::to_string(i));
    }
    return list;
}

Service makeService(int n, const Catalog& catalog)
{
    const auto areas = shippedAreas();
    const auto groups = shippedTargetGroups();
    const std::string id = "svc-" + std::to_string(n);
    Service s;
    s.id = id;
    s.status = static_cast<ServiceStatus>(n % 4);
    s.name = tri(id + " name");
    s.summary = tri(id + " summary");
    s.description = tri(id + " description\nline two\twith 'quotes' and \"double\" and '); DROP TABLE services;--");
    s.primaryArea = areas[static_cast<std::size_t>(n % kShippedAreaCount)];
    s.areas = {s.primaryArea, areas[static_cast<std::size_t>((n + 5) % kShippedAreaCount)],
               areas[static_cast<std::size_t>((n + 9) % kShippedAreaCount)]};
    s.targetGroups = {groups[static_cast<std::size_t>(n % kShippedTargetGroupCount)],
                      groups[static_cast<std::size_t>((n + 4) % kShippedTargetGroupCount)]};
    s.tags = triList(id + "-tag", 2 + n % 3);
    s.tags.uk.pop_back(); // languages may have different numbers of tags
    s.deliveredBy = tri(id + " delivered by");
    s.place = tri(id + " place");
    s.hours = tri(id + " hours");
    s.contact = tri(id + " contact");
    s.eligibility = tri(id + " eligibility");
    s.qualificationMode = tri(id + " qualification");
    s.fee.kind = static_cast<FeeKind>(n % 4);
    s.fee.text = tri(id + " fee");
    if (s.fee.kind == FeeKind::IncomeTable)
        s.fee.feeTableId = catalog.feeTables[static_cast<std::size_t>(n) % catalog.feeTables.size()].id;
    s.documents = tri(id + " documents");
    s.personalData = tri(id + " personal data");
    s.capacity = tri(id + " capacity");
    s.kioskAction = static_cast<KioskAction>(n % 4);
    s.toBeConfirmed = n % 2 == 1;
    if (s.toBeConfirmed)
        s.internalNote = "Godziny do uzupełnienia " + std::to_string(n);
    s.sources = {"00" + std::to_string(n % 10), "seed-" + std::to_string(n)};
    if (n % 3 != 0)
        s.validFrom = Date{2024, 1 + n % 12, 1 + n % 28};
    if (n % 3 == 2)
        s.validTo = Date{2027, 12, 31};
    return s;
}

/// A catalogue with every field of every entity set, all three languages, every enum value used.
Catalog richCatalog(int serviceCount = 9)
{
    Catalog c;
    c.formatVersion = 2;
    c.municipality.id = "lapy";
    c.municipality.name = tri("Gmina Łapy");
    c.municipality.cusName = tri("Centrum Usług Społecznych w Łapach");
    c.municipality.address = "ul. Główna 1, 18-100 Łapy";
    c.municipality.phone = "857150000";
    c.municipality.email = "cus@lapy.example";
    c.municipality.openingHours = tri("pn–pt 7:30–15:30");
    c.municipality.contactToBeConfirmed = true;
    c.municipality.internalNote = "Telefon do uzupełnienia";

    for (int t = 0; t < 2; ++t)
    {
        FeeTable table;
        table.id = "fee-" + std::to_string(t);
        table.title = tri("fee table " + std::to_string(t));
        table.bands = {{100, 0, 0}, {150, 10, 5 + t}, {250, 30, 20}, {300, 60, 45}};
        table.criterionSingleGrosze = 109000 + t;
        table.criterionFamilyGrosze = 82300 + t;
        table.criterionNote = tri("criterion note");
        table.aboveLastBand = tri("above last band");
        table.paymentRule = tri("payment rule");
        c.feeTables.push_back(table);
    }

    for (int n = 0; n < serviceCount; ++n)
        c.services.push_back(makeService(n, c));

    for (int t = 0; t < 4; ++t)
    {
        EquipmentType type;
        type.id = "type-" + std::to_string(t);
        type.category = static_cast<EquipmentCategory>(t);
        type.name = tri(type.id + " name");
        type.description = tri(type.id + " description");
        type.pictogram = "picto-" + std::to_string(t) + ".png";
        type.attributes = {{"max-user-weight-kg", tri("max weight"), tri(std::to_string(100 + t) + " kg")},
                           {"seat-width-cm", tri("seat width"), tri("45 cm")}};
        type.defaultLoanDays = 14 + t;
        type.maxLoanDays = 60 + t;
        type.whatToBring = triList(type.id + "-bring", 1 + t);
        type.notes = tri(type.id + " notes");
        c.equipmentTypes.push_back(type);
    }

    const UnitState states[] = {UnitState::Available, UnitState::Reserved, UnitState::OnLoan,
                                UnitState::Cleaning,  UnitState::Repair,   UnitState::Retired};
    int unitNo = 0;
    for (UnitState state : states)
    {
        EquipmentUnit unit;
        unit.inventoryNumber = "LAP-WI-" + std::to_string(100 + unitNo);
        unit.typeId = c.equipmentTypes[static_cast<std::size_t>(unitNo) % c.equipmentTypes.size()].id;
        unit.state = state;
        unit.notes = "unit notes " + std::to_string(unitNo);
        c.units.push_back(unit);
        ++unitNo;
    }

    for (const char* id : {"psychological", "family", "addiction"})
        c.counsellingKinds.push_back({id, tri(std::string(id) + " name"), tri(std::string(id) + " description")});

    c.emergencyNumbers.push_back({"112", tri("Numer alarmowy"), tri("24/7"), false});
    c.emergencyNumbers.push_back({"800120002", tri("Niebieska Linia"), tri("całą dobę"), true});
    c.emergencyNumbers.push_back({"112", tri("Duplicate number, other label"), tri("24/7"), true});

    Announcement open;
    open.id = "cas-jan";
    open.title = tri("CAS");
    open.body = tri("body");
    Announcement dated = open;
    dated.id = "cas-feb";
    dated.validFrom = Date{2025, 2, 1};
    dated.validTo = Date{2025, 2, 28};
    c.announcements = {open, dated};
    // The catalogue's own lists (decision 0012): an added area with a chosen pictogram, a retired one,
    // an added group.
    c.areas.push_back({*parseArea("15-opieka-w-domu"), tri("Opieka w domu"), "05-zdrowie", false});
    c.areas[12].retired = true;
    c.targetGroups.push_back({*parseTargetGroup("migrants"), tri("Osoby z doświadczeniem migracji"), "", true});
    return c;
}

db::Database openKiosk(const std::string& path)
{
    return test::openedOrAbort(kiosk::openKioskDatabase(path));
}

std::int64_t scalar(db::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok()) << stmt.error().describe();
    if (!stmt)
        return -1;
    auto step = stmt->step();
    EXPECT_TRUE(step.ok());
    auto v = stmt->columnInt64(0);
    EXPECT_TRUE(v.ok());
    return v ? *v : -1;
}

} // namespace

TEST(CatalogStore, LoadBeforeAnyImportIsNotFound)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    EXPECT_FALSE(*catalog::hasCatalog(db));
    auto loaded = catalog::loadCatalog(db);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().kind, db::ErrorKind::NotFound);
}

TEST(CatalogStore, EveryFieldRoundTrips)
{
    TempDir dir;
    const Catalog original = richCatalog();
    {
        auto db = openKiosk(dir.file("k.db"));
        auto s = catalog::importCatalog(db, original);
        ASSERT_TRUE(s.ok()) << s.error().describe();
        EXPECT_TRUE(*catalog::hasCatalog(db));
        EXPECT_FALSE(db.inTransaction());
    }
    auto db = openKiosk(dir.file("k.db")); // a fresh connection reads what was committed
    auto loaded = catalog::loadCatalog(db);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    EXPECT_FALSE(db.inTransaction());
    EXPECT_EQ(loaded->municipality, original.municipality);
    EXPECT_EQ(loaded->feeTables, original.feeTables);
    ASSERT_EQ(loaded->services.size(), original.services.size());
    for (std::size_t i = 0; i < original.services.size(); ++i)
        EXPECT_EQ(loaded->services[i], original.services[i]) << original.services[i].id;
    EXPECT_EQ(loaded->equipmentTypes, original.equipmentTypes);
    EXPECT_EQ(loaded->units, original.units);
    EXPECT_EQ(loaded->counsellingKinds, original.counsellingKinds);
    EXPECT_EQ(loaded->emergencyNumbers, original.emergencyNumbers);
    EXPECT_EQ(loaded->announcements, original.announcements);
    EXPECT_EQ(*loaded, original);
}

TEST(CatalogStore, EmptyTranslationsAndListsStayEmpty)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    Catalog c = richCatalog(2);
    c.services[0].name.uk.clear();
    c.services[0].name.en.clear();
    c.services[0].tags = {};
    c.services[0].areas = {};
    c.services[0].sources = {};
    c.equipmentTypes[0].attributes.clear();
    c.equipmentTypes[0].whatToBring = {};
    c.feeTables[0].bands.clear();
    c.announcements.clear();
    ASSERT_TRUE(catalog::importCatalog(db, c).ok());
    auto loaded = catalog::loadCatalog(db);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    EXPECT_EQ(*loaded, c);
    EXPECT_TRUE(loaded->services[0].name.isFallback(Language::Uk));
}

TEST(CatalogStore, ReimportIsIdempotentAndLeavesNoLeftovers)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    const Catalog big = richCatalog(9);
    ASSERT_TRUE(catalog::importCatalog(db, big).ok());
    const auto tagRows = scalar(db, "SELECT count(*) FROM service_tags");
    ASSERT_TRUE(catalog::importCatalog(db, big).ok());
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM service_tags"), tagRows);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM services"), 9);
    EXPECT_EQ(*catalog::loadCatalog(db), big);

    Catalog small = richCatalog(2);
    small.services[1].name = tri("renamed");
    small.equipmentTypes.resize(2);
    small.units = {big.units[0], big.units[1]}; // types 0 and 1 only
    small.feeTables.resize(1);
    for (auto& s : small.services)
        if (!s.fee.feeTableId.empty())
            s.fee.feeTableId = small.feeTables[0].id;
    small.emergencyNumbers.resize(1);
    small.announcements.resize(1);
    small.counsellingKinds.resize(1);
    small.municipality.phone = "857150001";
    auto s = catalog::importCatalog(db, small);
    ASSERT_TRUE(s.ok()) << s.error().describe();

    auto loaded = catalog::loadCatalog(db);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    EXPECT_EQ(*loaded, small);
    // Child rows of the dropped services and types are gone too, not just unreachable.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM service_tags WHERE service_id NOT IN ('svc-0', 'svc-1')"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM service_areas WHERE service_id NOT IN ('svc-0', 'svc-1')"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM service_sources WHERE service_id NOT IN ('svc-0', 'svc-1')"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM equipment_attributes WHERE type_id NOT IN ('type-0', 'type-1')"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM equipment_what_to_bring WHERE type_id NOT IN ('type-0', 'type-1')"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM fee_bands WHERE fee_table_id <> 'fee-0'"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(CatalogStore, AFailedImportKeepsThePreviousCatalogue)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    const Catalog good = richCatalog(4);
    ASSERT_TRUE(catalog::importCatalog(db, good).ok());

    Catalog dangling = richCatalog(2);
    dangling.services[0].fee.feeTableId = "no-such-table";
    auto s = catalog::importCatalog(db, dangling);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, SQLITE_CONSTRAINT_FOREIGNKEY) << s.error().describe();

    Catalog orphanUnit = richCatalog(2);
    orphanUnit.units[0].typeId = "no-such-type";
    EXPECT_FALSE(catalog::importCatalog(db, orphanUnit).ok());

    Catalog duplicate = richCatalog(2);
    duplicate.services[1].id = duplicate.services[0].id;
    auto dup = catalog::importCatalog(db, duplicate);
    ASSERT_FALSE(dup.ok());
    EXPECT_TRUE(dup.error().isConstraint());

    EXPECT_FALSE(db.inTransaction());
    EXPECT_EQ(*catalog::loadCatalog(db), good);
}

TEST(CatalogStore, ReplaceRunsInsideTheCallersTransaction)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    const Catalog c = richCatalog(3);
    auto outside = catalog::replaceCatalog(db, c);
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().kind, db::ErrorKind::Misuse);
    EXPECT_FALSE(*catalog::hasCatalog(db));

    {
        // A sync pull: the catalogue and its cursor commit together — or not at all.
        auto tx = db::Transaction::begin(db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(catalog::replaceCatalog(db, c).ok());
        auto cursor = db.prepare("UPDATE sync_state SET pull_cursor = ?1 WHERE id = 1");
        ASSERT_TRUE(cursor.ok());
        ASSERT_TRUE(cursor->bind(1, "cursor-1").ok());
        ASSERT_TRUE(cursor->run().ok());
        EXPECT_EQ(*catalog::loadCatalog(db), c); // readable inside the transaction
    }                                            // not committed
    EXPECT_FALSE(*catalog::hasCatalog(db));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sync_state WHERE pull_cursor = ''"), 1);

    auto tx = db::Transaction::begin(db);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(catalog::replaceCatalog(db, c).ok());
    ASSERT_TRUE(tx->commit().ok());
    EXPECT_EQ(*catalog::loadCatalog(db), c);
}

TEST(CatalogStore, AnUnknownStoredCodeIsBadDataNamingTheColumn)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    ASSERT_TRUE(catalog::importCatalog(db, richCatalog(2)).ok());
    ASSERT_TRUE(db.exec("UPDATE equipment_units SET state = 'stolen' WHERE position = 0").ok());
    auto loaded = catalog::loadCatalog(db);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().kind, db::ErrorKind::BadData);
    EXPECT_NE(loaded.error().message.find("state"), std::string::npos) << loaded.error().describe();
    EXPECT_EQ(loaded.error().describe().find("stolen"), std::string::npos);

    ASSERT_TRUE(db.exec("UPDATE equipment_units SET state = 'available';"
                        " UPDATE services SET valid_from = '2024-02-30' WHERE position = 1")
                    .ok());
    auto badDate = catalog::loadCatalog(db);
    ASSERT_FALSE(badDate.ok());
    EXPECT_EQ(badDate.error().kind, db::ErrorKind::BadData);
}

TEST(CatalogStore, ImportWorksAfterMigratingFromEveryOlderVersion)
{
    constexpr int kAllCatalogueColumns = 14;
    const auto& all = kiosk::kioskMigrations();
    const Catalog before = richCatalog(3);
    const Catalog after = richCatalog(6);
    for (int k = 0; k <= kiosk::kKioskSchemaVersion; ++k)
    {
        SCOPED_TRACE("from version " + std::to_string(k));
        TempDir dir;
        {
            auto opened = db::Database::open(dir.file("k.db"));
            ASSERT_TRUE(opened.ok());
            const std::vector<db::Migration> firstK(all.begin(), all.begin() + k);
            auto v = db::migrate(*opened, firstK);
            ASSERT_TRUE(v.ok()) << v.error().describe();
            // This code writes every catalogue table from version 14 (the catalogue's site) on;
            // older databases with rows are the release fixtures' (kiosk_schema_test).
            if (k >= kAllCatalogueColumns)
            {
                ASSERT_TRUE(catalog::importCatalog(*opened, before).ok());
            }
        }
        auto db = openKiosk(dir.file("k.db"));
        EXPECT_EQ(*db.userVersion(), kiosk::kKioskSchemaVersion);
        if (k >= kAllCatalogueColumns)
        {
            auto survived = catalog::loadCatalog(db);
            ASSERT_TRUE(survived.ok()) << survived.error().describe();
            EXPECT_EQ(*survived, before);
        }
        auto s = catalog::importCatalog(db, after);
        ASSERT_TRUE(s.ok()) << s.error().describe();
        EXPECT_EQ(*catalog::loadCatalog(db), after);
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }
}

// The store lists every field by hand. When a domain struct grows, its size changes and this test
// points at the struct whose new field catalog_schema.cpp and catalog_store.cpp must store (then
// update the size here and add the field to richCatalog()).
TEST(CatalogStore, KnowsEveryFieldOfTheCatalogueTypes)
{
    EXPECT_EQ(sizeof(Municipality), 5 * sizeof(std::string) + 3 * sizeof(LocalizedText) + 8) << "Municipality";
    EXPECT_EQ(sizeof(FeeBand), 3 * sizeof(int)) << "FeeBand";
    EXPECT_EQ(sizeof(FeeTable),
              sizeof(std::string) + 4 * sizeof(LocalizedText) + sizeof(std::vector<FeeBand>) + 2 * sizeof(std::int64_t))
        << "FeeTable";
    EXPECT_EQ(sizeof(FeeRule), 8 + sizeof(LocalizedText) + sizeof(std::string)) << "FeeRule";
    // status and primaryArea: an area's id is kept in place (up to 64 characters and its length).
    constexpr std::size_t kStatusAndArea = 72;
    EXPECT_EQ(sizeof(Service), sizeof(std::string) + kStatusAndArea + 12 * sizeof(LocalizedText) + 8 +
                                   2 * sizeof(std::vector<int>) + sizeof(LocalizedList) + sizeof(FeeRule) + 8 +
                                   sizeof(std::string) + sizeof(std::vector<std::string>) +
                                   2 * sizeof(std::optional<Date>))
        << "Service";
    EXPECT_EQ(sizeof(EquipmentAttribute), sizeof(std::string) + 2 * sizeof(LocalizedText)) << "EquipmentAttribute";
    EXPECT_EQ(sizeof(EquipmentType), 2 * sizeof(std::string) + 8 + 3 * sizeof(LocalizedText) +
                                         sizeof(std::vector<EquipmentAttribute>) + 8 + sizeof(LocalizedList))
        << "EquipmentType";
    EXPECT_EQ(sizeof(EquipmentUnit), 3 * sizeof(std::string) + 8) << "EquipmentUnit";
    EXPECT_EQ(sizeof(CounsellingKind), sizeof(std::string) + 2 * sizeof(LocalizedText)) << "CounsellingKind";
    EXPECT_EQ(sizeof(EmergencyNumber), sizeof(std::string) + 2 * sizeof(LocalizedText) + 8) << "EmergencyNumber";
    EXPECT_EQ(sizeof(Announcement), sizeof(std::string) + 2 * sizeof(LocalizedText) + 2 * sizeof(std::optional<Date>))
        << "Announcement";
    EXPECT_EQ(sizeof(AreaDefinition), 72 + sizeof(LocalizedText) + sizeof(std::string) + 8) << "AreaDefinition";
    EXPECT_EQ(sizeof(TargetGroupDefinition), 72 + sizeof(LocalizedText) + sizeof(std::string) + 8)
        << "TargetGroupDefinition";
    EXPECT_EQ(sizeof(Catalog), 8 + sizeof(Municipality) + 9 * sizeof(std::vector<int>)) << "Catalog";
}
