// The panel's import of a catalogue file (/panel/catalog/import): a coordinator uploads a catalogue
// JSON file (multipart; the shipped files are 170–260 KB, under `server.max_body_bytes`), sees the
// same merge preview as `import-catalog FILE` — what it would add, change and retire, and which
// panel edits it keeps — and applies it. The file travels with the preview as a hidden field and is
// checked again on apply; the change log's last seq at preview time must still be the last one, so
// a catalogue changed in between is previewed again rather than merged unseen. Audited in
// panel_actions (who, when, which file) and catalog_imports (the counts).
#pragma once

#include "server/panel/page_parts.hpp"

#include <map>
#include <string>

namespace okienko::server::panel
{

/// GET /panel/catalog/import: the upload form.
PanelResponse catalogImportPage(const PageContext& ctx);
/// POST /panel/catalog/import/preview: the uploaded file's merge preview, or why it does not load.
PanelResponse catalogImportPreview(const PageContext& ctx, const std::map<std::string, std::string>& form);
/// POST /panel/catalog/import/apply: the previewed file merged into the catalogue.
PanelResponse catalogImportApply(const PageContext& ctx, const std::map<std::string, std::string>& form);

} // namespace okienko::server::panel
