// WavStream on what `espeak-ng --stdout` really writes (its header says 0x7fffffff bytes), fed in
// pieces of every size down to single bytes, and on headers the kiosk must refuse.
#include "kiosk/speech/wav_stream.hpp"

#include <cstdio>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using okienko::kiosk::speech::WavStream;

std::vector<std::uint8_t> espeakOutput(const std::string& text)
{
    const std::string command = "printf '%s' '" + text + "' | espeak-ng --stdin --stdout -v pl -z -b 1";
    std::vector<std::uint8_t> bytes;
    if (std::FILE* pipe = ::popen(command.c_str(), "r"))
    {
        std::uint8_t buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            bytes.insert(bytes.end(), buffer, buffer + n);
        ::pclose(pipe);
    }
    return bytes;
}

std::vector<std::uint8_t> header(std::uint16_t format, std::uint16_t channels, std::uint16_t bits)
{
    std::vector<std::uint8_t> h = {'R', 'I', 'F', 'F', 0xff, 0xff, 0xff, 0x7f, 'W', 'A',
                                   'V', 'E', 'f', 'm', 't',  ' ',  16,   0,    0,   0};
    const auto put16 = [&](std::uint16_t v)
    {
        h.push_back(static_cast<std::uint8_t>(v & 0xff));
        h.push_back(static_cast<std::uint8_t>(v >> 8));
    };
    put16(format);
    put16(channels);
    put16(0x5622); // 22050
    put16(0);
    put16(0xac44);
    put16(0);
    put16(2);
    put16(bits);
    for (const char c : std::string("data\xff\xff\xff\x7f"))
        h.push_back(static_cast<std::uint8_t>(c));
    return h;
}

TEST(WavStream, EspeakNgsStreamReadsTheSameInAnyPieces)
{
    const std::vector<std::uint8_t> bytes = espeakOutput("Dzień dobry");
    ASSERT_GT(bytes.size(), 10000u);
    std::vector<std::int16_t> whole;
    WavStream once;
    ASSERT_TRUE(once.feed(bytes.data(), bytes.size(), whole)) << once.error();
    ASSERT_EQ(once.sampleRate(), 22050);
    EXPECT_EQ(whole.size(), (bytes.size() - 44) / 2);
    for (const std::size_t piece : {1u, 3u, 7u, 44u, 45u, 1001u})
    {
        WavStream stream;
        std::vector<std::int16_t> samples;
        for (std::size_t at = 0; at < bytes.size(); at += piece)
            ASSERT_TRUE(stream.feed(bytes.data() + at, std::min(piece, bytes.size() - at), samples));
        EXPECT_EQ(samples, whole) << "in pieces of " << piece;
    }
}

TEST(WavStream, NoRateBeforeTheDataChunk)
{
    const std::vector<std::uint8_t> h = header(1, 1, 16);
    WavStream stream;
    std::vector<std::int16_t> samples;
    ASSERT_TRUE(stream.feed(h.data(), h.size() - 1, samples));
    EXPECT_FALSE(stream.sampleRate());
    ASSERT_TRUE(stream.feed(h.data() + h.size() - 1, 1, samples));
    EXPECT_EQ(stream.sampleRate(), 22050);
    EXPECT_TRUE(samples.empty());
}

TEST(WavStream, RefusesWhatIsNot16BitMonoPcm)
{
    for (const auto& [format, channels, bits] : {std::tuple{3, 1, 16}, std::tuple{1, 2, 16}, std::tuple{1, 1, 8}})
    {
        const std::vector<std::uint8_t> h = header(
            static_cast<std::uint16_t>(format), static_cast<std::uint16_t>(channels), static_cast<std::uint16_t>(bits));
        WavStream stream;
        std::vector<std::int16_t> samples;
        EXPECT_FALSE(stream.feed(h.data(), h.size(), samples));
        EXPECT_EQ(stream.error(), "WAV not 16-bit mono PCM");
    }
    const std::string text = "ID3 this is an mp3 file";
    WavStream stream;
    std::vector<std::int16_t> samples;
    EXPECT_FALSE(stream.feed(reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), samples));
    EXPECT_EQ(stream.error(), "not a WAV stream");
}

} // namespace
