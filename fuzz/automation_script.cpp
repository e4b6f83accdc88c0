// The automation script parser (kiosk/core/automation_script, docs/automation.md). Invariants:
// every command and error is on a line of the script, in order; arguments keep the ranges the
// runner relies on (no negative or non-finite waits, a hold of (0, 60] s) and texts are UTF-8.
#include "kiosk/core/automation_script.hpp"

#include "fuzz/fuzz_check.hpp"
#include "shared/text/utf8.hpp"

#include <algorithm>
#include <cmath>

using namespace okienko::kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = okienko::fuzz::asText(data, size);
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    auto script = parseScript(text);
    if (!script)
    {
        FUZZ_CHECK(!script.error().empty());
        int previous = 0;
        for (const auto& error : script.error())
        {
            FUZZ_CHECK(error.line >= previous && error.line >= 1 && error.line <= lines);
            FUZZ_CHECK(error.column >= 0);
            previous = error.line;
            (void)error.toString("script.txt");
        }
        return 0;
    }
    int previous = 0;
    for (const auto& command : *script)
    {
        FUZZ_CHECK(command.line > previous && command.line <= lines);
        previous = command.line;
        FUZZ_CHECK(!okienko::text::firstInvalidUtf8(command.text).has_value());
        FUZZ_CHECK(std::isfinite(command.number) && command.number >= 0);
        if (command.kind == CommandKind::HoldId)
            FUZZ_CHECK(command.number > 0 && command.number <= 60);
        if (command.kind == CommandKind::Wait)
            FUZZ_CHECK(command.number == std::floor(command.number));
    }
    return 0;
}
