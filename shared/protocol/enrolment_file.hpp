// The kiosk enrolment file: what `okienko-central enrol-kiosk` writes and `okienko-kiosk --enrol`
// reads. One text file a person can recognise by eye (a key: value header, then the CA in PEM) and
// a strict parser: an unknown, repeated or missing key, a bad value or stray text is an error with
// its line, so a truncated or hand-edited file is refused instead of half-applied. The file holds
// the kiosk's bearer token: it is written 0600 and should be deleted once the kiosk is enrolled.
// Format reference: docs/protocol.md, "Kiosk enrolment file".
#pragma once

#include "shared/util/result.hpp"

#include <string>
#include <string_view>

namespace okienko::protocol
{

/// The only format version this build writes and reads.
inline constexpr int kEnrolmentFormatVersion = 1;

struct Enrolment
{
    std::string kioskId;   ///< [kiosk] id: 1–64 letters, digits, '-' or '_'
    std::string kioskName; ///< [kiosk] name: one line of text, 1–120 characters
    std::string serverUrl; ///< [server] url: https://…
    std::string caPem;     ///< one or more PEM certificates, ending with a newline
    std::string token;     ///< the kiosk's bearer token (base64url)
};

struct EnrolmentError
{
    int line = 0; ///< 1-based; 0 for the file as a whole (a missing key, the size)
    std::string message;

    /// "FILE:LINE: message" (or "FILE: message" without a line).
    std::string toString(std::string_view source) const;
};

/// Empty when valid, else why not; the same rules the parser applies.
std::string checkEnrolmentKioskId(std::string_view id);
std::string checkEnrolmentKioskName(std::string_view name);
std::string checkEnrolmentServerUrl(std::string_view url);
std::string checkEnrolmentToken(std::string_view token);
/// `pem`: one or more -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- blocks and nothing else.
std::string checkEnrolmentCaPem(std::string_view pem);

/// The file's text. The caller checked every field with the functions above.
std::string encodeEnrolment(const Enrolment& enrolment);

/// Parses and checks the whole file; the first problem found, with its line.
Result<Enrolment, EnrolmentError> parseEnrolment(std::string_view text);

} // namespace okienko::protocol
