#include "escpos_decoder.hpp"

namespace okienko::receipt::test
{

DecodedJob decodeEscPos(const std::string& bytes)
{
    DecodedJob job;
    Bitmap current;
    auto byte = [&](std::size_t i)
    {
        return static_cast<unsigned char>(bytes[i]);
    };
    std::size_t i = 0;
    while (i < bytes.size())
    {
        if (byte(i) == 0x1B && i + 1 < bytes.size() && bytes[i + 1] == '@')
        {
            job.initialised = true;
            i += 2;
        }
        else if (byte(i) == 0x1B && i + 2 < bytes.size() && bytes[i + 1] == 'd')
            i += 3;
        else if (byte(i) == 0x1D && i + 3 < bytes.size() && bytes[i + 1] == 'V' && byte(i + 2) == 66)
        {
            job.pages.push_back(current);
            current = Bitmap{};
            ++job.cuts;
            i += 4;
        }
        else if (byte(i) == 0x1D && i + 7 < bytes.size() && bytes[i + 1] == 'v' && bytes[i + 2] == '0')
        {
            const int bytesPerRow = byte(i + 4) | (byte(i + 5) << 8);
            const int rows = byte(i + 6) | (byte(i + 7) << 8);
            const std::size_t size = static_cast<std::size_t>(bytesPerRow * rows);
            i += 8;
            if (i + size > bytes.size())
            {
                job.error = "raster data runs past the end";
                return job;
            }
            if (current.width == 0)
                current.width = bytesPerRow * 8;
            else if (current.width != bytesPerRow * 8)
            {
                job.error = "raster width changes within a page";
                return job;
            }
            current.height += rows;
            current.bits.insert(current.bits.end(), bytes.begin() + static_cast<std::ptrdiff_t>(i),
                                bytes.begin() + static_cast<std::ptrdiff_t>(i + size));
            i += size;
        }
        else
        {
            job.error = "unexpected byte " + std::to_string(byte(i)) + " at " + std::to_string(i);
            return job;
        }
    }
    if (current.height > 0)
        job.error = "image after the last cut is never cut";
    return job;
}

} // namespace okienko::receipt::test
