// The catalogue command of okienko-central: import-catalog FILE [--apply] [--overwrite-panel-edits].
// It reads the file with the catalogue loader (every error with its JSON path), compares it with
// the stored catalogue (server/catalog_merge) and prints what it would add, change and retire per
// kind and every field where a panel edit differs from the file. Nothing changes without --apply;
// with it, the merge is written in one transaction and panel edits are kept (and listed) unless
// --overwrite-panel-edits is given.
#pragma once

#include "server/cli/command_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::cli
{

/// Runs `command` when it is the catalogue command (its exit code), else nullopt.
std::optional<int> runCatalogCommand(const std::string& command, const std::vector<std::string>& args,
                                     const CommandContext& context);

} // namespace okienko::server::cli
