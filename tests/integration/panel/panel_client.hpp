// A browser stand-in for the coordinators' panel over real HTTPS: keeps the session cookie, reads
// the CSRF token from the page, sends Origin like a browser does. Also adds staff with the CLI.
#pragma once

#include "shared/util/date.hpp"
#include "tests/integration/server/central_process.hpp"

#include <cstddef>
#include <httplib.h>
#include <map>
#include <memory>
#include <string>

namespace okienko::test
{

class PanelClient
{
  public:
    PanelClient(int port, const std::string& caPath);

    /// GET /panel/login, then POST the form; returns the POST's response (303 on success).
    httplib::Result login(const std::string& user, const std::string& password);
    httplib::Result get(const std::string& path);
    /// POSTs `form` (url-encoded) with the cookie and Origin; `csrf` is added unless `withCsrf` is false.
    httplib::Result post(const std::string& path, std::map<std::string, std::string> form, bool withCsrf = true);
    /// POSTs `form` as multipart/form-data, as a browser submits the panel's forms.
    httplib::Result postMultipart(const std::string& path, std::map<std::string, std::string> form,
                                  bool withCsrf = true);
    /// POSTs `form` as multipart/form-data with one file part, as a browser uploads a file chosen in
    /// an <input type="file">: `fileField`, its `fileName` and `content` (sent as it is).
    httplib::Result postFile(const std::string& path, std::map<std::string, std::string> form,
                             const std::string& fileField, const std::string& fileName, const std::string& content);
    /// The size of the last multipart body sent.
    std::size_t lastBodyBytes() const { return m_lastBodyBytes; }
    /// The CSRF token of the last page that had one.
    const std::string& csrf() const { return m_csrf; }
    const std::string& sessionCookie() const { return m_session; }
    void setOrigin(const std::string& origin) { m_origin = origin; }
    httplib::SSLClient& raw() { return *m_client; }

  private:
    void remember(const httplib::Result& r);
    httplib::Headers headers() const;

    std::unique_ptr<httplib::SSLClient> m_client;
    std::string m_origin;
    std::string m_session;
    std::string m_loginCookie;
    std::string m_csrf;
    std::size_t m_lastBodyBytes = 0;
};

/// The single value `sql` selects from the database at `dbPath`, as text whatever its type
/// ("<null>", "<no row>", "<bad sql>" or "<no db>" otherwise); opened read-only.
std::string scalar(const std::string& dbPath, const std::string& sql);

/// Adds a staff member through okienko-central's CLI; returns the staff id ("" on failure).
std::string addStaff(const CentralProcess& server, const std::string& name, const std::string& role,
                     const std::string& password);

/// What a browser submits for the form posting to `action` on `page`: inputs (checkboxes only when
/// checked), textareas and each select's selected option, unescaped.
std::map<std::string, std::string> browserForm(const std::string& page, const std::string& action);

/// multipart/form-data as a browser sends it (line breaks in values as CR LF).
std::string multipartEncode(const std::map<std::string, std::string>& form, const std::string& boundary);

/// Today in the local time zone (the server's day).
Date localToday();

/// Form encoding (as a browser does for application/x-www-form-urlencoded).
std::string formEncode(const std::map<std::string, std::string>& form);

} // namespace okienko::test
