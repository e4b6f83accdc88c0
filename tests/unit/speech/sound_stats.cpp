// soxStat: runs sox and reads the lines it prints on standard error.
#include "sound_stats.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace okienko::test
{
namespace
{

double figure(const std::string& report, const std::string& label, bool& found)
{
    const std::size_t at = report.find(label);
    if (at == std::string::npos)
    {
        found = false;
        return 0;
    }
    const std::size_t colon = report.find(':', at);
    return std::strtod(report.c_str() + colon + 1, nullptr);
}

} // namespace

SoundStats soxStat(const std::string& wavPath)
{
    SoundStats s;
    const std::string command = "sox '" + wavPath + "' -n stat 2>&1";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr)
        return s;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr)
        s.report += buffer.data();
    const int status = ::pclose(pipe);
    bool found = true;
    s.seconds = figure(s.report, "Length (seconds)", found);
    s.rms = figure(s.report, "RMS     amplitude", found);
    s.maxAmplitude = figure(s.report, "Maximum amplitude", found);
    s.ok = status == 0 && found;
    return s;
}

std::string catalogueText(int serviceIndex, const std::string& field, const std::string& language)
{
    std::ifstream in(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    const nlohmann::json catalogue = nlohmann::json::parse(in);
    return catalogue.at("services")
        .at(static_cast<std::size_t>(serviceIndex))
        .at(field)
        .at(language)
        .get<std::string>();
}

std::size_t openDescriptors()
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++n;
    return n - 1; // the iterator's own
}

namespace
{

/// Children of this process, counting only zombies when `zombiesOnly`.
std::size_t countChildren(bool zombiesOnly)
{
    std::size_t n = 0;
    const std::string self = std::to_string(::getpid());
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec))
    {
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line))
            continue;
        // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
        const std::size_t close = line.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream rest(line.substr(close + 1));
        std::string state;
        std::string ppid;
        rest >> state >> ppid;
        n += ppid == self && (!zombiesOnly || state == "Z") ? 1u : 0u;
    }
    return n;
}

} // namespace

std::size_t childProcesses()
{
    return countChildren(false);
}

std::size_t zombieChildren()
{
    return countChildren(true);
}

} // namespace okienko::test
