// QR codes from libqrencode, as a square matrix of modules.
#pragma once

#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::receipt
{

struct QrMatrix
{
    int size = 0;                   ///< modules per side, without the quiet zone
    std::vector<std::uint8_t> dark; ///< size*size, 1 = dark module

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

/// Encodes `payload` (8-bit mode, error correction level M).
Result<QrMatrix, std::string> encodeQr(const std::string& payload);

} // namespace okienko::receipt
