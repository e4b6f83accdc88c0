// Staff PIN validation (see staff_pin.hpp).
#include "shared/validate/staff_pin.hpp"

#include "shared/validate/message_keys.hpp"

namespace okienko::validate
{

Status<StaffPinError> validateStaffPin(std::string_view pin)
{
    for (const char c : pin)
        if (c < '0' || c > '9')
            return makeErr(StaffPinError::NotDigits);
    if (pin.size() < kStaffPinMinDigits)
        return makeErr(StaffPinError::TooShort);
    if (pin.size() > kStaffPinMaxDigits)
        return makeErr(StaffPinError::TooLong);
    return {};
}

std::string_view messageKey(StaffPinError error)
{
    switch (error)
    {
    case StaffPinError::NotDigits:
        return "validate.staff_pin.not_digits";
    case StaffPinError::TooShort:
        return "validate.staff_pin.too_short";
    case StaffPinError::TooLong:
        return "validate.staff_pin.too_long";
    }
    return kUnknownMessageKey;
}

} // namespace okienko::validate
