// The panel test client.
#include "tests/integration/panel/panel_client.hpp"

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
} // namespace

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

std::string addStaff(const CentralProcess& server, const std::string& name, const std::string& role,
                     const std::string& password)
{
    std::string out;
    if (server.admin({"add-staff", "--name", name, "--role", role}, &out, "4821\n" + password + "\n") != 0)
        return {};
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

} // namespace okienko::test
