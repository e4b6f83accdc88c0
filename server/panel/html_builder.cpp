// Escaping for the panel's HTML builder.
#include "server/panel/html_builder.hpp"

#include <utility>

namespace okienko::server::panel
{

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

Html Html::text(std::string_view text)
{
    Html piece;
    piece.m_out = htmlEscape(text);
    return piece;
}

Html Html::assumeEscaped(std::string markup)
{
    Html piece;
    piece.m_out = std::move(markup);
    return piece;
}

} // namespace okienko::server::panel
