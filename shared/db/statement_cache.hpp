// The compiled statements a connection keeps between uses. Compiling SQL costs more than running
// a short INSERT (the server's event path compiles the same handful of statements for every
// event), so a Statement made by Database::prepare goes back here, reset and with its values
// cleared, when it is destroyed, and the next prepare of the same text takes it again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3_stmt;

namespace okienko::db
{

class StatementCache
{
  public:
    /// Statements kept per connection; past this, a returned statement is finalized.
    static constexpr std::size_t kCapacity = 96;

    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache();

    /// An idle statement compiled from exactly `sql`, now lent to the caller; nullptr when none.
    sqlite3_stmt* take(std::string_view sql);
    /// Records a statement just compiled from `sql` as lent, so giveBack() can keep it.
    void lend(sqlite3_stmt* stmt, std::string_view sql);
    /// Takes a statement back: reset, values unbound (a resident's text stays in no idle
    /// statement), kept for the next take() or finalized when the cache is full or holds one already.
    void giveBack(sqlite3_stmt* stmt);
    /// Finalizes every idle statement (before the connection closes).
    void clear();

  private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> m_idle;
    /// The text each lent statement was asked for by (sqlite3_sql may differ in trailing bytes).
    std::unordered_map<sqlite3_stmt*, std::string> m_lent;
};

} // namespace okienko::db
