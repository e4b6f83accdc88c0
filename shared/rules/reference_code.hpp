// Reference codes: the short code on every slip (product.md §7) that a resident reads out over the
// phone and staff type in, e.g. "R-7KM-29Q-X4Z". Decisions and the collision arithmetic are in
// docs/decisions/0002-reference-codes.md; in short:
// - Alphabet of 31 symbols, "0123456789ABCDEFGHJKMNPRSTUWXYZ": each look-alike group keeps one
//   member (0 for 0/O/Q, 1 for 1/I/L, U for U/V), so whatever a reader types for it is mapped back
//   without guessing. 31 is prime, which is what makes the check symbol below exact.
// - Layout: prefix letter (kind), 2-symbol kiosk tag, 6 random symbols, 1 check symbol — shown as
//   the prefix and three groups of three, the way Polish phone numbers are read out.
// - Check symbol: Σ (i + 1) · value(symbol i) ≡ 0 (mod 31) over all ten symbols. The weights 1…10 are
//   distinct and non-zero mod 31, so every single wrong symbol and every swap of two different
//   symbols (adjacent or not) changes the sum by a non-zero amount mod 31 and is detected.
#pragma once

#include "shared/util/result.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::rules
{

/// What a code refers to; the prefix letter says it on the slip.
enum class ReferenceKind
{
    Reservation, ///< 'R' — rezerwacja sprzętu
    Counselling, ///< 'S' — spotkanie: the slip says "Meeting at CUS", so the letter names no kind
    Callback,    ///< 'T' — telefon
    Loan,        ///< 'W' — wypożyczenie
};

inline constexpr std::string_view kReferenceAlphabet = "0123456789ABCDEFGHJKMNPRSTUWXYZ";
inline constexpr int kReferenceAlphabetSize = 31;
inline constexpr int kKioskTagLength = 2;
inline constexpr int kRandomSymbolCount = 6;
/// Prefix + tag + random + check.
inline constexpr int kReferenceSymbolCount = 1 + kKioskTagLength + kRandomSymbolCount + 1;
/// "R-7KM-29Q-X4Z".
inline constexpr std::size_t kReferenceDisplayLength = 13;

enum class ReferenceCodeError
{
    Empty,            ///< nothing but spaces and dashes
    BadSymbol,        ///< a character that is neither a code symbol, a look-alike of one, nor a separator
    BadLength,        ///< not 10 symbols (9 are accepted when the expected kind supplies the prefix)
    WrongCheckSymbol, ///< a symbol was misread or two were swapped
    UnknownPrefix,    ///< the check symbol fits but the first letter is not a kind's prefix
    WrongKind,        ///< a valid code of another kind than the one expected
};

enum class ReferenceGenerateError
{
    RandomnessUnavailable, ///< the kernel CSPRNG failed; no code may be made from weaker randomness
    AllAttemptsTaken,      ///< every candidate was already taken (practically impossible; see 0002)
};

/// A code that parsed and verified.
struct ReferenceCode
{
    ReferenceKind kind = ReferenceKind::Reservation;
    std::string text; ///< canonical display form, "R-7KM-29Q-X4Z"; compare codes by this

    /// The two kiosk-tag symbols, "7K".
    std::string kioskTag() const;
    /// The ten symbols without separators, "R7KM29QX4Z" (for a database key or a QR payload).
    std::string compact() const;
};

char referencePrefix(ReferenceKind kind);
std::optional<ReferenceKind> referenceKindFromPrefix(char prefix);

/// The two-symbol tag of a kiosk: a hash (FNV-1a) of its id, reduced to 31² = 961 values. Stable
/// across restarts and builds. Two kiosks of one CUS may share a tag by chance (2 kiosks: 0.1 %,
/// 5 kiosks: 1 %); provisioning should compare tags and rename a kiosk id that clashes.
std::string kioskTag(std::string_view kioskId);

/// The check symbol for the first nine symbols (prefix, tag, random), or nullopt when `nineSymbols`
/// is not nine symbols of the alphabet.
std::optional<char> referenceCheckSymbol(std::string_view nineSymbols);

/// Builds the display form from its parts; BadLength or BadSymbol when a part has the wrong size or
/// a symbol outside the alphabet. Codes come from newReferenceCode; this exists for it and for tests.
Result<std::string, ReferenceCodeError> composeReferenceCode(ReferenceKind kind, std::string_view tag,
                                                             std::string_view randomSymbols);

/// A new code for a request made on `kioskId`, random symbols from the kernel CSPRNG. When `isTaken`
/// is given, a candidate it reports as taken (the kiosk's own store of codes) is replaced by a new
/// one, up to `maxAttempts` times; with it, codes never repeat on one kiosk.
Result<std::string, ReferenceGenerateError> newReferenceCode(ReferenceKind kind, std::string_view kioskId,
                                                             const std::function<bool(std::string_view)>& isTaken = {},
                                                             int maxAttempts = 8);

/// Parses what a person typed, forgivingly: case does not matter; spaces, dashes (also en/em dashes,
/// non-breaking spaces), dots, slashes and underscores are ignored; look-alikes the alphabet leaves
/// out are read as the member it keeps (O and Q → 0, I and L → 1, V → U); Cyrillic letters that look
/// like Latin ones (a Ukrainian keyboard layout: А В Е К М Н О Р С Т У Х З І) are read as those.
/// Then the check symbol is verified. When `expected` is given, a code of another kind is refused
/// with WrongKind, and nine symbols whose first is not the expected prefix are read as the code with
/// the prefix left out.
Result<ReferenceCode, ReferenceCodeError> parseReferenceCode(std::string_view input,
                                                             std::optional<ReferenceKind> expected = std::nullopt);

} // namespace okienko::rules
