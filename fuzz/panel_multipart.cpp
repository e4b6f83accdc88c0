// The panel's multipart/form-data forms as okienko-central receives them: cpp-httplib (the compiled
// Debian library the server links) splits the body, and the panel takes each part as a field, as
// server/http_server.cpp does. The input is the boundary (its first line) and the body (the rest),
// POSTed to an in-process server on 127.0.0.1 over one keep-alive connection. The library is not
// instrumented, so this finds crashes, hangs and leaks rather than following its branches.
// Invariants: every request is answered (a split form 200, a malformed one 400); a part is never
// longer than the body it came from.
#include "fuzz/fuzz_check.hpp"

#include <httplib.h>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace
{

constexpr std::size_t kMaxBodyBytes = 1024 * 1024; // central.toml's default server.max_body_bytes

struct Harness
{
    httplib::Server server;
    std::unique_ptr<httplib::Client> client;
    std::thread thread;

    Harness()
    {
        server.set_payload_max_length(kMaxBodyBytes);
        server.set_tcp_nodelay(true); // else each request waits for a delayed ACK (40 ms)
        // One connection for the whole run: the library's default closes it every 5 requests, and a
        // request sent as it closes fails on the client's side, not the server's.
        server.set_keep_alive_max_count(1000000000);
        server.set_keep_alive_timeout(600);
        server.Post("/panel/form",
                    [](const httplib::Request& req, httplib::Response& res)
                    {
                        std::map<std::string, std::string> fields;
                        for (const auto& [name, part] : req.files)
                        {
                            FUZZ_CHECK(part.content.size() <= req.body.size() || req.body.empty());
                            fields[name] = part.content;
                        }
                        res.set_content(std::to_string(fields.size()), "text/plain");
                    });
        const int port = server.bind_to_any_port("127.0.0.1");
        FUZZ_CHECK(port > 0);
        thread = std::thread([this] { server.listen_after_bind(); });
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        client->set_keep_alive(true);
        client->set_tcp_nodelay(true);
        client->set_read_timeout(5, 0);
    }
};

Harness& harness()
{
    // Never destroyed: the server thread runs until the process ends.
    static Harness* h = new Harness;
    return *h;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = okienko::fuzz::asText(data, size);
    const auto newline = text.find('\n');
    std::string boundary(text.substr(0, std::min(newline, std::string_view::size_type{70})));
    // A header value cannot carry CR, LF or NUL; the client would refuse to send it.
    for (char& c : boundary)
        if (c == '\r' || c == '\n' || c == '\0')
            c = '-';
    const std::string body(newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1));
    const std::string contentType = "multipart/form-data; boundary=" + boundary;
    auto res = harness().client->Post("/panel/form", body, contentType);
    if (!res) // the connection may still have closed under the client (an idle timeout): once more
        res = harness().client->Post("/panel/form", body, contentType);
    if (!res)
        std::fprintf(stderr, "no answer: %s\n", httplib::to_string(res.error()).c_str());
    FUZZ_CHECK(res);
    FUZZ_CHECK(res->status == 200 || res->status == 400 || res->status == 413);
    return 0;
}
