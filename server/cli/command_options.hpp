// The options of one admin command: "--key value" pairs, each known to the command and given at
// most once. Anything else is refused with the reason, so a typo never runs a command with a
// default. Also what every command of server/cli gets to work with.
#pragma once

#include "server/server_config.hpp"
#include "server/server_store.hpp"
#include "shared/util/result.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server::cli
{

/// What main() hands to a command: the opened store, the loaded configuration, the time.
struct CommandContext
{
    ServerStore& store;
    const ServerConfig& config;
    Now now;
};

class CommandOptions
{
  public:
    /// `args` after the command's name; `known` the options it takes, `positional` how many plain
    /// arguments come first.
    static Result<CommandOptions, std::string> parse(const std::vector<std::string>& args,
                                                     const std::vector<std::string>& known, std::size_t positional = 0);

    /// The option's value, "" when it was not given.
    std::string operator[](const std::string& key) const;
    bool has(const std::string& key) const { return m_values.count(key) != 0; }
    const std::vector<std::string>& positional() const { return m_positional; }

  private:
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
};

/// "okienko-central: MESSAGE" on stderr; returns 1.
int fail(const std::string& message);

/// One admin command: its name and what runs it with the arguments after the name.
struct NamedCommand
{
    std::string_view name;
    int (*run)(const std::vector<std::string>& args, const CommandContext& context);
};

/// Runs the command of `table` named `command` (its exit code); nullopt when none has that name.
std::optional<int> runNamedCommand(std::span<const NamedCommand> table, const std::string& command,
                                   const std::vector<std::string>& args, const CommandContext& context);

} // namespace okienko::server::cli
