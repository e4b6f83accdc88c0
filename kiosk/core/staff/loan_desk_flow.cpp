// LoanDeskFlow (see loan_desk_flow.hpp).
#include "kiosk/core/staff/loan_desk_flow.hpp"

namespace okienko::kiosk
{

void LoanDeskFlow::apply(const LoanDeskIntent& intent)
{
    (void)intent;
}

bool LoanDeskFlow::onCompletion(const Completion& completion)
{
    (void)completion;
    return false;
}

bool LoanDeskFlow::onScan(const std::string& code)
{
    (void)code;
    return false;
}

} // namespace okienko::kiosk
