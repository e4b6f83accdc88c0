// The panel test client.
#include "tests/integration/panel/panel_client.hpp"

#include "shared/db/database.hpp"

#include <ctime>

namespace okienko::test
{

namespace
{
std::string cookieFrom(const httplib::Response& r, const std::string& name)
{
    const std::size_t n = r.get_header_value_count("Set-Cookie");
    std::string value;
    for (std::size_t i = 0; i < n; ++i)
    {
        const std::string header = r.get_header_value("Set-Cookie", i);
        if (header.rfind(name + "=", 0) == 0)
            value = header.substr(name.size() + 1, header.find(';') - name.size() - 1);
    }
    return value;
}

std::string hex(unsigned char c)
{
    static const char* digits = "0123456789ABCDEF";
    return std::string{'%', digits[c >> 4], digits[c & 15U]};
}
std::string unescape(const std::string& s)
{
    static const std::pair<const char*, const char*> kEntities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();)
    {
        bool replaced = false;
        if (s[i] == '&')
            for (const auto& [entity, plain] : kEntities)
                if (s.compare(i, std::string(entity).size(), entity) == 0)
                {
                    out += plain;
                    i += std::string(entity).size();
                    replaced = true;
                    break;
                }
        if (!replaced)
            out.push_back(s[i++]);
    }
    return out;
}

std::string attribute(const std::string& tag, const std::string& name)
{
    const std::string marker = " " + name + "=\"";
    const auto at = tag.find(marker);
    if (at == std::string::npos)
        return {};
    const auto start = at + marker.size();
    return unescape(tag.substr(start, tag.find('"', start) - start));
}

/// Line breaks as a browser submits them (the HTML form encoding algorithm): CR LF.
std::string withCrLf(const std::string& value)
{
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i)
    {
        if (value[i] == '\n' && (i == 0 || value[i - 1] != '\r'))
            out += '\r';
        out += value[i];
    }
    return out;
}
} // namespace

std::map<std::string, std::string> browserForm(const std::string& page, const std::string& action)
{
    std::map<std::string, std::string> out;
    const auto begin = page.find("action=\"" + action + "\"");
    if (begin == std::string::npos)
        return out;
    const std::string form = page.substr(begin, page.find("</form>", begin) - begin);
    for (std::size_t at = form.find("<input"); at != std::string::npos; at = form.find("<input", at + 1))
    {
        const std::string tag = form.substr(at, form.find('>', at) - at);
        if (attribute(tag, "type") == "checkbox" && tag.find(" checked") == std::string::npos)
            continue;
        out[attribute(tag, "name")] = attribute(tag, "value");
    }
    for (std::size_t at = form.find("<textarea"); at != std::string::npos; at = form.find("<textarea", at + 1))
    {
        const auto close = form.find('>', at);
        const std::string tag = form.substr(at, close - at);
        std::string value = unescape(form.substr(close + 1, form.find("</textarea>", close) - close - 1));
        if (!value.empty() && value.front() == '\n') // the HTML parser drops one newline after <textarea>
            value.erase(0, 1);
        out[attribute(tag, "name")] = value;
    }
    for (std::size_t at = form.find("<select"); at != std::string::npos; at = form.find("<select", at + 1))
    {
        const std::string tag = form.substr(at, form.find('>', at) - at);
        const auto end = form.find("</select>", at);
        const auto selected = form.rfind(" selected>", end);
        const auto option = form.rfind("<option", selected);
        out[attribute(tag, "name")] = attribute(form.substr(option, selected - option), "value");
    }
    return out;
}

std::string multipartEncode(const std::map<std::string, std::string>& form, const std::string& boundary)
{
    std::string out;
    for (const auto& [k, v] : form)
        out +=
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + withCrLf(v) + "\r\n";
    return out + "--" + boundary + "--\r\n";
}

Date localToday()
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string formEncode(const std::map<std::string, std::string>& form)
{
    std::string out;
    for (const auto& [k, v] : form)
    {
        if (!out.empty())
            out += '&';
        for (const std::string* part : {&k, &v})
        {
            for (char ch : *part)
            {
                const auto c = static_cast<unsigned char>(ch);
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.')
                    out.push_back(ch);
                else if (c == ' ')
                    out.push_back('+');
                else
                    out += hex(c);
            }
            if (part == &k)
                out += '=';
        }
    }
    return out;
}

PanelClient::PanelClient(int port, const std::string& caPath)
    : m_client(std::make_unique<httplib::SSLClient>("127.0.0.1", port)),
      m_origin("https://127.0.0.1:" + std::to_string(port))
{
    m_client->set_ca_cert_path(caPath.c_str());
    m_client->enable_server_certificate_verification(true);
    m_client->set_connection_timeout(5, 0);
    m_client->set_read_timeout(30, 0);
}

httplib::Headers PanelClient::headers() const
{
    httplib::Headers h;
    std::string cookie;
    if (!m_session.empty())
        cookie = std::string("__Host-okienko_sesja=") + m_session;
    if (!m_loginCookie.empty())
        cookie += (cookie.empty() ? "" : "; ") + std::string("__Host-okienko_logowanie=") + m_loginCookie;
    if (!cookie.empty())
        h.emplace("Cookie", cookie);
    if (!m_origin.empty())
        h.emplace("Origin", m_origin);
    return h;
}

void PanelClient::remember(const httplib::Result& r)
{
    if (!r)
        return;
    const std::string session = cookieFrom(*r, "__Host-okienko_sesja");
    if (r->has_header("Set-Cookie") &&
        r->get_header_value("Set-Cookie").find("__Host-okienko_sesja=") != std::string::npos)
        m_session = session;
    const std::string login = cookieFrom(*r, "__Host-okienko_logowanie");
    for (std::size_t i = 0; i < r->get_header_value_count("Set-Cookie"); ++i)
        if (r->get_header_value("Set-Cookie", i).rfind("__Host-okienko_logowanie=", 0) == 0)
            m_loginCookie = login;
    const std::string marker = "name=\"csrf\" value=\"";
    const auto at = r->body.find(marker);
    if (at != std::string::npos)
        m_csrf = r->body.substr(at + marker.size(), r->body.find('"', at + marker.size()) - at - marker.size());
}

httplib::Result PanelClient::login(const std::string& user, const std::string& password)
{
    auto page = get("/panel/login");
    if (!page)
        return page;
    return post("/panel/login", {{"login", user}, {"password", password}});
}

httplib::Result PanelClient::get(const std::string& path)
{
    auto r = m_client->Get(path.c_str(), headers());
    remember(r);
    return r;
}

httplib::Result PanelClient::post(const std::string& path, std::map<std::string, std::string> form, bool withCsrf)
{
    if (withCsrf)
        form["csrf"] = m_csrf;
    auto r = m_client->Post(path.c_str(), headers(), formEncode(form), "application/x-www-form-urlencoded");
    remember(r);
    return r;
}

httplib::Result PanelClient::postMultipart(const std::string& path, std::map<std::string, std::string> form,
                                           bool withCsrf)
{
    if (withCsrf)
        form["csrf"] = m_csrf;
    const std::string boundary = "----WebKitFormBoundaryOkienko7MA4YWxk";
    const std::string body = multipartEncode(form, boundary);
    m_lastBodyBytes = body.size();
    auto r = m_client->Post(path.c_str(), headers(), body, ("multipart/form-data; boundary=" + boundary).c_str());
    remember(r);
    return r;
}

httplib::Result PanelClient::postFile(const std::string& path, std::map<std::string, std::string> form,
                                      const std::string& fileField, const std::string& fileName,
                                      const std::string& content)
{
    form["csrf"] = m_csrf;
    const std::string boundary = "----WebKitFormBoundaryOkienkoFile9Qx";
    std::string body = multipartEncode(form, boundary);
    body.resize(body.size() - (boundary.size() + 6)); // without the closing "--boundary--\r\n"
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName +
            "\"\r\nContent-Type: application/json\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    m_lastBodyBytes = body.size();
    auto r = m_client->Post(path.c_str(), headers(), body, ("multipart/form-data; boundary=" + boundary).c_str());
    remember(r);
    return r;
}

std::string scalar(const std::string& dbPath, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    if (!d)
        return "<no db>";
    // As text whatever the column's type (counts, ids, concatenations).
    auto st = d->prepare("SELECT CAST((" + sql + ") AS TEXT)");
    if (!st)
        return "<bad sql>";
    auto step = st->step();
    if (!step || *step != db::Step::Row)
        return "<no row>";
    auto text = st->columnOptionalText(0);
    return text && *text ? **text : "<null>";
}

std::string addStaff(const CentralProcess& server, const std::string& name, const std::string& role,
                     const std::string& password)
{
    std::string out;
    if (server.admin({"add-staff", "--name", name, "--role", role}, &out, "482193\n" + password + "\n") != 0)
        return {};
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

} // namespace okienko::test
