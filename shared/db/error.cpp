// Classification and log text of db::Error.
#include "shared/db/error.hpp"

#include <sqlite3.h>

namespace okienko::db
{

namespace
{
int primaryCode(int code)
{
    return code & 0xff;
}

const char* kindName(ErrorKind kind)
{
    switch (kind)
    {
    case ErrorKind::Sqlite:
        return "sqlite";
    case ErrorKind::TypeMismatch:
        return "type-mismatch";
    case ErrorKind::OutOfRange:
        return "out-of-range";
    case ErrorKind::UnknownParameter:
        return "unknown-parameter";
    case ErrorKind::SchemaTooNew:
        return "schema-too-new";
    case ErrorKind::InvalidMigrations:
        return "invalid-migrations";
    case ErrorKind::BadData:
        return "bad-data";
    case ErrorKind::NotFound:
        return "not-found";
    case ErrorKind::Misuse:
        return "misuse";
    }
    return "unknown";
}
} // namespace

bool Error::isBusy() const
{
    return kind == ErrorKind::Sqlite && (primaryCode(code) == SQLITE_BUSY || primaryCode(code) == SQLITE_LOCKED);
}

bool Error::isConstraint() const
{
    return kind == ErrorKind::Sqlite && primaryCode(code) == SQLITE_CONSTRAINT;
}

bool Error::isStorageFailure() const
{
    const int p = primaryCode(code);
    return kind == ErrorKind::Sqlite && (p == SQLITE_IOERR || p == SQLITE_FULL || p == SQLITE_CORRUPT);
}

std::string Error::describe() const
{
    std::string out = kindName(kind);
    if (kind == ErrorKind::Sqlite)
    {
        out += " ";
        out += sqlite3_errstr(code);
        out += " (";
        out += std::to_string(code);
        out += ")";
    }
    if (!message.empty())
    {
        out += ": ";
        out += message;
    }
    if (!sql.empty())
    {
        out += " [";
        out += sql;
        out += "]";
    }
    return out;
}

Error makeError(ErrorKind kind, std::string message, std::string sql)
{
    return Error{kind, 0, std::move(message), std::move(sql)};
}

} // namespace okienko::db
