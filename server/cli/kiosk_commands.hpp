// The kiosk commands of okienko-central: add-kiosk (a token on stdout, for tests and scripts),
// enrol-kiosk and rotate-kiosk (an enrolment file for `okienko-kiosk --enrol`), list-kiosks and
// revoke-kiosk. Every change is effective from the API's next request, without a restart.
#pragma once

#include "server/cli/command_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::cli
{

/// Runs `command` when it is a kiosk command (its exit code), else nullopt. `args` follow the
/// command's name.
std::optional<int> runKioskCommand(const std::string& command, const std::vector<std::string>& args,
                                   const CommandContext& context);

} // namespace okienko::server::cli
