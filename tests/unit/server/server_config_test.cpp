// central.toml loading with real files: the shipped example is clean; unknown tables and keys,
// wrong types and out-of-range values are each reported with their line, all of them at once.
#include "server/server_config.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace okienko::server
{
namespace
{

class ServerConfigTest : public ::testing::Test
{
  protected:
    /// Writes `toml` as central.toml and loads it.
    Result<ServerConfig, ServerConfigErrors> load(const std::string& toml)
    {
        EXPECT_TRUE(test::writeFile(m_dir.file("central.toml"), toml));
        return loadServerConfig(m_dir.file("central.toml"));
    }

    /// The errors of `toml`, which must have some.
    ServerConfigErrors errorsOf(const std::string& toml)
    {
        auto loaded = load(toml);
        EXPECT_FALSE(loaded.ok()) << "expected errors, the config was accepted";
        return loaded.ok() ? ServerConfigErrors{} : loaded.error();
    }

    /// The one error of `toml`.
    ServerConfigError onlyError(const std::string& toml)
    {
        const auto errors = errorsOf(toml);
        EXPECT_EQ(errors.size(), 1u);
        return errors.empty() ? ServerConfigError{} : errors.front();
    }

    test::TempDir m_dir{"central-config"};
};

const std::string kMinimal = "[database]\npath = \"central.db\"\n";

TEST_F(ServerConfigTest, TheShippedExampleLoadsWithZeroErrors)
{
    const auto loaded = loadServerConfig(std::string(OKIENKO_SOURCE_DIR) + "/server/central.example.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.error().front().toString();
    EXPECT_EQ(loaded->port, 8443);
    EXPECT_EQ(loaded->databasePath, "/var/lib/okienko/central.db");
}

TEST_F(ServerConfigTest, RelativePathsAreResolvedAgainstTheFilesDirectory)
{
    const auto loaded = load(kMinimal + "[tls]\ncert_file = \"certs/c.pem\"\n");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->databasePath, m_dir.file("central.db"));
    EXPECT_EQ(loaded->tlsCertFile, m_dir.file("certs/c.pem"));
}

TEST_F(ServerConfigTest, TheBackupTableHasDefaultsAndIsCheckedStrictly)
{
    const auto defaults = load(kMinimal);
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->backupDir, "/var/backups/okienko");
    EXPECT_EQ(defaults->backupKeep, 14);
    const auto set = load(kMinimal + "[backup]\ndir = \"kopie\"\nkeep = 3\n");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->backupDir, m_dir.file("kopie"));
    EXPECT_EQ(set->backupKeep, 3);
    EXPECT_EQ(onlyError(kMinimal + "[backup]\nkeep = 0\n").toString(),
              m_dir.file("central.toml") + ":4:8: backup.keep: out of range: 0 is not between 1 and 3650");
    EXPECT_EQ(onlyError(kMinimal + "[backup]\ndirectory = \"x\"\n").key, "backup.directory");
    EXPECT_EQ(onlyError(kMinimal + "[backup]\ndir = \"\"\n").message, "invalid value: the directory must not be empty");
}

TEST_F(ServerConfigTest, TheRetentionTableHasPrivateDefaultsAndIsCheckedStrictly)
{
    const auto defaults = load(kMinimal);
    ASSERT_TRUE(defaults.ok());
    EXPECT_FALSE(defaults->retention.storePesel);
    EXPECT_EQ(defaults->retention.callbackDays, 30);
    EXPECT_EQ(defaults->retention.counsellingDays, 30);
    EXPECT_EQ(defaults->retention.reservationDays, 30);
    EXPECT_EQ(defaults->retention.loanDays, 90);
    EXPECT_EQ(defaults->retention.registerDays, 455);
    const auto set = load(kMinimal + "[retention]\nstore_pesel = true\nloan_days = 365\ncallback_days = 7\n");
    ASSERT_TRUE(set.ok());
    EXPECT_TRUE(set->retention.storePesel);
    EXPECT_EQ(set->retention.loanDays, 365);
    EXPECT_EQ(set->retention.callbackDays, 7);
    EXPECT_EQ(onlyError(kMinimal + "[retention]\nloan_days = 0\n").toString(),
              m_dir.file("central.toml") + ":4:13: retention.loan_days: out of range: 0 is not between 1 and 3650");
    EXPECT_EQ(onlyError(kMinimal + "[retention]\nstore_pesel = \"no\"\n").message,
              "wrong type: expected a boolean (true or false), found a string");
    EXPECT_EQ(onlyError(kMinimal + "[retention]\npesel_days = 3\n").key, "retention.pesel_days");
}

TEST_F(ServerConfigTest, TheWaitingListsHoldHasADefaultAndBounds)
{
    auto defaults = load(kMinimal);
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->waitlistHoldHours, 48);
    auto set = load(kMinimal + "[waiting_list]\nhold_hours = 24\n");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->waitlistHoldHours, 24);
    EXPECT_EQ(onlyError(kMinimal + "[waiting_list]\nhold_hours = 0\n").toString(),
              m_dir.file("central.toml") + ":4:14: waiting_list.hold_hours: out of range: 0 is not between 1 and 336");
    EXPECT_EQ(onlyError(kMinimal + "[waiting_list]\nhold_days = 2\n").key, "waiting_list.hold_days");
}

TEST_F(ServerConfigTest, CompactionWaitsForKiosksADefaultMonthAndAtLeastADay)
{
    auto defaults = load(kMinimal);
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->changesKioskWaitDays, 30);
    auto set = load(kMinimal + "[changes]\nkiosk_wait_days = 7\n");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->changesKioskWaitDays, 7);
    EXPECT_EQ(onlyError(kMinimal + "[changes]\nkiosk_wait_days = 0\n").key, "changes.kiosk_wait_days");
}

TEST_F(ServerConfigTest, AnUnknownKeyIsAnErrorWithItsLineAndTheKnownKeys)
{
    const ServerConfigError e = onlyError(kMinimal + "[server]\nport = 8443\nthread = 8\n");
    EXPECT_EQ(e.toString(), m_dir.file("central.toml") +
                                ":5:1: server.thread: unknown key \"thread\" in [server] (known keys: listen_address, "
                                "port, threads, max_body_bytes)");
}

// Found by fuzz/server_config: toml++ quotes the text it stopped at, newline included, and the
// error went to the terminal and the journal as two lines.
TEST_F(ServerConfigTest, ASyntaxErrorIsOneLineWhateverTheTextQuoted)
{
    const auto errors = errorsOf(kMinimal + "[server]\nport = tru\n");
    ASSERT_EQ(errors.size(), 1u);
    const std::string line = errors[0].toString();
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    EXPECT_NE(line.find("\\x0a"), std::string::npos) << line;
}

TEST_F(ServerConfigTest, AnUnknownTableIsAnError)
{
    const ServerConfigError e = onlyError(kMinimal + "\n[rate_limits]\nburst = 5\n");
    EXPECT_EQ(e.line, 4);
    EXPECT_EQ(e.key, "rate_limits");
    EXPECT_NE(e.message.find("unknown table"), std::string::npos);
}

TEST_F(ServerConfigTest, WrongTypesNameTheExpectedAndTheFoundType)
{
    const auto errors = errorsOf(kMinimal + "[server]\nport = \"8443\"\n[rate_limit]\nburst = true\nserver = 1\n");
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].toString(),
              m_dir.file("central.toml") + ":4:8: server.port: wrong type: expected an integer, found a string");
    EXPECT_EQ(errors[1].key, "rate_limit.burst");
    EXPECT_NE(errors[1].message.find("expected a number, found a boolean"), std::string::npos);
    EXPECT_EQ(errors[2].key, "rate_limit.server");
}

TEST_F(ServerConfigTest, OutOfRangeValuesSayTheAllowedRange)
{
    const auto errors = errorsOf(kMinimal + "[server]\nport = 70000\nthreads = 1\n[events]\nretention_days = 7\n");
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].message, "out of range: 70000 is not between 0 and 65535");
    EXPECT_EQ(errors[1].key, "server.threads");
    EXPECT_EQ(errors[2].key, "events.retention_days");
    EXPECT_EQ(errors[2].line, 7);
}

TEST_F(ServerConfigTest, EveryProblemIsListedInFileOrder)
{
    const auto errors = errorsOf("[tsl]\ncert_file = \"a\"\n[server]\nzzz = 1\naaa = 2\n[database]\npath = \"\"\n");
    ASSERT_EQ(errors.size(), 4u);
    for (std::size_t i = 1; i < errors.size(); ++i)
        EXPECT_LT(errors[i - 1].line, errors[i].line) << errors[i].toString();
    EXPECT_EQ(errors[3].key, "database.path");
    EXPECT_NE(errors[3].message.find("must not be empty"), std::string::npos);
}

TEST_F(ServerConfigTest, TheDatabasePathIsRequired)
{
    const ServerConfigError e = onlyError("[server]\nport = 1\n");
    EXPECT_EQ(e.key, "database.path");
    EXPECT_NE(e.message.find("missing key"), std::string::npos);
}

TEST_F(ServerConfigTest, MalformedTomlHasItsPosition)
{
    const ServerConfigError e = onlyError("[server]\nport = = 1\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_NE(e.message.find("malformed TOML"), std::string::npos);
}

TEST_F(ServerConfigTest, ThePackagedConfigurationRunsBehindTheFrontOnLoopback)
{
    const auto loaded = loadServerConfig(std::string(OKIENKO_SOURCE_DIR) + "/packaging/central.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.error().front().toString();
    EXPECT_TRUE(loaded->behindFront);
    EXPECT_EQ(loaded->listenAddress, "127.0.0.1");
    EXPECT_EQ(loaded->port, 8081);
    EXPECT_EQ(loaded->frontAddress, "127.0.0.1");
}

TEST_F(ServerConfigTest, BehindTheFrontPlainHttpNeverListensBeyondLoopback)
{
    const auto refused = load("[server]\nlisten_address = \"0.0.0.0\"\n[front]\nenabled = true\n" + kMinimal);
    ASSERT_FALSE(refused.ok());
    ASSERT_EQ(refused.error().size(), 1U);
    EXPECT_EQ(refused.error().front().line, 2);
    EXPECT_EQ(refused.error().front().key, "server.listen_address");
    EXPECT_TRUE(load("[server]\nlisten_address = \"0.0.0.0\"\n[front]\nenabled = false\n" + kMinimal).ok());
    const auto wrongType = load("[front]\nenabled = \"yes\"\n" + kMinimal);
    ASSERT_FALSE(wrongType.ok());
    EXPECT_EQ(wrongType.error().front().message, "wrong type: expected a boolean (true or false), found a string");
}

TEST_F(ServerConfigTest, ThePublicTableAllowsNoOriginByDefaultAndChecksEachOrigin)
{
    const auto defaults = load(kMinimal);
    ASSERT_TRUE(defaults.ok());
    EXPECT_TRUE(defaults->publicSite.enabled);
    EXPECT_TRUE(defaults->publicSite.corsOrigins.empty());
    EXPECT_EQ(defaults->publicSite.contactMinSeconds, 3);
    const auto set = load(kMinimal + "[public]\ncors_origins = [\"https://cus.lapy.pl\", \"http://localhost:8080\"]\n"
                                     "contact_per_hour = 4\n");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->publicSite.corsOrigins, (std::vector<std::string>{"https://cus.lapy.pl", "http://localhost:8080"}));
    EXPECT_EQ(set->publicSite.contactPerHour, 4);
    const auto any = load(kMinimal + "[public]\ncors_origins = [\"*\"]\n");
    ASSERT_TRUE(any.ok());
    EXPECT_EQ(any->publicSite.corsOrigins, (std::vector<std::string>{"*"}));
    EXPECT_EQ(onlyError(kMinimal + "[public]\ncors_origins = [\"https://cus.lapy.pl/\"]\n").message,
              "invalid value: \"https://cus.lapy.pl/\" is not an origin (scheme://host[:port], no path or trailing "
              "slash) or \"*\"");
    EXPECT_EQ(onlyError(kMinimal + "[public]\ncors_origins = \"https://cus.lapy.pl\"\n").message,
              "wrong type: expected an array of strings, found a string");
    EXPECT_EQ(onlyError(kMinimal + "[public]\ncontact_per_hour = 0\n").key, "public.contact_per_hour");
}

TEST_F(ServerConfigTest, MailIsOffWithoutAHostAndAHostNeedsASender)
{
    auto plain = load(kMinimal);
    ASSERT_TRUE(plain.ok());
    EXPECT_FALSE(plain->mail.enabled()) << "no [mail]: nothing is sent";
    EXPECT_EQ(plain->retention.residentDays, 365);

    auto mail = load(kMinimal + "[mail]\nhost = \"smtp.lapy.example\"\nport = 587\nfrom = \"cus@lapy.example\"\n"
                                "starttls = true\npoll_seconds = 30\n");
    ASSERT_TRUE(mail.ok());
    EXPECT_TRUE(mail->mail.enabled());
    EXPECT_EQ(mail->mail.port, 587);
    EXPECT_EQ(mail->mail.from, "cus@lapy.example");
    EXPECT_TRUE(mail->mail.starttls);
    EXPECT_EQ(mail->mail.pollSeconds, 30);

    const auto noSender = onlyError(kMinimal + "[mail]\nhost = \"smtp.lapy.example\"\n");
    EXPECT_EQ(noSender.key, "mail.from");
    EXPECT_EQ(noSender.line, 4);
    EXPECT_NE(noSender.message.find("[mail] from"), std::string::npos) << noSender.message;
    EXPECT_EQ(onlyError(kMinimal + "[mail]\nport = 0\n").key, "mail.port");
    EXPECT_EQ(onlyError(kMinimal + "[retention]\nresident_days = 0\n").key, "retention.resident_days");
}

} // namespace
} // namespace okienko::server
