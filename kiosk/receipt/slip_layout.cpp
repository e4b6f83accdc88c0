#include "kiosk/receipt/slip_layout.hpp"

#include "kiosk/receipt/qr_code.hpp"
#include "shared/text/utf8.hpp"

#include <algorithm>
#include <cairo.h>
#include <cmath>
#include <memory>

namespace okienko::receipt
{

namespace
{
constexpr double kLineFactor = 1.3;

struct CairoDeleter
{
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

// Cairo refuses a string with a malformed UTF-8 sequence or a noncharacter (U+FDD0-U+FDEF, U+xFFFE,
// U+xFFFF): it draws nothing and leaves its context in the error state, where every later text of the
// process measures 0 wide and is never wrapped again. Each such byte or code point becomes U+FFFD,
// in what is measured and in what is drawn alike.
std::string drawableText(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size())
    {
        std::size_t next = pos;
        const auto cp = text::decodeOne(text, next);
        if (!cp)
            next = pos + 1;
        if (!cp || (*cp >= 0xFDD0 && *cp <= 0xFDEF) || (*cp & 0xFFFE) == 0xFFFE)
            out += "\xEF\xBF\xBD";
        else
            out.append(text, pos, next - pos);
        pos = next;
    }
    return out;
}

// A context on a tiny surface, only for measuring text.
class Measurer
{
  public:
    Measurer() : m_surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)), m_cr(cairo_create(m_surface.get())) {}

    double width(const FontSet& fonts, FontStyle style, double size, const std::string& text)
    {
        cairo_set_font_face(m_cr.get(), fonts.face(style));
        cairo_set_font_size(m_cr.get(), size);
        cairo_text_extents_t ext;
        cairo_text_extents(m_cr.get(), drawableText(text).c_str(), &ext);
        return ext.x_advance;
    }

  private:
    std::unique_ptr<cairo_surface_t, CairoDeleter> m_surface;
    std::unique_ptr<cairo_t, CairoDeleter> m_cr;
};

Measurer& measurer()
{
    thread_local Measurer m;
    return m;
}

// Splits a word that alone is wider than a line into pieces that fit, at code point boundaries.
void breakLongWord(const FontSet& fonts, FontStyle style, double size, const std::string& word, double maxWidth,
                   std::vector<std::string>& lines)
{
    std::string piece;
    std::size_t pos = 0;
    while (pos < word.size())
    {
        std::size_t next = pos;
        if (!text::decodeOne(word, next))
            next = pos + 1;
        std::string candidate = piece + word.substr(pos, next - pos);
        if (!piece.empty() && measureText(fonts, style, size, candidate) > maxWidth)
        {
            lines.push_back(piece);
            piece = word.substr(pos, next - pos);
        }
        else
            piece = std::move(candidate);
        pos = next;
    }
    if (!piece.empty())
        lines.push_back(piece);
}

void wrapParagraph(const FontSet& fonts, FontStyle style, double size, const std::string& text, double maxWidth,
                   std::vector<std::string>& lines)
{
    std::string line;
    std::size_t pos = 0;
    bool any = false;
    while (pos <= text.size())
    {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty())
            continue;
        any = true;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (measureText(fonts, style, size, candidate) <= maxWidth)
        {
            line = candidate;
            continue;
        }
        if (!line.empty())
            lines.push_back(line);
        line.clear();
        if (measureText(fonts, style, size, word) <= maxWidth)
            line = word;
        else
        {
            breakLongWord(fonts, style, size, word, maxWidth, lines);
            line = lines.back();
            lines.pop_back();
        }
    }
    if (!line.empty() || !any)
        lines.push_back(line);
}

class Builder
{
  public:
    Builder(const FontSet& fonts, const LayoutSpec& spec) : m_fonts(fonts), m_spec(spec)
    {
        m_layout.width = spec.width;
        m_layout.segments.emplace_back();
    }

    double contentWidth() const { return m_spec.width - 2 * m_spec.margin; }

    void textLines(const std::string& text, FontStyle style, double size, bool centred, double indent = 0,
                   const std::string& firstPrefix = {})
    {
        const double maxWidth = contentWidth() - indent;
        std::vector<std::string> lines = wrapText(m_fonts, style, size, firstPrefix + text, maxWidth);
        for (const auto& line : lines)
        {
            const double w = measureText(m_fonts, style, size, line);
            const double x = centred ? std::max(m_spec.margin, (m_spec.width - w) / 2) : m_spec.margin + indent;
            addText(x, line, style, size);
            m_y += size * kLineFactor;
        }
    }

    void keyValue(const std::string& key, const std::string& value)
    {
        const double size = m_spec.bodySize;
        const std::string keyText = key + ":";
        const double keyWidth = measureText(m_fonts, FontStyle::Bold, size, keyText + " ");
        const double valueWidth = measureText(m_fonts, FontStyle::Regular, size, value);
        if (keyWidth + valueWidth <= contentWidth())
        {
            addText(m_spec.margin, keyText, FontStyle::Bold, size);
            addText(m_spec.margin + keyWidth, value, FontStyle::Regular, size);
            m_y += size * kLineFactor;
            return;
        }
        textLines(keyText, FontStyle::Bold, size, false);
        textLines(value, FontStyle::Regular, size, false, size);
    }

    void list(const std::string& heading, const std::vector<std::string>& items)
    {
        const double size = m_spec.bodySize;
        if (!heading.empty())
            textLines(heading, FontStyle::Bold, size, false);
        const double bulletWidth = measureText(m_fonts, FontStyle::Regular, size, "• ");
        for (const auto& item : items)
        {
            addText(m_spec.margin, "•", FontStyle::Regular, size);
            textLines(item, FontStyle::Regular, size, false, bulletWidth);
        }
    }

    void qr(const std::string& payload)
    {
        auto matrix = encodeQr(payload);
        if (!matrix)
        {
            textLines(payload, FontStyle::Bold, m_spec.bodySize, true);
            return;
        }
        const int modules = matrix->size + 8; // four-module quiet zone on each side
        double module = m_spec.qrWidth / modules;
        if (m_spec.integerQrModules)
            module = std::max(1.0, std::floor(module));
        const double side = module * modules;
        double left = (m_spec.width - side) / 2;
        if (m_spec.integerQrModules)
            left = std::floor(left);
        const double top = m_y;
        for (int y = 0; y < matrix->size; ++y)
            for (int x = 0; x < matrix->size; ++x)
                if (matrix->at(x, y))
                    addRect(left + (x + 4) * module, top + (y + 4) * module, module, module);
        m_y += side;
    }

    void rule(double thickness)
    {
        addRect(m_spec.margin, m_y, contentWidth(), thickness);
        m_y += thickness;
    }

    void space(double units) { m_y += units; }

    void cut()
    {
        finishSegment();
        m_layout.segments.emplace_back();
        m_y = 0;
    }

    Layout finish()
    {
        finishSegment();
        return std::move(m_layout);
    }

  private:
    void addText(double x, const std::string& text, FontStyle style, double size)
    {
        DrawOp op;
        op.kind = DrawOp::Kind::Text;
        op.x = x;
        op.y = m_y + size; // baseline one em below the line's top
        op.style = style;
        op.size = size;
        op.text = drawableText(text);
        m_layout.segments.back().ops.push_back(std::move(op));
    }

    void addRect(double x, double y, double w, double h)
    {
        DrawOp op;
        op.kind = DrawOp::Kind::Rect;
        op.x = x;
        op.y = y;
        op.w = w;
        op.h = h;
        m_layout.segments.back().ops.push_back(std::move(op));
    }

    void finishSegment() { m_layout.segments.back().height = std::ceil(m_y + m_spec.bodySize); }

    const FontSet& m_fonts;
    const LayoutSpec& m_spec;
    Layout m_layout;
    double m_y = 0;
};

void layoutHeader(Builder& b, const Slip& slip, const LayoutSpec& spec)
{
    const auto& h = slip.header;
    b.space(spec.bodySize * 0.5);
    if (!h.cusName.empty())
        b.textLines(h.cusName, FontStyle::Bold, spec.bodySize * 1.1, true);
    for (const auto* line : {&h.address, &h.phone, &h.openingHours})
        if (!line->empty())
            b.textLines(*line, FontStyle::Regular, spec.bodySize, true);
    b.space(spec.bodySize * 0.4);
    b.rule(std::max(1.0, spec.bodySize / 12));
    b.space(spec.bodySize * 0.6);
}
} // namespace

LayoutSpec LayoutSpec::escpos80()
{
    return LayoutSpec{};
}

LayoutSpec LayoutSpec::escpos58()
{
    LayoutSpec s;
    s.width = 384;
    s.margin = 6;
    s.bodySize = 22;
    s.qrWidth = 200;
    return s;
}

LayoutSpec LayoutSpec::pdf(double widthPoints)
{
    LayoutSpec s;
    s.width = widthPoints;
    const bool receiptSize = widthPoints < 300;
    s.margin = receiptSize ? 8 : 56;
    s.bodySize = receiptSize ? 8.5 : 11;
    s.integerQrModules = false;
    s.qrWidth = receiptSize ? 90 : 110;
    return s;
}

double measureText(const FontSet& fonts, FontStyle style, double size, const std::string& text)
{
    return measurer().width(fonts, style, size, text);
}

std::vector<std::string> wrapText(const FontSet& fonts, FontStyle style, double size, const std::string& text,
                                  double maxWidth)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t nl = text.find('\n', start);
        wrapParagraph(fonts, style, size, text.substr(start, nl == std::string::npos ? std::string::npos : nl - start),
                      maxWidth, lines);
        if (nl == std::string::npos)
            break;
        start = nl + 1;
    }
    return lines;
}

Layout layoutSlip(const Slip& slip, const FontSet& fonts, const LayoutSpec& spec)
{
    Builder b(fonts, spec);
    const double body = spec.bodySize;
    layoutHeader(b, slip, spec);
    for (const auto& block : slip.blocks)
    {
        switch (block.kind)
        {
        case BlockKind::Title:
            b.textLines(block.text, FontStyle::Bold, body * 1.35, true);
            b.space(body * 0.4);
            break;
        case BlockKind::Code:
            b.space(body * 0.2);
            b.textLines(block.text, FontStyle::Bold, body * 2.2, true);
            b.space(body * 0.3);
            break;
        case BlockKind::Qr:
            b.space(body * 0.2);
            b.qr(block.text);
            b.space(body * 0.2);
            break;
        case BlockKind::KeyValue:
            b.keyValue(block.text, block.value);
            break;
        case BlockKind::Paragraph:
            b.space(body * 0.2);
            b.textLines(block.text, FontStyle::Regular, body, false);
            b.space(body * 0.2);
            break;
        case BlockKind::List:
            b.space(body * 0.2);
            b.list(block.text, block.items);
            b.space(body * 0.2);
            break;
        case BlockKind::Signature:
            b.space(body * 3);
            b.rule(std::max(1.0, body / 12));
            b.textLines(block.text, FontStyle::Regular, body, true);
            b.space(body * 0.5);
            break;
        case BlockKind::Separator:
            b.space(body * 0.4);
            b.rule(std::max(1.0, body / 12));
            b.space(body * 0.4);
            break;
        case BlockKind::CutHere:
            if (!slip.footer.empty())
                b.textLines(slip.footer, FontStyle::Regular, body, true);
            b.cut();
            layoutHeader(b, slip, spec);
            break;
        }
    }
    b.space(body * 0.4);
    b.rule(std::max(1.0, body / 12));
    b.space(body * 0.3);
    if (!slip.footer.empty())
        b.textLines(slip.footer, FontStyle::Regular, body, true);
    return b.finish();
}

} // namespace okienko::receipt
