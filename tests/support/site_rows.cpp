// siteRows and expectSameRows: each table's rows with every column quoted and joined, so any
// changed value shows, and compared as multisets of "table row" lines.
#include "tests/support/site_rows.hpp"

#include "shared/db/query.hpp"

#include <gtest/gtest.h>
#include <utility>
#include <vector>

namespace okienko::test
{

std::string siteRows(server::ServerStore& store, const std::string& site, const std::set<std::string>& leaveOut)
{
    std::string out;
    auto read = store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            std::vector<std::pair<std::string, std::string>> tables;
            auto listed = db::forEachRow(
                d,
                "SELECT m.name, CASE WHEN EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = "
                "'site_id') THEN 'site_id = ?1' WHEN EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = "
                "'kiosk_id') THEN 'kiosk_id IN (SELECT id FROM kiosks WHERE site_id = ?1)' ELSE '?1 IS NOT NULL' END "
                "FROM sqlite_master m WHERE m.type = 'table' AND m.name "
                "NOT IN "
                "('sqlite_sequence', 'staff_sites', 'sites') ORDER BY m.name",
                [&](db::Row& r)
                {
                    std::string name = r.text();
                    std::string where = r.text();
                    if (!leaveOut.count(name))
                        tables.emplace_back(std::move(name), std::move(where));
                });
            if (!listed)
                return listed;
            for (const auto& [table, where] : tables)
            {
                std::string expr;
                auto columns = db::forEachRow(
                    d, "SELECT name FROM pragma_table_info(?) ORDER BY cid",
                    [&](db::Row& r) { expr += (expr.empty() ? "" : " || '|' || ") + ("quote(\"" + r.text() + "\")"); },
                    table);
                if (!columns)
                    return columns;
                out += "## " + table + "\n";
                auto rows = db::forEachRow(
                    d, "SELECT " + expr + " FROM \"" + table + "\" WHERE " + where + " ORDER BY rowid",
                    [&](db::Row& r) { out += r.text() + "\n"; }, site);
                if (!rows)
                    return rows;
            }
            return {};
        });
    EXPECT_TRUE(read.ok()) << read.error().describe();
    return out;
}

void expectSameRows(const std::string& before, const std::string& after, const std::string& what)
{
    auto lines = [](const std::string& text)
    {
        std::multiset<std::string> out;
        std::string table;
        for (std::size_t at = 0; at < text.size();)
        {
            const auto end = text.find('\n', at);
            std::string line = text.substr(at, end - at);
            at = end == std::string::npos ? text.size() : end + 1;
            if (line.starts_with("## "))
                table = line;
            else
                out.insert(table + " " + line.substr(0, 300));
        }
        return out;
    };
    const auto was = lines(before), is = lines(after);
    for (const std::string& line : was)
        EXPECT_TRUE(is.count(line)) << what << " changed or removed a row of the other site: " << line;
    for (const std::string& line : is)
        EXPECT_TRUE(was.count(line)) << what << " added a row to the other site: " << line;
}

} // namespace okienko::test
