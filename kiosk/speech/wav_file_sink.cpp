// WavFileSink: a canonical 44-byte RIFF/WAVE header (PCM, mono, 16 bit, little endian as the
// kiosk's x86-64 and arm64 are) rewritten in place with the current sizes.
#include "kiosk/speech/wav_file_sink.hpp"

#include <array>
#include <cerrno>
#include <cstring>

namespace okienko::kiosk::speech
{
namespace
{

void put32(std::array<unsigned char, 44>& h, std::size_t at, std::uint32_t v)
{
    for (std::size_t i = 0; i < 4; ++i)
        h[at + i] = static_cast<unsigned char>(v >> (8 * i));
}

void put16(std::array<unsigned char, 44>& h, std::size_t at, std::uint16_t v)
{
    h[at] = static_cast<unsigned char>(v);
    h[at + 1] = static_cast<unsigned char>(v >> 8);
}

} // namespace

WavFileSink::WavFileSink(std::filesystem::path path) : m_path(std::move(path)) {}

WavFileSink::~WavFileSink()
{
    if (m_file != nullptr)
    {
        writeHeader();
        std::fclose(m_file);
    }
}

Status<SpeechError> WavFileSink::open(int sampleRate)
{
    if (m_file != nullptr)
        return {};
    m_file = std::fopen(m_path.c_str(), "w+b");
    if (m_file == nullptr)
        return makeErr(SpeechError{SpeechProblem::NoAudioDevice, m_path.string() + ": " + std::strerror(errno)});
    m_sampleRate = sampleRate;
    writeHeader();
    return {};
}

void WavFileSink::write(const std::int16_t* samples, std::size_t count)
{
    if (m_file == nullptr || count == 0)
        return;
    m_samples += std::fwrite(samples, sizeof(std::int16_t), count, m_file);
}

bool WavFileSink::drain(std::chrono::milliseconds)
{
    if (m_file != nullptr)
        writeHeader();
    return true;
}

void WavFileSink::writeHeader()
{
    const auto dataBytes = static_cast<std::uint32_t>(m_samples * sizeof(std::int16_t));
    const auto rate = static_cast<std::uint32_t>(m_sampleRate);
    std::array<unsigned char, 44> h{};
    std::memcpy(h.data(), "RIFF", 4);
    put32(h, 4, 36 + dataBytes);
    std::memcpy(h.data() + 8, "WAVEfmt ", 8);
    put32(h, 16, 16);       // fmt chunk size
    put16(h, 20, 1);        // PCM
    put16(h, 22, 1);        // mono
    put32(h, 24, rate);     // sample rate
    put32(h, 28, rate * 2); // byte rate
    put16(h, 32, 2);        // block align
    put16(h, 34, 16);       // bits per sample
    std::memcpy(h.data() + 36, "data", 4);
    put32(h, 40, dataBytes);
    std::fseek(m_file, 0, SEEK_SET);
    std::fwrite(h.data(), 1, h.size(), m_file);
    std::fseek(m_file, 0, SEEK_END);
    std::fflush(m_file);
}

} // namespace okienko::kiosk::speech
