// "Do uzupełnienia przed otwarciem": what the shipped catalogue still leaves to the CUS — notes and
// texts saying "do uzupełnienia", the CUS's empty address, phone, e-mail or hours, emergency numbers
// marked for checking and never checked — each with a link to the form that fills it. Shown on the
// coordinators' start page and the catalogue page until nothing is left.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/store/catalog_entries.hpp"

#include <string>
#include <vector>

namespace okienko::server::panel
{

struct Placeholder
{
    std::string what; ///< Polish, e.g. "Telefon CUS — puste pole"
    std::string href; ///< the form that fills it
};

/// Every placeholder of the stored catalogue, in catalogue order.
std::vector<Placeholder> catalogPlaceholders(const CatalogKeepingView& view);

/// The section for a page (empty when nothing is left, or for a role that may not edit the catalogue).
Html placeholdersSection(const PageContext& ctx);

} // namespace okienko::server::panel
