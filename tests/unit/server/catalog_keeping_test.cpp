// The whole catalogue kept in the panel's store and import-catalog as a merge, on a real server
// database with the shipped catalogues (assets/catalog/lapy.json, starachowice.json): each kind's
// change checked by the loader over the whole file with its precise errors, audited with before and
// after, published through the change log; retiring and bringing back; the placeholders list
// shrinking as the CUS fills them; a re-import that keeps panel edits (and indicator edits) and
// lists them, and one told to overwrite them.
#include "server/catalog_merge.hpp"
#include "server/panel/catalog_placeholders.hpp"
#include "server/server_store.hpp"
#include "server/store/catalog_entries.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace okienko;
using namespace okienko::server;
using protocol::Json;

namespace
{
const Date kToday{2030, 3, 4};
constexpr std::int64_t kNow = 1'900'000'000;

std::string shipped(const std::string& name)
{
    return test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/" + name + ".json");
}

class CatalogKeeping : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto staff =
            m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, "pin", "hash", Now{kNow, kToday});
        ASSERT_TRUE(staff.ok());
        m_staffId = *staff;
        m_panel = std::make_unique<SqlitePanelStore>(*m_store);
    }

    /// import-catalog of `text` as the command runs it; the plan it printed.
    MergePlan importFile(const std::string& text, bool apply, bool overwrite = false)
    {
        auto catalogue = catalog::parseCatalog(text);
        EXPECT_TRUE(catalogue.ok());
        auto indicators = catalog::parseCatalogIndicators(text);
        EXPECT_TRUE(indicators.ok());
        const Json file = canonicalDocument(*catalogue, *indicators);
        MergePlan plan;
        auto st = m_store->write(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto planned = planCatalogMerge(d, "default", file, overwrite);
                if (!planned)
                    return makeErr(planned.error());
                plan = *planned;
                if (!apply)
                    return {};
                auto applied = applyCatalogMerge(d, "default", plan, "plik.json", m_clock);
                if (!applied)
                    return makeErr(applied.error());
                EXPECT_TRUE(applied->errors.empty()) << catalog::formatCatalogError(applied->errors.front());
                return {};
            });
        EXPECT_TRUE(st.ok()) << (st ? "" : st.error().describe());
        m_clock += 60;
        return plan;
    }

    EntryChange change(std::string_view kind, EntryOperation op, const std::string& id,
                       std::vector<CatalogFieldChange> changes = {})
    {
        EntryChange c;
        c.kind = catalogEntryKind(kind);
        c.operation = op;
        c.id = id;
        c.changes = std::move(changes);
        c.version = version(std::string(kind), id);
        c.staffId = m_staffId;
        c.now = m_clock;
        c.today = kToday;
        m_clock += 60;
        return c;
    }

    std::int64_t version(const std::string& kind, const std::string& id)
    {
        auto view = m_panel->catalogKeeping();
        EXPECT_TRUE(view.ok());
        auto it = view->lastChanges.find({kind, id});
        return it == view->lastChanges.end() ? 0 : it->second.seq;
    }

    std::string scalar(const std::string& sql)
    {
        std::string out = "<none>";
        EXPECT_TRUE(m_store->read(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto v = db::queryOne(d, "SELECT CAST((" + sql + ") AS TEXT)", [](db::Row& r) { return r.text(); });
                if (!v)
                    return makeErr(v.error());
                if (*v)
                    out = **v;
                return {};
            }));
        return out;
    }

    domain::Catalog stored()
    {
        auto view = m_panel->catalogKeeping();
        EXPECT_TRUE(view.ok() && view->catalogue);
        return *view->catalogue;
    }

    std::vector<panel::Placeholder> placeholders()
    {
        auto view = m_panel->catalogKeeping();
        EXPECT_TRUE(view.ok());
        return panel::catalogPlaceholders(*view);
    }

    test::TempDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<SqlitePanelStore> m_panel;
    std::string m_staffId;
    std::int64_t m_clock = kNow;
};

Json firstServiceOf(const std::string& text)
{
    return Json::parse(text)["services"][0];
}

} // namespace

TEST_F(CatalogKeeping, ThePreviewChangesNothingAndApplyImportsTheWholeShippedCatalogue)
{
    const std::string lapy = shipped("lapy");
    const MergePlan preview = importFile(lapy, false);
    EXPECT_EQ(preview.kinds.at("service").added.size(), 22u);
    EXPECT_EQ(preview.kinds.at("unit").added.size(), 27u);
    EXPECT_EQ(preview.kinds.at("indicator").added.size(), 22u);
    EXPECT_TRUE(preview.conflicts.empty());
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM services"), "0");

    importFile(lapy, true);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM services"), "22");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM catalog_imports"), "1");
    // The same file again: nothing to do.
    const MergePlan again = importFile(lapy, false);
    EXPECT_FALSE(again.anything());
    EXPECT_TRUE(again.conflicts.empty());
}

TEST_F(CatalogKeeping, AServiceIsAddedCheckedByTheLoaderAuditedAndRetiredAndBroughtBack)
{
    importFile(shipped("lapy"), true);
    Json service = firstServiceOf(shipped("lapy"));
    service["id"] = "lapy-nowa-usluga";
    service["name"]["pl"] = std::string(121, 'a');
    service["areas"] = Json::array({"04-pomoc-spoleczna"});
    service["primary_area"] = "12-mieszkalnictwo";
    auto refused = m_panel->changeCatalogEntry(change("service", EntryOperation::Add, "", {{"", service}}));
    ASSERT_TRUE(refused.ok());
    EXPECT_EQ(refused->result, CatalogSaveResult::Invalid);
    std::set<std::string> paths;
    for (const auto& e : refused->errors)
        paths.insert(e.path + " " + std::string(catalog::errorCodeName(e.code)));
    EXPECT_TRUE(paths.count("$.name.pl too-long")) << ::testing::PrintToString(paths);
    EXPECT_TRUE(paths.count("$.primary_area primary-area-not-in-areas")) << ::testing::PrintToString(paths);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM services"), "22");

    service["name"]["pl"] = "Nowa usługa sąsiedzka";
    service["primary_area"] = "04-pomoc-spoleczna";
    const std::string before = scalar("SELECT MAX(seq) FROM change_log");
    auto added = m_store->write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto published = publishService(d, "default", service, m_staffId, m_clock, kToday);
            if (!published)
                return makeErr(published.error());
            EXPECT_EQ(published->result, CatalogSaveResult::Saved);
            return {};
        });
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(stored().services.back().name.pl, "Nowa usługa sąsiedzka");
    EXPECT_EQ(
        scalar("SELECT op || ' ' || entity FROM change_log WHERE entity_id = 'lapy-nowa-usluga' AND seq > " + before),
        "upsert service");
    EXPECT_EQ(scalar("SELECT action || ' ' || before FROM catalog_edits WHERE entity_id = 'lapy-nowa-usluga'"),
              "add {}");

    auto retired = m_panel->changeCatalogEntry(change("service", EntryOperation::Retire, "lapy-nowa-usluga"));
    ASSERT_TRUE(retired.ok());
    EXPECT_EQ(retired->result, CatalogSaveResult::Saved);
    EXPECT_EQ(stored().findService("lapy-nowa-usluga"), nullptr);
    EXPECT_EQ(scalar("SELECT op FROM change_log WHERE entity_id = 'lapy-nowa-usluga' ORDER BY seq DESC LIMIT 1"),
              "delete");
    EXPECT_EQ(scalar("SELECT retired_by FROM catalog_retired WHERE entity_id = 'lapy-nowa-usluga'"), m_staffId);
    EXPECT_NE(scalar("SELECT before FROM catalog_edits WHERE action = 'withdraw'").find("Nowa usługa sąsiedzka"),
              std::string::npos);
    // Adding it again under the same id is refused: it is brought back instead.
    auto duplicate = m_panel->changeCatalogEntry(change("service", EntryOperation::Add, "", {{"", service}}));
    ASSERT_TRUE(duplicate.ok());
    ASSERT_EQ(duplicate->result, CatalogSaveResult::Invalid);
    EXPECT_EQ(duplicate->errors.front().path, "$.id");

    auto back = m_panel->changeCatalogEntry(change("service", EntryOperation::Reactivate, "lapy-nowa-usluga"));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->result, CatalogSaveResult::Saved);
    ASSERT_NE(stored().findService("lapy-nowa-usluga"), nullptr);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM catalog_retired"), "0");
}

TEST_F(CatalogKeeping, RetiringWhatOtherEntriesNeedIsRefusedWithTheirPaths)
{
    importFile(shipped("lapy"), true);
    const domain::Catalog c = stored();
    ASSERT_FALSE(c.feeTables.empty());
    auto table = m_panel->changeCatalogEntry(change("fee_table", EntryOperation::Retire, c.feeTables[0].id));
    ASSERT_TRUE(table.ok());
    ASSERT_EQ(table->result, CatalogSaveResult::Invalid);
    ASSERT_FALSE(table->otherErrors.empty());
    EXPECT_EQ(table->otherErrors.front().code, catalog::CatalogErrorCode::DanglingReference);
    EXPECT_NE(table->otherErrors.front().path.find("$.services["), std::string::npos);

    ASSERT_FALSE(c.units.empty());
    auto type = m_panel->changeCatalogEntry(change("equipment_type", EntryOperation::Retire, c.units[0].typeId));
    ASSERT_TRUE(type.ok());
    ASSERT_EQ(type->result, CatalogSaveResult::Invalid);
    EXPECT_NE(type->otherErrors.front().path.find("$.units["), std::string::npos);
    EXPECT_EQ(stored(), c);

    // Bands must ascend; a unit's inventory number has its pattern.
    auto bands = m_panel->changeCatalogEntry(
        change("fee_table", EntryOperation::Save, c.feeTables[0].id,
               {{"/bands", Json::array({{{"up_to_percent", 150}, {"single_percent", 0}, {"family_percent", 0}},
                                        {{"up_to_percent", 100}, {"single_percent", 10}, {"family_percent", 10}}})}}));
    ASSERT_TRUE(bands.ok());
    ASSERT_EQ(bands->result, CatalogSaveResult::Invalid);
    EXPECT_EQ(bands->errors.front().path, "$.bands[1].up_to_percent");
    auto unit = m_panel->changeCatalogEntry(change("unit", EntryOperation::Add, "",
                                                   {{"/inventory_number", Json("lap-1")},
                                                    {"/type_id", Json(c.equipmentTypes[0].id)},
                                                    {"/state", Json("available")}}));
    ASSERT_TRUE(unit.ok());
    ASSERT_EQ(unit->result, CatalogSaveResult::Invalid);
    EXPECT_EQ(unit->errors.front().path, "$.inventory_number");
    EXPECT_EQ(unit->errors.front().code, catalog::CatalogErrorCode::BadIdentifier);

    auto newUnit = m_panel->changeCatalogEntry(change("unit", EntryOperation::Add, "",
                                                      {{"/inventory_number", Json("LAP-NEW-1")},
                                                       {"/type_id", Json(c.equipmentTypes[0].id)},
                                                       {"/state", Json("available")}}));
    ASSERT_TRUE(newUnit.ok());
    EXPECT_EQ(newUnit->result, CatalogSaveResult::Saved);
    EXPECT_EQ(scalar("SELECT state FROM unit_states WHERE inventory_number = 'LAP-NEW-1'"), "available");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM change_log WHERE entity = 'unit' AND entity_id = 'LAP-NEW-1'"), "1");
}

TEST_F(CatalogKeeping, PlaceholdersShrinkAsTheCusFillsThem)
{
    importFile(shipped("lapy"), true);
    const auto first = placeholders();
    auto has = [](const std::vector<panel::Placeholder>& list, const std::string& what)
    {
        for (const auto& p : list)
            if (p.what.find(what) != std::string::npos)
                return true;
        return false;
    };
    EXPECT_TRUE(has(first, "Telefon CUS — puste pole"));
    EXPECT_TRUE(has(first, "Numer alarmowy 112"));
    EXPECT_TRUE(has(first, "Usługa „"));

    auto phone = m_panel->changeCatalogEntry(
        change("municipality", EntryOperation::Save, "lapy", {{"/phone", Json("85 715 00 00")}}));
    ASSERT_TRUE(phone.ok());
    EXPECT_EQ(phone->result, CatalogSaveResult::Saved);
    EXPECT_EQ(stored().municipality.phone, "85 715 00 00");
    EXPECT_NE(scalar("SELECT data FROM change_log WHERE entity = 'municipality' ORDER BY seq DESC LIMIT 1")
                  .find("85 715 00 00"),
              std::string::npos);
    EXPECT_NE(scalar("SELECT data FROM catalog_edits WHERE entity = 'municipality'").find("85 715 00 00"),
              std::string::npos);
    EXPECT_NE(scalar("SELECT before FROM catalog_edits WHERE entity = 'municipality'").find("18-100 Łapy"),
              std::string::npos);
    const auto second = placeholders();
    EXPECT_FALSE(has(second, "Telefon CUS"));
    EXPECT_EQ(second.size() + 1, first.size());

    EntryChange future = change("emergency_number", EntryOperation::Save, "112");
    future.verifiedOn = "2030-03-05";
    auto refused = m_panel->changeCatalogEntry(future);
    ASSERT_TRUE(refused.ok());
    ASSERT_EQ(refused->result, CatalogSaveResult::Invalid);
    EXPECT_EQ(refused->errors.front().path, "$.verified_on");
    EntryChange checked = change("emergency_number", EntryOperation::Save, "112");
    checked.verifiedOn = "2030-03-04";
    auto verified = m_panel->changeCatalogEntry(checked);
    ASSERT_TRUE(verified.ok());
    EXPECT_EQ(verified->result, CatalogSaveResult::Saved);
    EXPECT_FALSE(has(placeholders(), "Numer alarmowy 112 "));
    EXPECT_EQ(placeholders().size() + 2, first.size());
}

TEST_F(CatalogKeeping, AReimportKeepsPanelEditsListsThemAndOverwritesOnlyWhenTold)
{
    const std::string original = shipped("starachowice");
    importFile(original, true);
    const domain::Catalog c = stored();
    const std::string id = c.services[0].id;
    Json name = Json::parse(original)["services"][0]["name"];
    name["pl"] = "Nazwa poprawiona w panelu";
    auto edited = m_panel->changeCatalogEntry(change("service", EntryOperation::Save, id, {{"/name", name}}));
    ASSERT_TRUE(edited.ok());
    ASSERT_EQ(edited->result, CatalogSaveResult::Saved);
    // An indicator's target and evidence changed by a coordinator.
    auto indicators = m_panel->indicators();
    ASSERT_TRUE(indicators.ok());
    ASSERT_FALSE(indicators->empty());
    IndicatorEdit ie;
    ie.id = indicators->front().indicator.id;
    ie.version = indicators->front().version;
    ie.target = 77;
    ie.evidence = "lista obecności (panel)";
    ie.counting = indicators->front().indicator.counting;
    ie.staffId = m_staffId;
    ie.now = m_clock;
    auto saved = m_panel->saveIndicator(ie);
    ASSERT_TRUE(saved.ok());
    ASSERT_EQ(saved->result, IndicatorSaveResult::Saved);

    // The new file changes the same service's name and its summary, and the indicator's evidence.
    Json file = Json::parse(original);
    file["services"][0]["name"]["pl"] = "Nazwa z nowego pliku";
    file["services"][0]["summary"]["pl"] = "Streszczenie z nowego pliku.";
    file["indicators"][0]["evidence"] = "dokument z pliku";
    const MergePlan preview = importFile(file.dump(), false);
    std::set<std::string> conflicts;
    for (const auto& k : preview.conflicts)
        conflicts.insert(k.entity + " " + k.id + " " + k.field);
    EXPECT_TRUE(conflicts.count("service " + id + " name")) << ::testing::PrintToString(conflicts);
    EXPECT_TRUE(conflicts.count("indicator " + ie.id + " evidence")) << ::testing::PrintToString(conflicts);
    EXPECT_FALSE(conflicts.count("service " + id + " summary"));
    EXPECT_EQ(preview.kinds.at("service").changed, std::vector<std::string>{id});
    EXPECT_NE(describeMergePlan(preview, false).find("Nazwa poprawiona w panelu"), std::string::npos);
    EXPECT_EQ(stored().services[0].summary.pl, c.services[0].summary.pl); // a preview writes nothing

    importFile(file.dump(), true);
    EXPECT_EQ(stored().services[0].name.pl, "Nazwa poprawiona w panelu");
    EXPECT_EQ(stored().services[0].summary.pl, "Streszczenie z nowego pliku.");
    auto after = m_panel->indicators();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->front().indicator.evidence, "lista obecności (panel)");
    EXPECT_EQ(after->front().indicator.target, 77);

    // The next import of the same file still keeps them: the base is the file, not the merge.
    const MergePlan next = importFile(file.dump(), false);
    EXPECT_FALSE(next.anything());
    EXPECT_EQ(next.conflicts.size(), preview.conflicts.size());

    importFile(file.dump(), true, true);
    EXPECT_EQ(stored().services[0].name.pl, "Nazwa z nowego pliku");
    auto overwritten = m_panel->indicators();
    ASSERT_TRUE(overwritten.ok());
    EXPECT_EQ(overwritten->front().indicator.evidence, "dokument z pliku");
}

TEST_F(CatalogKeeping, AServiceAddedInThePanelSurvivesAReimportAndOneTheFileDropsIsRetired)
{
    const std::string original = shipped("lapy");
    importFile(original, true);
    Json service = firstServiceOf(original);
    service["id"] = "lapy-z-panelu";
    auto added = m_panel->changeCatalogEntry(change("service", EntryOperation::Add, "", {{"", service}}));
    ASSERT_TRUE(added.ok());
    ASSERT_EQ(added->result, CatalogSaveResult::Saved);
    Json file = Json::parse(original);
    const std::string dropped = file["services"][1]["id"];
    file["services"].erase(1);
    const MergePlan plan = importFile(file.dump(), true);
    EXPECT_EQ(plan.kinds.at("service").keptPanelAdded, std::vector<std::string>{"lapy-z-panelu"});
    EXPECT_EQ(plan.kinds.at("service").retired, std::vector<std::string>{dropped});
    EXPECT_NE(stored().findService("lapy-z-panelu"), nullptr);
    EXPECT_EQ(stored().findService(dropped), nullptr);
    EXPECT_EQ(scalar("SELECT retired_by FROM catalog_retired WHERE entity_id = '" + dropped + "'"), "import");
}

// Decision 0012: an area or a target group is a catalogue entry like the others — added, renamed,
// retired (kept, flagged, never removed) and brought back, each published to kiosks — and retiring
// one an offered service names is refused with the services named in Polish.
TEST_F(CatalogKeeping, AnAreaIsAddedRenamedRetiredOnlyWhenNoOfferedServiceNamesItAndBroughtBack)
{
    importFile(shipped("lapy"), true);
    auto added = m_panel->changeCatalogEntry(change("area", EntryOperation::Add, "",
                                                    {{"/id", Json("15-opieka-w-domu")},
                                                     {"/name", Json{{"pl", "Usługi opiekuńcze w domu"}}},
                                                     {"/pictogram", Json("05-zdrowie")}}));
    ASSERT_TRUE(added.ok());
    ASSERT_EQ(added->result, CatalogSaveResult::Saved);
    const domain::Area home = *domain::parseArea("15-opieka-w-domu");
    ASSERT_NE(stored().findArea(home), nullptr);
    EXPECT_EQ(stored().findArea(home)->pictogram, "05-zdrowie");
    EXPECT_EQ(scalar("SELECT op || ' ' || position FROM change_log WHERE entity = 'area' AND entity_id = "
                     "'15-opieka-w-domu'"),
              "upsert 14");
    EXPECT_EQ(scalar("SELECT action FROM catalog_edits WHERE entity = 'area'"), "add");

    // A pictogram must be a shipped area's or group's; an id is a slug.
    auto badPictogram = m_panel->changeCatalogEntry(
        change("area", EntryOperation::Save, "15-opieka-w-domu", {{"/pictogram", Json("heart")}}));
    ASSERT_TRUE(badPictogram.ok());
    ASSERT_EQ(badPictogram->result, CatalogSaveResult::Invalid);
    EXPECT_EQ(badPictogram->errors.front().path, "$.pictogram");

    auto renamed = m_panel->changeCatalogEntry(
        change("area", EntryOperation::Save, "15-opieka-w-domu", {{"/name/pl", Json("Opieka w domu")}}));
    ASSERT_TRUE(renamed.ok());
    ASSERT_EQ(renamed->result, CatalogSaveResult::Saved);
    EXPECT_EQ(stored().findArea(home)->name.pl, "Opieka w domu");

    // A service names it: retiring is refused, naming the service.
    Json service = firstServiceOf(shipped("lapy"));
    service["id"] = "lapy-opieka";
    service["name"]["pl"] = "Opieka wytchnieniowa";
    service["areas"].push_back("15-opieka-w-domu");
    auto published = m_panel->changeCatalogEntry(change("service", EntryOperation::Add, "", {{"", service}}));
    ASSERT_TRUE(published.ok());
    ASSERT_EQ(published->result, CatalogSaveResult::Saved);
    auto refused = m_panel->changeCatalogEntry(change("area", EntryOperation::Retire, "15-opieka-w-domu"));
    ASSERT_TRUE(refused.ok());
    ASSERT_EQ(refused->result, CatalogSaveResult::Invalid);
    ASSERT_FALSE(refused->errors.empty());
    EXPECT_EQ(refused->errors.front().code, catalog::CatalogErrorCode::RetiredReference);
    EXPECT_EQ(refused->errors.front().message,
              "Obszaru „Opieka w domu” nie można wycofać: wskazuje go usługa „Opieka wytchnieniowa” (lapy-opieka)");
    EXPECT_FALSE(stored().findArea(home)->retired);

    // Once the service is archived the area can be retired: kept and flagged, off the active list.
    auto archived = m_panel->changeCatalogEntry(
        change("service", EntryOperation::Save, "lapy-opieka", {{"/status", Json("archived")}}));
    ASSERT_TRUE(archived.ok());
    ASSERT_EQ(archived->result, CatalogSaveResult::Saved);
    auto retired = m_panel->changeCatalogEntry(change("area", EntryOperation::Retire, "15-opieka-w-domu"));
    ASSERT_TRUE(retired.ok());
    ASSERT_EQ(retired->result, CatalogSaveResult::Saved);
    ASSERT_NE(stored().findArea(home), nullptr);
    EXPECT_TRUE(stored().findArea(home)->retired);
    const domain::Catalog afterRetiring = stored();
    for (const auto* a : afterRetiring.activeAreas())
        EXPECT_NE(a->id, home);
    EXPECT_EQ(scalar("SELECT op FROM change_log WHERE entity = 'area' ORDER BY seq DESC LIMIT 1"), "upsert");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM catalog_retired"), "0");

    auto back = m_panel->changeCatalogEntry(change("area", EntryOperation::Reactivate, "15-opieka-w-domu"));
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->result, CatalogSaveResult::Saved);
    EXPECT_FALSE(stored().findArea(home)->retired);

    // A shipped group an offered service names is refused the same way, several services listed.
    auto group = m_panel->changeCatalogEntry(change("target_group", EntryOperation::Retire, "seniors"));
    ASSERT_TRUE(group.ok());
    ASSERT_EQ(group->result, CatalogSaveResult::Invalid);
    EXPECT_EQ(group->errors.front().message.rfind("Grupy „Seniorzy (60+)” nie można wycofać: wskazują ją usługi: ", 0),
              0u)
        << group->errors.front().message;

    // A re-import of the file (which has no lists of its own) keeps the area added in the panel.
    const MergePlan plan = importFile(shipped("lapy"), true);
    EXPECT_EQ(plan.kinds.at("area").keptPanelAdded, std::vector<std::string>{"15-opieka-w-domu"});
    EXPECT_NE(stored().findArea(home), nullptr);
}
