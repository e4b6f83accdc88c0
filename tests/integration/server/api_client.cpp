// The kiosk API tests' shared client and database reads.
#include "tests/integration/server/api_client.hpp"

#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/callback.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>
#include <ctime>
#include <gtest/gtest.h>
#include <set>
#include <vector>

namespace okienko::test
{

Date serverToday()
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::unique_ptr<httplib::SSLClient> kioskClient(int port, const std::string& caPath, const std::string& token)
{
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(caPath.c_str());
    c->enable_server_certificate_verification(true);
    c->set_tcp_nodelay(true);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(30, 0);
    if (!token.empty())
        c->set_default_headers({{"Authorization", "Bearer " + token}});
    return c;
}

protocol::Event callbackEvent(int i)
{
    domain::CallbackRequest c;
    c.id = newUuid();
    c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "kiosk-1").value();
    c.phone = std::to_string(600000000 + i);
    c.day = serverToday().plusDays(1);
    c.createdAt = 1718600000;
    return protocol::makeCallbackRequested(c);
}

protocol::HoldRequest racingHold(Date base, int kiosk, int attempt)
{
    return protocol::HoldRequest{newUuid(), "wozek-testowy", base.plusDays((kiosk * 3 + attempt * 5) % 9),
                                 4 + (kiosk + attempt) % 5};
}

std::int64_t mostHeldOnOneDay(const std::string& dbPath, Date base, int days)
{
    std::int64_t most = 0;
    for (int day = 0; day < days; ++day)
    {
        const std::string d = base.plusDays(day).iso();
        most = std::max(most,
                        dbCount(dbPath, "SELECT COUNT(*) FROM reservations WHERE status = 'held' AND "
                                        "pick_up_date <= '" +
                                            d + "' AND date(pick_up_date, '+' || loan_days || ' days') > '" + d + "'"));
    }
    return most;
}

PulledChanges pullEverything(const std::function<httplib::Result(int page, const std::string& path)>& get, int limit)
{
    PulledChanges out;
    std::set<std::int64_t> seen;
    std::vector<std::int64_t> logSeqs;
    bool inLog = false;
    for (int page = 0; page < 10000; ++page)
    {
        auto r = get(page, "/api/v1/changes?limit=" + std::to_string(limit) + "&since=" + out.cursor);
        if (!r || r->status != 200)
        {
            ADD_FAILURE() << "page " << page << ": " << (r ? r->body : httplib::to_string(r.error()));
            return out;
        }
        auto decoded = protocol::decodeChangesPage(r->body);
        if (!decoded.ok())
        {
            ADD_FAILURE() << "page " << page << ": " << decoded.error().describe();
            return out;
        }
        EXPECT_LE(decoded->changes.size(), static_cast<std::size_t>(limit));
        for (const auto& ch : decoded->changes)
        {
            EXPECT_TRUE(seen.insert(ch.seq).second) << "delivered twice: " << ch.seq;
            if (inLog)
                logSeqs.push_back(ch.seq);
        }
        inLog = inLog || decoded->live.has_value();
        out.cursor = decoded->cursor;
        if (!decoded->more)
            break;
    }
    EXPECT_TRUE(inLog) << "the snapshot never ended";
    for (std::size_t i = 1; i < logSeqs.size(); ++i)
        EXPECT_LT(logSeqs[i - 1], logSeqs[i]);
    out.count = seen.size();
    return out;
}

std::string dbText(const std::string& dbPath, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    if (!d)
        return "open failed";
    auto value = db::queryText(*d, sql);
    if (!value)
        return "query failed";
    return value->value_or("<none>");
}

std::int64_t dbCount(const std::string& dbPath, const std::string& sql)
{
    const std::string value = dbText(dbPath, "SELECT CAST((" + sql + ") AS TEXT)");
    return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos ? std::stoll(value) : -1;
}

} // namespace okienko::test
