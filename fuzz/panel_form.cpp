// The panel's own request parsers (server/panel/html): urlencoded form bodies and the Cookie header.
// Invariants: a parsed form, percent-encoded again, parses to the same fields; a cookie's value
// never runs past its ';'. (multipart/form-data bodies: panel_multipart.)
#include "fuzz/fuzz_check.hpp"
#include "server/panel/html.hpp"
#include "shared/text/percent_encode.hpp"

using namespace okienko::server::panel;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = okienko::fuzz::asText(data, size);
    const auto form = parseForm(text);
    std::string encoded;
    for (const auto& [name, value] : form)
    {
        if (!encoded.empty())
            encoded += '&';
        encoded += okienko::text::percentEncode(name) + "=" + okienko::text::percentEncode(value);
    }
    FUZZ_CHECK(parseForm(encoded) == form);

    for (const char* name : {"__Host-okienko_sesja", "__Host-okienko_logowanie"})
        FUZZ_CHECK(cookieValue(text, name).find(';') == std::string::npos);
    return 0;
}
