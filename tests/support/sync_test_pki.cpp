// EC P-256 keys: generating them takes milliseconds, unlike RSA.
#include "tests/support/sync_test_pki.hpp"

#include <cstdlib>

namespace okienko::test
{

SyncTestPki::SyncTestPki()
{
    const std::string d = m_dir.path();
    const std::string key = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    if (!writeFile(d + "/server.ext", "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                                      "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                      "extendedKeyUsage=serverAuth\n"))
    {
        m_error = "cannot write server.ext";
        return;
    }
    const std::string caExt =
        " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign";
    m_ok = run("openssl req -x509" + key + " -keyout '" + d + "/ca.key' -out '" + d +
               "/ca.pem' -days 2 -subj '/CN=Okienko Test CA'" + caExt) &&
           run("openssl req -x509" + key + " -keyout '" + d + "/other-ca.key' -out '" + d +
               "/other-ca.pem' -days 2 -subj '/CN=Some Other CA'" + caExt) &&
           run("openssl req" + key + " -keyout '" + d + "/server.key' -out '" + d +
               "/server.csr' -subj '/CN=127.0.0.1'") &&
           run("openssl x509 -req -in '" + d + "/server.csr' -CA '" + d + "/ca.pem' -CAkey '" + d +
               "/ca.key' -CAcreateserial -out '" + d + "/server.pem' -days 2 -extfile '" + d + "/server.ext'");
}

bool SyncTestPki::run(const std::string& command)
{
    const int rc = std::system((command + " >/dev/null 2>&1").c_str());
    if (rc != 0)
    {
        m_error = "failed: " + command;
        return false;
    }
    return true;
}

} // namespace okienko::test
