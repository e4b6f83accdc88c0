// StaffEntryFlow (see staff_entry_flow.hpp).
#include "kiosk/core/staff/staff_entry_flow.hpp"

namespace okienko::kiosk
{

void StaffEntryFlow::apply(const StaffEntryIntent& intent)
{
    (void)intent;
}

bool StaffEntryFlow::onCompletion(const Completion& completion)
{
    (void)completion;
    return false;
}

void StaffEntryFlow::sessionEnding()
{
    if (m_deps.services != nullptr)
        m_deps.services->forgetPrinted();
}

bool StaffEntryFlow::onScan(const std::string& code)
{
    (void)code;
    return false;
}

} // namespace okienko::kiosk
