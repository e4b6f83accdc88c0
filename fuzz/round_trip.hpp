// The round-trip invariant of a text codec: whatever `decode` accepts, `encode` writes as text that
// `decode` accepts again and that encodes to exactly the same text (so nothing the decoder lets in
// is lost, changed or written in a form it would refuse).
#pragma once

#include "fuzz/fuzz_check.hpp"

#include <string>
#include <string_view>

namespace okienko::fuzz
{

template <typename Decode, typename Encode> void checkRoundTrip(std::string_view text, Decode decode, Encode encode)
{
    auto first = decode(text);
    if (!first)
        return;
    const std::string encoded = encode(*first);
    auto second = decode(encoded);
    FUZZ_CHECK(second.ok());
    FUZZ_CHECK(encode(*second) == encoded);
}

} // namespace okienko::fuzz
