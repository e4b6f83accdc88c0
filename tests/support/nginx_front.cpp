// Running the packaged nginx site file in a private nginx.
#include "tests/support/nginx_front.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace okienko::test
{

namespace
{
constexpr const char* kNginx = "/usr/sbin/nginx";

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

bool accepts(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}
} // namespace

int freeLoopbackPort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

long residentKib(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return 0;
}

NginxFront::~NginxFront()
{
    stop();
}

bool NginxFront::start(const TestCa& ca, int backendPort, int listenPort)
{
    return start(ca, std::vector<int>{backendPort}, listenPort);
}

bool NginxFront::start(const TestCa& ca, const std::vector<int>& backendPorts, int listenPort)
{
    if (!std::filesystem::exists(kNginx))
    {
        m_error = std::string(kNginx) + " is not installed (scripts/bootstrap installs nginx)";
        return false;
    }
    std::string site = readFile(OKIENKO_NGINX_SITE);
    const std::string upstream = "    server 127.0.0.1:8081 max_fails=1 fail_timeout=5s;\n";
    if (site.find("listen 8443 ssl;") == std::string::npos || site.find(upstream) == std::string::npos ||
        backendPorts.empty())
    {
        m_error = std::string("unexpected site file ") + OKIENKO_NGINX_SITE;
        return false;
    }
    m_port = listenPort > 0 ? listenPort : freeLoopbackPort();
    replaceAll(site, "listen 8443 ssl;", "listen 127.0.0.1:" + std::to_string(m_port) + " ssl;");
    replaceAll(site, "listen [::]:8443 ssl;", "");
    replaceAll(site, "/etc/okienko/central.crt", ca.serverCert());
    replaceAll(site, "/etc/okienko/central.key", ca.serverKey());
    std::string servers;
    for (int port : backendPorts)
        servers += "    server 127.0.0.1:" + std::to_string(port) + " max_fails=1 fail_timeout=5s;\n";
    replaceAll(site, upstream, servers);
    // Debian's nginx.conf around it (workers, connections per worker), with every path in the prefix.
    const std::string& d = m_dir.path();
    std::filesystem::create_directories(d + "/logs");
    std::filesystem::create_directories(d + "/tmp");
    // As root the workers run as nobody: they must reach the temp directories in the prefix.
    chmod(d.c_str(), 0711);
    const std::string conf = "worker_processes auto;\npid " + d + "/nginx.pid;\nerror_log " + d +
                             "/logs/error.log warn;\nevents { worker_connections 768; }\nhttp {\n  access_log off;\n"
                             "  client_body_temp_path " +
                             d + "/tmp/body;\n  proxy_temp_path " + d + "/tmp/proxy;\n  fastcgi_temp_path " + d +
                             "/tmp/fcgi;\n  uwsgi_temp_path " + d + "/tmp/uwsgi;\n  scgi_temp_path " + d +
                             "/tmp/scgi;\n  include " + d + "/okienko-central;\n}\n";
    if (!writeFile(d + "/okienko-central", site) || !writeFile(d + "/nginx.conf", conf))
    {
        m_error = "cannot write the nginx configuration";
        return false;
    }
    const pid_t pid = fork();
    if (pid == 0)
    {
        const int out = open((d + "/logs/nginx.out").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (out >= 0)
        {
            dup2(out, 1);
            dup2(out, 2);
        }
        execl(kNginx, kNginx, "-p", d.c_str(), "-c", (d + "/nginx.conf").c_str(), "-g", "daemon off;",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    m_pid = pid;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts(m_port))
    {
        int status = 0;
        const bool exited = waitpid(m_pid, &status, WNOHANG) == m_pid;
        if (exited || std::chrono::steady_clock::now() > deadline)
        {
            if (exited)
                m_pid = -1;
            stop();
            m_error = "nginx did not start: " + readFile(d + "/logs/nginx.out") + readFile(errorLogPath());
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

void NginxFront::stop()
{
    if (m_pid <= 0)
        return;
    // SIGTERM: nginx's fast shutdown; the workers end with the master.
    ::kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

std::vector<pid_t> NginxFront::processes() const
{
    std::vector<pid_t> out;
    if (m_pid <= 0)
        return out;
    out.push_back(m_pid);
    for (const auto& entry : std::filesystem::directory_iterator("/proc"))
    {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::istringstream stat(readFile(entry.path().string() + "/stat"));
        std::string pidText, comm, state;
        pid_t parent = 0;
        // "pid (comm) state ppid …"; nginx's comm has no spaces.
        if (stat >> pidText >> comm >> state >> parent && parent == m_pid)
            out.push_back(static_cast<pid_t>(std::atoi(name.c_str())));
    }
    return out;
}

} // namespace okienko::test
