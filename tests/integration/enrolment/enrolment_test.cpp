// A kiosk enrolled in one step and its lifecycle, with the real binaries over HTTPS (a CA made at
// test time): enrol-kiosk writes the file, okienko-kiosk --enrol sets up a copy of the packaged
// kiosk.toml in place and the kiosk syncs; revoke-kiosk and rotate-kiosk count from the very next
// request without a restart; a clashing id is refused. Staff added, deactivated, reactivated and
// reset through the CLI (secrets on standard input only) lose or regain the panel at once and the
// PIN at a kiosk's next pull.
#include "kiosk/core/staff/pin_check.hpp"
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/enrolment_file.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/stat.h>
#include <thread>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
}

unsigned modeOf(const std::string& path)
{
    struct stat st
    {
    };
    return stat(path.c_str(), &st) == 0 ? static_cast<unsigned>(st.st_mode & 07777) : 0u;
}

class EnrolmentTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_central = std::make_unique<test::CentralProcess>(m_ca);
        m_seedToken = m_central->prepare(test::readFile(kAssets + "/catalog/lapy.json"), "seed-kiosk");
        ASSERT_FALSE(m_seedToken.empty()) << adminLog();
        ASSERT_TRUE(m_central->start()) << test::readFile(m_central->logPath());
        m_url = "https://127.0.0.1:" + std::to_string(m_central->port());
    }

    std::string adminLog() const { return test::readFile(m_central->dir() + "/admin.log"); }

    /// kiosk-config/kiosk.example.toml as the package installs it (no id yet), with this test's
    /// data directory, assets, no printer and a short sync interval.
    std::string packagedConfig(const std::string& dir)
    {
        fs::create_directories(dir + "/data");
        std::string text = test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/kiosk-config/kiosk.example.toml");
        replaceOnce(text, "id = \"lapy-hol-1\"", "id = \"\"");
        replaceOnce(text, "directory = \"/var/lib/okienko-kiosk\"", "directory = \"" + dir + "/data\"");
        replaceOnce(text, "assets = \"../assets\"", "assets = \"" + kAssets + "\"");
        replaceOnce(text, "catalog = \"../assets/catalog/lapy.json\"",
                    "catalog = \"" + kAssets + "/catalog/lapy.json\"");
        replaceOnce(text, "queue = \"receipt\"", "queue = \"\"");
        replaceOnce(text, "sync_interval_seconds = 60", "sync_interval_seconds = 5");
        const std::string path = dir + "/kiosk.toml";
        EXPECT_TRUE(test::writeFile(path, text));
        return path;
    }

    test::ProcessResult kiosk(const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{OKIENKO_KIOSK_BINARY};
        argv.insert(argv.end(), args.begin(), args.end());
        return test::runProcess(argv, {}, 60s);
    }

    /// One authenticated request as a kiosk makes it; the HTTP status (0: no answer).
    long changesStatus(const std::string& token)
    {
        sync::HttpsConfig config;
        config.baseUrl = m_url;
        config.caFile = m_ca.caCert();
        config.bearerToken = token;
        sync::HttpsClient client(config);
        auto r = client.get("/api/v1/changes?limit=1");
        return r ? r->status : 0;
    }

    /// The status of the first request with a token the server has not seen yet: it looks such
    /// tokens up at most once a second, so a 401 is retried for up to 3 s.
    long newTokenStatus(const std::string& token)
    {
        long status = 0;
        for (int i = 0; i < 30 && status != 200; ++i, std::this_thread::sleep_for(100ms))
            status = changesStatus(token);
        return status;
    }

    int enrolKiosk(const std::string& id, const std::string& out)
    {
        return m_central->admin({"enrol-kiosk", "--id", id, "--name", "Hol \"" + id + "\"", "--url", m_url, "--ca",
                                 m_ca.caCert(), "--out", out});
    }

    static std::string tokenIn(const std::string& enrolmentFile)
    {
        auto parsed = protocol::parseEnrolment(test::readFile(enrolmentFile));
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
        return parsed.ok() ? parsed->token : std::string();
    }

    test::TestCa m_ca;
    std::unique_ptr<test::CentralProcess> m_central;
    test::TempDir m_dir{"enrolment"};
    std::string m_seedToken;
    std::string m_url;
};

TEST_F(EnrolmentTest, EnrolSyncRevokeRotate)
{
    const std::string file = m_dir.file("lobby-1.enrol");
    ASSERT_EQ(enrolKiosk("lobby-1", file), 0) << adminLog();
    EXPECT_EQ(modeOf(file), 0600u);
    EXPECT_NE(enrolKiosk("lobby-1", m_dir.file("clash.enrol")), 0);
    EXPECT_NE(adminLog().find("the kiosk id \"lobby-1\" is already taken by an active kiosk"), std::string::npos)
        << adminLog();
    EXPECT_FALSE(fs::exists(m_dir.file("clash.enrol")));
    EXPECT_NE(enrolKiosk("lobby-9", file), 0);
    EXPECT_NE(adminLog().find("already exists: refusing to overwrite it"), std::string::npos) << adminLog();

    const std::string etc = m_dir.file("etc");
    const std::string config = packagedConfig(etc);
    const std::string before = test::readFile(config);
    chmod(config.c_str(), 0640);
    const auto unenrolled = kiosk({"--check-config", config});
    EXPECT_EQ(unenrolled.exitCode, 1);
    EXPECT_NE(unenrolled.output.find("kiosk.id: not enrolled: run okienko-kiosk --enrol FILE"), std::string::npos)
        << unenrolled.output;

    const auto enrolled = kiosk({"--enrol", file, "--config", config});
    ASSERT_EQ(enrolled.exitCode, 0) << enrolled.output;
    EXPECT_NE(enrolled.output.find("OK: the server at " + m_url + " accepted kiosk lobby-1"), std::string::npos)
        << enrolled.output;
    const std::string after = test::readFile(config);
    EXPECT_NE(after.find("\nid = \"lobby-1\"\n"), std::string::npos) << after;
    EXPECT_NE(after.find("\nname = \"Hol \\\"lobby-1\\\"\"\n"), std::string::npos) << after;
    EXPECT_NE(after.find("\nurl = \"" + m_url + "\"\n"), std::string::npos) << after;
    EXPECT_NE(after.find("\nca_file = \"" + etc + "/kiosk-ca.crt\"\n"), std::string::npos) << after;
    EXPECT_NE(after.find("\ntoken_file = \"" + etc + "/kiosk.token\"\n"), std::string::npos) << after;
    std::istringstream lines(before);
    for (std::string line; std::getline(lines, line);)
    {
        if (line.empty() || line[0] == '#' || line[0] == '[')
        {
            EXPECT_NE(after.find(line + "\n"), std::string::npos) << "lost: " << line;
        }
    }
    EXPECT_EQ(modeOf(config), 0640u);
    EXPECT_EQ(modeOf(etc + "/kiosk.token"), 0600u);
    EXPECT_EQ(modeOf(etc + "/kiosk-ca.crt"), 0644u);
    const std::string token = tokenIn(file);
    EXPECT_EQ(test::readFile(etc + "/kiosk.token"), token + "\n");
    EXPECT_EQ(test::readFile(etc + "/kiosk-ca.crt"), test::readFile(m_ca.caCert()));
    const auto checked = kiosk({"--check-config", config});
    EXPECT_EQ(checked.exitCode, 0) << checked.output;

    // A sync round of the real kiosk with the configuration --enrol wrote.
    const std::string script = m_dir.file("online.kiosk");
    ASSERT_TRUE(test::writeFile(script, "wait 3000\nexpect \"Online · ostatnia synchronizacja \"\n"));
    const auto run =
        kiosk({"--headless", "--config", config, "--script", script, "--failure-shot", m_dir.file("failure.png")});
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("[sync] online"), std::string::npos) << run.output;

    // Revoked: the very next request is refused, the server still running as it was.
    EXPECT_EQ(changesStatus(token), 200);
    ASSERT_EQ(m_central->admin({"revoke-kiosk", "lobby-1"}), 0) << adminLog();
    EXPECT_EQ(changesStatus(token), 401);
    EXPECT_EQ(changesStatus(m_seedToken), 200);
    const auto refused = kiosk({"--enrol", file, "--config", config});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.output.find("server: the server refused the token (HTTP 401)"), std::string::npos)
        << refused.output;
    EXPECT_NE(m_central->admin({"rotate-kiosk", "lobby-1", "--url", m_url, "--ca", m_ca.caCert(), "--out",
                                m_dir.file("revoked.enrol")}),
              0);
    EXPECT_NE(adminLog().find("is revoked: it gets no new token"), std::string::npos) << adminLog();
    EXPECT_NE(enrolKiosk("lobby-1", m_dir.file("again.enrol")), 0);

    // Rotated: the old token is refused at once, the new one works and --enrol takes it in place.
    ASSERT_EQ(enrolKiosk("lobby-2", m_dir.file("lobby-2.enrol")), 0) << adminLog();
    const std::string oldToken = tokenIn(m_dir.file("lobby-2.enrol"));
    EXPECT_EQ(newTokenStatus(oldToken), 200);
    const std::string rotated = m_dir.file("lobby-2-rotated.enrol");
    ASSERT_EQ(m_central->admin({"rotate-kiosk", "lobby-2", "--url", m_url, "--ca", m_ca.caCert(), "--out", rotated}), 0)
        << adminLog();
    EXPECT_EQ(changesStatus(oldToken), 401);
    const std::string newToken = tokenIn(rotated);
    ASSERT_NE(newToken, oldToken);
    EXPECT_EQ(newTokenStatus(newToken), 200);
    const auto reenrolled = kiosk({"--enrol", rotated, "--config", config});
    EXPECT_EQ(reenrolled.exitCode, 0) << reenrolled.output;
    EXPECT_EQ(test::readFile(etc + "/kiosk.token"), newToken + "\n");
    EXPECT_NE(test::readFile(config).find("\nid = \"lobby-2\"\n"), std::string::npos);

    std::string listing;
    ASSERT_EQ(m_central->admin({"list-kiosks"}, &listing), 0);
    EXPECT_NE(listing.find("lobby-1"), std::string::npos) << listing;
    EXPECT_NE(listing.find("revoked"), std::string::npos) << listing;
    EXPECT_NE(listing.find("Hol \"lobby-2\""), std::string::npos) << listing;
}

TEST_F(EnrolmentTest, AMalformedEnrolmentFileChangesNothing)
{
    const std::string config = packagedConfig(m_dir.file("etc"));
    const std::string before = test::readFile(config);
    const std::string file = m_dir.file("bad.enrol");
    ASSERT_TRUE(test::writeFile(file, "okienko-enrolment: 1\nkiosk-id: a b\n"));
    const auto r = kiosk({"--enrol", file, "--config", config});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.output, file + ":2: kiosk-id: the kiosk id may hold only letters A-Z a-z, digits, '-' and '_'\n");
    EXPECT_EQ(test::readFile(config), before);
    EXPECT_FALSE(fs::exists(m_dir.file("etc/kiosk.token")));
}

TEST_F(EnrolmentTest, TheServerCheckSaysWhatFailed)
{
    test::TestCa other("Another CA");
    ASSERT_TRUE(other.make()) << other.error();
    const std::string wrongCa = m_dir.file("wrong-ca.enrol");
    ASSERT_EQ(
        m_central->admin({"enrol-kiosk", "--id", "wrong-ca", "--url", m_url, "--ca", other.caCert(), "--out", wrongCa}),
        0)
        << adminLog();
    const auto tls = kiosk({"--enrol", wrongCa, "--config", packagedConfig(m_dir.file("a"))});
    EXPECT_EQ(tls.exitCode, 1);
    EXPECT_NE(tls.output.find("server: TLS failed: the server's certificate is not trusted by the CA in the "
                              "enrolment file"),
              std::string::npos)
        << tls.output;

    const std::string closed = m_dir.file("closed.enrol");
    ASSERT_EQ(m_central->admin({"enrol-kiosk", "--id", "closed", "--url", "https://127.0.0.1:1", "--ca", m_ca.caCert(),
                                "--out", closed}),
              0)
        << adminLog();
    const std::string config = packagedConfig(m_dir.file("b"));
    const auto unreachable = kiosk({"--enrol", closed, "--config", config});
    EXPECT_EQ(unreachable.exitCode, 1);
    EXPECT_NE(unreachable.output.find("server: cannot reach the server at https://127.0.0.1:1 (connect"),
              std::string::npos)
        << unreachable.output;
    EXPECT_NE(test::readFile(config).find("\nid = \"closed\"\n"), std::string::npos); // written all the same
}

/// A kiosk's database pulling from the server with `token`, and the PIN check staff mode makes.
class KioskPull
{
  public:
    KioskPull(const std::string& path, const std::string& url, const std::string& ca, const std::string& token)
        : m_path(path)
    {
        auto db = kiosk::openKioskDatabase(path);
        EXPECT_TRUE(db.ok());
        if (db.ok())
            m_db = std::make_unique<db::Database>(std::move(db).value());
        m_config.baseUrl = url;
        m_config.caFile = ca;
        m_config.bearerToken = token;
    }

    /// Pulls, then returns the staff id `pin` opens staff mode for (nullopt: refused).
    std::optional<std::string> pinAfterSync(const std::string& pin)
    {
        sync::HttpsClient client(m_config);
        sync::SyncSession session(*m_db, client, sync::SyncClock::system());
        const sync::StepResult pulled = session.pullChanges();
        EXPECT_TRUE(pulled.ok) << pulled.error << " " << pulled.detail;
        std::vector<kiosk::PinCandidate> candidates;
        EXPECT_TRUE(db::forEachRow(*m_db, "SELECT id, pin_hash FROM staff WHERE active = 1 AND pin_hash <> ''",
                                   [&](db::Row& r)
                                   {
                                       kiosk::PinCandidate c;
                                       c.staffId = r.text();
                                       c.pinHash = r.text();
                                       candidates.push_back(std::move(c));
                                   })
                        .ok());
        return kiosk::findStaffByPin(candidates, pin);
    }

    /// The staff row's PIN hash as the kiosk stores it; "" when the kiosk has no such row.
    std::string pinHashOf(const std::string& staffId)
    {
        auto hash = db::queryText(*m_db, "SELECT pin_hash FROM staff WHERE id = ?1", staffId);
        EXPECT_TRUE(hash.ok());
        return hash.ok() ? hash.value().value_or("") : "";
    }

    /// Whether `bytes` are anywhere in the database's files, once the WAL is written back and
    /// truncated (what a thief imaging the disk reads).
    bool filesHold(const std::string& bytes)
    {
        EXPECT_TRUE(db::exec(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)").ok());
        for (const std::string& file : {m_path, m_path + "-wal"})
            if (std::filesystem::exists(file) && test::readFile(file).find(bytes) != std::string::npos)
                return true;
        return false;
    }

  private:
    std::string m_path;
    std::unique_ptr<db::Database> m_db;
    sync::HttpsConfig m_config;
};

TEST_F(EnrolmentTest, StaffLifecycleReachesThePanelAtOnceAndKiosksAtTheirNextSync)
{
    // Secrets never on argv.
    EXPECT_NE(m_central->admin({"add-staff", "--name", "Ewa", "--role", "coordinator", "--pin", "123456", "--password",
                                "haslo-ewy-123"}),
              0);
    EXPECT_NE(adminLog().find("--pin is not accepted: secrets are read from standard input"), std::string::npos)
        << adminLog();
    EXPECT_NE(m_central->admin({"add-staff", "--name", "Ewa", "--role", "coordinator"}, nullptr, "12a4\nhaslo-ewy-1\n"),
              0);
    EXPECT_NE(adminLog().find("the PIN may hold only digits"), std::string::npos) << adminLog();
    EXPECT_NE(m_central->admin({"add-staff", "--name", "Ewa", "--role", "coordinator"}, nullptr, "123456\n"), 0);
    EXPECT_NE(adminLog().find("standard input ended before the password"), std::string::npos) << adminLog();

    // PINs of 6 to 8 digits: a 5-digit one is refused before anything is written.
    EXPECT_NE(
        m_central->admin({"add-staff", "--name", "Ewa", "--role", "coordinator"}, nullptr, "48219\nhaslo-ewy-123\n"),
        0);
    EXPECT_NE(adminLog().find("the PIN needs 6 to 8 digits (it has 5): kiosks refuse shorter PINs"), std::string::npos)
        << adminLog();

    std::string id;
    ASSERT_EQ(m_central->admin({"add-staff", "--name", "Anna Koordynator", "--role", "coordinator"}, &id,
                               "482193\nhaslo-anny-1\n"),
              0)
        << adminLog();
    id = trimmed(id);
    EXPECT_NE(m_central->admin({"reset-pin", id, "--pin", "111111"}), 0);
    EXPECT_NE(adminLog().find("reset-pin: --pin is not accepted"), std::string::npos) << adminLog();
    std::string listing;
    ASSERT_EQ(m_central->admin({"list-staff"}, &listing), 0);
    EXPECT_NE(listing.find(id), std::string::npos) << listing;
    EXPECT_EQ(listing.find("Ewa"), std::string::npos) << listing;    // the refused PINs added nobody
    EXPECT_EQ(listing.find("ROTATE"), std::string::npos) << listing; // a new hash has today's limits
    EXPECT_NE(m_central->admin({"reset-pin", id}, nullptr, "4821\n"), 0);
    EXPECT_NE(adminLog().find("reset-pin: the PIN needs 6 to 8 digits (it has 4)"), std::string::npos) << adminLog();

    KioskPull kiosk(m_dir.file("kiosk.sqlite3"), m_url, m_ca.caCert(), m_seedToken);
    EXPECT_EQ(kiosk.pinAfterSync("482193"), id);
    const std::string hash = kiosk.pinHashOf(id);
    ASSERT_TRUE(hash.starts_with("$argon2id$v=19$m=262144,t=4,p=1$")) << hash;
    ASSERT_TRUE(kiosk.filesHold(hash));
    test::PanelClient session(m_central->port(), m_ca.caCert());
    auto login = session.login("Anna Koordynator", "haslo-anny-1");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 303);
    EXPECT_EQ(session.get("/panel/callbacks")->status, 200);

    ASSERT_EQ(m_central->admin({"deactivate-staff", id}), 0) << adminLog();
    auto ended = session.get("/panel/callbacks");
    EXPECT_EQ(ended->status, 303);
    EXPECT_EQ(ended->get_header_value("Location"), "/panel/login");
    test::PanelClient other(m_central->port(), m_ca.caCert());
    EXPECT_NE(other.login("Anna Koordynator", "haslo-anny-1")->status, 303);
    EXPECT_EQ(kiosk.pinAfterSync("482193"), std::nullopt);
    // Deactivated: the kiosk deletes the row, so a stolen kiosk holds no hash of someone who left.
    EXPECT_EQ(kiosk.pinHashOf(id), "");
    EXPECT_FALSE(kiosk.filesHold(hash));
    EXPECT_FALSE(kiosk.filesHold(hash.substr(hash.rfind('$') + 1))) << "the hash's digest is still on disk";
    std::string inactive;
    ASSERT_EQ(m_central->admin({"list-staff"}, &inactive), 0);
    EXPECT_NE(inactive.find("inactive"), std::string::npos) << inactive;

    ASSERT_EQ(m_central->admin({"reactivate-staff", id}), 0) << adminLog();
    EXPECT_EQ(other.login("Anna Koordynator", "haslo-anny-1")->status, 303);
    EXPECT_EQ(kiosk.pinAfterSync("482193"), id);

    ASSERT_EQ(m_central->admin({"reset-password", id}, nullptr, "nowe-haslo-anny\n"), 0) << adminLog();
    EXPECT_EQ(other.get("/panel/callbacks")->status, 303); // the session ended with the old password
    test::PanelClient third(m_central->port(), m_ca.caCert());
    EXPECT_NE(third.login("Anna Koordynator", "haslo-anny-1")->status, 303);
    EXPECT_EQ(third.login("Anna Koordynator", "nowe-haslo-anny")->status, 303);

    ASSERT_EQ(m_central->admin({"reset-pin", id}, nullptr, "987654\n"), 0) << adminLog();
    EXPECT_EQ(kiosk.pinAfterSync("482193"), std::nullopt);
    EXPECT_EQ(kiosk.pinAfterSync("987654"), id);
}

} // namespace
