// A small text layout on cairo: paragraphs wrapped at word boundaries by measured width, a new page
// when the next line would cross the bottom margin, a page number on every page.
#include "server/panel/report_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <memory>
#include <vector>

namespace okienko::server::panel
{

namespace
{
constexpr double kPageWidth = 595.28, kPageHeight = 841.89, kMargin = 48;

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

class PdfWriter
{
  public:
    explicit PdfWriter(std::string& out)
        : m_surface(cairo_pdf_surface_create_for_stream(appendBytes, &out, kPageWidth, kPageHeight)),
          m_cr(cairo_create(m_surface))
    {
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Okienko");
    }
    ~PdfWriter()
    {
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
    }
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    void title(const std::string& text)
    {
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, text.c_str());
    }

    /// A paragraph wrapped to the text width, starting `indent` points in.
    void paragraph(const std::string& text, double size, bool bold = false, double indent = 0, double after = 3)
    {
        select(size, bold);
        const double width = kPageWidth - 2 * kMargin - indent;
        std::string line;
        std::size_t pos = 0;
        while (pos <= text.size())
        {
            std::size_t space = text.find(' ', pos);
            if (space == std::string::npos)
                space = text.size();
            const std::string word = text.substr(pos, space - pos);
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (!line.empty() && measure(candidate) > width)
            {
                emit(line, size, indent);
                line = word;
            }
            else
                line = candidate;
            pos = space + 1;
        }
        if (!line.empty())
            emit(line, size, indent);
        m_y += after;
    }

    void rule()
    {
        ensure(8);
        cairo_set_source_rgb(m_cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(m_cr, 0.5);
        cairo_move_to(m_cr, kMargin, m_y + 2);
        cairo_line_to(m_cr, kPageWidth - kMargin, m_y + 2);
        cairo_stroke(m_cr);
        cairo_set_source_rgb(m_cr, 0, 0, 0);
        m_y += 8;
    }

    void space(double points) { m_y += points; }

    /// Keeps the next `points` on one page.
    void ensure(double points)
    {
        if (m_y + points > kPageHeight - kMargin)
            newPage();
    }

    Result<bool, std::string> finish()
    {
        footer();
        cairo_show_page(m_cr);
        cairo_surface_finish(m_surface);
        if (cairo_status(m_cr) != CAIRO_STATUS_SUCCESS)
            return makeErr(std::string(cairo_status_to_string(cairo_status(m_cr))));
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
            return makeErr(std::string(cairo_status_to_string(cairo_surface_status(m_surface))));
        return true;
    }

  private:
    void select(double size, bool bold)
    {
        cairo_select_font_face(m_cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(m_cr, size);
    }

    double measure(const std::string& text)
    {
        cairo_text_extents_t e;
        cairo_text_extents(m_cr, text.c_str(), &e);
        return e.x_advance;
    }

    void emit(const std::string& line, double size, double indent)
    {
        const double height = size * 1.35;
        if (m_y + height > kPageHeight - kMargin)
        {
            cairo_font_face_t* face = cairo_font_face_reference(cairo_get_font_face(m_cr));
            newPage();
            cairo_set_font_face(m_cr, face);
            cairo_set_font_size(m_cr, size);
            cairo_font_face_destroy(face);
        }
        cairo_move_to(m_cr, kMargin + indent, m_y + size);
        cairo_show_text(m_cr, line.c_str());
        m_y += height;
    }

    void footer()
    {
        select(8, false);
        const std::string text = "Strona " + std::to_string(m_page);
        cairo_move_to(m_cr, kPageWidth - kMargin - measure(text), kPageHeight - kMargin / 2);
        cairo_show_text(m_cr, text.c_str());
    }

    void newPage()
    {
        footer();
        cairo_show_page(m_cr);
        ++m_page;
        m_y = kMargin;
    }

    cairo_surface_t* m_surface;
    cairo_t* m_cr;
    double m_y = kMargin;
    int m_page = 1;
};
} // namespace

Result<std::string, std::string> renderReportPdf(const ReportData& report)
{
    std::string bytes;
    {
        PdfWriter pdf(bytes);
        const std::string period = periodLabel(report.request);
        pdf.title("Sprawozdanie — " + report.cusName + " — " + period);
        pdf.paragraph(report.cusName.empty() ? std::string("Centrum Usług Społecznych") : report.cusName, 16, true);
        if (!report.municipalityName.empty())
            pdf.paragraph(report.municipalityName, 11);
        pdf.paragraph("Sprawozdanie z realizacji wskaźników — okres: " + period + " (" + report.request.from.iso() +
                          " – " + report.request.to.iso() + ")",
                      12, true, 0, 6);
        pdf.paragraph(kProgrammeWording, 9, false, 0, 8);
        pdf.rule();
        pdf.paragraph("Wskaźniki", 13, true, 0, 4);
        for (const auto& line : report.lines)
        {
            const auto& ind = line.view.indicator;
            pdf.ensure(70);
            pdf.paragraph(ind.name, 10, true, 0, 1);
            pdf.paragraph(ind.service + " · jednostka: " + ind.unit + " · okres celu: " + periodWord(ind.period), 8.5,
                          false, 10, 1);
            pdf.paragraph("Wartość docelowa: " + targetText(ind.target) +
                              " · Wykonanie: " + measurementText(line.actual) +
                              " · Realizacja celu: " + percentText(line.actual, ind.target),
                          9, true, 10, 1);
            // A county's total: each site's own figure under the sum.
            if (!report.sites.empty())
            {
                const auto index = static_cast<std::size_t>(&line - report.lines.data());
                std::string bySite = "W ośrodkach:";
                for (const auto& site : report.sites)
                    bySite += " " + site.siteName + " " + measurementText(site.actuals.at(index)) + ";";
                pdf.paragraph(bySite, 8.5, false, 10, 1);
            }
            pdf.paragraph("Dokument potwierdzający: " + ind.evidence, 8.5, false, 10, 1);
            pdf.paragraph("Sposób liczenia: " + countingText(ind.counting), 8.5, false, 10, 1);
            std::string trend = "Trend:";
            for (const auto& t : line.trend)
                trend += " " + t.label + " " + measurementText(t.value) + ";";
            pdf.paragraph(trend, 7.5, false, 10, 6);
        }
        pdf.rule();
        pdf.ensure(60);
        pdf.paragraph("Zadowolenie odbiorców usług (oceny 1–5 w kioskach)", 13, true, 0, 4);
        if (report.ratings.empty())
            pdf.paragraph("Brak ocen w tym okresie.", 9);
        for (const auto& r : report.ratings)
        {
            std::string scores;
            for (std::size_t s = 0; s < r.byScore.size(); ++s)
                scores += (s == 0 ? "" : ", ") + std::to_string(s + 1) + ": " + std::to_string(r.byScore[s]);
            pdf.paragraph(ratingFlowLabel(r.flow) + " — liczba ocen: " + std::to_string(r.count) +
                              ", średnia: " + plainNumber(r.average) + " (" + scores + ")",
                          9, false, 0, 2);
        }
        pdf.rule();
        pdf.ensure(60);
        pdf.paragraph("Lista oczekujących na sprzęt", 13, true, 0, 4);
        if (report.waitlist.empty())
            pdf.paragraph("Nikt nie zapisał się na listę oczekujących.", 9);
        for (const auto& w : report.waitlist)
            pdf.paragraph(w.typeName + " — " + waitlistSummaryText(w), 9, false, 0, 2);
        auto finished = pdf.finish();
        if (!finished)
            return makeErr(finished.error());
    }
    return bytes;
}

} // namespace okienko::server::panel
