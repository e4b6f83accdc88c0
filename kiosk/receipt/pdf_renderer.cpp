#include "kiosk/receipt/pdf_renderer.hpp"

#include "kiosk/receipt/slip_layout.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <cmath>

namespace okienko::receipt
{

namespace
{
constexpr double kPointsPerMm = 72.0 / 25.4;

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void drawOp(cairo_t* cr, const DrawOp& op, const FontSet& fonts, double dy)
{
    if (op.kind == DrawOp::Kind::Rect)
    {
        cairo_rectangle(cr, op.x, op.y - dy, op.w, op.h);
        cairo_fill(cr);
        return;
    }
    cairo_set_font_face(cr, fonts.face(op.style));
    cairo_set_font_size(cr, op.size);
    cairo_move_to(cr, op.x, op.y - dy);
    cairo_show_text(cr, op.text.c_str());
}

double opTop(const DrawOp& op)
{
    return op.kind == DrawOp::Kind::Rect ? op.y : op.y - op.size;
}

double opBottom(const DrawOp& op)
{
    return op.kind == DrawOp::Kind::Rect ? op.y + op.h : op.y + op.size * 0.3;
}
} // namespace

std::string renderPdf(const Slip& slip, const FontSet& fonts, PdfPage page)
{
    const double width = page == PdfPage::A4   ? 210 * kPointsPerMm
                         : page == PdfPage::A5 ? 148 * kPointsPerMm
                                               : 80 * kPointsPerMm;
    const double pageHeight = page == PdfPage::A4 ? 297 * kPointsPerMm : 210 * kPointsPerMm;
    const LayoutSpec spec = LayoutSpec::pdf(width);
    const Layout layout = layoutSlip(slip, fonts, spec);
    const double topMargin = page == PdfPage::Receipt80 ? 4 : 40;

    std::string out;
    const double firstHeight = page == PdfPage::Receipt80 ? layout.segments.front().height + 2 * topMargin : pageHeight;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendToString, &out, width, firstHeight);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0, 0, 0);
    bool firstPage = true;
    for (const auto& segment : layout.segments)
    {
        if (page == PdfPage::Receipt80)
        {
            if (!firstPage)
            {
                cairo_pdf_surface_set_size(surface, width, segment.height + 2 * topMargin);
            }
            for (const auto& op : segment.ops)
                drawOp(cr, op, fonts, -topMargin);
            cairo_show_page(cr);
            firstPage = false;
            continue;
        }
        // Office paper: break the segment into pages between operations, never through one.
        const double usable = pageHeight - 2 * topMargin;
        double pageStart = 0;
        for (const auto& op : segment.ops)
        {
            if (opBottom(op) - pageStart > usable && opTop(op) > pageStart)
            {
                cairo_show_page(cr);
                pageStart = opTop(op);
            }
            drawOp(cr, op, fonts, pageStart - topMargin);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return out;
}

} // namespace okienko::receipt
