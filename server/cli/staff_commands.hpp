// The staff commands of okienko-central: add-staff, list-staff, deactivate-staff,
// reactivate-staff, reset-password and reset-pin. PINs (6 to 8 digits) and passwords come from
// standard input (secret_input.hpp), never from argv; list-staff marks PINs hashed by an older
// release "ROTATE". A change ends the person's panel sessions at once and reaches kiosks at their
// next pull (a new PIN hash; a deactivation deletes the row and its hash there).
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
