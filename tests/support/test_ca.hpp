// A throwaway certificate authority and a server certificate for 127.0.0.1/localhost, made with the
// `openssl` command line in a temporary directory at test time (nothing is checked in, nothing
// outlives the test). Integration tests serve HTTPS with it and verify against caCert().
#pragma once

#include "tests/support/temp_dir.hpp"

#include <string>

namespace okienko::test
{

class TestCa
{
  public:
    /// `name` distinguishes two CAs in one test (the subject's CN).
    explicit TestCa(const std::string& name = "Okienko Test CA");
    TestCa(const TestCa&) = delete;
    TestCa& operator=(const TestCa&) = delete;

    /// Runs openssl (RSA 2048, SAN IP:127.0.0.1 and DNS:localhost, valid 2 days). False with
    /// error() when openssl is missing or fails.
    bool make();
    const std::string& error() const { return m_error; }

    std::string caCert() const { return m_dir.file("ca.crt"); }
    std::string serverCert() const { return m_dir.file("server.crt"); }
    std::string serverKey() const { return m_dir.file("server.key"); }

  private:
    bool run(const std::string& command);

    std::string m_name;
    TempDir m_dir{"okienko-ca"};
    std::string m_error;
};

} // namespace okienko::test
