// Backups and restores of the server database, in-process with real files: names and retention,
// copies that are 0600 whatever the umask and pass their check, the refusals of `restore` (a server
// holding the database, a file that is not a database, an okienko database from a newer program)
// and the new epoch a restore gives.
#include "server/backup.hpp"
#include "server/cli/backup_commands.hpp"
#include "server/serve_lock.hpp"
#include "server/server_schema.hpp"
#include "server/server_store.hpp"
#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <optional>
#include <sys/stat.h>

using namespace okienko;
using namespace okienko::server;
using okienko::test::TempDir;
namespace fs = std::filesystem;

namespace
{

fs::perms modeOf(const std::string& path)
{
    return fs::status(path).permissions() & fs::perms::all;
}

constexpr fs::perms kOwnerOnly = fs::perms::owner_read | fs::perms::owner_write;

std::string epochOf(const std::string& path)
{
    auto opened = db::Database::open(path);
    EXPECT_TRUE(opened.ok());
    auto epoch = db::queryText(*opened, "SELECT epoch FROM server_meta");
    return epoch && *epoch ? **epoch : std::string();
}

class BackupTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_config.databasePath = m_dir.file("central.db");
        m_config.backupDir = m_dir.file("backups");
        auto store = ServerStore::open(m_config.databasePath, StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        ASSERT_TRUE((*store)->addKiosk("kiosk-a", Now{1900000000, {}}).ok());
    }

    std::string takeBackup(std::int64_t at)
    {
        auto written = writeBackup(m_config.databasePath, m_config.backupDir, at);
        EXPECT_TRUE(written.ok()) << (written ? "" : written.error());
        return written ? *written : std::string();
    }

    TempDir m_dir{"backup-unit"};
    ServerConfig m_config;
};

} // namespace

TEST(BackupNames, AreUtcTimestampsThatSortAndRetentionRecognisesOnlyThem)
{
    EXPECT_EQ(backupFileName(1796577300), "central-20261206T171500Z.db");
    EXPECT_EQ(backupFileName(0, "before-upgrade-v4"), "central-19700101T000000Z-before-upgrade-v4.db");
    EXPECT_TRUE(isBackupFileName("central-20261206T171500Z.db"));
    EXPECT_TRUE(isBackupFileName("central-20261206T171500Z-before-upgrade-v4.db"));
    for (const char* other : {"central.db", "central-20261206T171500Z.db-wal", "central-2026120T171500Z.db",
                              "central-20261206T171500Z-.db", "central-20261206T171500Z-Up.db", "notes.txt",
                              ".central-20261206T171500Z.db.partial-12", "central-20261207X171500Z.db"})
        EXPECT_FALSE(isBackupFileName(other)) << other;
}

TEST(BackupRetention, KeepsTheNewestNAndNothingElseIsTouched)
{
    TempDir dir{"backup-retention"};
    const std::vector<std::string> names{"central-20261201T020000Z.db", "central-20261202T020000Z.db",
                                         "central-20261203T020000Z-before-upgrade-v4.db", "central-20261204T020000Z.db",
                                         "central-20261205T020000Z.db"};
    for (const auto& n : names)
        ASSERT_TRUE(test::writeFile(dir.file(n), "x"));
    ASSERT_TRUE(test::writeFile(dir.file("README"), "mine"));
    auto deleted = pruneBackups(dir.path(), 2);
    ASSERT_TRUE(deleted.ok()) << deleted.error();
    EXPECT_EQ(deleted->size(), 3u);
    EXPECT_FALSE(fs::exists(dir.file(names[0])));
    EXPECT_FALSE(fs::exists(dir.file(names[2])));
    EXPECT_TRUE(fs::exists(dir.file(names[3])));
    EXPECT_TRUE(fs::exists(dir.file(names[4])));
    EXPECT_TRUE(fs::exists(dir.file("README")));
}

TEST_F(BackupTest, ACopyIsPrivateWhateverTheUmaskVerifiedAndNamedByTheTime)
{
    const mode_t previous = ::umask(0);
    const std::string path = takeBackup(1796577300);
    ::umask(previous);
    EXPECT_EQ(path, m_config.backupDir + "/central-20261206T171500Z.db");
    EXPECT_EQ(modeOf(path), kOwnerOnly);
    EXPECT_EQ(modeOf(m_config.backupDir), fs::perms::owner_all);
    auto info = inspectServerDatabase(path);
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_EQ(info->schemaVersion, kServerSchemaVersion);
    EXPECT_EQ(info->epoch, epochOf(m_config.databasePath));
    EXPECT_FALSE(fs::exists(path + "-wal")) << "one self-contained file";
    // The same second again never replaces a backup.
    auto again = writeBackup(m_config.databasePath, m_config.backupDir, 1796577300);
    EXPECT_FALSE(again.ok());
}

TEST_F(BackupTest, RestoreIsRefusedWhileAServerHoldsTheDatabase)
{
    const std::string backup = takeBackup(1796577300);
    const std::string before = epochOf(m_config.databasePath);
    std::optional<ServeLock> first, second;
    {
        auto lock = ServeLock::acquire(m_config.databasePath, ServeLock::Mode::Serve);
        ASSERT_TRUE(lock.ok()) << lock.error();
        first.emplace(std::move(lock).value());
        auto another = ServeLock::acquire(m_config.databasePath, ServeLock::Mode::Serve);
        ASSERT_TRUE(another.ok()) << "several servers may serve one database: " << another.error();
        second.emplace(std::move(another).value());
    }
    EXPECT_EQ(cli::restoreCommand(m_config, backup, 1796580000), 1);
    first.reset(); // one server stops; the other still serves
    EXPECT_EQ(cli::restoreCommand(m_config, backup, 1796580000), 1);
    EXPECT_EQ(epochOf(m_config.databasePath), before);
    EXPECT_FALSE(fs::exists(m_config.databasePath + ".before-restore-20261206T180000Z"));
    second.reset();
    // While a restore holds the database, no server starts on it.
    auto restoring = ServeLock::acquire(m_config.databasePath, ServeLock::Mode::Exclusive);
    ASSERT_TRUE(restoring.ok()) << restoring.error();
    auto refused = ServeLock::acquire(m_config.databasePath, ServeLock::Mode::Serve);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("is being restored"), std::string::npos) << refused.error();
}

TEST_F(BackupTest, RestoreRefusesWhatIsNotAnIntactOkienkoDatabaseOfThisOrAnOlderSchema)
{
    const std::string before = epochOf(m_config.databasePath);
    ASSERT_TRUE(test::writeFile(m_dir.file("garbage.db"), std::string(8192, 'x')));
    EXPECT_EQ(cli::restoreCommand(m_config, m_dir.file("garbage.db"), 1796580000), 1);
    EXPECT_EQ(cli::restoreCommand(m_config, m_dir.file("missing.db"), 1796580000), 1);
    {
        auto other = db::Database::open(m_dir.file("other.db"));
        ASSERT_TRUE(other.ok());
        ASSERT_TRUE(other->exec("CREATE TABLE notes(t TEXT)").ok());
    }
    EXPECT_EQ(cli::restoreCommand(m_config, m_dir.file("other.db"), 1796580000), 1);
    const std::string newer = takeBackup(1796577300);
    {
        auto d = db::Database::open(newer);
        ASSERT_TRUE(d.ok());
        ASSERT_TRUE(d->exec("PRAGMA user_version = " + std::to_string(kServerSchemaVersion + 1)).ok());
    }
    auto refused = inspectServerDatabase(newer);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("newer than this program's"), std::string::npos) << refused.error();
    EXPECT_EQ(cli::restoreCommand(m_config, newer, 1796580000), 1);
    EXPECT_EQ(epochOf(m_config.databasePath), before) << "nothing was touched";
    for (const auto& e : fs::directory_iterator(m_dir.path()))
        EXPECT_EQ(e.path().filename().string().find(".restore-"), std::string::npos) << "no copy left behind";
}

TEST_F(BackupTest, ARestoredDatabaseGetsANewEpochAndThePreviousOneIsKeptAside)
{
    const std::string backup = takeBackup(1796577300);
    const std::string backupEpoch = epochOf(backup);
    const mode_t previous = ::umask(0);
    EXPECT_EQ(cli::restoreCommand(m_config, backup, 1796580000), 0);
    ::umask(previous);
    const std::string restoredEpoch = epochOf(m_config.databasePath);
    EXPECT_FALSE(restoredEpoch.empty());
    EXPECT_NE(restoredEpoch, backupEpoch);
    EXPECT_EQ(modeOf(m_config.databasePath), kOwnerOnly);
    EXPECT_TRUE(fs::exists(m_config.databasePath + ".before-restore-20261206T180000Z"));
    EXPECT_EQ(epochOf(m_config.databasePath + ".before-restore-20261206T180000Z"), backupEpoch);
    EXPECT_EQ(epochOf(backup), backupEpoch) << "the backup itself is never changed";
    auto store = ServerStore::open(m_config.databasePath, StoreOptions{});
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->epoch(), restoredEpoch);
}

TEST_F(BackupTest, TwoRestoresInOneSecondKeepBothPreviousDatabasesUnderTheirOwnNames)
{
    const std::string backup = takeBackup(1796577300);
    const std::string firstEpoch = epochOf(m_config.databasePath);
    ASSERT_EQ(cli::restoreCommand(m_config, backup, 1796580000), 0);
    const std::string secondEpoch = epochOf(m_config.databasePath);
    ASSERT_EQ(cli::restoreCommand(m_config, backup, 1796580000), 0);
    const std::string aside = m_config.databasePath + ".before-restore-20261206T180000Z";
    EXPECT_EQ(epochOf(aside), firstEpoch);
    EXPECT_EQ(epochOf(aside + "-2"), secondEpoch);
    EXPECT_NE(epochOf(m_config.databasePath), secondEpoch);
}

TEST_F(BackupTest, InitTakesNoBackupOfANewOrCurrentDatabase)
{
    EXPECT_TRUE(cli::backupBeforeUpgrade(m_config, 1796577300).ok());
    EXPECT_FALSE(fs::exists(m_config.backupDir));
    ServerConfig fresh = m_config;
    fresh.databasePath = m_dir.file("none-yet.db");
    EXPECT_TRUE(cli::backupBeforeUpgrade(fresh, 1796577300).ok());
    EXPECT_FALSE(fs::exists(m_config.backupDir));
}
