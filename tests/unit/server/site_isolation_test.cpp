// Site isolation of the kiosk API (decisions 0011, 0015): two sites on one okienko-central — "default",
// which holds the shipped Łapy catalogue, and "starachowice" with the shipped Starachowice one — each with a kiosk
// (flagged for staff work; site B's flag is turned on, off and on), a staff member, a counselling slot and requests.
// Every route of Api::routes(), called by the kiosk of site B with whatever it can name of site A, never returns a row
// of site A and never changes one. The table of cases is checked against Api::routes(), so a new route without a case
// fails here.
#include "server/api.hpp"
#include "server/lifecycle_store.hpp"
#include "server/server_store.hpp"
#include "server/site_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/api_calls.hpp"
#include "tests/support/site_requests.hpp"
#include "tests/support/site_rows.hpp"
#include "tests/support/temp_dir.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <set>

using namespace okienko;
using namespace okienko::protocol;
using namespace okienko::server;

namespace
{
const std::int64_t kUnixNow = 1900000000;
const char* const kSiteB = "starachowice";

class SiteIsolation : public ::testing::Test
{
  public: // the case table below calls the fixture through its base
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto lapy = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(lapy.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *lapy, now()).ok());
        ASSERT_TRUE(SiteStore(*m_store).addSite(kSiteB, "Centrum Usług Społecznych w Starachowicach", now()).ok());
        auto starachowice =
            catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/starachowice.json");
        ASSERT_TRUE(starachowice.ok());
        ASSERT_TRUE(m_store->importCatalog(kSiteB, *starachowice, now()).ok());

        auto tokenA = m_store->addKiosk("lapy-hol", now(), true);
        auto tokenB = m_store->addKiosk("starachowice-hol", now(), false, kSiteB);
        ASSERT_TRUE(tokenA.ok() && tokenB.ok());
        m_tokenA = *tokenA;
        m_tokenB = *tokenB;
        auto staffA = m_store->addStaff("Anna Łapska", domain::StaffRole::Equipment, test::kReleasePinHash,
                                        test::kReleasePinHash, now());
        auto staffB = m_store->addStaff("Beata Starachowska", domain::StaffRole::Equipment, test::kReleasePinHash,
                                        test::kReleasePinHash, now(), kSiteB);
        ASSERT_TRUE(staffA.ok() && staffB.ok());
        m_staffA = *staffA;
        m_staffB = *staffB;
        ASSERT_TRUE(m_store->addCounsellingSlot(slot("lapy-slot-1"), now()).ok());
        ASSERT_TRUE(m_store->addCounsellingSlot(slot("starachowice-slot-1"), now(), kSiteB).ok());

        m_config.databasePath = m_dir.file("central.db");
        m_config.rateLimitBurst = 1000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return now(); }, [] { return 100.0; });

        // Site A's kiosk: a reservation to pick up tomorrow (a pick-up in the staff feed), a booked
        // counselling meeting, a callback.
        m_reservationA = reservation("lapy-hol");
        m_counsellingA = makeCounsellingRequested(test::counsellingRequest("lapy-hol", "lapy-slot-1"));
        auto sent = send(m_tokenA, {m_reservationA, m_counsellingA, callback("lapy-hol", "600333444")});
        ASSERT_EQ(sent.size(), 3u);
        for (const EventResult& r : sent)
            ASSERT_EQ(r.status, EventStatus::Applied) << r.code;
        ASSERT_EQ(sent[1].data["slot_id"], "lapy-slot-1"); // booked by site A's own request
    }

    Now now() const { return nowAt(kUnixNow); }

    domain::CounsellingSlot slot(const std::string& id) const
    {
        return test::counsellingSlot(id, "Psycholog", "12", now().today);
    }
    Event reservation(const std::string& kiosk) const
    {
        return makeReservationCreated(test::wheelchairReservation(kiosk, now().today));
    }
    Event callback(const std::string& kiosk, const std::string& phone) const
    {
        return test::callbackRequested(kiosk, phone, now().today);
    }

    ApiResponse call(const std::string& token, const std::string& method, const std::string& path,
                     const std::string& body = {}, std::map<std::string, std::string> query = {})
    {
        return test::callApi(*m_api, token, method, path, body, std::move(query));
    }

    ApiResponse postAsB(const std::string& path, const std::string& body) { return call(m_tokenB, "POST", path, body); }

    std::vector<EventResult> send(const std::string& token, const std::vector<Event>& events)
    {
        auto r = call(token, "POST", "/api/v1/events", encodeEventBatch(events));
        EXPECT_EQ(r.status, 200) << r.body;
        auto results = decodeEventResults(r.body);
        return results.ok() ? *results : std::vector<EventResult>{};
    }

    /// Every row of site A — the site-owned tables' rows of "default", its kiosk's event records,
    /// the catalogue, the units' live states and the holds — as text.
    std::string siteA() { return test::siteRows(*m_store, "default"); }

    /// Whatever of site A a response could leak: its kiosk, staff, slot, requests and catalogue.
    std::vector<std::string> markersOfA() const
    {
        return {"lapy-hol",
                m_staffA,
                "Anna Łapska",
                "lapy-slot-1",
                m_reservationA.id,
                m_counsellingA.id,
                "Jan Kowalski",
                "Adam Łapski",
                "600333444",
                "lapy-",
                "LAP-",
                "wozek-inwalidzki",
                "Centrum Usług Społecznych w Łapach"};
    }

    /// `echoed`: an id of site A the request itself named and the answer may repeat (the lost-events
    /// answer lists the ids it was asked about).
    void expectNothingOfA(const ApiResponse& r, const std::string& route, const std::string& echoed = {})
    {
        for (const std::string& marker : markersOfA())
            if (marker != echoed)
            {
                EXPECT_EQ(r.body.find(marker), std::string::npos) << route << " told site B \"" << marker << "\"";
            }
    }

    /// Site A's rows after a call are those before it; a difference is reported line by line.

    test::TempDir m_dir{"okienko-sites"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    std::string m_tokenA, m_tokenB, m_staffA, m_staffB;
    Event m_reservationA, m_counsellingA;
};

/// A check of the answer's status only.
std::function<void(SiteIsolation&, const ApiResponse&)> status(int expected)
{
    return [expected](SiteIsolation&, const ApiResponse& r)
    {
        EXPECT_EQ(r.status, expected) << r.body;
    };
}

/// One route called by site B's kiosk: the call, and what site B must get (besides nothing of A).
struct RouteCase
{
    std::string method;
    std::string path;
    std::function<ApiResponse(SiteIsolation&)> callAsSiteB;
    std::function<void(SiteIsolation&, const ApiResponse&)> expectForSiteB;
    bool echoesEventIds = false; ///< the answer lists the event ids the request named
};
} // namespace

// Friend-free access to the fixture's helpers from the case table.
class SiteIsolationCases : public SiteIsolation
{
  public:
    std::vector<RouteCase> cases()
    {
        return {
            {"GET", "/api/v1/changes",
             [](SiteIsolation& f)
             {
                 // Staff work turned on (the current staff feed as the kiosk's own rows), off (a
                 // delete for each) and on again: each only of its own site.
                 auto& c = static_cast<SiteIsolationCases&>(f);
                 LifecycleStore lifecycle(*c.m_store);
                 for (const bool on : {true, false, true})
                     EXPECT_TRUE(lifecycle.setKioskStaffWork("starachowice-hol", on, c.now()).ok());
                 return c.pullAllAsB();
             },
             [](SiteIsolation& f, const ApiResponse& r)
             {
                 auto& c = static_cast<SiteIsolationCases&>(f);
                 EXPECT_EQ(r.status, 200);
                 // Its own site's slot, staff member and catalogue do arrive: the feed is filtered, not empty.
                 EXPECT_NE(r.body.find("starachowice-slot-1"), std::string::npos) << r.body;
                 EXPECT_NE(r.body.find("Starachowic"), std::string::npos) << r.body;
                 EXPECT_NE(r.body.find(c.m_staffB), std::string::npos) << r.body;
             }},
            {"POST", "/api/v1/events",
             [](SiteIsolation& f)
             {
                 auto& c = static_cast<SiteIsolationCases&>(f);
                 domain::CounsellingRequest onA;
                 onA.id = newUuid();
                 onA.code = rules::newReferenceCode(rules::ReferenceKind::Counselling, "starachowice-hol").value();
                 onA.kindId = "psychological";
                 onA.slotId = "lapy-slot-1";
                 onA.name = "Ewa Starachowska";
                 onA.phone = "600555666";
                 return c.call(c.m_tokenB, "POST", "/api/v1/events",
                               encodeEventBatch({c.reservation("starachowice-hol"), makeCounsellingRequested(onA),
                                                 c.callback("starachowice-hol", "600777888")}));
             },
             [](SiteIsolation&, const ApiResponse& r)
             {
                 ASSERT_EQ(r.status, 200) << r.body;
                 auto results = decodeEventResults(r.body);
                 ASSERT_TRUE(results.ok());
                 ASSERT_EQ(results->size(), 3u);
                 // Site A's equipment cannot be reserved (site B's catalogue has no such type: the
                 // resident's request is kept as a conflict of site B), its slot cannot be booked.
                 EXPECT_EQ((*results)[0].status, EventStatus::Applied);
                 EXPECT_EQ((*results)[0].data["status"], "conflict");
                 EXPECT_EQ((*results)[1].status, EventStatus::Applied);
                 EXPECT_EQ((*results)[1].data["status"], "received");
                 EXPECT_TRUE((*results)[1].data["slot_id"].is_null());
                 EXPECT_EQ((*results)[2].status, EventStatus::Applied);
             }},
            {"POST", "/api/v1/reservations/hold",
             [](SiteIsolation& f)
             {
                 return f.postAsB("/api/v1/reservations/hold",
                                  encodeHoldRequest({newUuid(), "wozek-inwalidzki", f.now().today.plusDays(1), 14}));
             },
             status(404)},
            {"POST", "/api/v1/counselling/book",
             [](SiteIsolation& f)
             {
                 return f.postAsB("/api/v1/counselling/book",
                                  encodeCounsellingBookRequest({newUuid(), "lapy-slot-1", "psychological"}));
             },
             [](SiteIsolation& f, const ApiResponse& r)
             {
                 auto& c = static_cast<SiteIsolationCases&>(f);
                 EXPECT_EQ(r.status, 404) << r.body;
                 // Its own site's slot books.
                 auto own = c.call(c.m_tokenB, "POST", "/api/v1/counselling/book",
                                   encodeCounsellingBookRequest({newUuid(), "starachowice-slot-1", "psychological"}));
                 EXPECT_EQ(own.status, 201) << own.body;
                 c.expectNothingOfA(own, "counselling/book (own slot)");
             }},
            {"POST", "/api/v1/heartbeat",
             [](SiteIsolation& f) {
                 return f.postAsB("/api/v1/heartbeat", encodeHeartbeat({"0.1.0", 5, 0, 0, "ok", std::nullopt}));
             },
             status(200)},
            {"POST", "/api/v1/lost-events",
             [](SiteIsolation& f)
             {
                 auto& c = static_cast<SiteIsolationCases&>(f);
                 return c.postAsB("/api/v1/lost-events",
                                  encodeLostEventReports({{c.m_counsellingA.id, "counselling.requested", "", 5}}));
             },
             [](SiteIsolation&, const ApiResponse& r)
             {
                 ASSERT_EQ(r.status, 200) << r.body;
                 auto results = decodeLostEventResults(r.body);
                 ASSERT_TRUE(results.ok());
                 ASSERT_EQ(results->size(), 1u);
                 // Site A's event is not confirmed to exist to site B.
                 EXPECT_EQ((*results)[0].status, LostEventStatus::Lost);
             },
             true},
        };
    }

    ApiResponse pullAllAsB()
    {
        std::string cursor;
        return test::pullAllChanges(*m_api, m_tokenB, cursor);
    }
};

TEST_F(SiteIsolationCases, EveryApiRouteCalledByAKioskOfSiteBNeitherShowsNorChangesSiteA)
{
    const auto table = cases();
    std::set<std::pair<std::string, std::string>> covered;
    for (const RouteCase& c : table)
        covered.insert({c.method, c.path});
    const auto listed = Api::routeList();
    const std::set<std::pair<std::string, std::string>> routes(listed.begin(), listed.end());
    EXPECT_EQ(covered, routes) << "every API route needs a case here";

    for (const RouteCase& c : table)
    {
        SCOPED_TRACE(c.method + " " + c.path);
        const std::string before = siteA();
        const ApiResponse r = c.callAsSiteB(*this);
        expectNothingOfA(r, c.path, c.echoesEventIds ? m_counsellingA.id : std::string());
        c.expectForSiteB(*this, r);
        test::expectSameRows(before, siteA(), c.path);
    }

    // What site B's kiosk wrote is site B's.
    ASSERT_TRUE(m_store
                    ->read(
                        [&](db::Database& d) -> Status<db::Error>
                        {
                            for (const char* written :
                                 {"callback_requests", "counselling_requests", "heartbeats", "lost_events"})
                                EXPECT_EQ(db::queryInt64(d, std::string("SELECT count(*) FROM ") + written +
                                                                " WHERE site_id = 'starachowice'")
                                              ->value_or(-1),
                                          1)
                                    << written;
                            return {};
                        })
                    .ok());
    // Site A's kiosk still sees its own and nothing of B.
    auto feedA = call(m_tokenA, "GET", "/api/v1/changes", {}, {{"limit", "1000"}});
    EXPECT_NE(feedA.body.find("lapy-slot-1"), std::string::npos);
    EXPECT_EQ(feedA.body.find("starachowice-slot-1"), std::string::npos);
    EXPECT_EQ(feedA.body.find(m_staffB), std::string::npos);
}
