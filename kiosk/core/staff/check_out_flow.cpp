// CheckOutFlow (see check_out_flow.hpp).
#include "kiosk/core/staff/check_out_flow.hpp"

namespace okienko::kiosk
{

void CheckOutFlow::apply(const CheckOutIntent& intent)
{
    (void)intent;
}

bool CheckOutFlow::onCompletion(const Completion& completion)
{
    (void)completion;
    return false;
}

bool CheckOutFlow::onScan(const std::string& code)
{
    (void)code;
    return false;
}

} // namespace okienko::kiosk
