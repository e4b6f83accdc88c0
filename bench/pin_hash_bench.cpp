// Staff PIN hashing benchmark: what one guess costs with each set of argon2id limits, measured
// through the kiosk's own check (findStaffByPin, one candidate) on one core, and what that makes
// of an offline attack on a stolen kiosk's disk (every 6-digit PIN against one hash) and of a
// login at a kiosk without a badge (every staff member's hash is tried). The limits the server
// uses are kPinHashCost and kPasswordHashCost (server/credentials.hpp); docs/operations.md quotes
// these figures. A benchmark: it reports and never fails. Usage: pin_hash_bench [ROUNDS]
#include "kiosk/core/staff/pin_check.hpp"
#include "server/credentials.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace okienko;
using Clock = std::chrono::steady_clock;

namespace
{

struct Candidate
{
    const char* name;
    server::HashCost cost;
};

/// Milliseconds of each of `rounds` wrong guesses against a hash made with `cost`.
std::vector<double> wrongGuessMs(server::HashCost cost, int rounds)
{
    const auto hash = server::hashSecret("482193", cost);
    if (!hash)
        return {};
    const std::vector<kiosk::PinCandidate> candidates{{"st-bench", *hash}};
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i)
    {
        const auto start = Clock::now();
        const auto match = kiosk::findStaffByPin(candidates, "000000");
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (match)
            std::fprintf(stderr, "pin_hash_bench: a wrong PIN matched\n");
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    // Release 0.1.0's limits, the passwords', the two cheaper PIN limits considered, the PINs'.
    const Candidate candidates[] = {
        {"0.1.0 (interactive)", {2, std::size_t{64} << 20}},
        {"panel passwords", server::kPasswordHashCost},
        {"t=3, 128 MiB", {3, std::size_t{128} << 20}},
        {"moderate", {3, std::size_t{256} << 20}},
        {"staff PINs", server::kPinHashCost},
    };
    std::printf("argon2id, one wrong guess through findStaffByPin, %d rounds, one thread\n\n", rounds);
    std::printf("%-20s %5s %8s %8s %8s %16s %14s\n", "limits", "t", "MiB", "min ms", "med ms", "10^6 PINs (days)",
                "20 staff (s)");
    for (const Candidate& c : candidates)
    {
        const std::vector<double> ms = wrongGuessMs(c.cost, rounds);
        if (ms.empty())
        {
            std::printf("%-20s: could not hash (out of memory)\n", c.name);
            continue;
        }
        const double median = ms[ms.size() / 2];
        std::printf("%-20s %5llu %8zu %8.0f %8.0f %16.1f %14.1f\n", c.name, c.cost.opsLimit, c.cost.memLimit >> 20,
                    ms.front(), median, median * 1e6 / 1000.0 / 86400.0, median * 20 / 1000.0);
    }
    std::printf("\n10^6 PINs: one core trying every 6-digit PIN against one hash (half that on average).\n"
                "20 staff: a login without a badge tries every active member's hash on the kiosk.\n");
    return 0;
}
