// The form "register a resident from a phone call" (/panel/residents/new): what a coordinator types
// while on the phone — name, phone and/or e-mail, language, needs as criteria, and the consent read
// out to the resident — read and checked field by field with a precise Polish message for each.
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/panel/page_parts.hpp"
#include "server/residents/resident_store.hpp"
#include "shared/domain/catalog.hpp"

#include <map>
#include <string>

namespace okienko::server::panel
{

/// The typed values (shown again after an error) and, when `errors` is empty, the resident.
struct ResidentForm
{
    std::map<std::string, std::string> typed;  ///< the form's fields as sent
    std::map<std::string, std::string> errors; ///< field name → message
    residents::NewResident resident;
};

/// The consent the coordinator reads out, version residents::kConsentWordingVersion.
extern const char* const kConsentWording;

/// Reads and checks the form; `staffId` takes the call and the consent; the needs are read against
/// `catalogue`'s areas and groups.
ResidentForm readResidentForm(const Form& form, const std::string& staffId, const domain::Catalog& catalogue);

/// The form with `f`'s values and errors (an error summary on top whose links move to the fields);
/// the needs offer `catalogue`'s active areas and groups.
Html renderResidentForm(const PanelSession& session, const ResidentForm& f, const domain::Catalog& catalogue);

/// "6. wspieranie osób niepełnosprawnych" / "Seniorzy (60+)": the Polish names of the criteria.
std::string targetGroupLabel(const domain::TargetGroup& group);
/// The needs in one line for lists: areas, groups, place, fee.
std::string needsText(const residents::ResidentNeeds& needs);

} // namespace okienko::server::panel
