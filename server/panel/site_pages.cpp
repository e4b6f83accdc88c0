// The site switcher: the session's site changes only to a site the account reaches (checked in the
// same statement that changes it); anything else is refused with a sentence and changes nothing.
#include "server/panel/site_pages.hpp"

#include "server/panel/route_table.hpp"

namespace okienko::server::panel
{

PanelResponse siteSwitchAction(const PageContext& ctx, const Form& form)
{
    const std::string site = fieldValue(form, "site");
    if (site.empty() || !isValidSiteId(site))
        return messagePage(400, "Nie zmieniono ośrodka", "Nie wybrano ośrodka. Wybierz ośrodek z listy w nagłówku.");
    auto switched = ctx.panelStore.switchSessionSite(ctx.session.tokenHash, site);
    if (!switched)
        return messagePage(500, "Błąd serwera", "Nie udało się zmienić ośrodka. Spróbuj ponownie za chwilę.");
    if (!*switched)
        return messagePage(403, "Nie zmieniono ośrodka",
                           "Twoje konto nie ma dostępu do tego ośrodka. Możesz wybrać tylko ośrodki z listy w "
                           "nagłówku; o dostęp do innych poproś administratora.");
    // Back to the section the switch was made from, when it is a page the role may open (never a
    // path taken from the form as it is).
    const std::string back = fieldValue(form, "back");
    return seeOther(mayUse(ctx.session.role, Method::Get, back) ? back : startPathFor(ctx.session.role));
}

} // namespace okienko::server::panel
