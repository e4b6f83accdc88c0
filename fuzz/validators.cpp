// The validators of everything residents and staff type (shared/validate) and the text helpers they
// stand on. Invariants: none throws (an exception ends the harness as a crash); what a validator
// accepts, it accepts again unchanged (normalisation is idempotent); shown forms of a phone number
// normalise back to it; every failure has a message key.
#include "fuzz/fuzz_check.hpp"
#include "shared/text/fold.hpp"
#include "shared/text/utf8.hpp"
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/pesel.hpp"
#include "shared/validate/phone.hpp"
#include "shared/validate/postal_code.hpp"

using namespace okienko;

namespace
{

template <typename Error> std::string_view keyOf(Error error)
{
    return validate::messageKey(error);
}

std::string_view keyOf(const validate::FreeTextFailure& failure)
{
    return validate::messageKey(failure.error);
}

template <typename Validate> void checkIdempotent(std::string_view input, Validate validate)
{
    auto first = validate(input);
    if (!first)
    {
        FUZZ_CHECK(!keyOf(first.error()).empty());
        return;
    }
    auto second = validate(*first);
    FUZZ_CHECK(second.ok() && *second == *first);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::asText(data, size);

    auto pesel = validate::validatePesel(input, Date{2026, 12, 6});
    if (pesel)
        FUZZ_CHECK(input.size() == 11 && validate::validatePesel(input).ok());
    else
        FUZZ_CHECK(!validate::messageKey(pesel.error()).empty());

    checkIdempotent(input, validate::normalisePhone);
    if (auto phone = validate::normalisePhone(input))
    {
        FUZZ_CHECK(phone->size() == 9);
        auto shown = validate::normalisePhone(validate::formatPhone(*phone));
        FUZZ_CHECK(shown.ok() && *shown == *phone);
        (void)validate::maskPhone(*phone);
    }
    checkIdempotent(input, validate::normalisePostalCode);
    checkIdempotent(input, [](std::string_view s) { return validate::validatePersonName(s); });
    checkIdempotent(input, [](std::string_view s) { return validate::validateFreeText(s, 0, 2000); });
    if (auto free = validate::validateFreeText(input, 1, 200))
        FUZZ_CHECK(!text::firstInvalidUtf8(*free).has_value());

    if (auto decoded = text::decode(input))
        FUZZ_CHECK(text::encode(*decoded) == input);
    const std::string folded = text::foldForSearch(input);
    (void)text::splitFoldedWords(folded);
    (void)text::searchWords(input);
    return 0;
}
