// Setting keys of kiosk.toml in place, as `okienko-kiosk --enrol` does: the file is a dpkg
// conffile an administrator may have edited, so every other line, comment and blank line stays as
// it was. A key's line in its table is replaced (keeping an end-of-line comment), a missing key is
// added after the table's last key (or under its header), a missing table is appended. Values are
// written as TOML basic strings. The result is parsed back and each key must read as set: a file
// this line editor cannot handle (dotted keys, inline tables, a multi-line value) is refused
// rather than guessed at.
#pragma once

#include "shared/util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

struct ConfigKeyValue
{
    std::string table; ///< "kiosk", "server": a bare TOML key
    std::string key;   ///< "id", "url": a bare TOML key
    std::string value; ///< any UTF-8 text; escaped on writing
};

/// A TOML basic string ("…") holding `value`: backslash, quote and control characters escaped.
std::string tomlBasicString(std::string_view value);

/// `text` with every key set; the reason when a key cannot be set in place.
Result<std::string, std::string> setConfigKeys(std::string_view text, const std::vector<ConfigKeyValue>& values);

} // namespace okienko::kiosk
