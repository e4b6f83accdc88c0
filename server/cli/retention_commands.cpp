// purge-personal-data: one run of the retention job with the configured periods, counts on stdout.
// compact-changes: one change-log compaction (server/change_log_compaction), as `serve` does hourly.
#include "server/cli/retention_commands.hpp"

#include "server/change_log_compaction.hpp"
#include "server/retention.hpp"

#include <cinttypes>
#include <cstdio>

namespace okienko::server::cli
{

namespace
{
int purgePersonalData(const std::vector<std::string>& args, const CommandContext& c)
{
    const bool dryRun = args.size() == 1 && args[0] == "--dry-run";
    if (!args.empty() && !dryRun)
        return fail("usage: purge-personal-data [--dry-run]");
    auto counts = RetentionJob(c.store, c.config.retention).run(c.now, dryRun);
    if (!counts)
        return fail("purge-personal-data: " + counts.error().describe());
    std::printf("%s callbacks %" PRId64 ", call notes %" PRId64 ", counselling %" PRId64 ", reservations %" PRId64
                ", loans %" PRId64 ", PESEL %" PRId64 ", register names %" PRId64 ", residents %" PRId64
                ", waiting list %" PRId64 ", partner contacts %" PRId64 "\n",
                dryRun ? "would erase:" : "erased:", counts->callbacks, counts->attemptNotes, counts->counselling,
                counts->reservations, counts->loans, counts->pesels, counts->registerNames, counts->residents,
                counts->waitlist, counts->partnerContacts);
    return 0;
}

int compactChanges(const std::vector<std::string>& args, const CommandContext& c)
{
    const bool dryRun = args.size() == 1 && args[0] == "--dry-run";
    if (!args.empty() && !dryRun)
        return fail("usage: compact-changes [--dry-run]");
    auto report = compactChangeLog(c.store, c.config.changesKioskWaitDays, c.now, dryRun);
    if (!report)
        return fail("compact-changes: " + report.error().describe());
    std::printf("%s %" PRId64 " of %" PRId64 " change-log rows, horizon %" PRId64 "\n",
                dryRun ? "would remove:" : "removed:", report->removed, report->rowsBefore, report->horizon);
    return 0;
}
} // namespace

std::optional<int> runRetentionCommand(const std::string& command, const std::vector<std::string>& args,
                                       const CommandContext& context)
{
    static constexpr NamedCommand kCommands[] = {{"purge-personal-data", purgePersonalData},
                                                 {"compact-changes", compactChanges}};
    return runNamedCommand(kCommands, command, args, context);
}

} // namespace okienko::server::cli
