// SVG with presentation attributes only (fill, stroke), every text escaped by Html.
#include "server/panel/report_charts.hpp"

#include <algorithm>
#include <cstdio>

namespace okienko::server::panel
{

namespace
{
std::string coord(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

/// At most `max` characters (code points) of `text`, with "…" when cut.
std::string shortened(const std::string& text, std::size_t max)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == max)
            return text.substr(0, i) + "…";
    }
    return text;
}
} // namespace

Html targetBarsSvg(const std::vector<ReportLine>& lines)
{
    std::vector<const ReportLine*> withTarget;
    for (const auto& l : lines)
        if (l.view.indicator.target && *l.view.indicator.target > 0)
            withTarget.push_back(&l);
    Html svg;
    if (withTarget.empty())
        return svg;
    constexpr double kLabel = 400, kBars = 340, kRight = 170, kRow = 34, kTop = 30;
    const double height = kTop + kRow * static_cast<double>(withTarget.size()) + 10;
    svg << "<svg class=\"chart\" role=\"img\" aria-labelledby=\"bars-title bars-desc\" viewBox=\"0 0 "
        << coord(kLabel + kBars + kRight) << " " << coord(height) << "\" width=\"" << coord(kLabel + kBars + kRight)
        << "\" height=\"" << coord(height) << "\" xmlns=\"http://www.w3.org/2000/svg\">"
        << "<title id=\"bars-title\">Wykonanie wobec wartości docelowej</title><desc id=\"bars-desc\">";
    for (const auto* l : withTarget)
        svg << l->view.indicator.name << ": " << measurementText(l->actual) << " z "
            << targetText(l->view.indicator.target) << ". ";
    svg << "</desc>"
        << "<rect x=\"" << coord(kLabel) << "\" y=\"6\" width=\"14\" height=\"10\" fill=\"#1f5fa8\"/><text x=\""
        << coord(kLabel + 20) << "\" y=\"15\" font-size=\"12\" fill=\"#222\">wykonanie</text>"
        << "<rect x=\"" << coord(kLabel + 110) << "\" y=\"6\" width=\"14\" height=\"10\" fill=\"none\" "
        << "stroke=\"#555\" stroke-dasharray=\"3 2\"/><text x=\"" << coord(kLabel + 130)
        << "\" y=\"15\" font-size=\"12\" fill=\"#222\">wartość docelowa</text>";
    double y = kTop;
    for (const auto* l : withTarget)
    {
        const double target = *l->view.indicator.target;
        const bool hasValue = l->actual.state == MeasureState::Value;
        const double actual = hasValue ? l->actual.value : 0;
        const double scale = kBars / std::max(target, actual);
        svg << "<text x=\"" << coord(kLabel - 8) << "\" y=\"" << coord(y + 16)
            << "\" font-size=\"12\" text-anchor=\"end\" fill=\"#222\">" << shortened(l->view.indicator.name, 52)
            << "</text>";
        if (hasValue)
            svg << "<rect x=\"" << coord(kLabel) << "\" y=\"" << coord(y + 4) << "\" width=\"" << coord(actual * scale)
                << "\" height=\"18\" fill=\"#1f5fa8\"/>";
        svg << "<rect x=\"" << coord(kLabel) << "\" y=\"" << coord(y + 2) << "\" width=\"" << coord(target * scale)
            << "\" height=\"22\" fill=\"none\" stroke=\"#555\" stroke-dasharray=\"3 2\"/>"
            << "<text x=\"" << coord(kLabel + std::max(target, actual) * scale + 6) << "\" y=\"" << coord(y + 17)
            << "\" font-size=\"12\" fill=\"#222\">" << measurementText(l->actual) << " / "
            << targetText(l->view.indicator.target) << "</text>";
        y += kRow;
    }
    svg << "</svg>";
    return svg;
}

Html trendLineSvg(const ReportLine& line, const std::string& idSuffix)
{
    constexpr double kWidth = 260, kHeight = 70, kPad = 8;
    double max = 0;
    for (const auto& p : line.trend)
        if (p.value.state == MeasureState::Value)
            max = std::max(max, p.value.value);
    const std::size_t n = line.trend.size();
    auto x = [&](std::size_t i)
    {
        return n <= 1 ? kWidth / 2 : kPad + (kWidth - 2 * kPad) * double(i) / double(n - 1);
    };
    auto y = [&](double v)
    {
        return kHeight - kPad - (max > 0 ? (kHeight - 2 * kPad) * v / max : 0);
    };
    const std::string titleId = "trend-title-" + idSuffix, descId = "trend-desc-" + idSuffix;
    Html svg;
    svg << "<svg class=\"trend\" role=\"img\" aria-labelledby=\"" << titleId << " " << descId << "\" viewBox=\"0 0 "
        << coord(kWidth) << " " << coord(kHeight) << "\" width=\"" << coord(kWidth) << "\" height=\"" << coord(kHeight)
        << "\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" << titleId << "\">Trend: " << line.view.indicator.name
        << "</title><desc id=\"" << descId << "\">";
    for (const auto& p : line.trend)
        svg << p.label << ": " << measurementText(p.value) << ". ";
    svg << "</desc><line x1=\"" << coord(kPad) << "\" y1=\"" << coord(kHeight - kPad) << "\" x2=\""
        << coord(kWidth - kPad) << "\" y2=\"" << coord(kHeight - kPad) << "\" stroke=\"#999\"/>";
    // A period without a number breaks the line: a gap, never a zero that was not counted.
    std::string points;
    auto flush = [&]
    {
        if (!points.empty())
            svg << "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"" << points << "\"/>";
        points.clear();
    };
    for (std::size_t i = 0; i < n; ++i)
    {
        if (line.trend[i].value.state != MeasureState::Value)
        {
            flush();
            continue;
        }
        const double px = x(i), py = y(line.trend[i].value.value);
        points += (points.empty() ? "" : " ") + coord(px) + "," + coord(py);
        svg << "<circle cx=\"" << coord(px) << "\" cy=\"" << coord(py) << "\" r=\"2.5\" fill=\"#1f5fa8\"/>";
    }
    flush();
    svg << "</svg>";
    return svg;
}

} // namespace okienko::server::panel
