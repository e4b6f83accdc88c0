// The registers' pages (/panel/registers/…): the index of the registers a role may open, and for
// each register the period's entries with who entered and changed them, the add / edit form with
// each field's error beside it, and removal. One implementation over RegisterDefinition; the route
// table names one handler per register through the templates below.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/panel/register_definitions.hpp"

namespace okienko::server::panel
{

/// GET /panel/registers: links to the registers the role may open.
PanelResponse registersIndexPage(const PageContext& ctx);

/// GET /panel/registers/<slug>[?from=&to=&edit=ID]
PanelResponse showRegisterPage(const PageContext& ctx, RegisterId id);
/// POST …/save (id empty: add): 303 when saved, 422 with the form and its errors, 409 for an entry
/// that is gone or not changed through this form.
PanelResponse registerSaveAction(const PageContext& ctx, const Form& form, RegisterId id);
/// POST …/remove (id): 303 when removed, 409 when gone.
PanelResponse registerRemoveAction(const PageContext& ctx, const Form& form, RegisterId id);

template <RegisterId R> PanelResponse registerPage(const PageContext& ctx)
{
    return showRegisterPage(ctx, R);
}
template <RegisterId R> PanelResponse registerSave(const PageContext& ctx, const Form& form)
{
    return registerSaveAction(ctx, form, R);
}
template <RegisterId R> PanelResponse registerRemove(const PageContext& ctx, const Form& form)
{
    return registerRemoveAction(ctx, form, R);
}

/// The period of `fields`' from and to (YYYY-MM-DD; a query or a form); default this year up to today. `error` says
/// what was wrong with a given one (the default is used then).
struct RegisterPeriod
{
    Date from, to;
    std::string error;
};
RegisterPeriod requestedPeriod(const std::map<std::string, std::string>& fields, Date today);

/// The GET form choosing the period of `path`.
Html periodForm(const std::string& path, const RegisterPeriod& period);

} // namespace okienko::server::panel
