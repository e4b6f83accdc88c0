// Amounts in złoty (see amount.hpp).
#include "shared/validate/amount.hpp"

namespace okienko::validate
{
namespace
{

constexpr std::size_t kMaxWholeDigits = 7;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::optional<std::int64_t> parseAmountGrosze(std::string_view input)
{
    const std::size_t sep = input.find_first_of(",.");
    const std::string_view whole = input.substr(0, sep);
    const std::string_view fraction = sep == std::string_view::npos ? std::string_view{} : input.substr(sep + 1);
    if (whole.empty() || whole.size() > kMaxWholeDigits || fraction.size() > 2)
        return std::nullopt;
    if (sep != std::string_view::npos && fraction.empty())
        return std::nullopt; // "1500," is still being typed
    std::int64_t grosze = 0;
    for (const char c : whole)
    {
        if (!isDigit(c))
            return std::nullopt;
        grosze = grosze * 10 + (c - '0');
    }
    grosze *= 100;
    for (std::size_t i = 0; i < fraction.size(); ++i)
    {
        if (!isDigit(fraction[i]))
            return std::nullopt;
        grosze += (fraction[i] - '0') * (i == 0 ? 10 : 1);
    }
    return grosze;
}

} // namespace okienko::validate
