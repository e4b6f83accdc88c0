// Text folding for search: what a resident types on the kiosk keyboard (often without Polish
// letters, sometimes on a Russian layout) must find the catalogue's properly spelled texts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace okienko::text
{

/// Folds text to its search form:
/// - Latin letters lower-cased with diacritics removed by an explicit table (ą→a, ł→l, ż→z, ö→o,
///   ß→ss, …; Latin-1 Supplement and Latin Extended-A), combining marks dropped;
/// - Cyrillic lower-cased and folded forgivingly: ґ→г, є/ё/э→е, і/ї/й/ы→и, ъ dropped;
/// - apostrophes (' ʼ ’ ‘ ` ´) dropped, so "пʼять" equals "пять";
/// - digits kept; punctuation, dashes, symbols and spaces become word separators;
/// - malformed UTF-8 bytes skipped.
/// The result is the folded words joined by single spaces, with no leading or trailing space.
std::string foldForSearch(std::string_view utf8);

/// Splits an already folded string (the output of foldForSearch) into its words, as views into it.
std::vector<std::string_view> splitFoldedWords(std::string_view folded);

/// The folded words of `utf8`, in order.
std::vector<std::string> searchWords(std::string_view utf8);

} // namespace okienko::text
