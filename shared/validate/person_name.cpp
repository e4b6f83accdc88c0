// Person name validation. The accepted alphabet is deliberately explicit (not "any Unicode
// letter"): staff must be able to read, print and phone back whatever was typed.
#include "shared/validate/person_name.hpp"

#include "shared/text/utf8.hpp"
#include "shared/validate/message_keys.hpp"

#include <vector>

namespace okienko::validate
{

namespace
{

enum class CharClass
{
    Letter,
    Space,
    Joiner, ///< hyphen or apostrophe: only allowed between letters
    Control,
    Digit,
    Other
};

CharClass classify(char32_t cp)
{
    if ((cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z'))
        return CharClass::Letter;
    if (cp >= U'0' && cp <= U'9')
        return CharClass::Digit;
    if (cp == U' ')
        return CharClass::Space;
    if (cp == U'-' || cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC')
        return CharClass::Joiner;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return CharClass::Control;
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
        return CharClass::Letter;
    if (cp >= 0x100 && cp <= 0x17F)
        return CharClass::Letter;
    if ((cp >= 0x400 && cp <= 0x45F) || cp == 0x490 || cp == 0x491)
        return CharClass::Letter;
    return CharClass::Other;
}

bool isSeparator(CharClass c)
{
    return c == CharClass::Space || c == CharClass::Joiner;
}

} // namespace

Result<std::string, PersonNameError> validatePersonName(std::string_view input, std::size_t minCodePoints,
                                                        std::size_t maxCodePoints)
{
    const auto first = input.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return makeErr(PersonNameError::Empty);
    const auto last = input.find_last_not_of(' ');
    const std::string_view trimmed = input.substr(first, last - first + 1);

    const auto decoded = text::decode(trimmed);
    if (!decoded)
        return makeErr(PersonNameError::InvalidUtf8);

    // Collapse space runs while classifying, so the separator rules see the name as it is returned.
    std::u32string name;
    std::vector<CharClass> classes;
    bool hasLetter = false;
    for (const char32_t cp : *decoded)
    {
        const CharClass c = classify(cp);
        switch (c)
        {
        case CharClass::Control:
            return makeErr(PersonNameError::ControlCharacter);
        case CharClass::Digit:
            return makeErr(PersonNameError::Digit);
        case CharClass::Other:
            return makeErr(PersonNameError::InvalidCharacter);
        case CharClass::Letter:
            hasLetter = true;
            break;
        case CharClass::Space:
        case CharClass::Joiner:
            break;
        }
        if (c == CharClass::Space && !classes.empty() && classes.back() == CharClass::Space)
            continue;
        name.push_back(cp);
        classes.push_back(c);
    }

    if (!hasLetter)
        return makeErr(PersonNameError::NoLetter);
    if (isSeparator(classes.front()))
        return makeErr(PersonNameError::LeadingSeparator);
    if (isSeparator(classes.back()))
        return makeErr(PersonNameError::TrailingSeparator);
    for (std::size_t i = 1; i < classes.size(); ++i)
    {
        if (isSeparator(classes[i - 1]) && isSeparator(classes[i]))
            return makeErr(PersonNameError::DoubleSeparator);
    }
    if (name.size() < minCodePoints)
        return makeErr(PersonNameError::TooShort);
    if (name.size() > maxCodePoints)
        return makeErr(PersonNameError::TooLong);
    return text::encode(name);
}

std::string_view messageKey(PersonNameError error)
{
    switch (error)
    {
    case PersonNameError::Empty:
        return "validate.name.empty";
    case PersonNameError::InvalidUtf8:
        return "validate.name.invalid_utf8";
    case PersonNameError::ControlCharacter:
        return "validate.name.control_character";
    case PersonNameError::Digit:
        return "validate.name.digit";
    case PersonNameError::InvalidCharacter:
        return "validate.name.invalid_character";
    case PersonNameError::NoLetter:
        return "validate.name.no_letter";
    case PersonNameError::LeadingSeparator:
        return "validate.name.leading_separator";
    case PersonNameError::TrailingSeparator:
        return "validate.name.trailing_separator";
    case PersonNameError::DoubleSeparator:
        return "validate.name.double_separator";
    case PersonNameError::TooShort:
        return "validate.name.too_short";
    case PersonNameError::TooLong:
        return "validate.name.too_long";
    }
    return kUnknownMessageKey;
}

} // namespace okienko::validate
