// Keeping and handing out compiled statements of one connection.
#include "shared/db/statement_cache.hpp"

#include <sqlite3.h>

namespace okienko::db
{

StatementCache::~StatementCache()
{
    clear();
}

sqlite3_stmt* StatementCache::take(std::string_view sql)
{
    const auto it = m_idle.find(sql);
    if (it == m_idle.end())
        return nullptr;
    sqlite3_stmt* stmt = it->second;
    auto node = m_idle.extract(it);
    m_lent.emplace(stmt, std::move(node.key()));
    return stmt;
}

void StatementCache::lend(sqlite3_stmt* stmt, std::string_view sql)
{
    if (stmt != nullptr)
        m_lent.emplace(stmt, std::string(sql));
}

void StatementCache::giveBack(sqlite3_stmt* stmt)
{
    if (stmt == nullptr)
        return;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    auto lent = m_lent.extract(stmt);
    if (lent.empty() || m_idle.size() >= kCapacity || !m_idle.try_emplace(std::move(lent.mapped()), stmt).second)
        sqlite3_finalize(stmt);
}

void StatementCache::clear()
{
    for (auto& [sql, stmt] : m_idle)
        sqlite3_finalize(stmt);
    m_idle.clear();
    // Statements still lent finalize themselves through giveBack() (unknown there: finalized).
    m_lent.clear();
}

} // namespace okienko::db
