// A strict reader for gettext .po catalogues (assets/i18n/*.po). Only the subset the kiosk uses:
// msgctxt, msgid, msgstr, multi-line strings, C escapes, comments and the fuzzy flag. Plural forms
// are rejected on purpose: kiosk texts use "{n}"-style placeholders phrased to avoid plurals.
// Invalid UTF-8 is an error, so a wrongly saved file is caught at load, not as garbage on screen.
#pragma once

#include "shared/util/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

struct PoEntry
{
    std::string context;                 ///< msgctxt; empty when absent.
    std::string msgid;                   ///< The stable dotted key ("home.catalog").
    std::string msgstr;                  ///< The text; empty = untranslated.
    std::string extractedComment;        ///< "#." lines joined with '\n': the English meaning for translators.
    std::vector<std::string> references; ///< "#:" lines.
    bool fuzzy = false;                  ///< "#, fuzzy": must be treated as untranslated.
    int line = 0;                        ///< Line of the msgid keyword.

    /// Translated and usable: non-empty and not fuzzy.
    bool usable() const { return !fuzzy && !msgstr.empty(); }
};

struct PoFile
{
    std::string header;           ///< msgstr of the msgid "" entry (Content-Type, Language…); may be empty.
    std::vector<PoEntry> entries; ///< In file order, without the header.
};

struct PoError
{
    int line = 0;   ///< 1-based.
    int column = 0; ///< 1-based byte column; 0 when the whole line is at fault.
    std::string message;

    /// "12:5: message".
    std::string toString() const;
};

/// Parses .po text. Fails on the first error (a catalogue is fixed by a person and re-read).
Result<PoFile, PoError> parsePo(std::string_view text);

/// Reads and parses a .po file; I/O errors come back as a PoError with line 0.
Result<PoFile, PoError> loadPo(const std::filesystem::path& path);

} // namespace okienko::kiosk
