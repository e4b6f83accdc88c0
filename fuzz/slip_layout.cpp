// The slip layout and its rasterisation (kiosk/receipt) with arbitrary text in every place a slip
// carries text. The input: a first byte choosing the paper (80 or 58 mm receipt, 80 mm or A4 PDF),
// then fields separated by 0x1E — the header's four lines, the footer, then one block per field
// (its first byte the block kind; 0x1F separates a key from its value and a list's items).
// Invariants: every text line and rule stays inside the printable width, every drawing inside its
// segment, a receipt segment rasterises to a bitmap of exactly the paper's width and its height, and
// text still measures afterwards (no text may leave the measuring context broken).
#include "kiosk/receipt/slip_layout.hpp"

#include "fuzz/fuzz_check.hpp"
#include "kiosk/receipt/bitmap.hpp"
#include "shared/text/utf8.hpp"

#include <cmath>
#include <cstdlib>

using namespace okienko::receipt;

namespace
{

// A hair over floating-point noise; positions are in dots or points.
constexpr double kSlack = 0.01;
// Taller segments are laid out but not drawn, so one input stays fast.
constexpr double kMaxRasterRows = 6000;

const FontSet& fonts()
{
    static const FontSet set = []
    {
        auto loaded = FontSet::load(std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts");
        if (!loaded)
        {
            std::fprintf(stderr, "fonts: %s\n", loaded.error().c_str());
            std::abort();
        }
        return std::move(loaded).value();
    }();
    return set;
}

std::vector<std::string> split(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true)
    {
        const auto end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

Slip slipFrom(std::string_view text)
{
    Slip slip;
    auto fields = split(text, '\x1e');
    fields.resize(std::max<std::size_t>(fields.size(), 5));
    slip.header = SlipHeader{fields[0], fields[1], fields[2], fields[3]};
    slip.footer = fields[4];
    for (std::size_t i = 5; i < fields.size(); ++i)
    {
        const std::string& field = fields[i];
        const auto kind = field.empty() ? 0 : static_cast<unsigned char>(field[0]) % 9;
        const std::string body = field.empty() ? std::string() : field.substr(1);
        auto parts = split(body, '\x1f');
        switch (kind)
        {
        case 0:
            slip.title(body);
            break;
        case 1:
            slip.code(body);
            break;
        case 2:
            slip.qr(body);
            break;
        case 3:
            slip.keyValue(parts[0], parts.size() > 1 ? parts[1] : std::string());
            break;
        case 4:
            slip.paragraph(body);
            break;
        case 5:
            slip.list(parts[0], std::vector<std::string>(parts.begin() + 1, parts.end()));
            break;
        case 6:
            slip.signature(body);
            break;
        case 7:
            slip.separator();
            break;
        default:
            slip.cutHere();
            break;
        }
    }
    return slip;
}

// A line of one character may be wider than a line (a single glyph cannot be broken).
bool singleCodePoint(const std::string& text)
{
    std::size_t pos = 0;
    return okienko::text::decodeOne(text, pos) && pos == text.size();
}

void checkInside(const Layout& layout, const LayoutSpec& spec)
{
    FUZZ_CHECK(!layout.segments.empty());
    for (const auto& segment : layout.segments)
    {
        FUZZ_CHECK(std::isfinite(segment.height) && segment.height >= 0);
        for (const auto& op : segment.ops)
        {
            FUZZ_CHECK(std::isfinite(op.x) && std::isfinite(op.y));
            FUZZ_CHECK(op.x >= -kSlack);
            if (op.kind == DrawOp::Kind::Rect)
            {
                FUZZ_CHECK(op.x + op.w <= spec.width + kSlack);
                FUZZ_CHECK(op.y >= -kSlack && op.y + op.h <= segment.height + kSlack);
                continue;
            }
            FUZZ_CHECK(op.x >= spec.margin - kSlack);
            FUZZ_CHECK(op.y <= segment.height + kSlack);
            const double right = op.x + measureText(fonts(), op.style, op.size, op.text);
            FUZZ_CHECK(right <= spec.width - spec.margin + kSlack || singleCodePoint(op.text));
        }
    }
}

void checkRaster(const Layout& layout, const LayoutSpec& spec)
{
    const int width = static_cast<int>(spec.width);
    for (const auto& segment : layout.segments)
    {
        if (segment.height > kMaxRasterRows)
            continue;
        auto bitmap = rasterize(segment, fonts(), width);
        FUZZ_CHECK(bitmap.ok());
        FUZZ_CHECK(bitmap->width == width);
        FUZZ_CHECK(bitmap->height == std::max(1, static_cast<int>(std::ceil(segment.height))));
        FUZZ_CHECK(bitmap->bits.size() == static_cast<std::size_t>(bitmap->height * bitmap->bytesPerRow()));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const LayoutSpec specs[] = {LayoutSpec::escpos80(), LayoutSpec::escpos58(), LayoutSpec::pdf(226.77),
                                LayoutSpec::pdf(595.28)};
    const std::size_t which = data[0] % 4;
    const LayoutSpec& spec = specs[which];
    const Slip slip = slipFrom(okienko::fuzz::asText(data + 1, size - 1));
    const Layout layout = layoutSlip(slip, fonts(), spec);
    FUZZ_CHECK(layout.width == spec.width);
    // Whatever the slip said, the measuring context still works for the next one.
    FUZZ_CHECK(measureText(fonts(), FontStyle::Regular, 24, "Wózek") > 0);
    checkInside(layout, spec);
    if (which < 2)
        checkRaster(layout, spec);
    return 0;
}
