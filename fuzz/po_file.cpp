// The .po reader (kiosk/core/po_file) the kiosk's translations are loaded with. Invariants: an
// error points into the text; entries are in file order, on lines of the text, with a key.
#include "kiosk/core/po_file.hpp"

#include "fuzz/fuzz_check.hpp"

#include <algorithm>

using namespace okienko::kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = okienko::fuzz::asText(data, size);
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    auto po = parsePo(text);
    if (!po)
    {
        FUZZ_CHECK(po.error().line >= 1 && po.error().line <= lines);
        FUZZ_CHECK(po.error().column >= 0);
        (void)po.error().toString();
        return 0;
    }
    int previous = 0;
    for (const auto& entry : po->entries)
    {
        FUZZ_CHECK(!entry.msgid.empty());
        FUZZ_CHECK(entry.line > previous && entry.line <= lines);
        previous = entry.line;
    }
    return 0;
}
