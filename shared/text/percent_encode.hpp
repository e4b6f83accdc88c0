// Percent-encoding of one URL component (RFC 3986): the kiosk's pull cursor in a query string and
// the panel's links both need it, and an unescaped '&' or '#' in either would cut the URL short.
#pragma once

#include <string>
#include <string_view>

namespace okienko::text
{

/// `text` with every byte outside the unreserved set (A-Z a-z 0-9 - _ . ~) written as %XX (upper-case
/// hex); UTF-8 is encoded byte by byte. Safe for a query value and for a path segment.
std::string percentEncode(std::string_view text);

} // namespace okienko::text
