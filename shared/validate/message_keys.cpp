// Collects the keys from each validator's own messageKey(), so this list cannot drift from them.
#include "shared/validate/message_keys.hpp"

#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/pesel.hpp"
#include "shared/validate/phone.hpp"
#include "shared/validate/postal_code.hpp"
#include "shared/validate/staff_pin.hpp"

namespace okienko::validate
{

namespace
{

template <typename E, std::size_t N> void appendKeys(std::vector<std::string_view>& out, const std::array<E, N>& all)
{
    for (const E e : all)
        out.push_back(messageKey(e));
}

} // namespace

std::vector<std::string_view> allMessageKeys()
{
    std::vector<std::string_view> keys;
    appendKeys(keys, kAllPeselErrors);
    appendKeys(keys, kAllPhoneErrors);
    appendKeys(keys, kAllPostalCodeErrors);
    appendKeys(keys, kAllPersonNameErrors);
    appendKeys(keys, kAllFreeTextErrors);
    appendKeys(keys, kAllStaffPinErrors);
    keys.push_back(kUnknownMessageKey);
    return keys;
}

} // namespace okienko::validate
