// Reference codes: generation from the CSPRNG, the mod-31 check symbol, and forgiving parsing.
#include "shared/rules/reference_code.hpp"

#include "shared/util/uuid.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>

namespace okienko::rules
{

namespace
{

constexpr int kP = kReferenceAlphabetSize;
/// The inverse of the check symbol's weight (10) mod 31: 10 · 28 = 280 = 9 · 31 + 1.
constexpr int kInverseOfLastWeight = 28;
static_assert((kReferenceSymbolCount * kInverseOfLastWeight) % kP == 1);
static_assert(kReferenceAlphabet.size() == static_cast<std::size_t>(kP));
static_assert(kReferenceSymbolCount < kP, "weights 1..n must stay distinct and non-zero mod 31");

int symbolValue(char c)
{
    const auto pos = kReferenceAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char symbolAt(int value)
{
    return kReferenceAlphabet[static_cast<std::size_t>(value)];
}

/// Σ (i + 1) · value(symbols[i]) mod 31; -1 when a symbol is not in the alphabet.
int weightedSum(std::string_view symbols)
{
    int sum = 0;
    for (std::size_t i = 0; i < symbols.size(); ++i)
    {
        const int v = symbolValue(symbols[i]);
        if (v < 0)
            return -1;
        sum = (sum + static_cast<int>(i + 1) * v) % kP;
    }
    return sum;
}

std::string display(std::string_view compact)
{
    std::string out;
    out.reserve(kReferenceDisplayLength);
    out += compact[0];
    for (std::size_t i = 1; i < compact.size(); ++i)
    {
        if ((i - 1) % 3 == 0)
            out += '-';
        out += compact[i];
    }
    return out;
}

/// Decodes one UTF-8 code point at `pos`, advancing it; U+FFFD for a malformed sequence.
char32_t nextCodePoint(std::string_view s, std::size_t& pos)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    int extra = 0;
    char32_t cp = 0;
    if (b0 < 0x80)
    {
        ++pos;
        return b0;
    }
    if ((b0 & 0xE0) == 0xC0)
    {
        extra = 1;
        cp = b0 & 0x1Fu;
    }
    else if ((b0 & 0xF0) == 0xE0)
    {
        extra = 2;
        cp = b0 & 0x0Fu;
    }
    else if ((b0 & 0xF8) == 0xF0)
    {
        extra = 3;
        cp = b0 & 0x07u;
    }
    else
    {
        ++pos;
        return 0xFFFD;
    }
    ++pos;
    for (int i = 0; i < extra; ++i)
    {
        if (pos >= s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos]) & 0x3Fu);
        ++pos;
    }
    return cp;
}

bool isSeparator(char32_t cp)
{
    switch (cp)
    {
    case U' ':
    case U'\t':
    case U'-':
    case U'_':
    case U'.':
    case U'/':
    case U'\u00A0': // no-break space
    case U'\u202F': // narrow no-break space
    case U'\u2010': // hyphen
    case U'\u2011': // non-breaking hyphen
    case U'\u2012': // figure dash
    case U'\u2013': // en dash (word processors turn "-" into it)
    case U'\u2014': // em dash
    case U'\u2212': // minus sign
        return true;
    default:
        return false;
    }
}

/// The alphabet symbol a typed character stands for, or 0 when it stands for none.
char canonicalSymbol(char32_t cp)
{
    if (cp >= U'a' && cp <= U'z')
        cp = cp - U'a' + U'A';
    switch (cp)
    {
    case U'O':
    case U'Q':
        return '0';
    case U'I':
    case U'L':
        return '1';
    case U'V':
        return 'U';
    // Cyrillic capitals and small letters that look like Latin letters or digits.
    case U'\u0410': // А
    case U'\u0430':
        return 'A';
    case U'\u0412': // В
    case U'\u0432':
        return 'B';
    case U'\u0415': // Е
    case U'\u0435':
        return 'E';
    case U'\u0417': // З
    case U'\u0437':
        return '3';
    case U'\u041A': // К
    case U'\u043A':
        return 'K';
    case U'\u041C': // М
    case U'\u043C':
        return 'M';
    case U'\u041D': // Н
    case U'\u043D':
        return 'H';
    case U'\u041E': // О
    case U'\u043E':
        return '0';
    case U'\u0420': // Р
    case U'\u0440':
        return 'P';
    case U'\u0421': // С
    case U'\u0441':
        return 'C';
    case U'\u0422': // Т
    case U'\u0442':
        return 'T';
    case U'\u0423': // У
    case U'\u0443':
        return 'Y';
    case U'\u0425': // Х
    case U'\u0445':
        return 'X';
    case U'\u0406': // І (Ukrainian)
    case U'\u0456':
        return '1';
    default:
        break;
    }
    if (cp < 0x80 && symbolValue(static_cast<char>(cp)) >= 0)
        return static_cast<char>(cp);
    return 0;
}

/// Random symbols, uniform over the alphabet: bytes ≥ 248 = 8 · 31 are discarded so that no symbol
/// is more likely than another.
std::string randomSymbols(int count)
{
    std::string out;
    std::array<unsigned char, 32> buffer{};
    while (static_cast<int>(out.size()) < count)
    {
        secureRandomBytes(buffer.data(), buffer.size());
        for (unsigned char b : buffer)
        {
            if (b >= 248)
                continue;
            out += symbolAt(b % kP);
            if (static_cast<int>(out.size()) == count)
                break;
        }
    }
    return out;
}

} // namespace

std::string ReferenceCode::kioskTag() const
{
    return compact().substr(1, kKioskTagLength);
}

std::string ReferenceCode::compact() const
{
    std::string out;
    for (char c : text)
        if (c != '-')
            out += c;
    return out;
}

char referencePrefix(ReferenceKind kind)
{
    switch (kind)
    {
    case ReferenceKind::Reservation:
        return 'R';
    case ReferenceKind::Counselling:
        return 'S';
    case ReferenceKind::Callback:
        return 'T';
    case ReferenceKind::Loan:
        return 'W';
    }
    return 'R';
}

std::optional<ReferenceKind> referenceKindFromPrefix(char prefix)
{
    for (ReferenceKind k :
         {ReferenceKind::Reservation, ReferenceKind::Counselling, ReferenceKind::Callback, ReferenceKind::Loan})
        if (referencePrefix(k) == prefix)
            return k;
    return std::nullopt;
}

std::string kioskTag(std::string_view kioskId)
{
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (char c : kioskId)
    {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ull;
    }
    const auto value = static_cast<int>(hash % static_cast<std::uint64_t>(kP * kP));
    return {symbolAt(value / kP), symbolAt(value % kP)};
}

std::optional<char> referenceCheckSymbol(std::string_view nineSymbols)
{
    if (nineSymbols.size() != static_cast<std::size_t>(kReferenceSymbolCount - 1))
        return std::nullopt;
    const int sum = weightedSum(nineSymbols);
    if (sum < 0)
        return std::nullopt;
    // Solve sum + 10 · c ≡ 0 (mod 31) for c.
    const int c = ((kP - sum) % kP) * kInverseOfLastWeight % kP;
    return symbolAt(c);
}

Result<std::string, ReferenceCodeError> composeReferenceCode(ReferenceKind kind, std::string_view tag,
                                                             std::string_view random)
{
    if (tag.size() != static_cast<std::size_t>(kKioskTagLength) ||
        random.size() != static_cast<std::size_t>(kRandomSymbolCount))
        return makeErr(ReferenceCodeError::BadLength);
    std::string compact(1, referencePrefix(kind));
    compact.append(tag);
    compact.append(random);
    const auto check = referenceCheckSymbol(compact);
    if (!check)
        return makeErr(ReferenceCodeError::BadSymbol);
    compact += *check;
    return display(compact);
}

Result<std::string, ReferenceGenerateError> newReferenceCode(ReferenceKind kind, std::string_view kioskId,
                                                             const std::function<bool(std::string_view)>& isTaken,
                                                             int maxAttempts)
{
    const std::string tag = kioskTag(kioskId);
    for (int attempt = 0; attempt < std::max(1, maxAttempts); ++attempt)
    {
        std::string random;
        try
        {
            random = randomSymbols(kRandomSymbolCount);
        }
        catch (const std::exception&)
        {
            return makeErr(ReferenceGenerateError::RandomnessUnavailable);
        }
        auto code = composeReferenceCode(kind, tag, random);
        if (!code) // cannot happen: every part comes from the alphabet
            continue;
        if (!isTaken || !isTaken(*code))
            return std::move(code).value();
    }
    return makeErr(ReferenceGenerateError::AllAttemptsTaken);
}

Result<ReferenceCode, ReferenceCodeError> parseReferenceCode(std::string_view input,
                                                             std::optional<ReferenceKind> expected)
{
    std::string symbols;
    std::size_t pos = 0;
    bool anyInput = false;
    while (pos < input.size())
    {
        const char32_t cp = nextCodePoint(input, pos);
        if (isSeparator(cp))
            continue;
        anyInput = true;
        const char symbol = canonicalSymbol(cp);
        if (symbol == 0)
            return makeErr(ReferenceCodeError::BadSymbol);
        symbols += symbol;
        if (symbols.size() > 64) // nobody types a code this long; stop early on pasted text
            return makeErr(ReferenceCodeError::BadLength);
    }
    if (!anyInput)
        return makeErr(ReferenceCodeError::Empty);

    const auto full = static_cast<std::size_t>(kReferenceSymbolCount);
    if (symbols.size() == full - 1 && expected && symbols.front() != referencePrefix(*expected))
        symbols.insert(symbols.begin(), referencePrefix(*expected));
    if (symbols.size() != full)
        return makeErr(ReferenceCodeError::BadLength);
    if (weightedSum(symbols) != 0)
        return makeErr(ReferenceCodeError::WrongCheckSymbol);
    const auto kind = referenceKindFromPrefix(symbols.front());
    if (!kind)
        return makeErr(ReferenceCodeError::UnknownPrefix);
    if (expected && *kind != *expected)
        return makeErr(ReferenceCodeError::WrongKind);
    return ReferenceCode{*kind, display(symbols)};
}

} // namespace okienko::rules
