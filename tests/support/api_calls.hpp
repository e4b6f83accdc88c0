// The kiosk API called in process, as a kiosk calls it over HTTPS (the site tests): one request with
// a kiosk's bearer token, and every page of the change feed from a cursor.
#pragma once

#include "server/api.hpp"

#include <map>
#include <string>

namespace okienko::test
{

/// `method` `path` with `token` as the kiosk's bearer token; a POST's body as JSON.
server::ApiResponse callApi(server::Api& api, const std::string& token, const std::string& method,
                            const std::string& path, const std::string& body = {},
                            std::map<std::string, std::string> query = {});

/// Every page of GET /api/v1/changes from `cursor` on (a snapshot when it is empty), the pages' bodies
/// one after another, `cursor` moved to the last page's. The first page that is not 200 is returned
/// as it is.
server::ApiResponse pullAllChanges(server::Api& api, const std::string& token, std::string& cursor);

} // namespace okienko::test
