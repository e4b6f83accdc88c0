// siteScopedSql: the site-owned tables a counting statement may name, each shadowed by its rows of
// the scope. A common table expression hides a table of the same name in SQLite; the expression
// itself reads `main.<table>`, which never names an expression.
#include "server/store/site_scoped_sql.hpp"

#include <cctype>

namespace okienko::server
{

namespace
{
/// The tables with a site_id column the programme's figures count, the catalogue's among them
/// (decision 0015: "new services" are the site's own).
constexpr std::string_view kSiteTables[] = {"activities",
                                            "activity_sessions",
                                            "callback_requests",
                                            "counselling_kinds",
                                            "counselling_register",
                                            "counselling_requests",
                                            "counselling_slots",
                                            "equipment_types",
                                            "equipment_units",
                                            "indicator_values",
                                            "loans",
                                            "reservations",
                                            "residents",
                                            "services",
                                            "sheltered_housing_stays",
                                            "usage_events",
                                            "volunteer_club_members",
                                            "volunteer_initiatives",
                                            "waitlist_entries"};

bool identifierChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// Whether `sql` names `word` as a whole identifier.
bool names(std::string_view sql, std::string_view word)
{
    for (std::size_t at = sql.find(word); at != std::string_view::npos; at = sql.find(word, at + 1))
    {
        const bool before = at == 0 || !identifierChar(sql[at - 1]);
        const std::size_t end = at + word.size();
        const bool after = end == sql.size() || !identifierChar(sql[end]);
        if (before && after)
            return true;
    }
    return false;
}

bool startsWithWord(std::string_view sql, std::string_view word)
{
    return sql.substr(0, word.size()) == word;
}
} // namespace

std::string siteScopedSql(std::string_view sql, const SiteScope& scope, std::string_view placeholder)
{
    std::string ctes;
    auto add = [&](std::string expression)
    {
        ctes += ctes.empty() ? "" : ", ";
        ctes += expression;
    };
    for (std::string_view table : kSiteTables)
        if (names(sql, table))
            add(std::string(table) + " AS (SELECT * FROM main." + std::string(table) + " WHERE " +
                scope.clause("site_id", placeholder) + ")");
    // A match names a resident, whose site is the resident's.
    if (names(sql, "resident_matches"))
        add("resident_matches AS (SELECT * FROM main.resident_matches WHERE resident_id IN (SELECT id FROM "
            "main.residents WHERE " +
            scope.clause("site_id", placeholder) + "))");
    // The placeholder is in every statement made here, so the caller binds the same values to each.
    if (ctes.empty())
        add("site_scope AS (SELECT value FROM json_each(" + std::string(placeholder) + "))");
    if (startsWithWord(sql, "WITH RECURSIVE "))
        return "WITH RECURSIVE " + ctes + ", " + std::string(sql.substr(15));
    if (startsWithWord(sql, "WITH "))
        return "WITH " + ctes + ", " + std::string(sql.substr(5));
    return "WITH " + ctes + " " + std::string(sql);
}

} // namespace okienko::server
