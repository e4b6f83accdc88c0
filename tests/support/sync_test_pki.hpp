// A throw-away PKI for the sync tests, made with the `openssl` command at test time: a CA, a server
// certificate for 127.0.0.1/localhost signed by it, and a second, unrelated CA that a kiosk
// configured "wrongly" trusts. Nothing is checked in, so no key ever outlives a test run.
#pragma once

#include "tests/support/temp_dir.hpp"

#include <string>

namespace okienko::test
{

class SyncTestPki
{
  public:
    SyncTestPki();

    /// False (with error()) when openssl failed; the files then do not exist.
    bool ok() const { return m_ok; }
    const std::string& error() const { return m_error; }

    std::string caFile() const { return m_dir.file("ca.pem"); }
    std::string serverCertFile() const { return m_dir.file("server.pem"); }
    std::string serverKeyFile() const { return m_dir.file("server.key"); }
    /// A CA that did not sign the server certificate.
    std::string otherCaFile() const { return m_dir.file("other-ca.pem"); }
    const std::string& dir() const { return m_dir.path(); }

  private:
    bool run(const std::string& command);

    TempDir m_dir{"okienko-pki"};
    bool m_ok = false;
    std::string m_error;
};

} // namespace okienko::test
