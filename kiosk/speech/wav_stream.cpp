// WavStream: RIFF chunks are walked until "data"; "fmt " must say PCM (1), one channel, 16 bits.
// Other chunks espeak-ng might add (LIST) are skipped by their size.
#include "kiosk/speech/wav_stream.hpp"

#include <cstring>

namespace okienko::kiosk::speech
{
namespace
{

constexpr std::size_t kRiffHeader = 12; // "RIFF", size, "WAVE"
constexpr std::size_t kChunkHeader = 8; // id, size
/// A header larger than this is not espeak-ng's: refuse rather than buffer without end.
constexpr std::size_t kMaxHeader = 4096;

std::uint32_t le32(const std::uint8_t* p)
{
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

std::uint16_t le16(const std::uint8_t* p)
{
    return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}

} // namespace

bool WavStream::feed(const std::uint8_t* bytes, std::size_t count, std::vector<std::int16_t>& samples)
{
    if (!m_error.empty())
        return false;
    if (m_inData)
    {
        takePcm(bytes, count, samples);
        return true;
    }
    m_header.insert(m_header.end(), bytes, bytes + count);
    return parseHeader(samples);
}

bool WavStream::parseHeader(std::vector<std::int16_t>& samples)
{
    if (m_header.size() < kRiffHeader)
        return true;
    if (std::memcmp(m_header.data(), "RIFF", 4) != 0 || std::memcmp(m_header.data() + 8, "WAVE", 4) != 0)
    {
        m_error = "not a WAV stream";
        return false;
    }
    bool haveFormat = false;
    std::size_t at = kRiffHeader;
    while (m_header.size() >= at + kChunkHeader)
    {
        const std::uint8_t* chunk = m_header.data() + at;
        const std::uint32_t size = le32(chunk + 4);
        if (std::memcmp(chunk, "data", 4) == 0)
        {
            if (!haveFormat)
            {
                m_error = "WAV data before its format";
                return false;
            }
            m_inData = true;
            const std::size_t pcmStart = at + kChunkHeader;
            std::vector<std::uint8_t> rest(m_header.begin() + static_cast<std::ptrdiff_t>(pcmStart), m_header.end());
            m_header.clear();
            takePcm(rest.data(), rest.size(), samples);
            return true;
        }
        const std::size_t next = at + kChunkHeader + size + (size & 1u);
        if (std::memcmp(chunk, "fmt ", 4) == 0)
        {
            if (m_header.size() < at + kChunkHeader + 16)
                return true;
            const std::uint16_t format = le16(chunk + 8);
            const std::uint16_t channels = le16(chunk + 10);
            const std::uint32_t rate = le32(chunk + 12);
            const std::uint16_t bits = le16(chunk + 22);
            if (format != 1 || channels != 1 || bits != 16 || rate == 0 || rate > 192000)
            {
                m_error = "WAV not 16-bit mono PCM";
                return false;
            }
            m_sampleRate = static_cast<int>(rate);
            haveFormat = true;
        }
        if (next > kMaxHeader)
        {
            m_error = "WAV header too long";
            return false;
        }
        at = next;
    }
    if (m_header.size() > kMaxHeader)
    {
        m_error = "WAV header too long";
        return false;
    }
    return true;
}

void WavStream::takePcm(const std::uint8_t* bytes, std::size_t count, std::vector<std::int16_t>& samples)
{
    std::size_t i = 0;
    if (m_oddByte && count > 0)
    {
        samples.push_back(static_cast<std::int16_t>(*m_oddByte | bytes[0] << 8));
        m_oddByte.reset();
        i = 1;
    }
    for (; i + 1 < count; i += 2)
        samples.push_back(static_cast<std::int16_t>(bytes[i] | bytes[i + 1] << 8));
    if (i < count)
        m_oddByte = bytes[i];
}

} // namespace okienko::kiosk::speech
