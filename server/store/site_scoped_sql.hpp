// A counting statement written for one site, run for a SiteScope: every site-owned table it names
// is shadowed by a common table expression of the same name holding only the scope's rows, so the
// programme's measures (indicator_sql, one statement per metric and register measure) keep their
// text and are scoped in one place (decision 0011).
#pragma once

#include "server/store/site_scope.hpp"

#include <string>
#include <string_view>

namespace okienko::server
{

/// `sql` with a WITH clause before it that limits each site-owned table it names (as a whole word)
/// to the rows of `scope`, read from the placeholder `placeholder` (e.g. "?4"), where the caller
/// binds `scope.bound()` (the placeholder is in the result even when `sql` names no such table). A
/// statement that begins with WITH [RECURSIVE] keeps its own expressions.
std::string siteScopedSql(std::string_view sql, const SiteScope& scope, std::string_view placeholder);

} // namespace okienko::server
