// A prepared SQLite statement. All SQL with values goes through here: values are bound, never
// spliced into the text, so a resident typing "'); DROP TABLE …" stores exactly that text.
#pragma once

#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace okienko::db
{

class StatementCache;

using Blob = std::vector<std::uint8_t>;

/// What one step() produced.
enum class Step
{
    Row,  ///< a result row is ready for the column getters
    Done, ///< the statement ran to completion
};

/// Owns one sqlite3_stmt: finalized on destruction, or handed back to its connection's
/// StatementCache when it came from one. Move-only. Made by Database::prepare. The Database it
/// came from must outlive it.
class Statement
{
  public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt, StatementCache* home = nullptr) : m_stmt(stmt), m_home(home) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    bool valid() const { return m_stmt != nullptr; }
    /// The SQL text as written, with placeholders (no bound values).
    std::string sql() const;

    // --- binding; indices start at 1 as in SQLite; names include their prefix (":id") ---
    /// Binds a 64-bit integer.
    Status<Error> bindInt64(int index, std::int64_t value);
    /// Binds a double.
    Status<Error> bindDouble(int index, double value);
    /// Binds text (copied). An empty view binds '' — not NULL.
    Status<Error> bindText(int index, std::string_view value);
    /// Binds a blob (copied). An empty blob binds a zero-length blob — not NULL.
    Status<Error> bindBlob(int index, std::span<const std::uint8_t> value);
    /// Binds SQL NULL.
    Status<Error> bindNull(int index);

    /// Overloads for generic code: any integer type that fits int64 (bool binds 0/1), double,
    /// text, blob, nullptr (NULL) and std::optional of those (nullopt binds NULL).
    template <std::integral T>
    requires(!(std::unsigned_integral<T> && sizeof(T) >= sizeof(std::int64_t))) Status<Error> bind(int index, T value)
    {
        return bindInt64(index, static_cast<std::int64_t>(value));
    }
    Status<Error> bind(int index, double value) { return bindDouble(index, value); }
    Status<Error> bind(int index, std::string_view value) { return bindText(index, value); }
    Status<Error> bind(int index, const std::string& value) { return bindText(index, value); }
    Status<Error> bind(int index, const char* value) { return bindText(index, std::string_view(value)); }
    Status<Error> bind(int index, std::span<const std::uint8_t> value) { return bindBlob(index, value); }
    Status<Error> bind(int index, const Blob& value) { return bindBlob(index, value); }
    Status<Error> bind(int index, std::nullptr_t) { return bindNull(index); }
    template <typename T> Status<Error> bind(int index, const std::optional<T>& value)
    {
        if (!value)
            return bindNull(index);
        return bind(index, *value);
    }

    /// The 1-based index of a named parameter (":name", "@name", "$name"), or UnknownParameter.
    Result<int, Error> parameterIndex(std::string_view name) const;

    /// Binds by name; the same value types as bind(int, …).
    template <typename T> Status<Error> bind(std::string_view name, const T& value)
    {
        auto index = parameterIndex(name);
        if (!index)
            return makeErr(index.error());
        return bind(*index, value);
    }
    Status<Error> bind(std::string_view name, const char* value) { return bind(name, std::string_view(value)); }

    /// Unbinds every parameter (all become NULL).
    void clearBindings();

    // --- running ---
    /// Runs the statement to its next row or to completion.
    Result<Step, Error> step();
    /// Steps until Done (ignoring rows) and resets, keeping the bindings: for INSERT/UPDATE/DELETE.
    Status<Error> run();
    /// Makes the statement runnable again; bindings stay. SQLite's reset repeats the error of a
    /// failed step, which the caller already got from step(), so it is not reported twice.
    void reset();

    // --- columns of the current row; indices start at 0 as in SQLite ---
    int columnCount() const;
    std::string columnName(int column) const;
    /// True when the column holds NULL.
    Result<bool, Error> isNull(int column) const;
    /// INTEGER only; NULL, REAL, TEXT or BLOB is a TypeMismatch.
    Result<std::int64_t, Error> columnInt64(int column) const;
    /// INTEGER that fits in int.
    Result<int, Error> columnInt(int column) const;
    /// INTEGER 0 or 1.
    Result<bool, Error> columnBool(int column) const;
    /// REAL or INTEGER.
    Result<double, Error> columnDouble(int column) const;
    /// TEXT only.
    Result<std::string, Error> columnText(int column) const;
    /// BLOB only.
    Result<Blob, Error> columnBlob(int column) const;
    /// The same, with NULL read as nullopt.
    Result<std::optional<std::int64_t>, Error> columnOptionalInt64(int column) const;
    Result<std::optional<double>, Error> columnOptionalDouble(int column) const;
    Result<std::optional<std::string>, Error> columnOptionalText(int column) const;
    Result<std::optional<Blob>, Error> columnOptionalBlob(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

  private:
    Error lastError() const;
    Error columnError(ErrorKind kind, int column, const char* expected) const;
    Status<Error> checkBind(int rc);
    Result<int, Error> storageClass(int column) const;
    void release();

    sqlite3_stmt* m_stmt = nullptr;
    StatementCache* m_home = nullptr;
};

} // namespace okienko::db
