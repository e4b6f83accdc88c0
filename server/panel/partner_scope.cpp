// The partner scope check, read from the database on every call: a login's institution is the one
// whose account_id it is, and only while that institution is approved.
#include "server/panel/partner_scope.hpp"

#include "server/store/partner_store.hpp"

#include <algorithm>

namespace okienko::server::panel
{

std::optional<Institution> partnerInstitution(const PageContext& ctx)
{
    if (ctx.session.role != "partner")
        return std::nullopt;
    auto found = PartnerStore(ctx.store).institutionOfAccount(ctx.session.staffId);
    if (!found)
        return std::nullopt;
    return *found;
}

bool mayActForInstitution(const PageContext& ctx, const std::string& institutionId)
{
    if (ctx.session.role == "coordinator")
        return true;
    auto own = partnerInstitution(ctx);
    return own && own->id == institutionId;
}

bool mayActForService(const PageContext& ctx, const std::string& serviceId)
{
    if (ctx.session.role == "coordinator")
        return true;
    auto own = partnerInstitution(ctx);
    return own && std::find(own->serviceIds.begin(), own->serviceIds.end(), serviceId) != own->serviceIds.end();
}

} // namespace okienko::server::panel
