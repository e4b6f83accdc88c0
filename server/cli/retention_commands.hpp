// The retention command of okienko-central: purge-personal-data [--dry-run] runs the retention job
// (server/retention) once, as `serve` does hourly, and prints how many rows it erased per kind;
// compact-changes [--dry-run] compacts the change log once, as `serve` also does hourly.
#pragma once

#include "server/cli/command_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::cli
{

/// Runs `command` when it is one of these commands (its exit code), else nullopt.
std::optional<int> runRetentionCommand(const std::string& command, const std::vector<std::string>& args,
                                       const CommandContext& context);

} // namespace okienko::server::cli
