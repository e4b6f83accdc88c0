// kiosk.toml (kiosk/core/config): any text through the strict loader. Invariants: every error has
// a sane position and formats as one line; a file that loads has the values the kiosk relies on.
#include "fuzz/config_errors.hpp"
#include "kiosk/core/config.hpp"

using namespace okienko::kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto config = parseConfig(okienko::fuzz::asText(data, size), "/etc/okienko/kiosk.toml");
    if (!config)
    {
        okienko::fuzz::checkConfigErrors(config.error());
        return 0;
    }
    FUZZ_CHECK(!config->kiosk.id.empty());
    FUZZ_CHECK(config->display.width > 0 && config->display.height > 0);
    FUZZ_CHECK(config->data.directory.is_absolute());
    return 0;
}
