// Staff lifecycle commands; secrets are hashed (argon2id) and wiped as soon as they are read.
#include "server/cli/staff_commands.hpp"

#include "server/cli/secret_input.hpp"
#include "server/cli/site_commands.hpp"
#include "server/credentials.hpp"
#include "server/lifecycle_store.hpp"
#include "shared/domain/codes.hpp"
#include "shared/util/date_format.hpp"
#include "shared/validate/staff_pin.hpp"

#include <cstdio>
#include <sodium.h>

namespace okienko::server::cli
{

namespace
{
/// A secret to read and how hard to hash it.
struct HashedSecret
{
    SecretPrompt prompt;
    HashCost cost;
};
const HashedSecret kPin{{"PIN", checkPin}, kPinHashCost};
const HashedSecret kPassword{{"password", checkPassword}, kPasswordHashCost};

/// The argon2id hash of each secret read, in order; the plain secrets are wiped.
Result<std::vector<std::string>, std::string> readHashedSecrets(const std::vector<HashedSecret>& wanted)
{
    std::vector<SecretPrompt> prompts;
    for (const HashedSecret& w : wanted)
        prompts.push_back(w.prompt);
    auto secrets = readSecrets(prompts);
    if (!secrets)
        return makeErr(secrets.error());
    std::vector<std::string> hashes;
    bool hashed = true;
    for (std::size_t i = 0; i < secrets->size(); ++i)
    {
        std::string& secret = (*secrets)[i];
        auto hash = hashed ? hashSecret(secret, wanted[i].cost) : std::nullopt;
        hashed = hash.has_value();
        if (hash)
            hashes.push_back(std::move(*hash));
        sodium_memzero(secret.data(), secret.size());
    }
    if (!hashed)
        return makeErr(std::string("cannot hash the secrets (out of memory)"));
    return hashes;
}

int addStaff(const std::vector<std::string>& given, const CommandContext& c)
{
    std::vector<std::string> args = given;
    auto site = takeSiteOption(args, c.store);
    if (!site)
        return fail("add-staff: " + site.error());
    auto parsed = CommandOptions::parse(args, {"--name", "--role"});
    if (!parsed)
        return fail("add-staff: " + parsed.error());
    const std::string name = (*parsed)["--name"];
    auto role = domain::fromCode<domain::StaffRole>((*parsed)["--role"]);
    if (name.empty() || !role)
        return fail("add-staff needs --name N and --role (equipment|coordinator|counsellor|admin); the PIN and the "
                    "password "
                    "are read from standard input, one line each");
    auto hashes = readHashedSecrets({kPin, kPassword});
    if (!hashes)
        return fail("add-staff: " + hashes.error());
    auto id = c.store.addStaff(name, *role, (*hashes)[0], (*hashes)[1], c.now, *site);
    if (!id)
        return fail("add-staff failed: " + id.error().describe());
    std::printf("%s\n", id->c_str());
    return 0;
}

int listStaff(const std::vector<std::string>& args, const CommandContext& c)
{
    if (!args.empty())
        return fail("list-staff takes no arguments");
    auto staff = LifecycleStore(c.store).listStaff();
    if (!staff)
        return fail(staff.error().message);
    // A PIN hash with other limits than today's was made by an older release: 0.1.0 took 4-digit
    // PINs (kiosks now refuse them) and hashed them at a third of today's cost.
    std::size_t toRotate = 0;
    std::printf("%-12s %-12s %-8s %-16s %-8s %-24s %s\n", "ID", "ROLE", "STATE", "CREATED", "PIN", "SITES", "NAME");
    for (const StaffListing& s : *staff)
    {
        const auto created = localDateTimeOf(s.createdAt);
        const bool oldPin = needsRehash(s.pinHash, kPinHashCost);
        toRotate += oldPin && s.active ? 1 : 0;
        std::printf("%-12s %-12s %-8s %-16s %-8s %-24s %s\n", s.id.c_str(), s.role.c_str(),
                    s.active ? "active" : "inactive", created ? formatIsoDateTime(*created).c_str() : "?",
                    oldPin ? "ROTATE" : "ok", s.sites.c_str(), s.name.c_str());
    }
    if (toRotate > 0)
        std::printf("\n%zu active staff member(s) have a PIN hashed by an older release (PIN ROTATE): it may have "
                    "fewer than %zu digits, which kiosks refuse, and its hash is cheaper to guess from a stolen "
                    "kiosk. Give each a new PIN: reset-pin STAFF-ID.\n",
                    toRotate, validate::kStaffPinMinDigits);
    return 0;
}

/// One staff id as the only argument, of a member who exists: checked before any secret is asked,
/// so nobody types a new PIN twice to learn the id was mistyped.
Result<std::string, std::string> staffId(const std::vector<std::string>& args, const std::string& command,
                                         const CommandContext& c)
{
    if (const std::string secret = secretOnCommandLine(args); !secret.empty())
        return makeErr(command + ": " + secret);
    if (args.size() != 1 || args[0].rfind("--", 0) == 0)
        return makeErr("usage: " + command + " STAFF-ID (see list-staff)");
    auto staff = LifecycleStore(c.store).listStaff();
    if (!staff)
        return makeErr(staff.error().message);
    for (const StaffListing& s : *staff)
        if (s.id == args[0])
            return args[0];
    return makeErr(command + ": no staff member has the id \"" + args[0] + "\" (see list-staff)");
}

int report(const Result<bool, LifecycleError>& changed, const std::string& id, const char* done, const char* already)
{
    if (!changed)
        return fail(changed.error().message);
    std::printf("%s %s\n", *changed ? done : already, id.c_str());
    return 0;
}

/// deactivate-staff and reactivate-staff.
int setStaffActive(const std::vector<std::string>& args, const CommandContext& c, bool active)
{
    auto id = staffId(args, active ? "reactivate-staff" : "deactivate-staff", c);
    if (!id)
        return fail(id.error());
    return report(LifecycleStore(c.store).setStaffActive(*id, active, c.now), *id,
                  active ? "reactivated:"
                         : "deactivated (panel sessions ended; kiosks refuse the PIN after their next sync):",
                  active ? "already active:" : "already inactive:");
}

int deactivateStaff(const std::vector<std::string>& args, const CommandContext& c)
{
    return setStaffActive(args, c, false);
}

int reactivateStaff(const std::vector<std::string>& args, const CommandContext& c)
{
    return setStaffActive(args, c, true);
}

int resetPassword(const std::vector<std::string>& args, const CommandContext& c)
{
    auto id = staffId(args, "reset-password", c);
    if (!id)
        return fail(id.error());
    auto hashes = readHashedSecrets({kPassword});
    if (!hashes)
        return fail("reset-password: " + hashes.error());
    return report(LifecycleStore(c.store).resetPassword(*id, (*hashes)[0], c.now), *id,
                  "new password (panel sessions ended):", "new password:");
}

int resetPin(const std::vector<std::string>& args, const CommandContext& c)
{
    auto id = staffId(args, "reset-pin", c);
    if (!id)
        return fail(id.error());
    auto hashes = readHashedSecrets({kPin});
    if (!hashes)
        return fail("reset-pin: " + hashes.error());
    return report(LifecycleStore(c.store).resetPin(*id, (*hashes)[0], c.now), *id,
                  "new PIN (kiosks take it at their next sync):", "new PIN:");
}
} // namespace

std::optional<int> runStaffCommand(const std::string& command, const std::vector<std::string>& args,
                                   const CommandContext& context)
{
    static constexpr NamedCommand kCommands[] = {{"add-staff", addStaff},
                                                 {"list-staff", listStaff},
                                                 {"deactivate-staff", deactivateStaff},
                                                 {"reactivate-staff", reactivateStaff},
                                                 {"reset-password", resetPassword},
                                                 {"reset-pin", resetPin}};
    return runNamedCommand(kCommands, command, args, context);
}

} // namespace okienko::server::cli
