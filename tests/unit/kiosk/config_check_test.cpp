// --check-config's installation checks with real files: a complete installation passes; a
// missing or unwritable data directory and each missing asset are reported with the [data] key
// and its line.
#include "kiosk/core/config_check.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <filesystem>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace okienko::kiosk
{
namespace
{

namespace fs = std::filesystem;

/// A kiosk installation in a temporary directory: assets copied from the source tree, a data
/// directory, and a kiosk.toml naming them.
class ConfigCheckTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        fs::copy(fs::path(OKIENKO_SOURCE_DIR) / "assets", assets(), fs::copy_options::recursive);
        fs::create_directory(m_dir.file("data"));
    }

    std::string assets() const { return m_dir.file("assets"); }

    /// kiosk.toml with directory, assets and catalog on lines 4–6.
    ConfigErrors check(const std::string& directory = "data", const std::string& catalog = "assets/catalog/lapy.json")
    {
        EXPECT_TRUE(test::writeFile(config(), "[kiosk]\nid = \"check-test\"\n[data]\ndirectory = \"" + directory +
                                                  "\"\nassets = \"assets\"\ncatalog = \"" + catalog + "\"\n"));
        return checkConfigFile(config());
    }

    std::string config() const { return m_dir.file("kiosk.toml"); }

    test::TempDir m_dir{"kiosk-check-config"};
};

std::string describe(const ConfigErrors& errors)
{
    std::string out;
    for (const ConfigError& e : errors)
        out += e.toString() + "\n";
    return out;
}

TEST_F(ConfigCheckTest, ACompleteInstallationPasses)
{
    const auto errors = check();
    EXPECT_TRUE(errors.empty()) << describe(errors);
}

TEST_F(ConfigCheckTest, AMissingDataDirectoryIsReportedNotCreated)
{
    const auto errors = check("no-such-dir");
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].kind, ConfigErrorKind::MissingFile);
    EXPECT_EQ(errors[0].key, "data.directory");
    EXPECT_EQ(errors[0].line, 4);
    EXPECT_NE(errors[0].message.find("missing directory: " + m_dir.file("no-such-dir")), std::string::npos);
    EXPECT_FALSE(fs::exists(m_dir.file("no-such-dir")));
}

TEST_F(ConfigCheckTest, ADataDirectoryThatIsAFileIsInvalid)
{
    ASSERT_TRUE(test::writeFile(m_dir.file("plain"), "x"));
    const auto errors = check("plain");
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].kind, ConfigErrorKind::InvalidValue);
    EXPECT_NE(errors[0].message.find("is not a directory"), std::string::npos);
}

TEST_F(ConfigCheckTest, AReadOnlyDataDirectoryIsNotWritable)
{
    ASSERT_EQ(chmod(m_dir.file("data").c_str(), 0555), 0);
    if (geteuid() != 0)
    {
        const auto errors = check();
        chmod(m_dir.file("data").c_str(), 0755);
        ASSERT_EQ(errors.size(), 1u) << describe(errors);
        EXPECT_EQ(errors[0].kind, ConfigErrorKind::NotWritable);
        EXPECT_EQ(errors[0].key, "data.directory");
        return;
    }
    // Root writes into any directory, and the kiosk never runs as root: the check runs as the
    // unprivileged user `nobody` in a child process, as it would for the kiosk's own user.
    ASSERT_TRUE(check().empty()) << "root may write there";
    ASSERT_EQ(chmod(m_dir.path().c_str(), 0755), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0)
    {
        constexpr uid_t kNobody = 65534;
        if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0)
            _exit(90);
        const ConfigErrors errors = checkConfigFile(config());
        const bool reported =
            errors.size() == 1 && errors[0].kind == ConfigErrorKind::NotWritable && errors[0].key == "data.directory";
        if (!reported)
            std::fputs(describe(errors).c_str(), stderr);
        _exit(reported ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    chmod(m_dir.file("data").c_str(), 0755);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_NE(WEXITSTATUS(status), 90) << "could not become nobody";
    EXPECT_EQ(WEXITSTATUS(status), 0) << "nobody's check did not report the read-only data directory";
}

TEST_F(ConfigCheckTest, TheCheckLeavesNoProbeFileBehind)
{
    ASSERT_TRUE(check().empty());
    EXPECT_TRUE(fs::is_empty(m_dir.file("data")));
}

TEST_F(ConfigCheckTest, EachMissingFontAndTranslationIsNamedAtTheAssetsKey)
{
    fs::remove(assets() + "/fonts/DejaVuSans-Bold.ttf");
    fs::remove(assets() + "/i18n/uk.po");
    const auto errors = check();
    ASSERT_EQ(errors.size(), 2u) << describe(errors);
    for (const ConfigError& e : errors)
    {
        EXPECT_EQ(e.kind, ConfigErrorKind::MissingFile);
        EXPECT_EQ(e.key, "data.assets");
        EXPECT_EQ(e.line, 5);
    }
    EXPECT_NE(errors[0].message.find(assets() + "/fonts/DejaVuSans-Bold.ttf"), std::string::npos);
    EXPECT_NE(errors[1].message.find(assets() + "/i18n/uk.po"), std::string::npos);
}

TEST_F(ConfigCheckTest, AMissingCatalogueIsNamedAtTheCatalogKey)
{
    const auto errors = check("data", "assets/catalog/nowhere.json");
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].toString(), config() + ":6:11: data.catalog: missing file: " + assets() +
                                        "/catalog/nowhere.json (the catalogue) does not exist or is not a file");
}

TEST_F(ConfigCheckTest, TheDefaultCatalogueIsCheckedWithoutALine)
{
    ASSERT_TRUE(test::writeFile(config(), "[kiosk]\nid = \"check-test\"\n[data]\ndirectory = \"data\"\n"
                                          "assets = \"assets\"\n"));
    fs::remove(assets() + "/catalog/lapy.json");
    const auto errors = checkConfigFile(config());
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].key, "data.catalog");
    EXPECT_EQ(errors[0].line, 0);
}

TEST_F(ConfigCheckTest, FileErrorsComeFirstAndStopTheInstallationChecks)
{
    ASSERT_TRUE(test::writeFile(config(), "[kiosk]\nid = \"check-test\"\nnmae = \"x\"\n"));
    const auto errors = checkConfigFile(config());
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].kind, ConfigErrorKind::UnknownKey);
}

} // namespace
} // namespace okienko::kiosk
