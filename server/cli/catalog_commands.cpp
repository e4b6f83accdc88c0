// import-catalog as a merge with a preview (see catalog_commands.hpp).
#include "server/cli/catalog_commands.hpp"

#include "server/catalog_merge.hpp"
#include "server/cli/site_commands.hpp"
#include "shared/catalog/catalog_loader.hpp"

#include <cstdio>
#include <filesystem>

namespace okienko::server::cli
{

namespace
{

constexpr const char* kUsage = "usage: import-catalog FILE [--site SITE] [--apply] [--overwrite-panel-edits]";

int importCatalog(std::vector<std::string> args, const CommandContext& context)
{
    // Whose catalogue: each site has its own (decision 0015); without --site the default site's.
    auto site = takeSiteOption(args, context.store);
    if (!site)
        return fail("import-catalog: " + site.error());
    std::string path;
    bool apply = false;
    bool overwrite = false;
    for (const auto& arg : args)
    {
        if (arg == "--apply")
            apply = true;
        else if (arg == "--overwrite-panel-edits")
            overwrite = true;
        else if (path.empty() && arg.rfind("--", 0) != 0)
            path = arg;
        else
            return fail("import-catalog: unexpected argument '" + arg + "' (" + kUsage + ")");
    }
    if (path.empty())
        return fail(std::string("import-catalog: which file? (") + kUsage + ")");
    auto loaded = catalog::loadCatalogFile(path);
    if (!loaded)
    {
        for (const auto& e : loaded.error())
            std::fprintf(stderr, "%s\n", catalog::formatCatalogError(e).c_str());
        return 1;
    }
    // The same file's indicators: it loaded above, so they read without an error.
    auto indicators = catalog::loadCatalogIndicatorsFile(path);
    if (!indicators)
        return fail("import failed: the file's indicators could not be read");
    const protocol::Json file = canonicalDocument(*loaded, *indicators);

    MergePlan plan;
    MergeApplied applied;
    const auto makePlan = [&](db::Database& d) -> Status<db::Error>
    {
        auto planned = planCatalogMerge(d, *site, file, overwrite);
        if (!planned)
            return makeErr(planned.error());
        plan = std::move(planned).value();
        return {};
    };
    const std::string fileName = std::filesystem::path(path).filename().string();
    auto done = apply ? context.store.write(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                if (auto st = makePlan(d); !st)
                                    return st;
                                auto written = applyCatalogMerge(d, *site, plan, fileName, context.now.unix);
                                if (!written)
                                    return makeErr(written.error());
                                applied = std::move(written).value();
                                if (!applied.errors.empty())
                                    return makeErr(db::makeError(db::ErrorKind::BadData, "merged catalogue refused"));
                                return {};
                            })
                      : context.store.read(makePlan);
    if (!done && applied.errors.empty())
        return fail("import failed: " + done.error().describe());
    std::printf("%s %s into the catalogue of site %s:\n%s", apply ? "Importing" : "Preview of", fileName.c_str(),
                site->c_str(), describeMergePlan(plan, overwrite).c_str());
    if (!applied.errors.empty())
    {
        std::fprintf(stderr, "The merged catalogue (the file with the panel's edits kept) does not load; nothing "
                             "was changed:\n");
        for (const auto& e : applied.errors)
            std::fprintf(stderr, "%s\n", catalog::formatCatalogError(e).c_str());
        return 1;
    }
    if (!apply)
    {
        std::printf("Nothing was changed. Run again with --apply to import.\n");
        return 0;
    }
    std::printf("imported: %d changed entities, %d removed; %zu panel edits %s\n", applied.summary.upserts,
                applied.summary.deletes, plan.conflicts.size(), overwrite ? "overwritten" : "kept");
    return 0;
}

} // namespace

std::optional<int> runCatalogCommand(const std::string& command, const std::vector<std::string>& args,
                                     const CommandContext& context)
{
    if (command != "import-catalog")
        return std::nullopt;
    return importCatalog(args, context);
}

} // namespace okienko::server::cli
