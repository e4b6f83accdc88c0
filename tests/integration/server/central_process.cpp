// Running okienko-central for tests.
#include "tests/integration/server/central_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace okienko::test
{

namespace
{
std::vector<char*> argvOf(std::vector<std::string>& args)
{
    std::vector<char*> out;
    for (auto& a : args)
        out.push_back(a.data());
    out.push_back(nullptr);
    return out;
}

/// The binary under test; OKIENKO_CENTRAL_BIN names another build (a benchmark's "before").
std::string centralBinary()
{
    const char* other = std::getenv("OKIENKO_CENTRAL_BIN");
    return other != nullptr && *other != '\0' ? std::string(other) : std::string(OKIENKO_CENTRAL_BINARY);
}
} // namespace

CentralProcess::CentralProcess(const TestCa& ca, std::string extraToml, Deployment deployment, int threads)
    : m_ca(ca), m_deployment(deployment)
{
    m_config = m_dir.file("central.toml");
    const std::string transport =
        deployment == Deployment::BehindFront
            ? std::string("[front]\nenabled = true\n")
            : "[tls]\ncert_file = \"" + ca.serverCert() + "\"\nkey_file = \"" + ca.serverKey() + "\"\n";
    writeFile(m_config, "[server]\nlisten_address = \"127.0.0.1\"\nport = 0\nthreads = " + std::to_string(threads) +
                            "\n" + transport + "[database]\npath = \"central.db\"\n" + extraToml);
}

CentralProcess::~CentralProcess()
{
    if (m_pid > 0)
        kill(SIGKILL);
    for (std::size_t i = 0; i < m_more.size(); ++i)
        killProcess(static_cast<int>(i + 1), SIGKILL);
}

int CentralProcess::admin(const std::vector<std::string>& args, std::string* output, const std::string& input) const
{
    // Secrets are read from standard input: a pipe already holding all of `input` (a few lines, far
    // below the pipe's buffer) and closed, so the child never waits on a terminal.
    int inputFds[2];
    if (pipe(inputFds) != 0)
        return -1;
    const bool written = write(inputFds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size());
    close(inputFds[1]);
    if (!written)
    {
        close(inputFds[0]);
        return -1;
    }
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
    {
        close(inputFds[0]);
        return -1;
    }
    const pid_t pid = fork();
    if (pid == 0)
    {
        dup2(inputFds[0], 0);
        close(inputFds[0]);
        dup2(pipeFds[1], 1);
        const int err = open((m_dir.path() + "/admin.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (err >= 0)
            dup2(err, 2);
        close(pipeFds[0]);
        std::vector<std::string> full{centralBinary(), "--config", m_config};
        full.insert(full.end(), args.begin(), args.end());
        auto argv = argvOf(full);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(inputFds[0]);
    close(pipeFds[1]);
    std::string out;
    char buffer[4096];
    for (;;)
    {
        const ssize_t n = read(pipeFds[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    close(pipeFds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (output != nullptr)
        *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string CentralProcess::prepare(const std::string& catalogJson, const std::string& kioskName)
{
    const std::string catalogPath = m_dir.file("catalog.json");
    writeFile(catalogPath, catalogJson);
    if (admin({"init"}) != 0 || admin({"import-catalog", catalogPath, "--apply"}) != 0)
        return {};
    std::string token;
    if (admin({"add-kiosk", kioskName, "--staff-work"}, &token) != 0)
        return {};
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
        token.pop_back();
    return token;
}

bool CentralProcess::restart()
{
    return startServing(m_front.port());
}

bool CentralProcess::start()
{
    return startServing(0);
}

CentralProcess::Serving CentralProcess::spawnServe()
{
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        return {};
    const pid_t pid = fork();
    if (pid == 0)
    {
        dup2(pipeFds[1], 1);
        const int err = open(logPath().c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (err >= 0)
            dup2(err, 2);
        close(pipeFds[0]);
        std::vector<std::string> full{centralBinary(), "--config", m_config, "serve"};
        auto argv = argvOf(full);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipeFds[1]);
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline)
    {
        pollfd p{pipeFds[0], POLLIN, 0};
        if (poll(&p, 1, 200) > 0)
        {
            char buffer[256];
            const ssize_t n = read(pipeFds[0], buffer, sizeof buffer);
            if (n <= 0)
                break;
            line.append(buffer, static_cast<std::size_t>(n));
        }
    }
    close(pipeFds[0]);
    const auto colon = line.rfind(':');
    const int port = colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
    if (line.rfind("listening on ", 0) != 0 || port <= 0)
    {
        ::kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        return {};
    }
    return {pid, port};
}

bool CentralProcess::restartFront(int frontPort)
{
    if (m_deployment == Deployment::Direct)
        return true;
    std::vector<int> ports;
    if (m_pid > 0)
        ports.push_back(m_port);
    for (const Serving& s : m_more)
        if (s.pid > 0)
            ports.push_back(s.port);
    m_front.stop();
    if (!m_front.start(m_ca, ports, frontPort))
    {
        m_startError = m_front.error();
        return false;
    }
    return true;
}

bool CentralProcess::startServing(int frontPort)
{
    const Serving started = spawnServe();
    if (started.pid <= 0)
        return false;
    m_pid = started.pid;
    m_port = started.port;
    if (!restartFront(frontPort))
    {
        kill(SIGKILL);
        return false;
    }
    return true;
}

int CentralProcess::startAnotherProcess()
{
    const Serving started = spawnServe();
    if (started.pid <= 0)
        return -1;
    m_more.push_back(started);
    if (!restartFront(m_front.port()))
        return -1;
    return static_cast<int>(m_more.size());
}

void CentralProcess::killProcess(int index, int signal)
{
    if (index == 0)
    {
        kill(signal);
        return;
    }
    Serving& s = m_more.at(static_cast<std::size_t>(index - 1));
    if (s.pid <= 0)
        return;
    ::kill(s.pid, signal);
    int status = 0;
    waitpid(s.pid, &status, 0);
    s.pid = -1;
}

void CentralProcess::kill(int signal)
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, signal);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

std::string testCatalogJson(int units)
{
    using nlohmann::json;
    json unitList = json::array();
    for (int i = 1; i <= units; ++i)
    {
        char inv[32];
        std::snprintf(inv, sizeof inv, "TST-WT-%03d", i);
        unitList.push_back({{"inventory_number", inv}, {"type_id", "wozek-testowy"}, {"state", "available"}});
    }
    json doc{
        {"format_version", 1},
        {"municipality",
         {{"id", "testowo"}, {"name", {{"pl", "Gmina Testowo"}}}, {"cus_name", {{"pl", "CUS w Testowie"}}}}},
        {"services", json::array()},
        {"equipment_types", json::array({{{"id", "wozek-testowy"},
                                          {"category", "mobility"},
                                          {"name", {{"pl", "Wózek testowy"}}},
                                          {"description", {{"pl", "Wózek do testów."}}},
                                          {"default_loan_days", 30},
                                          {"max_loan_days", 90}}})},
        {"units", unitList},
        {"counselling_kinds",
         json::array({{{"id", "psychological"}, {"name", {{"pl", "Porada"}}}, {"description", {{"pl", "Opis"}}}}})},
        {"announcements",
         json::array({{{"id", "piknik"}, {"title", {{"pl", "Piknik"}}}, {"body", {{"pl", "Zapraszamy."}}}}})}};
    return doc.dump();
}

} // namespace okienko::test
