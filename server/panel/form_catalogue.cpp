#include "server/panel/form_catalogue.hpp"

#include "server/store/panel_store.hpp"

namespace okienko::server::panel
{

domain::Catalog formCatalogue(const PageContext& ctx)
{
    auto overview = ctx.panelStore.catalogOverview();
    if (overview && overview->catalogue)
        return std::move(*overview->catalogue);
    return {};
}

} // namespace okienko::server::panel
