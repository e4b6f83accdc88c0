// The flow codes usage events and ratings carry: the one list the kiosk names its flows from and
// the server accepts, so nothing else (a formula, a forged text) reaches usage_events or the reports.
#pragma once

#include <array>
#include <string_view>

namespace okienko::protocol::flow_code
{

inline constexpr std::string_view kEquipment = "equipment";
inline constexpr std::string_view kCounselling = "counselling";
inline constexpr std::string_view kCallback = "callback";
inline constexpr std::string_view kIdea = "idea";
inline constexpr std::string_view kServiceInfo = "service_info";
inline constexpr std::string_view kStaffEntry = "staff_entry";
inline constexpr std::string_view kCheckOut = "check_out";
inline constexpr std::string_view kLoanDesk = "loan_desk";
/// Browsing the catalogue: service views and searches.
inline constexpr std::string_view kCatalog = "catalog";

inline constexpr std::array<std::string_view, 9> kAll{kEquipment,  kCounselling, kCallback, kIdea,   kServiceInfo,
                                                      kStaffEntry, kCheckOut,    kLoanDesk, kCatalog};

/// True for a code of kAll (exact, case-sensitive).
bool isKnown(std::string_view code);

/// "equipment, counselling, …": the list an error message names.
std::string_view knownList();

} // namespace okienko::protocol::flow_code
