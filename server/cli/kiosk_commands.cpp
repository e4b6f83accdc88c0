// Kiosk lifecycle commands and the enrolment file they write (0600, never over an existing file).
#include "server/cli/kiosk_commands.hpp"

#include "server/cli/site_commands.hpp"
#include "server/lifecycle_store.hpp"
#include "shared/protocol/enrolment_file.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/util/date_format.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace okienko::server::cli
{

namespace
{
/// The certificate blocks of a PEM file (a bundle may carry "Bag Attributes" and other text).
Result<std::string, std::string> readCaCertificates(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeErr("--ca " + path + ": cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    std::string blocks;
    constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
    constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
    for (auto begin = all.find(kBegin); begin != std::string::npos; begin = all.find(kBegin, begin + 1))
    {
        const auto end = all.find(kEnd, begin);
        if (end == std::string::npos)
            break;
        std::string block = all.substr(begin, end + kEnd.size() - begin) + "\n";
        std::erase(block, '\r');
        blocks += block;
    }
    if (blocks.empty())
        return makeErr("--ca " + path + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
    if (const std::string problem = protocol::checkEnrolmentCaPem(blocks); !problem.empty())
        return makeErr("--ca " + path + ": " + problem);
    return blocks;
}

/// An enrolment file being written: created (0600, refusing an existing file) before the database
/// changes, so a taken path costs nothing; removed again when the change is refused.
class EnrolmentOutput
{
  public:
    explicit EnrolmentOutput(std::string path) : m_path(std::move(path)) {}
    ~EnrolmentOutput()
    {
        if (m_fd >= 0)
        {
            close(m_fd);
            unlink(m_path.c_str());
        }
    }
    EnrolmentOutput(const EnrolmentOutput&) = delete;
    EnrolmentOutput& operator=(const EnrolmentOutput&) = delete;

    std::string create()
    {
        m_fd = open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (m_fd >= 0)
            return {};
        if (errno == EEXIST)
            return "--out " + m_path + " already exists: refusing to overwrite it (it may be another kiosk's)";
        return "--out " + m_path + ": " + std::strerror(errno);
    }

    /// Writes and syncs the text; the file stays.
    std::string finish(const std::string& text)
    {
        std::size_t done = 0;
        while (done < text.size())
        {
            const ssize_t n = write(m_fd, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return "--out " + m_path + ": " + std::strerror(errno);
            done += static_cast<std::size_t>(n);
        }
        if (fsync(m_fd) != 0 || close(m_fd) != 0)
        {
            m_fd = -1;
            return "--out " + m_path + ": " + std::strerror(errno);
        }
        m_fd = -1;
        return {};
    }

  private:
    std::string m_path;
    int m_fd = -1;
};

/// --url and --ca as the enrolment file carries them; the failure as a message.
Result<protocol::Enrolment, std::string> serverPart(const CommandOptions& o)
{
    protocol::Enrolment e;
    e.serverUrl = o["--url"];
    if (const std::string problem = protocol::checkEnrolmentServerUrl(e.serverUrl); !problem.empty())
        return makeErr("--url: " + problem +
                       " (the address kiosks reach this server at, e.g. "
                       "https://central.cus.example:8443)");
    if (o["--ca"].empty())
        return makeErr(std::string("--ca FILE is required: the PEM CA certificate kiosks verify this server with"));
    auto ca = readCaCertificates(o["--ca"]);
    if (!ca)
        return makeErr(ca.error());
    e.caPem = std::move(ca).value();
    return e;
}

/// Creates --out, runs `change` (the kiosk's new token, or why not), writes the file.
template <typename Change>
int writeEnrolment(const CommandOptions& o, protocol::Enrolment enrolment, Change change, const char* done)
{
    if (o["--out"].empty())
        return fail("--out FILE is required: where to write the enrolment file");
    EnrolmentOutput out(o["--out"]);
    if (const std::string problem = out.create(); !problem.empty())
        return fail(problem);
    auto token = change();
    if (!token)
        return fail(token.error().message);
    enrolment.token = std::move(token).value();
    if (const std::string problem = out.finish(protocol::encodeEnrolment(enrolment)); !problem.empty())
        return fail(problem + " (the kiosk's token changed: run rotate-kiosk for a new file)");
    std::printf("%s kiosk %s; enrolment file %s (secret: copy it to the kiosk, run okienko-kiosk --enrol on it, "
                "then delete it)\n",
                done, enrolment.kioskId.c_str(), o["--out"].c_str());
    return 0;
}

/// Removes the bare flag `flag` from `args`; true when it was there.
bool takeFlag(std::vector<std::string>& args, std::string_view flag)
{
    const auto before = args.size();
    std::erase(args, std::string(flag));
    return args.size() != before;
}

int enrolKiosk(const std::vector<std::string>& given, const CommandContext& c)
{
    std::vector<std::string> args = given;
    const bool staffWork = takeFlag(args, "--staff-work");
    auto site = takeSiteOption(args, c.store);
    if (!site)
        return fail("enrol-kiosk: " + site.error());
    auto parsed = CommandOptions::parse(args, {"--id", "--name", "--url", "--ca", "--out"});
    if (!parsed)
        return fail("enrol-kiosk: " + parsed.error());
    const CommandOptions& o = *parsed;
    auto enrolment = serverPart(o);
    if (!enrolment)
        return fail("enrol-kiosk: " + enrolment.error());
    enrolment->kioskId = o["--id"];
    enrolment->kioskName = o.has("--name") ? o["--name"] : o["--id"];
    if (const std::string problem = protocol::checkEnrolmentKioskId(enrolment->kioskId); !problem.empty())
        return fail("enrol-kiosk: --id: " + problem);
    if (const std::string problem = protocol::checkEnrolmentKioskName(enrolment->kioskName); !problem.empty())
        return fail("enrol-kiosk: --name: " + problem);
    LifecycleStore lifecycle(c.store);
    return writeEnrolment(
        o, *enrolment,
        [&] { return lifecycle.enrolKiosk(enrolment->kioskId, enrolment->kioskName, c.now, staffWork, *site); },
        "enrolled");
}

int rotateKiosk(const std::vector<std::string>& args, const CommandContext& c)
{
    auto parsed = CommandOptions::parse(args, {"--url", "--ca", "--out"}, 1);
    if (!parsed)
        return fail("rotate-kiosk: " + parsed.error() + " (usage: rotate-kiosk ID --url URL --ca FILE --out FILE)");
    const CommandOptions& o = *parsed;
    auto enrolment = serverPart(o);
    if (!enrolment)
        return fail("rotate-kiosk: " + enrolment.error());
    LifecycleStore lifecycle(c.store);
    auto kiosks = lifecycle.listKiosks();
    if (!kiosks)
        return fail(kiosks.error().message);
    enrolment->kioskId = o.positional()[0];
    enrolment->kioskName = enrolment->kioskId;
    for (const KioskListing& k : *kiosks)
        if (k.id == enrolment->kioskId && !k.name.empty())
            enrolment->kioskName = k.name;
    return writeEnrolment(
        o, *enrolment, [&] { return lifecycle.rotateKiosk(enrolment->kioskId, c.now); }, "new token for");
}

std::string timeText(std::int64_t unix)
{
    const auto local = localDateTimeOf(unix);
    return local ? formatIsoDateTime(*local) : std::string("?");
}

int listKiosks(const std::vector<std::string>& args, const CommandContext& c)
{
    if (!args.empty())
        return fail("list-kiosks takes no arguments");
    auto kiosks = LifecycleStore(c.store).listKiosks();
    if (!kiosks)
        return fail(kiosks.error().message);
    std::printf("%-24s %-8s %-16s %-16s %-10s %-10s %-16s %s\n", "ID", "STATE", "CREATED", "LAST HEARTBEAT", "VERSION",
                "STAFF WORK", "SITE", "NAME");
    for (const KioskListing& k : *kiosks)
        std::printf("%-24s %-8s %-16s %-16s %-10s %-10s %-16s %s\n", k.id.c_str(), k.active ? "active" : "revoked",
                    timeText(k.createdAt).c_str(), k.lastHeartbeat ? timeText(*k.lastHeartbeat).c_str() : "never",
                    k.version.empty() ? "-" : k.version.c_str(), k.staffWork ? "yes" : "no", k.site.c_str(),
                    k.name.c_str());
    return 0;
}

int revokeKiosk(const std::vector<std::string>& args, const CommandContext& c)
{
    if (args.size() != 1)
        return fail("usage: revoke-kiosk ID");
    auto changed = LifecycleStore(c.store).revokeKiosk(args[0], c.now);
    if (!changed)
        return fail(changed.error().message);
    std::printf(*changed ? "revoked kiosk %s: its token is refused from its next request\n"
                         : "kiosk %s was already revoked\n",
                args[0].c_str());
    return 0;
}

int addKiosk(const std::vector<std::string>& given, const CommandContext& c)
{
    std::vector<std::string> args = given;
    const bool staffWork = takeFlag(args, "--staff-work");
    auto site = takeSiteOption(args, c.store);
    if (!site)
        return fail("add-kiosk: " + site.error());
    if (args.size() != 1)
        return fail("usage: add-kiosk NAME [--staff-work] [--site SITE]");
    if (!protocol::matchesIdPattern(args[0], protocol::IdPattern::Code))
        return fail("kiosk name: 1–64 of A-Z a-z 0-9 . _ -");
    auto token = c.store.addKiosk(args[0], c.now, staffWork, *site);
    if (!token)
        return fail("add-kiosk failed: " + token.error().describe());
    std::printf("%s\n", token->c_str());
    return 0;
}
int kioskStaffWork(const std::vector<std::string>& args, const CommandContext& c)
{
    if (args.size() != 2 || (args[1] != "on" && args[1] != "off"))
        return fail("usage: kiosk-staff-work ID on|off");
    const bool on = args[1] == "on";
    auto changed = LifecycleStore(c.store).setKioskStaffWork(args[0], on, c.now);
    if (!changed)
        return fail(changed.error().message);
    std::printf(!*changed ? "kiosk %s: staff work was already %s\n"
                : on      ? "kiosk %s: staff work %s; it receives the staff feed at its next pull\n"
                          : "kiosk %s: staff work %s; its pick-ups, loans and staff are deleted at its next pull\n",
                args[0].c_str(), on ? "on" : "off");
    return 0;
}
} // namespace

std::optional<int> runKioskCommand(const std::string& command, const std::vector<std::string>& args,
                                   const CommandContext& context)
{
    static constexpr NamedCommand kCommands[] = {
        {"add-kiosk", addKiosk},     {"enrol-kiosk", enrolKiosk},   {"kiosk-staff-work", kioskStaffWork},
        {"list-kiosks", listKiosks}, {"revoke-kiosk", revokeKiosk}, {"rotate-kiosk", rotateKiosk}};
    return runNamedCommand(kCommands, command, args, context);
}

} // namespace okienko::server::cli
