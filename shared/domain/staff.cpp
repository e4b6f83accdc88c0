#include "shared/domain/staff.hpp"

namespace okienko::domain
{

bool Announcement::visibleOn(Date day) const
{
    if (validFrom && day < *validFrom)
        return false;
    if (validTo && *validTo < day)
        return false;
    return true;
}

} // namespace okienko::domain
