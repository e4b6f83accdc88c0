// A server for the kiosk's sync worker to talk to in end-to-end tests and the benchmark: either the
// in-process stand-in (FakeCentral) or the real okienko-central binary started as a child process.
#pragma once

#include "shared/util/result.hpp"
#include "tests/support/sync_test_pki.hpp"

#include <map>
#include <memory>
#include <string>

namespace okienko::test
{

class SyncServer
{
  public:
    virtual ~SyncServer() = default;
    /// "https://127.0.0.1:<port>".
    virtual std::string url() const = 0;
    /// A bearer token the server accepts.
    virtual std::string token() const = 0;
    /// "okienko-central" or "stand-in".
    virtual std::string name() const = 0;
    /// Stops the server (the real one with SIGKILL); the port stays reserved for restart().
    virtual void stop() = 0;
    /// Starts it again on the same port with the same data.
    virtual bool restart() = 0;
    /// Where the real server keeps central.toml and central.db ("" for the stand-in).
    virtual std::string dataDir() const { return {}; }
};

Result<std::unique_ptr<SyncServer>, std::string> startFakeCentral(const SyncTestPki& pki);
/// Starts `binary` with a fresh database and a kiosk registered, TLS from `pki`; `settings` are
/// extra central.toml lines (e.g. a higher rate limit for the benchmark).
Result<std::unique_ptr<SyncServer>, std::string> startRealCentral(const SyncTestPki& pki, const std::string& binary,
                                                                  const std::string& extraToml = {});

} // namespace okienko::test
