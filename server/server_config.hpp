// central.toml: every setting of okienko-central (server/central.example.toml documents each key).
#pragma once

#include "shared/util/result.hpp"

#include <cstdint>
#include <string>

namespace okienko::server
{

struct ServerConfig
{
    std::string listenAddress = "0.0.0.0";
    int port = 8443;  ///< 0: an ephemeral port (tests); the chosen port is printed on start
    int threads = 32; ///< worker threads; each keep-alive connection pins one while it is open
    std::string tlsCertFile;
    std::string tlsKeyFile;
    std::string databasePath;
    double rateLimitPerSecond = 20.0;  ///< sustained requests per second per kiosk token
    double rateLimitBurst = 60.0;      ///< bucket size
    int eventRetentionDays = 30;       ///< ≥ 30: kept event ids must outlive the longest offline period
    int holdClaimMinutes = 30;         ///< a hold lapses unless its reservation.created arrives in time
    int holdExpiryWorkingDays = 3;     ///< an uncollected hold expires this many working days after pick-up
    int holdSearchDays = 180;          ///< how far ahead next_available looks
    int callbackMaxFailedAttempts = 3; ///< a callback is closed after this many failed attempts
    std::size_t maxBodyBytes = 1024 * 1024;
};

/// Reads and checks the file; relative paths are resolved against the file's directory. The
/// error is one line naming the key.
Result<ServerConfig, std::string> loadServerConfig(const std::string& path);

} // namespace okienko::server
