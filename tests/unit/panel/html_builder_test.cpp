// The panel's HTML builder: literals are markup, every runtime value is escaped.
#include "server/panel/html_builder.hpp"

#include <cstdint>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <type_traits>

using namespace okienko::server::panel;

namespace
{
template <typename T>
concept Appendable = requires(Html& h, T value)
{
    h << value;
};
} // namespace

TEST(HtmlBuilder, LiteralsAreMarkupAndValuesAreEscaped)
{
    const std::string name = "<script>alert('x')</script> & \"co\"";
    Html h;
    h << "<td title=\"" << name << "\">" << std::string_view("a<b") << "</td>";
    EXPECT_EQ(h.str(),
              "<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;\">a&lt;b</td>");
}

TEST(HtmlBuilder, NumbersAreWrittenInDecimal)
{
    Html h;
    h << 42 << "/" << std::int64_t{-7} << "/" << std::size_t{3};
    EXPECT_EQ(h.str(), "42/-7/3");
}

TEST(HtmlBuilder, PiecesComposeWithoutEscapingTwice)
{
    Html cell;
    cell << "<b>" << std::string("R&D") << "</b>";
    Html row;
    row << "<td>" << cell << "</td>" << Html::text("<i>");
    EXPECT_EQ(row.str(), "<td><b>R&amp;D</b></td>&lt;i&gt;");
    EXPECT_TRUE(Html().empty());
}

TEST(HtmlBuilder, ChosenMarkupIsWrittenAsMarkup)
{
    for (const bool warn : {false, true})
    {
        Html h;
        h << "<td" << (warn ? Markup(" class=\"warn\"") : Markup("")) << ">";
        EXPECT_EQ(h.str(), warn ? "<td class=\"warn\">" : "<td>");
    }
}

TEST(HtmlBuilder, RefusesWhatCouldBeMistakenForMarkup)
{
    // A pointer, a char or a bool cannot be appended: the writer has to say text or markup.
    static_assert(!Appendable<const char*>);
    static_assert(!Appendable<char>);
    static_assert(!Appendable<bool>);
    // Markup cannot be made from a runtime string.
    static_assert(!std::is_constructible_v<Markup, std::string>);
    static_assert(!std::is_constructible_v<Markup, const char*>);
    static_assert(!std::is_constructible_v<Html, std::string>);
    static_assert(Appendable<std::string>);
    static_assert(Appendable<std::string_view>);
    static_assert(Appendable<int>);
}

TEST(HtmlBuilder, EscapesEveryHtmlSpecialCharacter)
{
    EXPECT_EQ(htmlEscape("&<>\"'ąż"), "&amp;&lt;&gt;&quot;&#39;ąż");
    EXPECT_EQ(Html::assumeEscaped("<p>ok</p>").str(), "<p>ok</p>");
}
