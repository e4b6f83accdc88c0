// What sox says about a WAV file (`sox FILE -n stat`): its length and RMS amplitude, the
// catalogue texts the speech tests read aloud (the shipped lapy.json, as residents hear them), and
// what this process holds (descriptors, children) for the tests that espeak-ng's runs leave nothing.
#pragma once

#include <cstddef>
#include <string>

namespace okienko::test
{

struct SoundStats
{
    bool ok = false;    ///< sox ran and reported both figures
    double seconds = 0; ///< "Length (seconds)"
    double rms = 0;     ///< "RMS     amplitude" (0 … 1)
    double maxAmplitude = 0;
    std::string report; ///< sox's whole output, for a failure message
};

SoundStats soxStat(const std::string& wavPath);

/// A field of the shipped Łapy catalogue: services[index].<field>.<language>.
std::string catalogueText(int serviceIndex, const std::string& field, const std::string& language);

/// How many file descriptors this process has open (/proc/self/fd).
std::size_t openDescriptors();
/// How many processes have this one as parent, running or zombies (/proc/*/stat).
std::size_t childProcesses();
/// How many of them are zombies (ended, not reaped).
std::size_t zombieChildren();

} // namespace okienko::test
