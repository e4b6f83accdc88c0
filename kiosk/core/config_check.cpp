// The installation checks of --check-config: data directory, fonts, translations, catalogue.
#include "kiosk/core/config_check.hpp"

#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>
#include <toml++/toml.h>
#include <unistd.h>

namespace okienko::kiosk
{
namespace
{

namespace fs = std::filesystem;

/// The problems of one check, each placed at the line of the [data] key it is about (when the
/// file sets that key; a default has no line).
class InstallationReport
{
  public:
    explicit InstallationReport(const fs::path& source) : m_source(source.string())
    {
        try
        {
            m_root = toml::parse_file(m_source);
        }
        catch (const toml::parse_error&)
        {
            // Only reached when the file changed since it loaded; the errors then have no line.
        }
    }

    void add(ConfigErrorKind kind, const std::string& key, std::string message)
    {
        ConfigError e{kind, m_source, 0, 0, key, std::move(message)};
        if (const toml::node* node = m_root.at_path(key).node())
        {
            e.line = static_cast<int>(node->source().begin.line);
            e.column = static_cast<int>(node->source().begin.column);
        }
        m_errors.push_back(std::move(e));
    }

    /// A regular file the kiosk reads; `what` says what it is for.
    void requireFile(const std::string& key, const fs::path& file, std::string_view what)
    {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec))
            add(ConfigErrorKind::MissingFile, key,
                "missing file: " + file.string() + " (" + std::string(what) + ") does not exist or is not a file");
        else if (!std::ifstream(file, std::ios::binary))
            add(ConfigErrorKind::MissingFile, key,
                "cannot read: " + file.string() + " (" + std::string(what) + ") is not readable by this user");
    }

    ConfigErrors take() { return std::move(m_errors); }

  private:
    std::string m_source;
    toml::table m_root;
    ConfigErrors m_errors;
};

/// A probe file proves what access() cannot: a read-only mount, or a full disk.
bool canCreateFileIn(const fs::path& directory)
{
    std::string probe = (directory / ".okienko-check-config-XXXXXX").string();
    const int fd = mkstemp(probe.data());
    if (fd < 0)
        return false;
    close(fd);
    unlink(probe.c_str());
    return true;
}

void checkDataDirectory(const fs::path& directory, InstallationReport& report)
{
    std::error_code ec;
    if (!fs::exists(directory, ec))
        return report.add(ConfigErrorKind::MissingFile, "data.directory",
                          "missing directory: " + directory.string() +
                              " does not exist (create it, writable by the kiosk's user)");
    if (!fs::is_directory(directory, ec))
        return report.add(ConfigErrorKind::InvalidValue, "data.directory",
                          "invalid value: " + directory.string() + " is not a directory");
    if (access(directory.c_str(), W_OK | X_OK) != 0 || !canCreateFileIn(directory))
        report.add(ConfigErrorKind::NotWritable, "data.directory",
                   "not writable: " + directory.string() + " refuses user id " + std::to_string(geteuid()) +
                       " (the kiosk keeps its database there)");
}

} // namespace

ConfigErrors checkInstallation(const KioskConfig& config, const fs::path& source)
{
    InstallationReport report(source);
    checkDataDirectory(config.data.directory, report);
    const fs::path fonts = config.data.assets / "fonts";
    report.requireFile("data.assets", fonts / "DejaVuSans.ttf", "the screen and slip font");
    report.requireFile("data.assets", fonts / "DejaVuSans-Bold.ttf", "the bold font");
    for (const domain::Language lang : domain::kAllLanguages)
        report.requireFile("data.assets",
                           config.data.i18nDirectory() / (std::string(domain::languageCode(lang)) + ".po"),
                           "translations");
    report.requireFile("data.catalog", config.data.catalog, "the catalogue");
    return report.take();
}

ConfigErrors checkConfigFile(const fs::path& path)
{
    auto loaded = loadConfig(path);
    if (!loaded.ok())
        return loaded.error();
    std::error_code ec;
    const fs::path full = fs::absolute(path, ec).lexically_normal();
    return checkInstallation(loaded.value(), ec ? path : full);
}

} // namespace okienko::kiosk
