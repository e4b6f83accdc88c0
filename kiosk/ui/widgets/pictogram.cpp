// Pictogram names, their glyphs or drawn shapes, and drawing them crisp (see pictogram.hpp).
#include "kiosk/ui/widgets/pictogram.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

struct Entry
{
    std::string_view name;
    ImWchar glyph;
    DrawnPictogram drawn;
};

constexpr DrawnPictogram kGlyph = DrawnPictogram::None;

// Material Icons code points (scss/_variables.scss of fonts-material-design-icons-iconfont). The
// choices are argued in docs/decisions/0008-pictograms.md; a list never uses one picture twice.
constexpr std::array kTable{
    // Equipment types: the catalogue's `pictogram` values.
    Entry{"wheelchair", 0xE914, kGlyph},             // accessible
    Entry{"transit-wheelchair", 0xF1AB, kGlyph},     // wheelchair_pickup: pushed by someone else
    Entry{"care-bed", 0xE53A, kGlyph},               // hotel: a person lying in a bed
    Entry{"shower-chair", 0xF061, kGlyph},           // shower
    Entry{"bath-board", 0xEA41, kGlyph},             // bathtub
    Entry{"crutches", 0, DrawnPictogram::Crutches},  // nothing in the set
    Entry{"walker", 0, DrawnPictogram::Walker},      // nothing in the set
    Entry{"rollator", 0, DrawnPictogram::Rollator},  // nothing in the set
    Entry{"quad-cane", 0, DrawnPictogram::QuadCane}, // nothing in the set
    Entry{"pressure-mattress", 0, DrawnPictogram::PressureMattress},
    Entry{"commode-chair", 0, DrawnPictogram::CommodeChair},
    // The 14 areas of the act, by their codes.
    Entry{"01-prorodzinna", 0xF1AE, kGlyph},           // stroller
    Entry{"02-wspieranie-rodziny", 0xF1A2, kGlyph},    // family_restroom
    Entry{"03-piecza-zastepcza", 0xF1AC, kGlyph},      // escalator_warning: an adult leading a child
    Entry{"04-pomoc-spoleczna", 0xEA70, kGlyph},       // volunteer_activism: a hand holding a heart
    Entry{"05-zdrowie", 0xE1D5, kGlyph},               // health_and_safety
    Entry{"06-niepelnosprawnosc", 0xE934, kGlyph},     // accessible_forward
    Entry{"07-edukacja", 0xE80C, kGlyph},              // school
    Entry{"08-bezrobocie", 0xE8F9, kGlyph},            // work
    Entry{"09-kultura", 0xEA66, kGlyph},               // theater_comedy
    Entry{"10-sport-turystyka", 0xE50A, kGlyph},       // hiking
    Entry{"11-aktywnosc-obywatelska", 0xEF49, kGlyph}, // campaign: a megaphone
    Entry{"12-mieszkalnictwo", 0xEA40, kGlyph},        // apartment
    Entry{"13-srodowisko", 0xEA35, kGlyph},            // eco
    Entry{"14-reintegracja", 0xEBCB, kGlyph},          // handshake
    // Target groups, by their codes.
    Entry{"seniors", 0xF21A, kGlyph},        // elderly
    Entry{"children-youth", 0xEB41, kGlyph}, // child_care
    Entry{"violence", 0xE769, kGlyph},       // front_hand: "stop"
    Entry{"addictions", 0xF1A5, kGlyph},     // no_drinks
    Entry{"all", 0xF233, kGlyph},            // groups
    // Home actions and the rows that name them.
    Entry{"catalogue", 0xEA19, kGlyph},      // menu_book
    Entry{"search", 0xE8B6, kGlyph},         // search
    Entry{"callback", 0xE61D, kGlyph},       // phone_in_talk
    Entry{"counselling", 0xEA4A, kGlyph},    // psychology
    Entry{"idea-box", 0xE0F0, kGlyph},       // lightbulb
    Entry{"emergency", 0xE1EB, kGlyph},      // emergency: the six-armed star of emergency services
    Entry{"phone", 0xE0B0, kGlyph},          // call
    Entry{"fee-calculator", 0xEA5F, kGlyph}, // calculate
    Entry{"schedule", 0xE878, kGlyph},       // event: a calendar page with a day marked
    // The voice's key in the bottom bar.
    Entry{"speech", 0xE91F, kGlyph}, // record_voice_over
};

/// Names that show the same picture as another: a target group and the area it matches, a home
/// action and the list it opens, a counselling kind ("kind-" and the catalogue's kind id).
struct Alias
{
    std::string_view name;
    std::string_view sameAs;
};
constexpr std::array kAliases{
    Alias{"families", "02-wspieranie-rodziny"}, Alias{"disabilities", "06-niepelnosprawnosc"},
    Alias{"unemployed", "08-bezrobocie"},       Alias{"who-for", "all"},
    Alias{"equipment", "wheelchair"},           Alias{"carers", "transit-wheelchair"},
    Alias{"kind-psychological", "counselling"}, Alias{"kind-family", "02-wspieranie-rodziny"},
    Alias{"kind-addiction", "addictions"},
};

const Entry* find(std::string_view name)
{
    for (const Alias& a : kAliases)
    {
        if (a.name == name)
            name = a.sameAs;
    }
    for (const Entry& e : kTable)
    {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

/// Pen for our own shapes: coordinates in a unit square, strokes with round ends, all scaled to
/// the box, so the shape is as sharp at 36 px as at 360 px.
class Pen
{
  public:
    Pen(ImDrawList* list, ImVec2 min, float size, ImU32 color)
        : m_list(list), m_min(min), m_size(size), m_color(color), m_width(std::max(2.0f, size * 0.085f))
    {
    }

    /// The same pen with strokes `factor` times as wide (a shape whose parts must not melt into dots
    /// at a small size).
    Pen bolder(float factor) const
    {
        Pen p = *this;
        p.m_width *= factor;
        return p;
    }

    /// The same pen drawing turned by `radians` about the box's centre (a crutch leans as it does
    /// in a hand). Boxes stay upright: turned shapes use quad().
    Pen turned(float radians) const
    {
        Pen p = *this;
        p.m_cos = std::cos(radians);
        p.m_sin = std::sin(radians);
        return p;
    }

    ImVec2 at(float x, float y) const
    {
        const float dx = x - 0.5f;
        const float dy = y - 0.5f;
        const float rx = 0.5f + dx * m_cos - dy * m_sin;
        const float ry = 0.5f + dx * m_sin + dy * m_cos;
        return ImVec2(m_min.x + rx * m_size, m_min.y + ry * m_size);
    }

    void line(float x0, float y0, float x1, float y1) const
    {
        m_list->AddLine(at(x0, y0), at(x1, y1), m_color, m_width);
        dot(x0, y0, 0.5f);
        dot(x1, y1, 0.5f);
    }
    /// A filled dot of `r` stroke widths.
    void dot(float x, float y, float r) const { m_list->AddCircleFilled(at(x, y), m_width * r, m_color, 12); }
    void disc(float x, float y, float r) const { m_list->AddCircleFilled(at(x, y), r * m_size, m_color, 24); }
    void ring(float x, float y, float r) const { m_list->AddCircle(at(x, y), r * m_size, m_color, 24, m_width); }
    void arc(float x, float y, float r, float from, float to) const
    {
        m_list->PathArcTo(at(x, y), r * m_size, from, to, 12);
        m_list->PathStroke(m_color, 0, m_width);
    }
    void quad(ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d) const
    {
        m_list->AddQuadFilled(at(a.x, a.y), at(b.x, b.y), at(c.x, c.y), at(d.x, d.y), m_color);
    }
    void box(float x0, float y0, float x1, float y1, float rounding) const
    {
        m_list->AddRectFilled(at(x0, y0), at(x1, y1), m_color, rounding * m_size);
    }

  private:
    ImDrawList* m_list;
    ImVec2 m_min;
    float m_size;
    ImU32 m_color;
    float m_width;
    float m_cos = 1.0f;
    float m_sin = 0.0f;
};

constexpr float kPi = 3.14159265f;

/// An underarm crutch as the usual sign draws it (🩼), leaning: the padded top, two rails
/// narrowing to the shaft, the hand grip between them, the rubber tip.
void drawCrutch(const Pen& pen)
{
    const Pen p = pen.turned(kPi * 0.12f);
    p.quad(ImVec2(0.33f, 0.05f), ImVec2(0.67f, 0.05f), ImVec2(0.67f, 0.14f), ImVec2(0.33f, 0.14f)); // pad
    p.line(0.37f, 0.12f, 0.47f, 0.64f);                                                             // rails
    p.line(0.63f, 0.12f, 0.53f, 0.64f);
    p.line(0.41f, 0.38f, 0.59f, 0.38f);                                                             // hand grip
    p.line(0.50f, 0.62f, 0.50f, 0.88f);                                                             // shaft
    p.quad(ImVec2(0.44f, 0.87f), ImVec2(0.56f, 0.87f), ImVec2(0.56f, 0.96f), ImVec2(0.44f, 0.96f)); // tip
}

/// A person walking to the right, leaning a little forward, hands held out to a frame at x ≈ 0.6:
/// the walker and the rollator differ only in the frame drawn in front.
void drawWalkingPerson(const Pen& p)
{
    p.disc(0.30f, 0.13f, 0.085f);                                                                   // head
    p.quad(ImVec2(0.26f, 0.26f), ImVec2(0.36f, 0.26f), ImVec2(0.43f, 0.58f), ImVec2(0.33f, 0.58f)); // body
    p.line(0.33f, 0.31f, 0.46f, 0.44f);                                                             // arm to the hand
    p.line(0.46f, 0.44f, 0.60f, 0.41f);
    p.line(0.36f, 0.56f, 0.27f, 0.91f); // legs, one step apart
    p.line(0.40f, 0.56f, 0.47f, 0.74f);
    p.line(0.47f, 0.74f, 0.45f, 0.91f);
}

void drawShape(DrawnPictogram shape, const Pen& p)
{
    switch (shape)
    {
    case DrawnPictogram::Crutches:
        drawCrutch(p);
        break;
    case DrawnPictogram::Walker:
        // A person walking with a frame (a frame alone reads as a stool): the frame in front, four
        // legs with rubber tips, a rail at hand height.
        drawWalkingPerson(p);
        p.line(0.60f, 0.40f, 0.86f, 0.40f); // the rail the hands hold
        p.line(0.61f, 0.40f, 0.58f, 0.90f); // rear and front legs
        p.line(0.85f, 0.40f, 0.88f, 0.90f);
        p.line(0.60f, 0.64f, 0.86f, 0.64f);         // cross brace
        p.box(0.545f, 0.89f, 0.615f, 0.94f, 0.01f); // rubber tips
        p.box(0.845f, 0.89f, 0.915f, 0.94f, 0.01f);
        break;
    case DrawnPictogram::Rollator:
    {
        // The rollator alone, seen from the side and filling the box, in bold strokes: the hand grip
        // up at the back, the upright rear leg and the slanting front leg, the seat between them,
        // two big open wheels. A person behind a small frame (as the walker has) melted into dots
        // at 27 px: the wheels and the grip are what tell a rollator from a walking frame.
        const Pen b = p.bolder(1.3f);
        b.line(0.10f, 0.15f, 0.36f, 0.15f); // hand grip
        b.line(0.33f, 0.15f, 0.30f, 0.62f); // rear leg down to its wheel
        b.line(0.35f, 0.19f, 0.72f, 0.62f); // front leg down to its wheel
        b.line(0.25f, 0.42f, 0.56f, 0.42f); // seat
        p.ring(0.29f, 0.79f, 0.15f);        // wheels, open (a thinner rim) so they read as wheels
        p.ring(0.73f, 0.79f, 0.15f);
        break;
    }
    case DrawnPictogram::QuadCane:
        // A cane on a base with four feet: a curved handle, the shaft, the base plate, the feet.
        p.arc(0.44f, 0.22f, 0.12f, kPi, kPi * 2.0f); // the crook of the handle
        p.line(0.32f, 0.22f, 0.32f, 0.28f);
        p.line(0.56f, 0.22f, 0.56f, 0.72f);       // shaft
        p.box(0.28f, 0.70f, 0.84f, 0.79f, 0.03f); // base
        p.line(0.31f, 0.76f, 0.24f, 0.91f);       // four feet
        p.line(0.47f, 0.76f, 0.44f, 0.91f);
        p.line(0.65f, 0.76f, 0.68f, 0.91f);
        p.line(0.81f, 0.76f, 0.88f, 0.91f);
        break;
    case DrawnPictogram::PressureMattress:
        // A bed (headboard, frame, legs) on which the mattress is a row of air cells.
        p.line(0.10f, 0.34f, 0.10f, 0.88f); // headboard, down to a leg
        p.line(0.10f, 0.74f, 0.92f, 0.74f); // the frame
        p.line(0.90f, 0.58f, 0.90f, 0.88f); // foot end, down to a leg
        for (int i = 0; i < 5; ++i)         // the air cells, side by side
            p.box(0.17f + static_cast<float>(i) * 0.142f, 0.50f, 0.29f + static_cast<float>(i) * 0.142f, 0.68f, 0.06f);
        p.disc(0.24f, 0.40f, 0.06f); // a pillow's bump under the head
        break;
    case DrawnPictogram::CommodeChair:
        // A chair on castors with a bucket under the seat's opening.
        p.box(0.62f, 0.12f, 0.72f, 0.56f, 0.03f); // backrest
        p.line(0.24f, 0.38f, 0.68f, 0.38f);       // armrest
        p.line(0.26f, 0.38f, 0.26f, 0.54f);
        p.line(0.20f, 0.56f, 0.34f, 0.56f); // the seat, open in the middle
        p.line(0.52f, 0.56f, 0.72f, 0.56f);
        p.line(0.24f, 0.56f, 0.24f, 0.84f); // legs
        p.line(0.68f, 0.56f, 0.68f, 0.84f);
        p.ring(0.24f, 0.89f, 0.045f); // castors
        p.ring(0.68f, 0.89f, 0.045f);
        p.quad(ImVec2(0.33f, 0.62f), ImVec2(0.53f, 0.62f), ImVec2(0.50f, 0.80f), ImVec2(0.36f, 0.80f)); // bucket
        break;
    case DrawnPictogram::None:
    case DrawnPictogram::Neutral:
        p.ring(0.5f, 0.5f, 0.32f);
        p.disc(0.5f, 0.5f, 0.10f);
        break;
    }
}

/// The baked icon face for `size`: the largest not above it (never scaled up), else the smallest.
ImFont* iconFace(const UiContext& ctx, float size)
{
    ImFont* best = nullptr;
    ImFont* smallest = nullptr;
    for (ImFont* f :
         {ctx.fonts.normal.iconInline, ctx.fonts.large.iconInline, ctx.fonts.normal.icon, ctx.fonts.large.icon})
    {
        if (f == nullptr)
            continue;
        if (smallest == nullptr || f->FontSize < smallest->FontSize)
            smallest = f;
        if (f->FontSize <= size + 0.5f && (best == nullptr || f->FontSize > best->FontSize))
            best = f;
    }
    return best != nullptr ? best : smallest;
}

} // namespace

PictogramSource pictogramFor(std::string_view name)
{
    const Entry* e = find(name);
    if (e == nullptr)
        return PictogramSource{0, DrawnPictogram::Neutral, false};
    return PictogramSource{e->glyph, e->drawn, true};
}

std::vector<std::string_view> pictogramNames()
{
    std::vector<std::string_view> out;
    for (const Entry& e : kTable)
        out.push_back(e.name);
    for (const Alias& a : kAliases)
        out.push_back(a.name);
    return out;
}

const ImWchar* pictogramGlyphRanges()
{
    static const std::vector<ImWchar> ranges = []
    {
        std::vector<ImWchar> cps;
        for (const Entry& e : kTable)
        {
            if (e.glyph != 0)
                cps.push_back(e.glyph);
        }
        std::sort(cps.begin(), cps.end());
        cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
        std::vector<ImWchar> out;
        for (ImWchar cp : cps)
        {
            out.push_back(cp);
            out.push_back(cp);
        }
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

void drawPictogram(const UiContext& ctx, ImDrawList* list, std::string_view name, ImVec2 min, float size, ImU32 color)
{
    PictogramSource src = pictogramFor(name);
    if (src.glyph != 0)
    {
        ImFont* face = iconFace(ctx, size);
        const ImFontGlyph* g = face != nullptr ? face->FindGlyphNoFallback(src.glyph) : nullptr;
        if (g != nullptr)
        {
            // Centre the glyph's inked box in the square, on whole pixels: a glyph drawn at its
            // baked size on whole pixels maps texel to pixel, so its edges stay sharp.
            const float drawSize = std::min(face->FontSize, size);
            const float scale = drawSize / face->FontSize;
            const float w = (g->X1 - g->X0) * scale;
            const float h = (g->Y1 - g->Y0) * scale;
            const ImVec2 pos(std::round(min.x + (size - w) * 0.5f - g->X0 * scale),
                             std::round(min.y + (size - h) * 0.5f - g->Y0 * scale));
            face->RenderChar(list, drawSize, pos, color, src.glyph);
            return;
        }
        src.drawn = DrawnPictogram::Neutral; // no icon font: a neutral shape, never a missing-glyph box
    }
    drawShape(src.drawn, Pen(list, min, size, color));
}

std::string pictogramRecordText(std::string_view name)
{
    return "[pictogram:" + std::string(name) + "]";
}

void Pictogram(UiContext& ctx, std::string_view name, float size)
{
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    drawPictogram(ctx, ImGui::GetWindowDrawList(), name, min, size, packed(ctx.palette.accent));
    ctx.record.addText(pictogramRecordText(name));
}

float pictogramTileSize(const UiContext& ctx)
{
    return std::round(kIconPx * ctx.uiScale * (ctx.largeText ? kLargeTextFactor : 1.0f));
}

float pictogramInlineSize(const UiContext& ctx)
{
    return std::round(kIconInlinePx * ctx.uiScale * (ctx.largeText ? kLargeTextFactor : 1.0f));
}

} // namespace okienko::kiosk::ui
