// The staff commands of okienko-central: add-staff, list-staff, deactivate-staff,
// reactivate-staff, reset-password and reset-pin. PINs and passwords come from standard input
// (secret_input.hpp), never from argv. A change ends the person's panel sessions at once and
// reaches kiosks (active flag, PIN hash) at their next pull.
#pragma once

#include "server/cli/command_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::cli
{

/// Runs `command` when it is a staff command (its exit code), else nullopt.
std::optional<int> runStaffCommand(const std::string& command, const std::vector<std::string>& args,
                                   const CommandContext& context);

} // namespace okienko::server::cli
