// Postal code validation. Only the shape is checked: the list of codes actually assigned by
// Poczta Polska changes and is not ours to ship, and a wrong-but-well-formed code still reaches staff.
#include "shared/validate/postal_code.hpp"

#include "shared/validate/message_keys.hpp"

namespace okienko::validate
{

namespace
{

bool allDigits(std::string_view s)
{
    for (const char c : s)
    {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

Result<std::string, PostalCodeError> normalisePostalCode(std::string_view input)
{
    const auto first = input.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return makeErr(PostalCodeError::Empty);
    const auto last = input.find_last_not_of(' ');
    const std::string_view code = input.substr(first, last - first + 1);

    if (code.size() == 6 && code[2] == '-' && allDigits(code.substr(0, 2)) && allDigits(code.substr(3)))
        return std::string(code);
    if (code.size() == 5 && allDigits(code))
        return std::string(code.substr(0, 2)) + "-" + std::string(code.substr(2));
    return makeErr(PostalCodeError::BadFormat);
}

std::string_view messageKey(PostalCodeError error)
{
    switch (error)
    {
    case PostalCodeError::Empty:
        return "validate.postal_code.empty";
    case PostalCodeError::BadFormat:
        return "validate.postal_code.format";
    }
    return kUnknownMessageKey;
}

} // namespace okienko::validate
