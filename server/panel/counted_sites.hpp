// Which sites a page of figures counts (the programme's report, monitoring): the site the session
// shows, or with `sites=all` every site the account reaches, added up — a county's total (decision
// 0011). Only figures are ever added up across sites; lists and forms show one site.
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/panel/panel_auth.hpp"
#include "server/store/site_scope.hpp"

#include <string>
#include <vector>

namespace okienko::server::panel
{

struct CountedSites
{
    SiteScope scope;
    /// The sites a county's total adds up, in the account's order; empty for one site's figures.
    std::vector<SiteChoice> total;

    bool isTotal() const { return !total.empty(); }
    /// "Razem: CUS w Starachowicach, CUS w Skarżysku-Kamiennej" for a total, "" otherwise.
    std::string totalName() const;
};

/// The sites to count when `allAsked` (`sites=all`): every site of an account that reaches several,
/// else (or for an account of one site) the site the session shows.
CountedSites countedSites(const PanelSession& session, bool allAsked);

/// The "Ośrodki" choice of a period form (a <label> and a <select name="sites">) for an account of
/// several sites; nothing for an account of one.
Html sitesChoice(const PanelSession& session, bool total);

} // namespace okienko::server::panel
