// The enrolment steps, each failure reported with the file or the server it is about.
#include "kiosk/app/enrolment.hpp"

#include "kiosk/app/app_services.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/config_check.hpp"
#include "kiosk/core/config_editor.hpp"
#include "kiosk/sync/https_client.hpp"
#include "shared/protocol/enrolment_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace okienko::kiosk
{

namespace
{
namespace fs = std::filesystem;

/// The user the packaged kiosk runs as; the token must be readable by it alone.
constexpr const char* kServiceUser = "okienko-kiosk";

std::optional<std::string> readSmallFile(const fs::path& path, std::size_t limit)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string text(limit + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

struct Ownership
{
    mode_t mode = 0;
    std::optional<std::pair<uid_t, gid_t>> owner; ///< nullopt: the creating user's
};

/// Replaces `path` with `text`: a temporary file in the same directory, fsynced, given `ownership`,
/// renamed over it, and the directory fsynced, so a power cut leaves the old file or the new one.
std::string writeAtomically(const fs::path& path, const std::string& text, const Ownership& ownership)
{
    std::string temp = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0)
        return "cannot write in " + path.parent_path().string() + ": " + std::strerror(errno);
    auto failed = [&](const std::string& step)
    {
        const std::string reason = std::strerror(errno);
        close(fd);
        unlink(temp.c_str());
        return "cannot write " + path.string() + " (" + step + "): " + reason;
    };
    if (fchmod(fd, ownership.mode) != 0)
        return failed("chmod");
    if (ownership.owner && fchown(fd, ownership.owner->first, ownership.owner->second) != 0)
        return failed("chown");
    for (std::size_t done = 0; done < text.size();)
    {
        const ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failed("write");
        done += static_cast<std::size_t>(n);
    }
    if (fsync(fd) != 0)
        return failed("fsync");
    close(fd);
    if (rename(temp.c_str(), path.c_str()) != 0)
    {
        const std::string reason = std::strerror(errno);
        unlink(temp.c_str());
        return "cannot replace " + path.string() + ": " + reason;
    }
    if (const int dir = open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0)
    {
        (void)fsync(dir);
        close(dir);
    }
    return {};
}

/// The token's owner: the kiosk's service user when running as root and it exists.
std::optional<std::pair<uid_t, gid_t>> tokenOwner()
{
    if (geteuid() != 0)
        return std::nullopt;
    const passwd* user = getpwnam(kServiceUser);
    if (user == nullptr)
        return std::nullopt;
    return std::pair<uid_t, gid_t>(user->pw_uid, user->pw_gid);
}

/// One authenticated request, as the sync worker makes them; "" when the server accepted it.
std::string contactServer(const KioskConfig& config)
{
    auto sync = makeSyncConfig(config);
    if (!sync)
        return sync.error();
    sync::HttpsClient client(sync->https);
    auto response = client.get("/api/v1/changes?limit=1");
    if (response && response->status == 401)
    {
        // The server looks up a token it has not seen yet at most once a second (so a flood of bad
        // tokens cannot flood its database): a token enrolled a moment ago may need one more try.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        response = client.get("/api/v1/changes?limit=1");
    }
    if (!response)
    {
        const sync::TransportError& e = response.error();
        switch (e.kind)
        {
        case sync::TransportErrorKind::Tls:
            return "TLS failed: the server's certificate is not trusted by the CA in the enrolment file, or does "
                   "not name this host (" +
                   e.message + ")";
        case sync::TransportErrorKind::Resolve:
        case sync::TransportErrorKind::Connect:
        case sync::TransportErrorKind::Timeout:
            return "cannot reach the server at " + config.server.url + " (" +
                   std::string(sync::transportErrorCode(e.kind)) + ": " + e.message +
                   "); the configuration is written, the kiosk will sync once the server is reachable";
        default:
            return "the request to " + config.server.url + " failed (" + e.message + ")";
        }
    }
    if (response->status == 401)
        return "the server refused the token (HTTP 401): it was revoked or rotated; ask for a new enrolment file";
    if (response->status != 200)
        return "the server answered HTTP " + std::to_string(response->status) + " to an authenticated request";
    return {};
}

/// `path` as an absolute, normal path (kiosk.toml names its files absolutely).
fs::path absoluteNormal(const fs::path& path)
{
    std::error_code ec;
    const fs::path full = fs::absolute(path, ec);
    return (ec ? path : full).lexically_normal();
}
} // namespace

int runEnrolment(const fs::path& enrolmentFile, const fs::path& configPath, std::ostream& out)
{
    auto text = readSmallFile(enrolmentFile, 64 * 1024);
    if (!text)
    {
        out << enrolmentFile.string() << ": cannot read the enrolment file\n";
        return 1;
    }
    auto enrolment = protocol::parseEnrolment(*text);
    if (!enrolment)
    {
        out << enrolment.error().toString(enrolmentFile.string()) << "\n";
        return 1;
    }
    const fs::path config = absoluteNormal(configPath);
    struct stat configStat
    {
    };
    auto configText = readSmallFile(config, 1024 * 1024);
    if (!configText || stat(config.c_str(), &configStat) != 0)
    {
        out << config.string() << ": cannot read the kiosk's configuration (install the okienko-kiosk package, or "
            << "pass --config FILE)\n";
        return 1;
    }
    const fs::path caFile = config.parent_path() / "kiosk-ca.crt";
    const fs::path tokenFile = config.parent_path() / "kiosk.token";
    auto edited = setConfigKeys(*configText, {{"kiosk", "id", enrolment->kioskId},
                                              {"kiosk", "name", enrolment->kioskName},
                                              {"server", "url", enrolment->serverUrl},
                                              {"server", "ca_file", caFile.string()},
                                              {"server", "token_file", tokenFile.string()}});
    if (!edited)
    {
        out << config.string() << ": " << edited.error() << "\n";
        return 1;
    }
    // The config keeps its mode and owner (a chown is needed only when someone else owns it).
    Ownership configOwnership{static_cast<mode_t>(configStat.st_mode & 07777), std::nullopt};
    if (configStat.st_uid != geteuid() || configStat.st_gid != getegid())
        configOwnership.owner = std::pair<uid_t, gid_t>(configStat.st_uid, configStat.st_gid);
    std::string problem = writeAtomically(caFile, enrolment->caPem, {0644, std::nullopt});
    if (problem.empty())
        problem = writeAtomically(tokenFile, enrolment->token + "\n", {0600, tokenOwner()});
    if (problem.empty())
        problem = writeAtomically(config, *edited, configOwnership);
    if (!problem.empty())
    {
        out << problem << "\n";
        return 1;
    }
    out << config.string() << ": enrolled as " << enrolment->kioskId << " (CA " << caFile.string() << ", token "
        << tokenFile.string() << ")\n";

    const ConfigErrors problems = checkConfigFile(config);
    for (const ConfigError& e : problems)
        out << e.toString() << "\n";
    if (!problems.empty())
        return 1;
    auto loaded = loadConfig(config);
    if (!loaded)
        return 1; // checkConfigFile reported it
    if (problem = contactServer(*loaded); !problem.empty())
    {
        out << "server: " << problem << "\n";
        return 1;
    }
    out << "OK: the server at " << enrolment->serverUrl << " accepted kiosk " << enrolment->kioskId << "\n";
    return 0;
}

} // namespace okienko::kiosk
