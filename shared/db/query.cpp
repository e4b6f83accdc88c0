// Row reads and the error makers of the query helper (see query.hpp).
#include "shared/db/query.hpp"

namespace okienko::db
{

template <typename T> T Row::take(Result<T, Error> read)
{
    ++m_column;
    if (m_error)
        return T{};
    if (!read)
    {
        m_error = read.error();
        return T{};
    }
    return std::move(read).value();
}

std::string Row::text()
{
    return take(m_st.columnText(m_column));
}

std::optional<std::string> Row::optionalText()
{
    return take(m_st.columnOptionalText(m_column));
}

int Row::integer()
{
    return take(m_st.columnInt(m_column));
}

std::int64_t Row::int64()
{
    return take(m_st.columnInt64(m_column));
}

std::optional<std::int64_t> Row::optionalInt64()
{
    return take(m_st.columnOptionalInt64(m_column));
}

bool Row::flag()
{
    return take(m_st.columnBool(m_column));
}

double Row::real()
{
    return take(m_st.columnDouble(m_column));
}

std::optional<double> Row::optionalReal()
{
    return take(m_st.columnOptionalDouble(m_column));
}

Blob Row::blob()
{
    return take(m_st.columnBlob(m_column));
}

Status<Error> Row::status() const
{
    if (m_error)
        return makeErr(*m_error);
    return {};
}

void Row::fail(std::string what)
{
    if (!m_error)
        m_error = makeError(ErrorKind::BadData, std::move(what), m_st.sql());
}

Error badData(std::string_view context, std::string what)
{
    return makeError(ErrorKind::BadData, std::move(what), std::string(context));
}

Error notFound(std::string_view context, std::string what)
{
    return makeError(ErrorKind::NotFound, std::move(what), std::string(context));
}

} // namespace okienko::db
