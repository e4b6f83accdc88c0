// The panel's HTML builder, which escapes by construction. Markup (tags, attribute names, the
// fixed texts around them) can only come from the source code: a string literal, or a Markup made
// from one at compile time. Every runtime value — a std::string or std::string_view, a number — is
// escaped as it is appended. Appending a `const char*` does not compile (choose Html::text or a
// literal), and neither does a char or a bool, so a value cannot slip in as markup unnoticed.
#pragma once

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace okienko::server::panel
{

/// Markup written in the source code. Its constructor is consteval: only a compile-time constant
/// (a string literal) makes one, never a runtime string. Use it where a literal would decay to a
/// pointer, e.g. `cond ? Markup(" class=\"warn\"") : Markup("")`.
class Markup
{
  public:
    template <std::size_t N> consteval Markup(const char (&literal)[N]) : m_text(literal, N - 1) {}

    constexpr std::string_view view() const { return m_text; }

  private:
    std::string_view m_text;
};

/// Escaped text for element content and quoted attribute values (& < > " ').
std::string htmlEscape(std::string_view text);

/// A piece of an HTML document under construction. `html << "<td>" << name << "</td>"` appends the
/// literals as markup and `name` escaped.
class Html
{
  public:
    Html() = default;

    /// `text` escaped, as a piece of its own.
    static Html text(std::string_view text);

    /// Markup from the source code, appended as it is.
    Html& operator<<(Markup markup)
    {
        m_out += markup.view();
        return *this;
    }
    /// A runtime string, escaped.
    template <typename Text>
    requires std::same_as<Text, std::string> || std::same_as<Text, std::string_view> Html& operator<<(const Text& text)
    {
        m_out += htmlEscape(text);
        return *this;
    }
    /// A whole number in decimal (chars and bools are refused: they are rarely meant as numbers).
    template <std::integral Number>
    requires(!std::same_as<Number, bool> && !std::same_as<Number, char>) Html& operator<<(Number number)
    {
        m_out += std::to_string(number);
        return *this;
    }
    /// Another piece, already built (and so already escaped).
    Html& operator<<(const Html& piece)
    {
        m_out += piece.m_out;
        return *this;
    }

    bool empty() const { return m_out.empty(); }
    /// The markup built so far.
    const std::string& str() const& { return m_out; }
    std::string str() && { return std::move(m_out); }

    /// Markup made elsewhere by code that escapes on its own (pages not yet written with Html).
    /// Every use is a place to review; new code never needs it.
    static Html assumeEscaped(std::string markup);

  private:
    std::string m_out;
};

} // namespace okienko::server::panel
