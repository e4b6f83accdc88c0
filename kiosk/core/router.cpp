// Screen stack (see router.hpp).
#include "kiosk/core/router.hpp"

namespace okienko::kiosk
{

std::string_view screenName(ScreenId id)
{
    switch (id)
    {
    case ScreenId::Attract:
        return "attract";
    case ScreenId::Home:
        return "home";
    case ScreenId::Catalogue:
        return "catalogue";
    case ScreenId::ServicePage:
        return "service-page";
    case ScreenId::FeeCalculator:
        return "fee-calculator";
    case ScreenId::ConfigError:
        return "config-error";
    }
    return "unknown";
}

void Router::push(ScreenId id)
{
    if (m_stack.back() != id)
        m_stack.push_back(id);
}

bool Router::back()
{
    if (m_stack.size() <= 1)
        return false;
    m_stack.pop_back();
    return true;
}

void Router::reset(ScreenId root)
{
    m_stack.assign(1, root);
}

} // namespace okienko::kiosk
