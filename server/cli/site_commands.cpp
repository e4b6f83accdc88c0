// The site commands and the --site option the kiosk, staff and slot commands take.
#include "server/cli/site_commands.hpp"

#include "server/site_store.hpp"
#include "server/store/site_scope.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <cstdio>

namespace okienko::server::cli
{

namespace
{
constexpr const char* kUsage = "usage: site add ID --name NAME | site list | site rename ID --name NAME | "
                               "site grant STAFF-ID SITE | site revoke STAFF-ID SITE";

/// The "ID --name NAME" of `site add` and `site rename`: (id, name), or the message to fail with.
Result<std::pair<std::string, std::string>, std::string> idAndName(const std::vector<std::string>& args,
                                                                   const std::string& command)
{
    auto parsed = CommandOptions::parse(args, {"--name"}, 1);
    if (!parsed)
        return makeErr(command + ": " + parsed.error() + " (" + kUsage + ")");
    return std::pair{parsed->positional()[0], (*parsed)["--name"]};
}

int siteAdd(const std::vector<std::string>& args, const CommandContext& c)
{
    auto given = idAndName(args, "site add");
    if (!given)
        return fail(given.error());
    const auto& [id, name] = *given;
    auto added = SiteStore(c.store).addSite(id, name, c.now);
    if (!added)
        return fail("site add: " + added.error());
    std::printf("added site %s: import its catalogue with import-catalog FILE --site %s --apply, enrol its kiosks "
                "and staff with --site %s\n",
                id.c_str(), id.c_str(), id.c_str());
    return 0;
}

int siteRename(const std::vector<std::string>& args, const CommandContext& c)
{
    auto given = idAndName(args, "site rename");
    if (!given)
        return fail(given.error());
    const auto& [id, name] = *given;
    auto renamed = SiteStore(c.store).renameSite(id, name, c.now);
    if (!renamed)
        return fail("site rename: " + renamed.error());
    std::printf(*renamed ? "site %s renamed\n" : "site %s already had that name\n", id.c_str());
    return 0;
}

int siteList(const std::vector<std::string>& args, const CommandContext& c)
{
    if (!args.empty())
        return fail("site list takes no arguments");
    auto sites = SiteStore(c.store).listSites();
    if (!sites)
        return fail(sites.error());
    std::printf("%-24s %-16s %-7s %-7s %s\n", "ID", "CREATED", "KIOSKS", "STAFF", "NAME");
    for (const SiteListing& s : *sites)
    {
        const auto created = localDateTimeOf(s.createdAt);
        std::printf("%-24s %-16s %-7lld %-7lld %s\n", s.id.c_str(), created ? formatIsoDateTime(*created).c_str() : "?",
                    static_cast<long long>(s.kiosks), static_cast<long long>(s.staff), s.name.c_str());
    }
    return 0;
}

/// grant or revoke: STAFF-ID SITE.
int siteAccess(const std::vector<std::string>& args, const CommandContext& c, bool grant)
{
    const char* name = grant ? "site grant" : "site revoke";
    if (args.size() != 2)
        return fail(std::string(name) + ": " + kUsage);
    SiteStore sites(c.store);
    auto changed = grant ? sites.grantSite(args[0], args[1], c.now) : sites.revokeSite(args[0], args[1], c.now);
    if (!changed)
        return fail(std::string(name) + ": " + changed.error());
    if (grant)
        std::printf(*changed ? "%s now reaches site %s\n" : "%s already reached site %s\n", args[0].c_str(),
                    args[1].c_str());
    else
        std::printf(*changed ? "%s no longer reaches site %s\n" : "%s did not reach site %s\n", args[0].c_str(),
                    args[1].c_str());
    return 0;
}

int site(const std::vector<std::string>& args, const CommandContext& c)
{
    if (args.empty())
        return fail(kUsage);
    const std::string sub = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (sub == "add")
        return siteAdd(rest, c);
    if (sub == "list")
        return siteList(rest, c);
    if (sub == "rename")
        return siteRename(rest, c);
    if (sub == "grant" || sub == "revoke")
        return siteAccess(rest, c, sub == "grant");
    return fail("site: unknown subcommand \"" + sub + "\" (" + kUsage + ")");
}
} // namespace

std::optional<int> runSiteCommand(const std::string& command, const std::vector<std::string>& args,
                                  const CommandContext& context)
{
    static constexpr NamedCommand kCommands[] = {{"site", site}};
    return runNamedCommand(kCommands, command, args, context);
}

Result<std::string, std::string> takeSiteOption(std::vector<std::string>& args, ServerStore& store)
{
    const auto at = std::find(args.begin(), args.end(), "--site");
    if (at == args.end())
        return std::string(kDefaultSite);
    if (at + 1 == args.end())
        return makeErr(std::string("--site needs a site id (see site list)"));
    std::string id = *(at + 1);
    args.erase(at, at + 2);
    if (std::find(args.begin(), args.end(), "--site") != args.end())
        return makeErr(std::string("--site given twice"));
    auto known = SiteStore(store).exists(id);
    if (!known)
        return makeErr(known.error());
    if (!*known)
        return makeErr("--site: no site has the id \"" + id + "\" (see site list; site add)");
    return id;
}

} // namespace okienko::server::cli
