// Strict option parsing for the admin commands.
#include "server/cli/command_options.hpp"

#include "server/cli/secret_input.hpp"

#include <algorithm>
#include <cstdio>

namespace okienko::server::cli
{

Result<CommandOptions, std::string> CommandOptions::parse(const std::vector<std::string>& args,
                                                          const std::vector<std::string>& known, std::size_t positional)
{
    if (const std::string secret = secretOnCommandLine(args); !secret.empty())
        return makeErr(secret);
    CommandOptions out;
    std::size_t i = 0;
    for (; i < args.size() && i < positional; ++i)
    {
        if (args[i].rfind("--", 0) == 0)
            break;
        out.m_positional.push_back(args[i]);
    }
    if (out.m_positional.size() != positional)
        return makeErr("expected " + std::to_string(positional) + " argument(s) before the options");
    for (; i < args.size(); i += 2)
    {
        const std::string& key = args[i];
        if (std::find(known.begin(), known.end(), key) == known.end())
            return makeErr("unknown option or argument \"" + key.substr(0, 40) + "\"");
        if (i + 1 >= args.size())
            return makeErr(key + " needs a value");
        if (out.m_values.count(key) != 0)
            return makeErr(key + " is given twice");
        out.m_values[key] = args[i + 1];
    }
    return out;
}

std::string CommandOptions::operator[](const std::string& key) const
{
    const auto found = m_values.find(key);
    return found == m_values.end() ? std::string() : found->second;
}

int fail(const std::string& message)
{
    std::fprintf(stderr, "okienko-central: %s\n", message.c_str());
    return 1;
}

std::optional<int> runNamedCommand(std::span<const NamedCommand> table, const std::string& command,
                                   const std::vector<std::string>& args, const CommandContext& context)
{
    for (const NamedCommand& c : table)
        if (command == c.name)
            return c.run(args, context);
    return std::nullopt;
}

} // namespace okienko::server::cli
