// Search folding tables and the word splitter. There is no Unicode decomposition library on the
// kiosk, and ł/Ł does not decompose anyway, so the folding is an explicit table per block.
#include "shared/text/fold.hpp"

#include "shared/text/utf8.hpp"

namespace okienko::text
{

namespace
{

enum class Fold
{
    Word,      ///< appended letters or digits to the current word
    Separator, ///< ends the current word
    Dropped,   ///< contributes nothing and does not split the word (apostrophes, combining marks)
};

// Base letters of U+00C0..U+00FF. '*' marks the letters that fold to two letters, '/' the two
// arithmetic signs that separate words; both are handled before the table is read.
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo/ouuuuy**"
                                     "aaaaaa*ceeeeiiiidnooooo/ouuuuy*y";

// Base letters of U+0100..U+017F (Latin Extended-A); '*' marks the ligatures Ĳ ĳ Œ œ.
constexpr std::string_view kLatinExtA = "aaaaaaccccccccdd"
                                        "ddeeeeeeeeeegggg"
                                        "gggghhhhiiiiiiii"
                                        "ii**jjkkklllllll"
                                        "lllnnnnnnnnnoooo"
                                        "oo**rrrrrrssssss"
                                        "ssttttttuuuuuuuu"
                                        "uuuuwwyyyzzzzzzs";

bool isApostrophe(char32_t cp)
{
    return cp == U'\'' || cp == U'`' || cp == 0x00B4 || cp == 0x02B9 || cp == 0x02BC || cp == 0x2018 || cp == 0x2019 ||
           cp == 0x2032;
}

char32_t lowerCyrillic(char32_t cp)
{
    if (cp >= 0x0410 && cp <= 0x042F)
        return cp + 0x20;
    if (cp >= 0x0400 && cp <= 0x040F)
        return cp + 0x50;
    // Extended Cyrillic pairs capital/small on even/odd code points, except U+04C1..U+04CE.
    const bool evenPairs =
        (cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) || (cp >= 0x04D0 && cp <= 0x04FF);
    if (evenPairs && cp % 2 == 0)
        return cp + 1;
    if (cp >= 0x04C1 && cp <= 0x04CE && cp % 2 == 1)
        return cp + 1;
    if (cp == 0x04C0)
        return 0x04CF;
    return cp;
}

// Ukrainian typed on a Russian layout (and the other way round) must still match, so letters that
// residents interchange fold to one.
char32_t foldCyrillic(char32_t cp)
{
    switch (cp)
    {
    case 0x0491: // ґ
        return 0x0433;
    case 0x0454: // є
    case 0x0451: // ё
    case 0x044D: // э
        return 0x0435;
    case 0x0456: // і
    case 0x0457: // ї
    case 0x0439: // й
    case 0x044B: // ы
        return 0x0438;
    default:
        return cp;
    }
}

Fold foldCodePoint(char32_t cp, std::string& out)
{
    if (cp < 0x80)
    {
        if (cp >= U'a' && cp <= U'z')
            out.push_back(static_cast<char>(cp));
        else if (cp >= U'A' && cp <= U'Z')
            out.push_back(static_cast<char>(cp - U'A' + U'a'));
        else if (cp >= U'0' && cp <= U'9')
            out.push_back(static_cast<char>(cp));
        else if (isApostrophe(cp))
            return Fold::Dropped;
        else
            return Fold::Separator;
        return Fold::Word;
    }
    if (isApostrophe(cp))
        return Fold::Dropped;
    if (cp >= 0x00C0 && cp <= 0x00FF)
    {
        switch (cp)
        {
        case 0x00C6:
        case 0x00E6:
            out += "ae";
            return Fold::Word;
        case 0x00DE:
        case 0x00FE:
            out += "th";
            return Fold::Word;
        case 0x00DF:
            out += "ss";
            return Fold::Word;
        case 0x00D7:
        case 0x00F7:
            return Fold::Separator;
        default:
            out.push_back(kLatin1[cp - 0x00C0]);
            return Fold::Word;
        }
    }
    if (cp >= 0x0100 && cp <= 0x017F)
    {
        if (cp == 0x0132 || cp == 0x0133)
            out += "ij";
        else if (cp == 0x0152 || cp == 0x0153)
            out += "oe";
        else
            out.push_back(kLatinExtA[cp - 0x0100]);
        return Fold::Word;
    }
    if (cp >= 0x0218 && cp <= 0x021B) // Romanian comma-below Ș ș Ț ț
    {
        out.push_back(cp < 0x021A ? 's' : 't');
        return Fold::Word;
    }
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
        cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp >= 0xE0000)
        return Fold::Dropped; // decomposed input ("z" + U+0307) folds like the precomposed letter
    if (cp >= 0x0400 && cp <= 0x04FF)
    {
        const char32_t lower = lowerCyrillic(cp);
        if (lower == 0x044A) // ъ: Ukrainian writes an apostrophe where Russian writes ъ
            return Fold::Dropped;
        appendUtf8(out, foldCyrillic(lower));
        return Fold::Word;
    }
    if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2)
    {
        appendUtf8(out, cp + 0x20);
        return Fold::Word;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) // full-width ASCII from some on-screen keyboards
        return foldCodePoint(cp - 0xFEE0, out);
    if ((cp >= 0x0080 && cp <= 0x00BF) || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0x1F000 && cp <= 0x1FAFF))
        return Fold::Separator; // spaces, punctuation, dashes, symbols, arrows, emoji
    appendUtf8(out, cp);        // other scripts are kept as they are
    return Fold::Word;
}

} // namespace

std::string foldForSearch(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    bool pendingSpace = false;
    std::size_t pos = 0;
    while (pos < utf8.size())
    {
        const auto cp = decodeOne(utf8, pos);
        if (!cp)
        {
            ++pos; // a malformed byte is skipped, never allowed to stop the search
            continue;
        }
        const std::size_t before = out.size();
        if (pendingSpace)
            out.push_back(' ');
        switch (foldCodePoint(*cp, out))
        {
        case Fold::Word:
            pendingSpace = false;
            break;
        case Fold::Separator:
            out.resize(before);
            pendingSpace = !out.empty();
            break;
        case Fold::Dropped:
            out.resize(before);
            break;
        }
    }
    return out;
}

std::vector<std::string_view> splitFoldedWords(std::string_view folded)
{
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < folded.size())
    {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos)
            end = folded.size();
        if (end > start)
            words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::vector<std::string> searchWords(std::string_view utf8)
{
    const std::string folded = foldForSearch(utf8);
    std::vector<std::string> words;
    for (std::string_view w : splitFoldedWords(folded))
        words.emplace_back(w);
    return words;
}

} // namespace okienko::text
