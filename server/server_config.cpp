// Parsing central.toml with toml++; every key is optional except the TLS files and the database.
#include "server/server_config.hpp"

#include <filesystem>
#include <toml++/toml.h>

namespace okienko::server
{

namespace
{
std::string resolve(const std::filesystem::path& base, const std::string& value)
{
    if (value.empty())
        return value;
    std::filesystem::path p(value);
    return p.is_absolute() ? value : (base / p).lexically_normal().string();
}

template <typename T> bool read(const toml::table& t, const char* section, const char* key, T& out, std::string& error)
{
    auto node = t[section][key];
    if (!node)
        return true;
    if constexpr (std::is_same_v<T, std::string>)
    {
        auto v = node.value<std::string>();
        if (!v)
        {
            error = std::string(section) + "." + key + ": expected a string";
            return false;
        }
        out = *v;
    }
    else if constexpr (std::is_same_v<T, double>)
    {
        auto v = node.value<double>();
        if (!v)
        {
            error = std::string(section) + "." + key + ": expected a number";
            return false;
        }
        out = *v;
    }
    else
    {
        auto v = node.value<std::int64_t>();
        if (!v || *v < 0 || *v > 1000000000)
        {
            error = std::string(section) + "." + key + ": expected a whole number ≥ 0";
            return false;
        }
        out = static_cast<T>(*v);
    }
    return true;
}
} // namespace

Result<ServerConfig, std::string> loadServerConfig(const std::string& path)
{
    toml::table table;
    try
    {
        table = toml::parse_file(path);
    }
    catch (const toml::parse_error& e)
    {
        return makeErr(path + ": " + std::string(e.description()));
    }
    ServerConfig c;
    std::string error;
    bool ok = read(table, "server", "listen_address", c.listenAddress, error) &&
              read(table, "server", "port", c.port, error) && read(table, "server", "threads", c.threads, error) &&
              read(table, "server", "max_body_bytes", c.maxBodyBytes, error) &&
              read(table, "tls", "cert_file", c.tlsCertFile, error) &&
              read(table, "tls", "key_file", c.tlsKeyFile, error) &&
              read(table, "database", "path", c.databasePath, error) &&
              read(table, "rate_limit", "requests_per_second", c.rateLimitPerSecond, error) &&
              read(table, "rate_limit", "burst", c.rateLimitBurst, error) &&
              read(table, "events", "retention_days", c.eventRetentionDays, error) &&
              read(table, "holds", "claim_minutes", c.holdClaimMinutes, error) &&
              read(table, "holds", "expiry_working_days", c.holdExpiryWorkingDays, error) &&
              read(table, "holds", "search_days", c.holdSearchDays, error) &&
              read(table, "callbacks", "max_failed_attempts", c.callbackMaxFailedAttempts, error);
    if (!ok)
        return makeErr(path + ": " + error);
    if (c.databasePath.empty())
        return makeErr(path + ": database.path is required");
    if (c.port > 65535)
        return makeErr(path + ": server.port must be 0 … 65535");
    if (c.threads < 2)
        return makeErr(path + ": server.threads must be at least 2");
    if (c.eventRetentionDays < 30)
        return makeErr(path + ": events.retention_days must be at least 30 (kiosks retry after long outages)");
    if (c.rateLimitPerSecond <= 0 || c.rateLimitBurst < 1)
        return makeErr(path + ": rate_limit.requests_per_second must be > 0 and burst ≥ 1");
    if (c.holdClaimMinutes < 1 || c.holdSearchDays < 1 || c.callbackMaxFailedAttempts < 1)
        return makeErr(path + ": holds.claim_minutes, holds.search_days, callbacks.max_failed_attempts must be ≥ 1");
    if (c.maxBodyBytes < 1024)
        return makeErr(path + ": server.max_body_bytes must be at least 1024");
    const auto base = std::filesystem::absolute(std::filesystem::path(path)).parent_path();
    c.databasePath = resolve(base, c.databasePath);
    c.tlsCertFile = resolve(base, c.tlsCertFile);
    c.tlsKeyFile = resolve(base, c.tlsKeyFile);
    return c;
}

} // namespace okienko::server
