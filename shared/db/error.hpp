// The one error type of the SQLite layer. It carries the SQLite extended result code, SQLite's
// message and the statement text with its placeholders — never the bound values, because those
// are residents' names, phones and PESEL numbers, and errors end up in logs.
#pragma once

#include <string>

namespace okienko::db
{

/// Where an error comes from. Most are SQLite's own; the others are checks of this layer.
enum class ErrorKind
{
    Sqlite,            ///< SQLite returned an error; see Error::code
    TypeMismatch,      ///< a column getter found another storage class (e.g. NULL for an int)
    OutOfRange,        ///< a column index or integer value outside what the caller asked for
    UnknownParameter,  ///< bind by a name the statement does not have
    SchemaTooNew,      ///< the file was written by a newer program; nothing was touched
    InvalidMigrations, ///< the migration list itself is malformed (gaps, wrong numbers)
    BadData,           ///< a stored value cannot be decoded (unknown enum code, bad date)
    NotFound,          ///< the row or record asked for does not exist
    Misuse,            ///< the API was used in a way that cannot work (nested transaction, …)
};

struct Error
{
    ErrorKind kind = ErrorKind::Sqlite;
    int code = 0;        ///< SQLite extended result code (SQLITE_OK = 0 when not from SQLite)
    std::string message; ///< SQLite's or this layer's text; never contains bound values
    std::string sql;     ///< the statement text with placeholders, or a short context label

    /// SQLITE_BUSY or SQLITE_LOCKED (any extended variant): another connection holds the lock.
    bool isBusy() const;
    /// SQLITE_CONSTRAINT (any variant): unique, foreign key, check, not null.
    bool isConstraint() const;
    /// SQLITE_IOERR, SQLITE_FULL or SQLITE_CORRUPT: the storage failed. After a failed fsync Linux
    /// may report success later ("fsyncgate"), so the caller must not retry the commit: close the
    /// database and exit so that systemd restarts the process and SQLite recovers from its WAL.
    bool isStorageFailure() const;
    /// One line for logs: kind, code name, message, statement.
    std::string describe() const;

    friend bool operator==(const Error&, const Error&) = default;
};

/// An Error of this layer (not from SQLite).
Error makeError(ErrorKind kind, std::string message, std::string sql = {});

} // namespace okienko::db
