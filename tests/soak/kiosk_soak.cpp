// The kiosk soak harness (see kiosk_soak.hpp).
#include "tests/soak/kiosk_soak.hpp"

#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>

namespace okienko::test
{

namespace
{

/// The staff member the monkey logs in as (badge and PIN), seeded into the kiosk database.
constexpr const char* kStaffId = "s-soak";
constexpr const char* kStaffPin = "482193";

/// What the harness does to the kiosk's surroundings, in turn, one every SoakOptions::faultEvery.
enum class Fault
{
    KillServer,
    RestartServer,
    PaperOut,
    PrinterBack,
    TermServer,
    RestartServer2,
    Jam,
    CoverOpen,
    PrinterBack2,
};
constexpr std::array<Fault, 9> kFaultCycle{Fault::KillServer,     Fault::PaperOut,   Fault::RestartServer,
                                           Fault::PrinterBack,    Fault::TermServer, Fault::Jam,
                                           Fault::RestartServer2, Fault::CoverOpen,  Fault::PrinterBack2};

/// The online tests' kiosk (720x1280, syncing every 5 s) printing to the private cupsd's queue.
std::string kioskToml(const std::string& dataDir, int port, const std::string& caFile, const std::string& tokenFile)
{
    return onlineKioskToml("soak", dataDir, std::string(OKIENKO_SOURCE_DIR) + "/assets", port, caFile, tokenFile) +
           "[printer]\nqueue = \"receipt\"\nformat = \"escpos-80\"\ndeadline_seconds = 8\n";
}

/// The value after `key=` in a `[monkey]` line, as a number.
std::int64_t field(const std::string& line, const std::string& key)
{
    const std::size_t at = line.find(" " + key + "=");
    return at == std::string::npos ? 0 : std::strtoll(line.c_str() + at + key.size() + 2, nullptr, 10);
}

std::string textField(const std::string& line, const std::string& key)
{
    const std::size_t at = line.find(" " + key + "=");
    if (at == std::string::npos)
        return {};
    const std::size_t start = at + key.size() + 2;
    return line.substr(start, line.find(' ', start) - start);
}

/// Reads what the kiosk wrote: figure lines, the failure, exceptions, sanitizer reports.
void readLog(const std::string& log, SoakResult& r)
{
    std::istringstream in(log);
    std::string line;
    bool inFailure = false;
    std::vector<std::string> tail;
    while (std::getline(in, line))
    {
        tail.push_back(line);
        if (tail.size() > 40)
            tail.erase(tail.begin());
        if (line.rfind("[monkey] step=", 0) == 0 && line.find(" rss_kib=") != std::string::npos)
        {
            SoakSample s;
            s.step = static_cast<long>(field(line, "step"));
            s.day = static_cast<int>(field(line, "day"));
            s.screen = textField(line, "screen");
            s.rssKib = field(line, "rss_kib");
            s.pssKib = field(line, "pss_kib");
            s.anonKib = field(line, "anon_kib");
            s.heapUsedKib = field(line, "heap_used_kib");
            s.heapFreeKib = field(line, "heap_free_kib");
            s.fds = static_cast<int>(field(line, "fds"));
            s.threads = static_cast<int>(field(line, "threads"));
            s.dbBytes = field(line, "db_bytes");
            s.walBytes = field(line, "wal_bytes");
            s.largeText = field(line, "large_text") == 1;
            s.seen = static_cast<int>(field(line, "seen"));
            r.samples.push_back(s);
            inFailure = false;
            continue;
        }
        if (line.rfind("[monkey] done ", 0) == 0)
            r.finished = true;
        if (line.find(": FAILED: ") != std::string::npos)
            inFailure = true;
        if (inFailure)
            r.failure += line + "\n";
        if (line.find("[kiosk] unexpected ") != std::string::npos)
            r.unexpected.push_back(line);
        if (line.find("ERROR: AddressSanitizer") != std::string::npos ||
            line.find("ERROR: LeakSanitizer") != std::string::npos || line.find("runtime error:") != std::string::npos)
            r.sanitizer.push_back(line);
    }
    for (const std::string& t : tail)
        r.logTail += t + "\n";
}

std::string mib(std::int64_t kib)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.1f MiB", static_cast<double>(kib) / 1024.0);
    return b;
}

std::string kb(std::int64_t bytes)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.0f KiB", static_cast<double>(bytes) / 1024.0);
    return b;
}

} // namespace

const SoakSample* SoakResult::warmUp() const
{
    if (samples.empty())
        return nullptr;
    const long warm = samples.back().step / 5;
    for (const SoakSample& s : samples)
    {
        if (s.step >= warm && !s.largeText)
            return &s;
    }
    return &samples.back();
}

const SoakSample* SoakResult::firstPass() const
{
    if (samples.empty() || samples.back().seen <= 0)
        return nullptr;
    // 98 %, not all: a combination first drawn late in the run (one of 84 in the 12,000-step run)
    // would otherwise put the first pass at the end.
    const int needed = (samples.back().seen * 98 + 99) / 100;
    for (const SoakSample& s : samples)
    {
        if (s.seen >= needed && !s.largeText)
            return &s;
    }
    return nullptr;
}

const SoakSample* SoakResult::lastWithoutLargeText() const
{
    for (auto it = samples.rbegin(); it != samples.rend(); ++it)
    {
        if (!it->largeText)
            return &*it;
    }
    return last();
}

std::string SoakResult::summary() const
{
    std::ostringstream o;
    const SoakSample* w = warmUp();
    const SoakSample* e = last();
    const SoakSample* m = lastWithoutLargeText(); // memory: both samples without the large text faces
    o << "steps " << (e ? e->step : 0) << ", simulated days " << (e ? e->day : 0) << ", wall " << wall.count() / 1000
      << " s, server outages " << outages << ", printer faults " << printerFaults << ", slips printed " << printJobs
      << "\n";
    o << "exit " << exitCode << (crashed ? ", CRASHED" : "") << (timedOut ? ", timed out" : "")
      << ", unexpected exceptions " << unexpected.size() << ", sanitizer reports " << sanitizer.size()
      << (failure.empty() ? ", not stuck" : ", FAILED") << "\n";
    if (w != nullptr && e != nullptr)
    {
        o << "RSS at warm-up (step " << w->step << ") " << mib(w->rssKib) << ", at end " << mib(m->rssKib)
          << " (growth " << (m->rssKib - w->rssKib) << " KiB, spread after warm-up "
          << spreadAfterWarmUp([](const SoakSample& s) { return s.rssKib; }) << " KiB)\n";
        o << "anonymous (heap) at warm-up " << mib(w->anonKib) << ", at end " << mib(m->anonKib) << " (growth "
          << (m->anonKib - w->anonKib) << " KiB)\n";
        o << "malloc in use at warm-up " << mib(w->heapUsedKib) << ", at end " << mib(m->heapUsedKib) << " (growth "
          << (m->heapUsedKib - w->heapUsedKib) << " KiB); kept free in its arenas " << mib(w->heapFreeKib) << " → "
          << mib(m->heapFreeKib) << "\n";
        o << "PSS at warm-up " << mib(w->pssKib) << ", at end " << mib(m->pssKib) << " (growth "
          << (m->pssKib - w->pssKib) << " KiB)\n";
        if (const SoakSample* p = firstPass())
            o << "first pass (" << p->seen << " of " << e->seen
              << " screen, language and text size combinations) at step " << p->step << ": malloc in use "
              << mib(p->heapUsedKib) << " → " << mib(m->heapUsedKib) << " (growth " << (m->heapUsedKib - p->heapUsedKib)
              << " KiB), anonymous " << mib(p->anonKib) << " → " << mib(m->anonKib) << " (growth "
              << (m->anonKib - p->anonKib) << " KiB); median of the last third after it minus the first third: in use "
              << medianGrowthAfterFirstPass([](const SoakSample& s) { return s.heapUsedKib; }) << " KiB, anonymous "
              << medianGrowthAfterFirstPass([](const SoakSample& s) { return s.anonKib; }) << " KiB\n";
        o << "fds " << samples.front().fds << " at start, " << w->fds << " at warm-up, " << e->fds
          << " at end (spread after warm-up " << spreadAfterWarmUp([](const SoakSample& s) { return s.fds; })
          << "); threads " << samples.front().threads << " / " << w->threads << " / " << e->threads << " (spread "
          << spreadAfterWarmUp([](const SoakSample& s) { return s.threads; }) << ")\n";
        std::int64_t maxDb = 0;
        for (const SoakSample& s : samples)
            maxDb = std::max(maxDb, s.dbBytes + s.walBytes);
        o << "kiosk.sqlite3 + WAL at warm-up " << kb(w->dbBytes + w->walBytes) << ", at end "
          << kb(e->dbBytes + e->walBytes) << " (db " << kb(e->dbBytes) << ", WAL " << kb(e->walBytes) << "), largest "
          << kb(maxDb) << "\n";
    }
    return o.str();
}

SoakResult runKioskSoak(const SoakOptions& options)
{
    SoakResult r;
    TempDir dir("okienko-soak");
    TestCa ca;
    if (!ca.make())
    {
        r.setupError = "test CA: " + ca.error();
        return r;
    }
    PrivateCupsd cupsd;
    if (!cupsd.start() || !cupsd.addQueue("receipt", "capture"))
    {
        r.setupError = "private cupsd: " + cupsd.error();
        return r;
    }
    CentralProcess central(ca);
    const std::string token =
        central.prepare(readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json"), "soak");
    if (token.empty() || !writeFile(dir.file("token"), token + "\n") || !central.start())
    {
        r.setupError = "okienko-central did not start; log: " + readFile(central.logPath()) + central.startError();
        return r;
    }
    const std::string data = dir.file("data");
    const ProcessResult seeded = runProcess({OKIENKO_TEST_SEED_BINARY, "--db", data + "/kiosk.sqlite3", "--staff",
                                             kStaffId, "Soak Tester", "coordinator", kStaffPin},
                                            {}, std::chrono::seconds(60));
    if (seeded.exitCode != 0)
    {
        r.setupError = "okienko-test-seed failed: " + seeded.output;
        return r;
    }
    const std::string config = dir.file("kiosk.toml");
    const std::string script = dir.file("soak.kiosk");
    writeFile(config, kioskToml(data, central.port(), ca.caCert(), dir.file("token")));
    writeFile(script, "monkey " + std::to_string(options.seed) + " " + std::to_string(options.steps) + "\n");

    std::vector<std::pair<std::string, std::string>> env = options.env;
    env.emplace_back("CUPS_SERVER", cupsd.socketPath());
    env.emplace_back("OKIENKO_MONKEY_STAFF", std::string(kStaffId) + ":" + kStaffPin);
    if (!options.pixels)
        env.emplace_back("OKIENKO_SCRIPT_LAYOUT_ONLY", "1");
    if (options.reportEvery > 0)
        env.emplace_back("OKIENKO_MONKEY_REPORT_EVERY", std::to_string(options.reportEvery));
    const std::string binary = options.kioskBinary.empty() ? std::string(OKIENKO_KIOSK_BINARY) : options.kioskBinary;

    const auto started = std::chrono::steady_clock::now();
    // The receipt queue's backend: "capture" prints, the others fail as that printer fault.
    const auto switchPrinter = [&](const char* backend, const char* says)
    {
        cupsd.addQueue("receipt", backend);
        if (std::string_view(backend) != "capture")
            ++r.printerFaults;
        return says;
    };
    auto nextFault = started + options.faultEvery;
    std::size_t faultIndex = 0;
    // Asked every 200 ms while the kiosk runs: the next fault when its time has come; never stops it.
    const auto injectFaults = [&]
    {
        const auto now = std::chrono::steady_clock::now();
        if (options.faultEvery.count() > 0 && now >= nextFault)
        {
            const Fault f = kFaultCycle[faultIndex++ % kFaultCycle.size()];
            const char* what = "";
            switch (f)
            {
            case Fault::KillServer:
                central.kill(SIGKILL);
                ++r.outages;
                what = "server killed (SIGKILL)";
                break;
            case Fault::TermServer:
                central.kill(SIGTERM);
                ++r.outages;
                what = "server stopped (SIGTERM)";
                break;
            case Fault::RestartServer:
            case Fault::RestartServer2:
                what = central.restart() ? "server restarted" : "server restart FAILED";
                break;
            case Fault::PaperOut:
                what = switchPrinter("nopaper", "printer out of paper");
                break;
            case Fault::Jam:
                what = switchPrinter("jam", "printer jammed");
                break;
            case Fault::CoverOpen:
                what = switchPrinter("coveropen", "printer cover open");
                break;
            case Fault::PrinterBack:
            case Fault::PrinterBack2:
                what = switchPrinter("capture", "printer fixed");
                break;
            }
            if (options.verbose)
                std::fprintf(
                    stderr, "[soak] %lld s: %s\n",
                    static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(now - started).count()),
                    what);
            nextFault = now + options.faultEvery;
        }
        return false;
    };
    const ProcessResult run = runProcess(
        {binary, "--headless", "--config", config, "--script", script, "--failure-shot", dir.file("stuck.png")}, env,
        options.timeLimit, injectFaults);
    r.wall = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    r.exitCode = run.exitCode;
    r.timedOut = run.timedOut;
    r.crashed = run.exitCode < 0 && !run.timedOut;
    readLog(run.output, r);
    r.printJobs = static_cast<int>(cupsd.capturedFiles().size());
    if (const char* keep = std::getenv("OKIENKO_SOAK_KEEP_LOG"))
        writeFile(keep, run.output);
    return r;
}

} // namespace okienko::test
