// Membership in the flow code list.
#include "shared/protocol/flow_codes.hpp"

#include <algorithm>
#include <string>

namespace okienko::protocol::flow_code
{

bool isKnown(std::string_view code)
{
    return std::find(kAll.begin(), kAll.end(), code) != kAll.end();
}

std::string_view knownList()
{
    static const std::string list = []
    {
        std::string joined;
        for (std::string_view code : kAll)
            joined += (joined.empty() ? "" : ", ") + std::string(code);
        return joined;
    }();
    return list;
}

} // namespace okienko::protocol::flow_code
