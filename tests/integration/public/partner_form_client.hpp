// What the partner tests send as a browser does: the public partner form with its token and the
// answer to its question (read from the page, answered from this file's own table), and a valid
// registration proposing a new service with every §8 field in the form's language.
#pragma once

#include <httplib.h>
#include <map>
#include <string>

namespace okienko::test
{

/// The answer to the question on a partner form page ("" when the page asks none this file knows).
std::string challengeAnswer(const std::string& page);

/// The hidden token of a form on `page`.
std::string hiddenToken(const std::string& page);

/// A complete registration of "Fundacja Dobrzy Sąsiedzi" with a new service, texts in `lang`
/// ("pl", "uk" or "en"); the contact person `contact` is not marked public.
std::map<std::string, std::string> registrationForm(const std::string& lang, const std::string& contact);

/// GETs /public/{lang}/partner, waits out the minimum fill time (`minSeconds`), and POSTs `form`
/// with the page's token and the right answer (unless `form` brings its own "token" or "answer").
httplib::Result sendPartnerForm(httplib::SSLClient& client, const std::string& lang,
                                std::map<std::string, std::string> form, int minSeconds = 1);

} // namespace okienko::test
