// One escaping rule for every log line that carries text from outside (request paths, event types,
// ids, error messages): a client must not be able to forge a log line or drive the terminal.
#pragma once

#include <string>
#include <string_view>

namespace okienko::util
{

/// `text` with every control character written as \xNN: C0 (\n, \r, \t, …), DEL, the C1 controls
/// (U+0080 … U+009F, as UTF-8) and the backslash itself, so an escaped line reads back unambiguously.
/// Everything else, including other UTF-8 and invalid bytes, is kept as it is.
std::string escapeForLog(std::string_view text);

} // namespace okienko::util
