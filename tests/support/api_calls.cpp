// callApi and pullAllChanges (see api_calls.hpp).
#include "tests/support/api_calls.hpp"

#include <nlohmann/json.hpp>

namespace okienko::test
{

server::ApiResponse callApi(server::Api& api, const std::string& token, const std::string& method,
                            const std::string& path, const std::string& body, std::map<std::string, std::string> query)
{
    return api.handle(server::ApiRequest{method, path, std::move(query), "Bearer " + token,
                                         method == "POST" ? "application/json" : "", body});
}

server::ApiResponse pullAllChanges(server::Api& api, const std::string& token, std::string& cursor)
{
    server::ApiResponse all{200, "", {}};
    // A bound, so a feed that never ends fails the test instead of hanging it.
    for (int page = 0; page < 200; ++page)
    {
        std::map<std::string, std::string> query{{"limit", "1000"}};
        if (!cursor.empty())
            query["since"] = cursor;
        auto r = callApi(api, token, "GET", "/api/v1/changes", {}, query);
        if (r.status != 200)
            return r;
        all.body += r.body;
        const auto json = nlohmann::json::parse(r.body);
        cursor = json["cursor"].get<std::string>();
        if (!json["more"].get<bool>())
            break;
    }
    return all;
}

} // namespace okienko::test
