// A strict decoder of the ESC/POS subset Okienko emits, standing in for a printer's firmware in
// tests: it rebuilds each printed image and fails on any byte that is not one of our commands.
#pragma once

#include "kiosk/receipt/bitmap.hpp"

#include <string>
#include <vector>

namespace okienko::receipt::test
{

struct DecodedJob
{
    bool initialised = false;
    std::vector<Bitmap> pages; ///< one image per cut
    int cuts = 0;
    std::string error; ///< empty when the whole stream was understood
};

DecodedJob decodeEscPos(const std::string& bytes);

} // namespace okienko::receipt::test
