// The administrator's view of both binaries: `--version` prints the build's version and exits 0;
// `okienko-central check-config` and `okienko-kiosk --check-config` say OK for a good installation
// and list every problem (exit 1) otherwise; every other central command refuses a config with an
// unknown key before it touches the database.
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "shared/util/version.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

test::ProcessResult run(const std::vector<std::string>& argv)
{
    return test::runProcess(argv, {}, 60s);
}

std::size_t countLines(const std::string& text, const std::string& needle)
{
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

TEST(Cli, BothBinariesPrintTheirVersion)
{
    const std::string version(okienko::version());
    const auto kiosk = run({OKIENKO_KIOSK_BINARY, "--version"});
    EXPECT_EQ(kiosk.exitCode, 0) << kiosk.output;
    EXPECT_EQ(kiosk.output, "okienko-kiosk " + version + "\n");
    const auto central = run({OKIENKO_CENTRAL_BINARY, "--version"});
    EXPECT_EQ(central.exitCode, 0) << central.output;
    EXPECT_EQ(central.output, "okienko-central " + version + "\n");
}

class CentralCheckConfig : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(test::writeFile(m_dir.file("c.pem"), "cert"));
        ASSERT_TRUE(test::writeFile(m_dir.file("k.pem"), "key"));
    }

    test::ProcessResult runWith(const std::string& toml, const std::string& command)
    {
        EXPECT_TRUE(test::writeFile(m_dir.file("central.toml"), toml));
        return run({OKIENKO_CENTRAL_BINARY, "--config", m_dir.file("central.toml"), command});
    }

    test::TempDir m_dir{"cli-central"};
    const std::string m_good =
        "[tls]\ncert_file = \"c.pem\"\nkey_file = \"k.pem\"\n[database]\npath = \"central.db\"\n";
};

TEST_F(CentralCheckConfig, AGoodFileIsOkAndNoDatabaseIsCreated)
{
    const auto r = runWith(m_good, "check-config");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output, m_dir.file("central.toml") + ": OK\n");
    EXPECT_FALSE(std::filesystem::exists(m_dir.file("central.db")));
}

TEST_F(CentralCheckConfig, EveryProblemIsListedWithItsLine)
{
    const auto r =
        runWith(m_good + "[server]\nprot = 8443\nthreads = \"4\"\n[holds]\nclaim_minutes = 0\n", "check-config");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("central.toml:7:1: server.prot: unknown key \"prot\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(":8:11: server.threads: wrong type"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(":10:17: holds.claim_minutes: out of range"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("OK"), std::string::npos);
}

TEST_F(CentralCheckConfig, MissingTlsFilesAreReported)
{
    const auto r = runWith("[tls]\ncert_file = \"none.pem\"\n[database]\npath = \"central.db\"\n", "check-config");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("tls.cert_file: missing file: " + m_dir.file("none.pem")), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("tls.key_file: missing key"), std::string::npos) << r.output;
}

TEST_F(CentralCheckConfig, InitRefusesATypoInAKeyName)
{
    const auto r = runWith(m_good + "[events]\nretention_day = 60\n", "init");
    EXPECT_NE(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("events.retention_day: unknown key"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(m_dir.file("central.db")));
}

TEST(KioskCheckConfig, AGoodInstallationIsOkAndEachProblemHasAMessage)
{
    test::TempDir dir{"cli-kiosk"};
    const std::string assets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
    const std::string config = dir.file("kiosk.toml");
    std::filesystem::create_directory(dir.file("data"));
    ASSERT_TRUE(test::writeFile(config, "[kiosk]\nid = \"cli-test\"\n[data]\ndirectory = \"data\"\nassets = \"" +
                                            assets + "\"\n"));
    const auto ok = run({OKIENKO_KIOSK_BINARY, "--check-config", config});
    EXPECT_EQ(ok.exitCode, 0) << ok.output;
    EXPECT_EQ(ok.output, config + ": OK\n");

    ASSERT_TRUE(test::writeFile(config, "[kiosk]\nid = \"cli-test\"\n[data]\ndirectory = \"gone\"\n"
                                        "assets = \"no-assets\"\n"));
    const auto bad = run({OKIENKO_KIOSK_BINARY, "--check-config", config});
    EXPECT_EQ(bad.exitCode, 1) << bad.output;
    EXPECT_NE(bad.output.find(":4:13: data.directory: missing directory"), std::string::npos) << bad.output;
    EXPECT_EQ(countLines(bad.output, "data.assets: missing file"), 5u) << bad.output; // 2 fonts, 3 .po
    EXPECT_EQ(countLines(bad.output, "data.catalog: missing file"), 1u) << bad.output;
}

} // namespace

// Staff work per kiosk and the retention command, through the real binary on a real database.
TEST_F(CentralCheckConfig, StaffWorkIsPerKioskAndPurgePersonalDataReportsWhatItErases)
{
    ASSERT_TRUE(test::writeFile(m_dir.file("central.toml"), m_good + "[retention]\ncallback_days = 7\n"));
    auto central = [&](std::vector<std::string> args)
    {
        args.insert(args.begin(), {OKIENKO_CENTRAL_BINARY, "--config", m_dir.file("central.toml")});
        return run(args);
    };
    ASSERT_EQ(central({"init"}).exitCode, 0);
    ASSERT_EQ(central({"add-kiosk", "lobby"}).exitCode, 0);
    ASSERT_EQ(central({"add-kiosk", "desk", "--staff-work"}).exitCode, 0);
    auto list = central({"list-kiosks"});
    ASSERT_EQ(list.exitCode, 0) << list.output;
    EXPECT_NE(list.output.find("STAFF WORK"), std::string::npos) << list.output;
    EXPECT_EQ(countLines(list.output, " no "), 1u) << list.output;
    EXPECT_EQ(countLines(list.output, " yes "), 1u) << list.output;

    auto on = central({"kiosk-staff-work", "lobby", "on"});
    EXPECT_EQ(on.exitCode, 0) << on.output;
    EXPECT_NE(on.output.find("kiosk lobby: staff work on"), std::string::npos) << on.output;
    EXPECT_EQ(countLines(central({"list-kiosks"}).output, " yes "), 2u);
    EXPECT_NE(central({"kiosk-staff-work", "lobby", "on"}).output.find("already on"), std::string::npos);
    auto unknown = central({"kiosk-staff-work", "nobody", "off"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.output.find("no kiosk has the id \"nobody\""), std::string::npos) << unknown.output;
    EXPECT_EQ(central({"kiosk-staff-work", "lobby", "maybe"}).exitCode, 1);

    auto dry = central({"purge-personal-data", "--dry-run"});
    EXPECT_EQ(dry.exitCode, 0) << dry.output;
    EXPECT_NE(
        dry.output.find("would erase: callbacks 0, call notes 0, counselling 0, reservations 0, loans 0, PESEL 0"),
        std::string::npos)
        << dry.output;
    auto purged = central({"purge-personal-data"});
    EXPECT_EQ(purged.exitCode, 0) << purged.output;
    EXPECT_NE(purged.output.find("erased: callbacks 0"), std::string::npos) << purged.output;
    EXPECT_EQ(central({"purge-personal-data", "--now"}).exitCode, 1);
}

TEST_F(CentralCheckConfig, ARetentionPeriodOutOfRangeIsReportedWithItsLine)
{
    const auto r = runWith(m_good + "[retention]\ncounselling_days = 0\nstore_pesel = 1\n", "check-config");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(":7:20: retention.counselling_days: out of range: 0 is not between 1 and 3650"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(":8:15: retention.store_pesel: wrong type: expected a boolean (true or false), found an "
                            "integer"),
              std::string::npos)
        << r.output;
}

// The site commands and --site, through the real binary on a real database (decision 0011).
TEST_F(CentralCheckConfig, SitesAreAddedListedAndGivenToKiosksAndStaff)
{
    ASSERT_TRUE(test::writeFile(m_dir.file("central.toml"), m_good));
    auto central = [&](std::vector<std::string> args)
    {
        args.insert(args.begin(), {OKIENKO_CENTRAL_BINARY, "--config", m_dir.file("central.toml")});
        return run(args);
    };
    ASSERT_EQ(central({"init"}).exitCode, 0);
    auto first = central({"site", "list"});
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_EQ(countLines(first.output, "\ndefault "), 1u) << first.output; // a new database is one site

    auto added = central({"site", "add", "starachowice", "--name", "CUS w Starachowicach"});
    EXPECT_EQ(added.exitCode, 0) << added.output;
    auto again = central({"site", "add", "starachowice", "--name", "CUS"});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.output.find("the site \"starachowice\" already exists"), std::string::npos) << again.output;
    auto badId = central({"site", "add", "Stara Chowice", "--name", "CUS"});
    EXPECT_EQ(badId.exitCode, 1);
    EXPECT_NE(badId.output.find("1–40 of a-z 0-9 -"), std::string::npos) << badId.output;
    auto noName = central({"site", "add", "skarzysko"});
    EXPECT_EQ(noName.exitCode, 1);
    EXPECT_NE(noName.output.find("--name"), std::string::npos) << noName.output;

    EXPECT_EQ(central({"add-kiosk", "hol-lapy"}).exitCode, 0);
    EXPECT_EQ(central({"add-kiosk", "hol-starachowice", "--site", "starachowice"}).exitCode, 0);
    auto unknown = central({"add-kiosk", "hol-x", "--site", "nowhere"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.output.find("--site: no site has the id \"nowhere\""), std::string::npos) << unknown.output;
    auto kiosks = central({"list-kiosks"});
    ASSERT_EQ(kiosks.exitCode, 0) << kiosks.output;
    EXPECT_NE(kiosks.output.find(" SITE "), std::string::npos) << kiosks.output;
    EXPECT_EQ(countLines(kiosks.output, " starachowice "), 1u) << kiosks.output;
    EXPECT_EQ(countLines(kiosks.output, " default "), 1u) << kiosks.output;
    EXPECT_EQ(kiosks.output.find("hol-x"), std::string::npos) << kiosks.output;

    // A staff member of Starachowice (PIN and password on standard input), then given Łapy too.
    const auto staff = run({"/bin/sh", "-c",
                            "printf '482193\\nhaslo-koordynatorki-1\\n' | " + std::string(OKIENKO_CENTRAL_BINARY) +
                                " --config " + m_dir.file("central.toml") +
                                " add-staff --name 'Beata Nowak' --role coordinator --site starachowice"});
    ASSERT_EQ(staff.exitCode, 0) << staff.output;
    const std::string staffId = staff.output.substr(0, staff.output.find('\n'));
    auto listed = central({"list-staff"});
    EXPECT_NE(listed.output.find(" starachowice "), std::string::npos) << listed.output;
    EXPECT_EQ(central({"site", "grant", staffId, "default"}).exitCode, 0);
    listed = central({"list-staff"});
    EXPECT_NE(listed.output.find(" default,starachowice "), std::string::npos) << listed.output;
    auto home = central({"site", "revoke", staffId, "starachowice"});
    EXPECT_EQ(home.exitCode, 1);
    EXPECT_NE(home.output.find("is the home site of " + staffId), std::string::npos) << home.output;
    EXPECT_EQ(central({"site", "revoke", staffId, "default"}).exitCode, 0);
    listed = central({"list-staff"});
    EXPECT_EQ(listed.output.find("default,"), std::string::npos) << listed.output;

    EXPECT_EQ(central({"site", "rename", "default", "--name", "CUS w Łapach"}).exitCode, 0);
    auto sites = central({"site", "list"});
    ASSERT_EQ(sites.exitCode, 0) << sites.output;
    EXPECT_NE(sites.output.find("CUS w Łapach"), std::string::npos) << sites.output;
    EXPECT_NE(sites.output.find("CUS w Starachowicach"), std::string::npos) << sites.output;
    // Each site counts its own kiosk and account.
    EXPECT_EQ(countLines(sites.output, " 1       1       CUS w Starachowicach"), 1u) << sites.output;
}

// Each site imports its own catalogue (decision 0015): the same file into two sites (the same ids and
// inventory numbers), then another file into one of them; the other keeps every row.
TEST_F(CentralCheckConfig, EachSiteImportsItsOwnCatalogue)
{
    ASSERT_TRUE(test::writeFile(m_dir.file("central.toml"), m_good));
    auto central = [&](std::vector<std::string> args)
    {
        args.insert(args.begin(), {OKIENKO_CENTRAL_BINARY, "--config", m_dir.file("central.toml")});
        return run(args);
    };
    const std::string lapy = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";
    const std::string starachowice = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/starachowice.json";
    ASSERT_EQ(central({"init"}).exitCode, 0);
    ASSERT_EQ(central({"site", "add", "starachowice", "--name", "CUS w Starachowicach"}).exitCode, 0);
    auto count = [&](const std::string& sql)
    {
        auto d = db::Database::open(m_dir.file("central.db"));
        EXPECT_TRUE(d.ok());
        return d.ok() ? db::queryInt64(*d, sql)->value_or(-1) : -1;
    };

    auto intoDefault = central({"import-catalog", lapy, "--apply"});
    ASSERT_EQ(intoDefault.exitCode, 0) << intoDefault.output;
    EXPECT_NE(intoDefault.output.find("into the catalogue of site default"), std::string::npos) << intoDefault.output;
    auto sameIds = central({"import-catalog", lapy, "--site", "starachowice", "--apply"});
    ASSERT_EQ(sameIds.exitCode, 0) << sameIds.output;
    const std::int64_t units = count("SELECT count(*) FROM equipment_units WHERE site_id = 'default'");
    EXPECT_GT(units, 0);
    EXPECT_EQ(count("SELECT count(*) FROM equipment_units WHERE site_id = 'starachowice'"), units);

    // A preview changes nothing; --apply replaces Starachowice's catalogue with its own file.
    auto preview = central({"import-catalog", starachowice, "--site", "starachowice"});
    ASSERT_EQ(preview.exitCode, 0) << preview.output;
    EXPECT_NE(preview.output.find("Preview of starachowice.json into the catalogue of site starachowice"),
              std::string::npos)
        << preview.output;
    EXPECT_EQ(count("SELECT count(*) FROM equipment_units WHERE site_id = 'starachowice'"), units);
    auto own = central({"import-catalog", starachowice, "--site", "starachowice", "--apply"});
    ASSERT_EQ(own.exitCode, 0) << own.output;
    EXPECT_EQ(count("SELECT count(*) FROM municipality WHERE site_id = 'starachowice' AND cus_name_pl = 'Centrum "
                    "Usług Społecznych w Starachowicach'"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM equipment_units WHERE site_id = 'starachowice'"), 0);
    // Łapy's catalogue, units and their live states are untouched.
    EXPECT_EQ(count("SELECT count(*) FROM equipment_units WHERE site_id = 'default'"), units);
    EXPECT_EQ(count("SELECT count(*) FROM unit_states WHERE site_id = 'default'"), units);
    EXPECT_EQ(count("SELECT count(*) FROM municipality WHERE site_id = 'default' AND cus_name_pl = 'Centrum Usług "
                    "Społecznych w Łapach'"),
              1);

    auto nowhere = central({"import-catalog", lapy, "--site", "nowhere", "--apply"});
    EXPECT_EQ(nowhere.exitCode, 1);
    EXPECT_NE(nowhere.output.find("--site: no site has the id \"nowhere\""), std::string::npos) << nowhere.output;
}
