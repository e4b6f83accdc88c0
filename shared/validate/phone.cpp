// Polish phone number parsing and display. National numbers in Poland are 9 digits with no
// trunk prefix since 2005; geographic area codes start at 12 and mobile ranges with 45/5x/6x/7x/8x,
// so only a leading 0 is impossible (a leading 1 is valid: 12 is Kraków).
#include "shared/validate/phone.hpp"

#include "shared/validate/message_keys.hpp"

namespace okienko::validate
{

namespace
{

constexpr std::size_t kNationalLength = 9;
constexpr std::string_view kCountryCode = "48";
constexpr std::string_view kInternationalCountryCode = "0048";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNineDigits(std::string_view s)
{
    if (s.size() != kNationalLength)
        return false;
    for (const char c : s)
    {
        if (!isDigit(c))
            return false;
    }
    return true;
}

// Strips a required country prefix. A digit string that is still a beginning of the prefix
// ("+", "+4", "00", "004") is too short rather than foreign: the resident may not be done typing.
Result<std::string, PhoneError> stripPrefix(const std::string& digits, std::string_view prefix)
{
    if (digits.starts_with(prefix))
        return digits.substr(prefix.size());
    if (digits.size() < prefix.size() && prefix.starts_with(digits))
        return makeErr(PhoneError::TooShort);
    return makeErr(PhoneError::WrongCountryCode);
}

} // namespace

Result<std::string, PhoneError> normalisePhone(std::string_view input)
{
    const auto first = input.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return makeErr(PhoneError::Empty);

    bool plus = false;
    std::string digits;
    for (std::size_t i = first; i < input.size(); ++i)
    {
        const char c = input[i];
        if (isDigit(c))
            digits.push_back(c);
        else if (c == '+' && i == first)
            plus = true;
        else if (c != ' ' && c != '-')
            return makeErr(PhoneError::InvalidCharacter);
    }

    std::string national = digits;
    if (plus)
    {
        auto stripped = stripPrefix(digits, kCountryCode);
        if (!stripped)
            return makeErr(stripped.error());
        national = std::move(stripped).value();
    }
    else if (digits.starts_with("00"))
    {
        auto stripped = stripPrefix(digits, kInternationalCountryCode);
        if (!stripped)
            return makeErr(stripped.error());
        national = std::move(stripped).value();
    }

    if (!national.empty() && national.front() == '0')
        return makeErr(PhoneError::InvalidLeadingDigit);
    if (national.size() < kNationalLength)
        return makeErr(PhoneError::TooShort);
    if (national.size() > kNationalLength)
        return makeErr(PhoneError::TooLong);
    return national;
}

std::string formatPhone(std::string_view nineDigits)
{
    if (!isNineDigits(nineDigits))
        return std::string(nineDigits);
    std::string out;
    out.reserve(11);
    out.append(nineDigits.substr(0, 3)).append(" ").append(nineDigits.substr(3, 3)).append(" ");
    out.append(nineDigits.substr(6, 3));
    return out;
}

std::string maskPhone(std::string_view nineDigits)
{
    if (!isNineDigits(nineDigits))
        return "*** *** ***";
    std::string out;
    out.reserve(11);
    out.append(nineDigits.substr(0, 3)).append(" *** *").append(nineDigits.substr(7, 2));
    return out;
}

std::string_view messageKey(PhoneError error)
{
    switch (error)
    {
    case PhoneError::Empty:
        return "validate.phone.empty";
    case PhoneError::InvalidCharacter:
        return "validate.phone.invalid_character";
    case PhoneError::WrongCountryCode:
        return "validate.phone.country_code";
    case PhoneError::InvalidLeadingDigit:
        return "validate.phone.leading_digit";
    case PhoneError::TooShort:
        return "validate.phone.too_short";
    case PhoneError::TooLong:
        return "validate.phone.too_long";
    }
    return kUnknownMessageKey;
}

} // namespace okienko::validate
