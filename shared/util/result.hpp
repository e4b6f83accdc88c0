// Result<T, E>: a value or an error, returned by every fallible function in shared/. GCC 12 has no
// std::expected; this is the small subset the project needs. Errors are values, never exceptions.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace okienko
{

/// Wraps an error so that Result's constructor can tell it from a value of the same type.
template <typename E> struct Err
{
    E error;
};

template <typename E> Err<std::decay_t<E>> makeErr(E&& error)
{
    return Err<std::decay_t<E>>{std::forward<E>(error)};
}

/// A value of type T, or an error of type E.
template <typename T, typename E> class [[nodiscard]] Result
{
  public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Err<E> error) : m_data(std::in_place_index<1>, std::move(error.error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    const E& error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, E> m_data;
};

/// A Result with no value: success, or an error.
template <typename E> class [[nodiscard]] Status
{
  public:
    Status() = default;
    Status(Err<E> error) : m_error(std::move(error.error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const E& error() const
    {
        assert(!m_ok);
        return m_error;
    }

  private:
    E m_error{};
    bool m_ok = true;
};

} // namespace okienko
