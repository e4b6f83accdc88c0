// The generated cues: audible, short, and unlike each other (length and pitch).
#include "kiosk/speech/cue_tones.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace
{

using namespace okienko::kiosk::speech;

constexpr int kRate = 22050;

double rms(const std::vector<std::int16_t>& s)
{
    double sum = 0;
    for (const std::int16_t v : s)
        sum += static_cast<double>(v) * v;
    return std::sqrt(sum / static_cast<double>(s.size())) / 32768.0;
}

/// Sign changes per second over the first 30 ms: twice the dominant frequency of a pure tone.
double zeroCrossingsPerSecond(const std::vector<std::int16_t>& s)
{
    const std::size_t window = std::min<std::size_t>(s.size(), kRate * 30 / 1000);
    int crossings = 0;
    for (std::size_t i = 1; i < window; ++i)
        if ((s[i - 1] < 0) != (s[i] < 0))
            ++crossings;
    return crossings / (static_cast<double>(window) / kRate);
}

TEST(Cues, ActivationIsAShortAudibleClick)
{
    const std::vector<std::int16_t> click = cueSamples(Cue::Activate, kRate);
    const double seconds = static_cast<double>(click.size()) / kRate;
    EXPECT_GE(seconds, 0.010);
    EXPECT_LE(seconds, 0.060) << "a click must not hold up the speech after it";
    EXPECT_GT(rms(click), 0.05);
}

TEST(Cues, ErrorIsLongerLowerAndDistinct)
{
    const std::vector<std::int16_t> click = cueSamples(Cue::Activate, kRate);
    const std::vector<std::int16_t> error = cueSamples(Cue::Error, kRate);
    const double seconds = static_cast<double>(error.size()) / kRate;
    EXPECT_GE(seconds, 0.25);
    EXPECT_LE(seconds, 0.6);
    EXPECT_GT(rms(error), 0.1);
    EXPECT_GT(seconds, 4 * static_cast<double>(click.size()) / kRate);
    // The click is bright (2 kHz), the error tone low (660 Hz then 440 Hz).
    EXPECT_NEAR(zeroCrossingsPerSecond(click), 4000, 400);
    EXPECT_NEAR(zeroCrossingsPerSecond(error), 1320, 200);
}

TEST(Cues, ErrorFallsFromTheFirstToneToTheSecond)
{
    const std::vector<std::int16_t> error = cueSamples(Cue::Error, kRate);
    const std::vector<std::int16_t> second(error.end() - kRate * 100 / 1000, error.end());
    EXPECT_NEAR(zeroCrossingsPerSecond(second), 880, 150);
}

TEST(Cues, NeverClipAtFullVolume)
{
    for (const Cue c : {Cue::Activate, Cue::Error})
        for (const std::int16_t v : cueSamples(c, kRate))
            ASSERT_LT(std::abs(static_cast<int>(v)), 16384);
}

} // namespace
