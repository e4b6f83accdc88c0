// Server migration 18 (sites, decision 0011): a database made by the schema before it — release
// 0.1.0's dump migrated through steps 5..17, then given rows in every table those steps added —
// becomes the one site "default" without losing or changing a value of any row of any table.
#include "server/server_schema.hpp"
#include "server/server_store.hpp"
#include "shared/db/query.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

using namespace okienko;
using okienko::test::TempDir;

namespace
{

/// Rows for every table migrations 5..17 created, as the panel, the kiosks and the partners'
/// pages write them (made-up people; the kiosks and staff of the 0.1.0 dump).
constexpr const char* kRowsOfVersion17 = R"sql(
INSERT INTO lost_events VALUES('0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',1,'callback.requested','T-7K4-29Q-X4Z',1796000000,1796100000,'580120dfd20322d9');
INSERT INTO indicators VALUES('cas-grupy',0,'Liczba grup CAS','lapy-cas','grupa','year',4.0,'listy obecności','register','activity_sessions','groups','cas_group','catalog',1,'sum');
INSERT INTO indicator_values VALUES('cas-grupy','2026-01-01','2026-12-31',3.0,'st-b76afef8',1796000000);
INSERT INTO indicator_edits VALUES(1,'cas-grupy','value','st-b76afef8','{"value":3}',1796000000);
INSERT INTO counselling_register VALUES(1,'2026-11-20',50,1,0,'K-4H7-2PQ','Anna Testowa','st-b76afef8',1796000000,NULL,NULL,NULL,'k1');
INSERT INTO activity_sessions VALUES(1,'2026-11-18','cas_group','Seniorzy w ruchu',1.5,12,'st-b76afef8',1796000000,NULL,NULL);
INSERT INTO volunteer_club_members VALUES(1,'2026-03-01',NULL,'Pan Zbigniew','st-b76afef8',1796000000,NULL,NULL,NULL);
INSERT INTO volunteer_initiatives VALUES(1,'2026-05-10','Sprzątanie parku nad Narwią','st-b76afef8',1796000000,NULL,NULL);
INSERT INTO sheltered_housing_stays VALUES(1,'2026-02-01',NULL,'st-b76afef8',1796000000,NULL,NULL);
INSERT INTO register_edits VALUES(1,'activity_sessions','1','add','st-b76afef8','{}',1796000000);
INSERT INTO idea_statuses VALUES('a071d4fc-6da2-4ab2-94fb-1d2c3b4a5f0a','read','st-b76afef8',1796000000);
INSERT INTO residents VALUES(1,'Maria Przykładowa','600700800',NULL,'pl','{"areas":["care"]}','st-b76afef8',1796000000,'2026-1','st-b76afef8',1796000000,1796000000,NULL,NULL);
INSERT INTO resident_matches VALUES(1,'lapy-cas','registration','to-tell',1796000000,'2026-11-30',1796000000,'none',0,NULL,NULL,NULL);
INSERT INTO institutions VALUES('biblioteka-lapy','Biblioteka Publiczna w Łapach','library','ul. Główna 1, 18-100 Łapy','','','','{}','',0,'approved','pl',NULL,1796000000,1796000100,'st-b76afef8','',NULL);
INSERT INTO institution_services VALUES('lapy-cas','biblioteka-lapy');
INSERT INTO partner_proposals VALUES('p-1','P-2QX','biblioteka-lapy','service-update','lapy-cas','{}','pending','',1796000000,NULL,NULL,'');
INSERT INTO partner_password_codes VALUES('st-b76afef8','0f0e0d',1796003600);
INSERT INTO activities(id, kind, title_pl, title_uk, title_en, service_id, area, place, date, start_minute, end_minute,
    weekly, repeat_until, capacity, sign_up_pl, sign_up_uk, sign_up_en, cancelled, entered_by_kind, entered_by, created_at)
    VALUES('act-1','class','Gimnastyka dla seniorów','Гімнастика для літніх','Exercise for seniors','lapy-cas',NULL,
    'Sala CAS',  '2026-12-01',600,660,1,'2027-03-30',15,'','','',0,'staff','st-b76afef8',1796000000);
INSERT INTO waitlist_entries VALUES('5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b','R-9ZZ','wozek-inwalidzki','2026-12-10',30,'Jan Kowalski','600100200','pl',1,1796000000,1796000000,'waiting',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO catalog_retired VALUES('announcement','stare-ogloszenie','{}','st-b76afef8',1796000000);
INSERT INTO catalog_import_base VALUES('service','lapy-cas','{}');
INSERT INTO catalog_imports VALUES(1,1796000000,'lapy.json','{"upserts":1}');
INSERT INTO emergency_number_checks VALUES('112','2026-11-30','st-b76afef8',1796000000);
)sql";

/// Every value of every row of `table` as text, read with the columns `columns` in rowid order.
std::string contentOf(db::Database& d, const std::string& table, const std::vector<std::string>& columns)
{
    std::string expr;
    for (const std::string& c : columns)
        expr += (expr.empty() ? "" : " || '|' || ") + std::string("quote(\"") + c + "\")";
    return test::textOf(d, "SELECT COALESCE(group_concat(line, char(10)), '') FROM (SELECT " + expr +
                               " AS line FROM \"" + table + "\" ORDER BY rowid)");
}

std::vector<std::string> columnsOf(db::Database& d, const std::string& table)
{
    std::vector<std::string> out;
    auto read = db::forEachRow(
        d, "SELECT name FROM pragma_table_info(?) ORDER BY cid", [&](db::Row& r) { out.push_back(r.text()); }, table);
    EXPECT_TRUE(read) << table;
    return out;
}

} // namespace

TEST(SitesMigration, ADatabaseOfSchema17BecomesTheDefaultSiteWithEveryRowKept)
{
    TempDir dir{"sites-migration"};
    const std::string path = dir.file("central.db");
    ASSERT_TRUE(test::loadDump("server-0.1.0.dump", path));
    std::map<std::string, std::vector<std::string>> columns;
    std::map<std::string, std::string> before;
    {
        auto d = test::openedOrAbort(db::Database::open(path));
        std::vector<db::Migration> upTo17(server::serverMigrations().begin(), server::serverMigrations().begin() + 17);
        auto migrated = db::migrate(d, upTo17);
        ASSERT_TRUE(migrated) << migrated.error().describe();
        ASSERT_EQ(*migrated, 17);
        auto filled = d.exec(kRowsOfVersion17);
        ASSERT_TRUE(filled) << filled.error().describe();
        // Real data in every table, so that a lost row or value anywhere shows.
        for (const auto& [table, rows] : test::rowCounts(d))
        {
            EXPECT_GT(rows, 0) << table << " has no row to keep";
            columns[table] = columnsOf(d, table);
            before[table] = contentOf(d, table, columns[table]);
        }
    }
    { // the store migrates on open
        auto store = server::ServerStore::open(path, server::StoreOptions{});
        ASSERT_TRUE(store) << store.error().describe();
    }
    auto d = test::openedOrAbort(db::Database::open(path));
    EXPECT_EQ(test::numberOf(d, "PRAGMA user_version"), server::kServerSchemaVersion); // 18 and every later one
    for (const auto& [table, text] : before)
        EXPECT_EQ(contentOf(d, table, columns.at(table)), text) << table;

    // One site, named after the catalogue's CUS, and every site-owned row in it.
    EXPECT_EQ(test::textOf(d, "SELECT id || ' ' || name FROM sites"), "default Centrum Usług Społecznych w Łapach");
    EXPECT_EQ(test::numberOf(d, "SELECT count(*) FROM sites"), 1);
    std::vector<std::string> siteTables;
    auto listed = db::forEachRow(d,
                                 "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS "
                                 "(SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'site_id')",
                                 [&](db::Row& r) { siteTables.push_back(r.text()); });
    ASSERT_TRUE(listed);
    EXPECT_GE(siteTables.size(), 24u);
    for (const std::string& table : siteTables)
    {
        // staff_sites is made by migration 18 itself; areas and target groups (migration 24) start
        // empty, read as the shipped lists.
        if (table == "staff_sites" || table == "catalog_areas" || table == "catalog_target_groups")
            continue;
        EXPECT_GT(test::numberOf(d, "SELECT count(*) FROM \"" + table + "\""), 0) << table;
        EXPECT_EQ(test::numberOf(d, "SELECT count(*) FROM \"" + table + "\" WHERE site_id <> 'default'"), 0) << table;
    }
    // Every account reaches the default site, which is also its home site.
    EXPECT_EQ(test::numberOf(d, "SELECT count(*) FROM staff_sites WHERE site_id = 'default'"),
              test::numberOf(d, "SELECT count(*) FROM staff"));
    // The kiosks' cursors stay valid: the epoch and the log's end are the dump's.
    EXPECT_EQ(test::textOf(d, "SELECT epoch FROM server_meta"), "580120dfd20322d9");
    EXPECT_EQ(test::numberOf(d, "SELECT max(seq) FROM change_log"), 19);
}

// Migration 20: the site triggers write only to correct a row's site. A row a kiosk writes still ends
// in its kiosk's site whatever its INSERT said, and a change-log row in its subject's site; a row
// born with the right site is written once.
TEST(SitesMigration, RowsAKioskWritesEndInItsSiteWhateverTheInsertNamed)
{
    TempDir dir{"sites-triggers"};
    const std::string path = dir.file("central.db");
    { // the store migrates on open
        auto store = server::ServerStore::open(path, server::StoreOptions{});
        ASSERT_TRUE(store) << store.error().describe();
    }
    auto d = test::openedOrAbort(db::Database::open(path));
    ASSERT_TRUE(d.exec("INSERT INTO sites(id, name, created_at) VALUES ('starachowice', 'CUS Starachowice', 1);"
                       "INSERT INTO kiosks(id, name, token_hash, created_at, site_id) VALUES "
                       "(1, 'lapy-1', 'h1', 1, 'default'), (2, 'star-1', 'h2', 1, 'starachowice');"));
    const auto usage = [&](const std::string& id, int kiosk, const std::string& named)
    {
        const std::string site = named.empty() ? "" : ", site_id";
        const std::string value = named.empty() ? "" : ", '" + named + "'";
        auto inserted =
            d.exec("INSERT INTO usage_events(id, kiosk_id, kind, language, at, received_at" + site + ") VALUES ('" +
                   id + "', " + std::to_string(kiosk) + ", 'rating', 'pl', 1, 1" + value + ")");
        EXPECT_TRUE(inserted) << id;
        return test::textOf(d, "SELECT site_id FROM usage_events WHERE id = '" + id + "'");
    };
    EXPECT_EQ(usage("u1", 2, ""), "starachowice");        // the column's default corrected
    EXPECT_EQ(usage("u2", 2, "default"), "starachowice"); // another site named: corrected
    EXPECT_EQ(usage("u3", 2, "starachowice"), "starachowice");
    EXPECT_EQ(usage("u4", 1, ""), "default");
    EXPECT_EQ(usage("u5", 1, "starachowice"), "default");

    // The change log: a kiosk's own row takes its kiosk's site; a row for every kiosk about a slot
    // takes the slot's; a catalogue entry stays the default site's.
    ASSERT_TRUE(d.exec("INSERT INTO change_log(entity, entity_id, op, data, kiosk_id, created_at) VALUES "
                       "('callback_request', 'c1', 'upsert', '{}', 2, 1), "
                       "('callback_request', 'c2', 'upsert', '{}', 1, 1), "
                       "('service', 'lapy-cas', 'upsert', '{}', NULL, 1)"));
    EXPECT_EQ(test::textOf(d, "SELECT site_id FROM change_log WHERE entity_id = 'c1'"), "starachowice");
    EXPECT_EQ(test::textOf(d, "SELECT site_id FROM change_log WHERE entity_id = 'c2'"), "default");
    EXPECT_EQ(test::textOf(d, "SELECT site_id FROM change_log WHERE entity_id = 'lapy-cas'"), "default");
    // A tombstone of a kiosk-less entity follows the rows before it.
    ASSERT_TRUE(d.exec("INSERT INTO change_log(entity, entity_id, op, data, kiosk_id, created_at, site_id) VALUES "
                       "('thing', 't1', 'upsert', '{}', NULL, 1, 'starachowice'), "
                       "('thing', 't1', 'delete', '{}', NULL, 2, 'default')"));
    EXPECT_EQ(test::textOf(d, "SELECT group_concat(site_id) FROM change_log WHERE entity_id = 't1'"),
              "starachowice,starachowice");
}
