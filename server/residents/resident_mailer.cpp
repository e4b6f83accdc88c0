// The e-mail of resident_mailer.hpp: a UTF-8 text message (subject and body base64-encoded, so any
// SMTP server carries it unchanged) sent with libcurl.
#include "server/residents/resident_mailer.hpp"

#include "shared/catalog/catalog_store.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <curl/curl.h>
#include <map>
#include <sodium.h>

namespace okienko::server::residents
{

namespace
{
std::string base64(const std::string& raw)
{
    std::string out(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

/// Base64 in lines of 76 characters, CRLF-ended (RFC 2045).
std::string base64Lines(const std::string& raw)
{
    const std::string encoded = base64(raw);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += 76)
        out += encoded.substr(i, 76) + "\r\n";
    return out;
}

struct Wording
{
    const char* subject;
    const char* opening;
    const char* contact;
    const char* phone;
    const char* optOut;
};

Wording wordingFor(domain::Language lang)
{
    switch (lang)
    {
    case domain::Language::Uk:
        return {"Нова послуга", "Добрий день!\n\nУ ЦСП з'явилася послуга, про яку ви питали в розмові з координатором:",
                "Щоб дізнатися більше, зверніться до", "тел.",
                "Якщо ви не хочете більше отримувати такі повідомлення, скажіть про це координатору — ми видалимо ваші "
                "дані."};
    case domain::Language::En:
        return {"New service",
                "Hello,\n\nA service you asked about when you talked to the coordinator is now available:",
                "For details, contact", "phone",
                "If you do not want such messages any more, tell the coordinator and we will erase your data."};
    case domain::Language::Pl:
        break;
    }
    return {"Nowa usługa", "Dzień dobry,\n\ndostępna jest usługa, o którą pytali Państwo w rozmowie z koordynatorem:",
            "Szczegóły:", "tel.",
            "Jeśli nie chcą Państwo więcej takich wiadomości, prosimy powiedzieć o tym koordynatorowi — usuniemy "
            "Państwa dane."};
}

/// LF → CRLF, and a leading "." doubled is left to curl (it escapes dots itself).
std::string crlf(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        if (c == '\n')
            out += "\r\n";
        else
            out.push_back(c);
    }
    return out;
}

std::string rfc2822Date(std::int64_t now)
{
    const std::time_t t = static_cast<std::time_t>(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

struct Upload
{
    const std::string& data;
    std::size_t offset = 0;
};

std::size_t readUpload(char* buffer, std::size_t size, std::size_t count, void* user)
{
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
    std::memcpy(buffer, upload->data.data() + upload->offset, n);
    upload->offset += n;
    return n;
}

/// One SMTP transaction; "" when the server accepted the message, else curl's reason.
std::string sendOne(const MailConfig& config, const std::string& to, const std::string& message)
{
    CURL* curl = curl_easy_init();
    if (curl == nullptr)
        return "curl_easy_init failed";
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const std::string url = "smtp://" + config.host + ":" + std::to_string(config.port);
    const std::string from = "<" + config.from + ">";
    const std::string rcpt = "<" + to + ">";
    curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
    Upload upload{message};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    if (config.starttls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return {};
    return errorBuffer[0] != '\0' ? std::string(errorBuffer) : std::string(curl_easy_strerror(code));
}
} // namespace

std::string notificationMessage(const MailConfig& config, const domain::Catalog& catalog,
                                const domain::Service& service, const std::string& to, domain::Language lang,
                                std::int64_t now)
{
    const Wording w = wordingFor(lang);
    const domain::Municipality& m = catalog.municipality;
    std::string body = std::string(w.opening) + "\n\n" + service.name.in(lang) + "\n" + service.summary.in(lang) +
                       "\n\n" + w.contact + " " + m.cusName.in(lang);
    if (!m.contactToBeConfirmed && !m.phone.empty())
        body += ", " + std::string(w.phone) + " " + m.phone;
    if (!m.address.empty())
        body += ", " + m.address;
    body += ".\n\n" + std::string(w.optOut) + "\n\n" + m.cusName.in(lang) + "\n";
    const std::string subject = std::string(w.subject) + ": " + service.name.in(lang);
    std::string out = "Date: " + rfc2822Date(now) + "\r\nFrom: " + config.from + "\r\nTo: " + to +
                      "\r\nSubject: =?UTF-8?B?" + base64(subject) +
                      "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                      "Content-Transfer-Encoding: base64\r\nMessage-ID: <okienko-" +
                      std::to_string(now) + "-" + service.id + "@" + config.host + ">\r\n\r\n";
    return out + base64Lines(crlf(body));
}

int ResidentMailer::sendPending(const Now& now)
{
    if (!m_config.enabled())
        return 0;
    auto pending = m_residents.pendingEmails(m_config.maxAttempts, 50);
    // Most polls find nothing: only then is the lease taken (a durable write), and the list read
    // again under it, as another process may have sent some meanwhile.
    if (pending && !pending->empty())
    {
        if (!m_lease.hold(now.unix))
            return 0;
        pending = m_residents.pendingEmails(m_config.maxAttempts, 50);
    }
    if (!pending)
    {
        std::fprintf(stderr, "okienko-central: mail: %s\n", pending.error().describe().c_str());
        return 0;
    }
    if (pending->empty())
        return 0;
    const auto started = std::chrono::steady_clock::now();
    // Each resident is told of a service of their own site's catalogue (decision 0015).
    std::map<std::string, domain::Catalog> catalogues;
    auto loaded = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            for (const PendingEmail& e : *pending)
                if (catalogues.count(e.site) == 0)
                {
                    auto c = catalog::loadCatalog(d, e.site);
                    if (!c)
                        return makeErr(c.error());
                    catalogues.emplace(e.site, std::move(c).value());
                }
            return {};
        });
    if (!loaded)
        return 0;
    int sent = 0, failed = 0;
    std::string lastError;
    for (const PendingEmail& e : *pending)
    {
        const domain::Catalog& catalogue = catalogues.at(e.site);
        const domain::Service* service = catalogue.findService(e.serviceId);
        if (service == nullptr)
            continue;
        // Renewed before each message: a process that lost the lease (it hung past it and another
        // took over) stops before sending anything the other may send too.
        const auto elapsed =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
        if (!m_lease.hold(now.unix + elapsed.count()))
            break;
        const auto lang = domain::parseLanguage(e.language).value_or(domain::Language::Pl);
        const std::string error =
            sendOne(m_config, e.email, notificationMessage(m_config, catalogue, *service, e.email, lang, now.unix));
        if (error.empty())
            ++sent;
        else
        {
            ++failed;
            lastError = error;
        }
        (void)m_residents.recordEmail(e, error.empty(), m_config.maxAttempts, now.unix);
    }
    if (failed > 0)
        // curl's text names the host and the SMTP reply, never the recipient.
        std::fprintf(stderr, "okienko-central: mail: %d sent, %d failed (%s)\n", sent, failed, lastError.c_str());
    return sent;
}

} // namespace okienko::server::residents
