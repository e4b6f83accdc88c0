// The form of a service's §8 fields (Łapy plan 001 §8: name, provider, how it is delivered, when,
// conditions and mode of qualification, fees and reliefs, documents, personal data) that a partner
// institution fills in to propose a service or a change, and that a coordinator edits before
// publishing it: texts in Polish, Ukrainian and English, status, areas, target groups, fee kind,
// dates. The entry is checked by the catalogue loader's rules for one entry when it is published.
#pragma once

#include "server/panel/form_catalogue.hpp"
#include "server/panel/page_parts.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/protocol/json_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace okienko::server::panel
{

/// One text of a service as the forms show it.
struct ServiceTextField
{
    std::string_view key;     ///< the form's and the JSON's key ("fee_text" is /fee/text)
    std::string_view pointer; ///< JSON pointer of the localized text in the entry
    std::string_view label;   ///< Polish label
    bool required = true;
    int rows = 1; ///< 1: one line
    int maxChars = 4000;
};
/// The §8 texts, in the form's order.
const std::vector<ServiceTextField>& serviceTextFields();

/// The fields (no <form>, no buttons) for `entry`, a service's catalogue JSON; `errors` are the
/// loader's messages shown in a summary above them. The areas and groups offered are `catalogue`'s
/// active ones and those the entry already names.
Html serviceFieldsHtml(const protocol::Json& entry, const std::vector<std::string>& errors,
                       const domain::Catalog& catalogue);

/// `base` with the form's values of those fields laid over it.
protocol::Json entryFromForm(protocol::Json base, const Form& form, const domain::Catalog& catalogue);

/// A new service's entry for a proposal: the texts empty, status "planned", the fee unspecified,
/// nothing a resident can start at a kiosk but a callback.
protocol::Json emptyServiceEntry(const std::string& deliveredBy);

} // namespace okienko::server::panel
