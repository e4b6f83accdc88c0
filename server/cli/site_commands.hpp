// The site commands (decision 0011, docs/operations.md): `site add ID --name NAME`, `site list`,
// `site rename ID --name NAME`, `site grant STAFF-ID SITE`, `site revoke STAFF-ID SITE`.
#pragma once

#include "server/cli/command_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::cli
{

/// Runs `command` when it is `site`; nullopt for any other command.
std::optional<int> runSiteCommand(const std::string& command, const std::vector<std::string>& args,
                                  const CommandContext& context);

/// The value of `--site` in `args` (removed from them), or the default site when not given;
/// the reason when the site is unknown or the option has no value.
Result<std::string, std::string> takeSiteOption(std::vector<std::string>& args, ServerStore& store);

} // namespace okienko::server::cli
