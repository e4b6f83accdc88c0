// Making the test CA with openssl req / x509.
#include "tests/support/test_ca.hpp"

#include <cstdlib>

namespace okienko::test
{

TestCa::TestCa(const std::string& name) : m_name(name) {}

bool TestCa::run(const std::string& command)
{
    // The paths are our own temporary directory (no spaces or quotes); output goes to a log file.
    const std::string full = command + " >>" + m_dir.file("openssl.log") + " 2>&1";
    if (std::system(full.c_str()) != 0)
    {
        m_error = "openssl failed: " + command + "\n" + readFile(m_dir.file("openssl.log"));
        return false;
    }
    return true;
}

bool TestCa::make()
{
    const std::string d = m_dir.path();
    if (!writeFile(d + "/san.ext", "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                   "basicConstraints=CA:FALSE\n"
                                   "keyUsage=digitalSignature,keyEncipherment\n"
                                   "extendedKeyUsage=serverAuth\n"))
    {
        m_error = "cannot write san.ext";
        return false;
    }
    return run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=" + m_name + "' -keyout " + d +
               "/ca.key -out " + d + "/ca.crt") &&
           run("openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout " + d + "/server.key -out " + d +
               "/server.csr") &&
           run("openssl x509 -req -in " + d + "/server.csr -CA " + d + "/ca.crt -CAkey " + d +
               "/ca.key -CAcreateserial" + " -days 2 -extfile " + d + "/san.ext -out " + d + "/server.crt");
}

} // namespace okienko::test
