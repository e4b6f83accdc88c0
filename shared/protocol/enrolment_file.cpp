// The enrolment file's writer and strict reader.
#include "shared/protocol/enrolment_file.hpp"

#include "shared/text/utf8.hpp"

#include <array>
#include <optional>
#include <vector>

namespace okienko::protocol
{

namespace
{
constexpr std::string_view kMagic = "okienko-enrolment";
constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
constexpr std::size_t kMaxFileBytes = 64 * 1024;

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool isBase64Line(std::string_view line)
{
    if (line.empty() || line.size() > 76)
        return false;
    for (const char c : line)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
              c == '='))
            return false;
    return true;
}

/// The lines of `text` without their "\n" (and a "\r" before it: a file that went through Windows).
std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    while (!text.empty())
    {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

/// The PEM check over `lines` from index `from`; the problem and the 1-based line it is on.
std::optional<EnrolmentError> pemProblem(const std::vector<std::string_view>& lines, std::size_t from)
{
    int certificates = 0;
    std::optional<std::size_t> openedAt;
    for (std::size_t i = from; i < lines.size(); ++i)
    {
        const std::string_view line = lines[i];
        const int number = static_cast<int>(i) + 1;
        if (!openedAt)
        {
            if (line == kBegin)
                openedAt = i;
            else if (!line.empty())
                return EnrolmentError{number, "only PEM certificates (" + std::string(kBegin) + " … " +
                                                  std::string(kEnd) + ") may follow the header"};
        }
        else if (line == kEnd)
        {
            if (i == *openedAt + 1)
                return EnrolmentError{number, "the certificate is empty"};
            openedAt.reset();
            ++certificates;
        }
        else if (!isBase64Line(line))
            return EnrolmentError{number, "not a line of a PEM certificate (base64, at most 76 characters)"};
    }
    if (openedAt)
        return EnrolmentError{static_cast<int>(*openedAt) + 1,
                              "the certificate that starts here has no " + std::string(kEnd) + " line (cut short?)"};
    if (certificates == 0)
        return EnrolmentError{0, "no CA certificate: the file must end with the server's CA in PEM"};
    return std::nullopt;
}

struct HeaderKey
{
    std::string_view name;
    std::string (*check)(std::string_view);
    std::string Enrolment::*field;
};

std::string checkVersion(std::string_view value)
{
    if (value == std::to_string(kEnrolmentFormatVersion))
        return {};
    return "format version \"" + std::string(value) + "\" is not one this kiosk reads (it reads version " +
           std::to_string(kEnrolmentFormatVersion) + ")";
}

} // namespace

std::string EnrolmentError::toString(std::string_view source) const
{
    return std::string(source) + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message;
}

std::string checkEnrolmentKioskId(std::string_view id)
{
    if (id.empty() || id.size() > 64)
        return "the kiosk id needs 1 to 64 characters";
    for (const char c : id)
        if (!isBase64UrlChar(c))
            return "the kiosk id may hold only letters A-Z a-z, digits, '-' and '_'";
    return {};
}

std::string checkEnrolmentKioskName(std::string_view name)
{
    if (!text::isValidUtf8(name))
        return "the kiosk name is not valid UTF-8";
    const std::size_t length = text::codePointCount(name);
    if (length == 0 || length > 120)
        return "the kiosk name needs 1 to 120 characters";
    for (const char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return "the kiosk name must not contain control characters";
    if (name.front() == ' ' || name.back() == ' ')
        return "the kiosk name must not start or end with a space";
    return {};
}

std::string checkEnrolmentServerUrl(std::string_view url)
{
    if (url.rfind("https://", 0) != 0)
        return "the server URL must start with https://";
    if (url.size() > 512)
        return "the server URL is longer than 512 characters";
    const std::string_view rest = url.substr(8);
    if (rest.empty() || rest[0] == '/' || rest[0] == ':')
        return "the server URL has no host name";
    for (const char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F || c == '"' || c == '\\')
            return "the server URL must not contain spaces, quotes, backslashes or non-ASCII characters";
    return {};
}

std::string checkEnrolmentToken(std::string_view token)
{
    if (token.size() < 32 || token.size() > 128)
        return "the token needs 32 to 128 characters (it has " + std::to_string(token.size()) + ")";
    for (const char c : token)
        if (!isBase64UrlChar(c))
            return "the token may hold only letters, digits, '-' and '_' (base64url)";
    return {};
}

std::string checkEnrolmentCaPem(std::string_view pem)
{
    const auto problem = pemProblem(splitLines(pem), 0);
    return problem ? problem->toString("CA") : std::string();
}

std::string encodeEnrolment(const Enrolment& e)
{
    std::string out = "# Okienko kiosk enrolment file. SECRET: it holds the kiosk's token.\n"
                      "# On the new kiosk, as root: okienko-kiosk --enrol THIS-FILE; then delete this file.\n";
    out += std::string(kMagic) + ": " + std::to_string(kEnrolmentFormatVersion) + "\n";
    out += "kiosk-id: " + e.kioskId + "\n";
    out += "kiosk-name: " + e.kioskName + "\n";
    out += "server-url: " + e.serverUrl + "\n";
    out += "token: " + e.token + "\n";
    out += e.caPem;
    if (!e.caPem.empty() && e.caPem.back() != '\n')
        out += "\n";
    return out;
}

Result<Enrolment, EnrolmentError> parseEnrolment(std::string_view text)
{
    if (text.size() > kMaxFileBytes)
        return makeErr(EnrolmentError{0, "the file is larger than 64 KiB: not an enrolment file"});
    if (auto bad = text::firstInvalidUtf8(text))
        return makeErr(EnrolmentError{0, "the file is not valid UTF-8 (byte " + std::to_string(*bad) + ")"});
    const std::vector<std::string_view> lines = splitLines(text);

    std::string version;
    Enrolment e;
    const std::array<HeaderKey, 5> keys{{{kMagic, checkVersion, nullptr},
                                         {"kiosk-id", checkEnrolmentKioskId, &Enrolment::kioskId},
                                         {"kiosk-name", checkEnrolmentKioskName, &Enrolment::kioskName},
                                         {"server-url", checkEnrolmentServerUrl, &Enrolment::serverUrl},
                                         {"token", checkEnrolmentToken, &Enrolment::token}}};
    std::array<bool, keys.size()> seen{};
    std::size_t i = 0;
    for (; i < lines.size() && lines[i] != kBegin; ++i)
    {
        const std::string_view line = lines[i];
        const int number = static_cast<int>(i) + 1;
        if (line.empty() || line.front() == '#')
            continue;
        const auto colon = line.find(": ");
        const std::string_view key = line.substr(0, colon);
        if (!seen[0] && key != kMagic)
            return makeErr(EnrolmentError{number, "not an Okienko enrolment file: the first line after the comments "
                                                  "must be \"okienko-enrolment: 1\""});
        if (colon == std::string_view::npos)
            return makeErr(EnrolmentError{number, "expected \"key: value\""});
        std::size_t k = 0;
        while (k < keys.size() && keys[k].name != key)
            ++k;
        if (k == keys.size())
            return makeErr(EnrolmentError{number, "unknown key \"" + std::string(key.substr(0, 40)) +
                                                      "\" (known: okienko-enrolment, kiosk-id, kiosk-name, "
                                                      "server-url, token)"});
        if (seen[k])
            return makeErr(EnrolmentError{number, "\"" + std::string(key) + "\" is given twice"});
        seen[k] = true;
        const std::string_view value = line.substr(colon + 2);
        if (const std::string problem = keys[k].check(value); !problem.empty())
            return makeErr(EnrolmentError{number, std::string(key) + ": " + problem});
        if (keys[k].field != nullptr)
            e.*(keys[k].field) = std::string(value);
    }
    if (!seen[0])
        return makeErr(EnrolmentError{0, "not an Okienko enrolment file: no \"okienko-enrolment: 1\" line"});
    for (std::size_t k = 1; k < keys.size(); ++k)
        if (!seen[k])
            return makeErr(EnrolmentError{0, "missing key \"" + std::string(keys[k].name) + "\""});
    if (auto problem = pemProblem(lines, i))
        return makeErr(*problem);
    for (; i < lines.size(); ++i)
        if (!lines[i].empty())
            e.caPem += std::string(lines[i]) + "\n";
    return e;
}

} // namespace okienko::protocol
