// PESEL validation. Facts used here (gov.pl structure, as quoted in the team's reliability notes):
//   - 11 digits YYMMDD ZZZX Q: year's last two digits, month with the century encoded, day,
//     serial ZZZ, sex digit X (10th digit: even incl. 0 = female, odd = male), check digit Q.
//   - Century offsets added to the month: +80 for 1800-1899, +0 for 1900-1999, +20 for
//     2000-2099. Common validators also accept +40 (2100-2199) and +60 (2200-2299), which the
//     current gov.pl text does not list; we accept them too so a valid number is never refused.
//   - Check digit: S = sum of digits 1-10 weighted 1,3,7,9,1,3,7,9,1,3; Q = (10 - S mod 10) mod 10.
//   - "00000000000" passes the checksum, so the month (00) must be checked as well.
// A PESEL changes when a birth date or sex is corrected, so callers must not use it as a key.
#include "shared/validate/pesel.hpp"

#include "shared/validate/message_keys.hpp"

namespace okienko::validate
{

namespace
{

constexpr std::size_t kPeselLength = 11;
constexpr std::array<int, 10> kWeights{1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

int digitAt(std::string_view s, std::size_t i)
{
    return s[i] - '0';
}

struct Century
{
    int firstYear;
    int monthOffset;
};

// The month field decides the century; the offsets are multiples of 20, so month - offset is
// 1..12 for exactly one entry or for none.
constexpr std::array<Century, 5> kCenturies{{{1800, 80}, {1900, 0}, {2000, 20}, {2100, 40}, {2200, 60}}};

} // namespace

Result<PeselInfo, PeselError> validatePesel(std::string_view input, std::optional<Date> today)
{
    if (input.empty())
        return makeErr(PeselError::Empty);
    for (const char c : input)
    {
        if (c < '0' || c > '9')
            return makeErr(PeselError::NotDigits);
    }
    if (input.size() < kPeselLength)
        return makeErr(PeselError::TooShort);
    if (input.size() > kPeselLength)
        return makeErr(PeselError::TooLong);

    // The checksum comes before the date: a typo is by far the likeliest mistake and usually
    // breaks both, and "check the number again" is the message that helps then.
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i)
        sum += kWeights[i] * digitAt(input, i);
    if ((10 - sum % 10) % 10 != digitAt(input, 10))
        return makeErr(PeselError::BadChecksum);

    const int yy = digitAt(input, 0) * 10 + digitAt(input, 1);
    const int encodedMonth = digitAt(input, 2) * 10 + digitAt(input, 3);
    const int day = digitAt(input, 4) * 10 + digitAt(input, 5);

    std::optional<Date> birth;
    for (const Century& c : kCenturies)
    {
        const int month = encodedMonth - c.monthOffset;
        if (month >= 1 && month <= 12)
        {
            birth = Date{c.firstYear + yy, month, day};
            break;
        }
    }
    if (!birth)
        return makeErr(PeselError::BadMonth);
    if (!isValidDate(birth->year, birth->month, birth->day))
        return makeErr(PeselError::BadDate);
    if (today && *birth > *today)
        return makeErr(PeselError::InFuture);

    const Sex sex = digitAt(input, 9) % 2 == 0 ? Sex::Female : Sex::Male;
    return PeselInfo{std::string(input), *birth, sex};
}

std::string_view messageKey(PeselError error)
{
    switch (error)
    {
    case PeselError::Empty:
        return "validate.pesel.empty";
    case PeselError::NotDigits:
        return "validate.pesel.not_digits";
    case PeselError::TooShort:
        return "validate.pesel.too_short";
    case PeselError::TooLong:
        return "validate.pesel.too_long";
    case PeselError::BadChecksum:
        return "validate.pesel.checksum";
    case PeselError::BadMonth:
        return "validate.pesel.month";
    case PeselError::BadDate:
        return "validate.pesel.date";
    case PeselError::InFuture:
        return "validate.pesel.future";
    }
    return kUnknownMessageKey;
}

} // namespace okienko::validate
