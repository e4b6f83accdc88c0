// Which published services fit a resident's needs (issue 17, "residents registered from a phone
// call"): the criteria a coordinator records — areas, target groups, place, fee — and the one pure
// function that decides a match, used by the resident's page, by the notification hook and by tests
// over the shipped catalogues. No database, no clock: `today` is the caller's.
#pragma once

#include "shared/domain/area.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/service.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server::residents
{

/// What the resident is ready to pay.
enum class FeeLimit
{
    Any,      ///< whatever the fee
    FreeOnly, ///< only services the catalogue marks free
    Maximum,  ///< at most `maxFeeGrosze` a month
};

/// A resident's needs as criteria. An empty list means "any"; at least one area or target group
/// is required by the form (a resident with no criteria would match every service).
struct ResidentNeeds
{
    std::vector<domain::Area> areas;
    std::vector<domain::TargetGroup> targetGroups;
    /// Words the service's place must contain (in any language, folded as the kiosk's search folds
    /// them: "radomska", "w domu"); empty: anywhere. The catalogue has no structured locations, only
    /// the place's text, so this is a word match (docs/partners.md, "Residents' criteria").
    std::string place;
    FeeLimit fee = FeeLimit::Any;
    std::int64_t maxFeeGrosze = 0; ///< with FeeLimit::Maximum

    friend bool operator==(const ResidentNeeds&, const ResidentNeeds&) = default;
};

/// Published for residents today: active or "information" (both shown on kiosks and the public
/// pages as something a resident can use or ask about), and within its valid-from/to dates.
bool isPublished(const domain::Service& service, const Date& today);

/// How a service's fee compares with the resident's limit.
enum class FeeFit
{
    Fits,          ///< within the limit: any fee with "any", a free service with every limit
    AmountUnknown, ///< "up to an amount", and the catalogue gives no amount to compare with
    Exceeds,       ///< outside the limit: not free with "free only"
};

/// The comparison. The catalogue's only amounts are the fee tables' income criteria: a fixed fee is
/// described in text and an unspecified one not at all, and an income-table fee is a share of costs
/// the catalogue does not state (free up to the criterion). So with "up to an amount" every service
/// that is not free is AmountUnknown: it is listed, with feeNote saying what to check, never
/// silently taken as cheaper or dearer than the limit.
FeeFit feeFit(const ResidentNeeds& needs, const domain::FeeRule& fee);
/// feeFit is not Exceeds.
bool feeFits(const ResidentNeeds& needs, const domain::FeeRule& fee);
/// What the coordinator must check about the fee before telling the resident (Polish, for the
/// panel's match list); "" when the fee is known to fit. Names the fee table's income criterion
/// when the service has one.
std::string feeNote(const ResidentNeeds& needs, const domain::Service& service, const domain::Catalog& catalog);

/// True when `service` is published today and fits every criterion of `needs`: it shares an area
/// (when areas are given), serves one of the target groups or all residents (when groups are
/// given), its place contains the place words, and its fee fits.
bool matches(const ResidentNeeds& needs, const domain::Service& service, const Date& today);

/// The catalogue's services that match, in catalogue order.
std::vector<const domain::Service*> matchingServices(const ResidentNeeds& needs, const domain::Catalog& catalog,
                                                     const Date& today);

/// The needs as stored (a JSON object: areas, target_groups, place, fee, max_fee_grosze) and back;
/// nullopt for a text that is not such an object.
std::string needsToJson(const ResidentNeeds& needs);
std::optional<ResidentNeeds> needsFromJson(const std::string& json);

/// "free", "any", "max"; and back.
std::string_view feeLimitCode(FeeLimit limit);
std::optional<FeeLimit> parseFeeLimit(std::string_view code);

} // namespace okienko::server::residents
