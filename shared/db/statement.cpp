// Binding, stepping and typed column reads over sqlite3_stmt.
#include "shared/db/statement.hpp"

#include "shared/db/statement_cache.hpp"

#include <limits>
#include <sqlite3.h>
#include <utility>

namespace okienko::db
{

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_home(std::exchange(other.m_home, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other)
    {
        release();
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_home = std::exchange(other.m_home, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    release();
}

void Statement::release()
{
    if (m_home != nullptr)
        m_home->giveBack(m_stmt);
    else
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_home = nullptr;
}

std::string Statement::sql() const
{
    // sqlite3_sql, never sqlite3_expanded_sql: the expanded text would carry the bound values.
    const char* text = m_stmt != nullptr ? sqlite3_sql(m_stmt) : nullptr;
    return text != nullptr ? std::string(text) : std::string();
}

Error Statement::lastError() const
{
    sqlite3* db = m_stmt != nullptr ? sqlite3_db_handle(m_stmt) : nullptr;
    if (db == nullptr)
        return makeError(ErrorKind::Misuse, "statement is not prepared");
    return Error{ErrorKind::Sqlite, sqlite3_extended_errcode(db), sqlite3_errmsg(db), sql()};
}

Status<Error> Statement::checkBind(int rc)
{
    if (m_stmt == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "statement is not prepared"));
    if (rc != SQLITE_OK)
    {
        Error e = lastError();
        e.code = rc; // the bind's own code; errcode may still describe an older failure
        e.message = sqlite3_errstr(rc);
        return makeErr(std::move(e));
    }
    return {};
}

Status<Error> Statement::bindInt64(int index, std::int64_t value)
{
    return checkBind(sqlite3_bind_int64(m_stmt, index, static_cast<sqlite3_int64>(value)));
}

Status<Error> Statement::bindDouble(int index, double value)
{
    return checkBind(sqlite3_bind_double(m_stmt, index, value));
}

Status<Error> Statement::bindText(int index, std::string_view value)
{
    // A null data pointer would bind NULL; an empty string must stay an empty string.
    const char* data = value.data() != nullptr ? value.data() : "";
    return checkBind(sqlite3_bind_text64(m_stmt, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

Status<Error> Statement::bindBlob(int index, std::span<const std::uint8_t> value)
{
    if (value.empty())
        return checkBind(sqlite3_bind_zeroblob(m_stmt, index, 0));
    return checkBind(sqlite3_bind_blob64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT));
}

Status<Error> Statement::bindNull(int index)
{
    return checkBind(sqlite3_bind_null(m_stmt, index));
}

Result<int, Error> Statement::parameterIndex(std::string_view name) const
{
    if (m_stmt == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "statement is not prepared"));
    const std::string zname(name);
    const int index = sqlite3_bind_parameter_index(m_stmt, zname.c_str());
    if (index == 0)
        return makeErr(makeError(ErrorKind::UnknownParameter, "no parameter named " + zname, sql()));
    return index;
}

void Statement::clearBindings()
{
    if (m_stmt != nullptr)
        sqlite3_clear_bindings(m_stmt);
}

Result<Step, Error> Statement::step()
{
    if (m_stmt == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "statement is not prepared"));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE)
        return Step::Done;
    Error e = lastError();
    e.code = sqlite3_extended_errcode(sqlite3_db_handle(m_stmt));
    return makeErr(std::move(e));
}

Status<Error> Statement::run()
{
    for (;;)
    {
        auto s = step();
        if (!s)
        {
            reset();
            return makeErr(s.error());
        }
        if (*s == Step::Done)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    if (m_stmt != nullptr)
        sqlite3_reset(m_stmt);
}

int Statement::columnCount() const
{
    return m_stmt != nullptr ? sqlite3_column_count(m_stmt) : 0;
}

std::string Statement::columnName(int column) const
{
    const char* name = m_stmt != nullptr ? sqlite3_column_name(m_stmt, column) : nullptr;
    return name != nullptr ? std::string(name) : std::string("#" + std::to_string(column));
}

Error Statement::columnError(ErrorKind kind, int column, const char* expected) const
{
    // Names the column and the expected type, never the value found.
    return makeError(kind, "column " + columnName(column) + ": expected " + expected, sql());
}

Result<int, Error> Statement::storageClass(int column) const
{
    if (m_stmt == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "statement is not prepared"));
    if (column < 0 || column >= sqlite3_data_count(m_stmt))
        return makeErr(
            makeError(ErrorKind::OutOfRange, "no column " + std::to_string(column) + " in the current row", sql()));
    return sqlite3_column_type(m_stmt, column);
}

Result<bool, Error> Statement::isNull(int column) const
{
    auto type = storageClass(column);
    if (!type)
        return makeErr(type.error());
    return *type == SQLITE_NULL;
}

Result<std::int64_t, Error> Statement::columnInt64(int column) const
{
    auto type = storageClass(column);
    if (!type)
        return makeErr(type.error());
    if (*type != SQLITE_INTEGER)
        return makeErr(columnError(ErrorKind::TypeMismatch, column, "INTEGER"));
    return static_cast<std::int64_t>(sqlite3_column_int64(m_stmt, column));
}

Result<int, Error> Statement::columnInt(int column) const
{
    auto v = columnInt64(column);
    if (!v)
        return makeErr(v.error());
    if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
        return makeErr(columnError(ErrorKind::OutOfRange, column, "an int-sized INTEGER"));
    return static_cast<int>(*v);
}

Result<bool, Error> Statement::columnBool(int column) const
{
    auto v = columnInt64(column);
    if (!v)
        return makeErr(v.error());
    if (*v != 0 && *v != 1)
        return makeErr(columnError(ErrorKind::OutOfRange, column, "0 or 1"));
    return *v == 1;
}

Result<double, Error> Statement::columnDouble(int column) const
{
    auto type = storageClass(column);
    if (!type)
        return makeErr(type.error());
    if (*type != SQLITE_FLOAT && *type != SQLITE_INTEGER)
        return makeErr(columnError(ErrorKind::TypeMismatch, column, "REAL"));
    return sqlite3_column_double(m_stmt, column);
}

Result<std::string, Error> Statement::columnText(int column) const
{
    auto type = storageClass(column);
    if (!type)
        return makeErr(type.error());
    if (*type != SQLITE_TEXT)
        return makeErr(columnError(ErrorKind::TypeMismatch, column, "TEXT"));
    // Text first, then its size: the documented order that avoids a conversion between the calls.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (text == nullptr)
        return std::string();
    return std::string(text, static_cast<std::size_t>(size));
}

Result<Blob, Error> Statement::columnBlob(int column) const
{
    auto type = storageClass(column);
    if (!type)
        return makeErr(type.error());
    if (*type != SQLITE_BLOB)
        return makeErr(columnError(ErrorKind::TypeMismatch, column, "BLOB"));
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr)
        return Blob{};
    return Blob(data, data + size);
}

namespace
{
template <typename T, typename Read>
Result<std::optional<T>, Error> readOptional(const Statement& stmt, int column, Read read)
{
    auto null = stmt.isNull(column);
    if (!null)
        return makeErr(null.error());
    if (*null)
        return std::optional<T>{};
    auto v = read();
    if (!v)
        return makeErr(v.error());
    return std::optional<T>(std::move(v).value());
}
} // namespace

Result<std::optional<std::int64_t>, Error> Statement::columnOptionalInt64(int column) const
{
    return readOptional<std::int64_t>(*this, column, [&] { return columnInt64(column); });
}

Result<std::optional<double>, Error> Statement::columnOptionalDouble(int column) const
{
    return readOptional<double>(*this, column, [&] { return columnDouble(column); });
}

Result<std::optional<std::string>, Error> Statement::columnOptionalText(int column) const
{
    return readOptional<std::string>(*this, column, [&] { return columnText(column); });
}

Result<std::optional<Blob>, Error> Statement::columnOptionalBlob(int column) const
{
    return readOptional<Blob>(*this, column, [&] { return columnBlob(column); });
}

} // namespace okienko::db
