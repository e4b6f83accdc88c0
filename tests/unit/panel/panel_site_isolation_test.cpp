// Site isolation of the coordinators' panel (decision 0011): two sites on one okienko-central —
// "default", which holds the shipped Łapy catalogue, and "starachowice" — each with a kiosk, staff
// and residents' requests. Every route of panelRoutes(), called by an account of Starachowice with
// whatever it can name of Łapy (an id in the URL or in a form), never shows a row of Łapy (in the
// HTML or the CSV) and never changes one, and a Łapy id is answered exactly as an id that does not
// exist. The case table is checked against panelRoutes(), so a new route without a case fails here.
// Then: the header's site switcher (only sites the account reaches, with the CSRF token), and the
// monitoring figures of the site shown.
#include "server/api.hpp"
#include "server/credentials.hpp"
#include "server/panel/panel.hpp"
#include "server/panel/register_definitions.hpp"
#include "server/panel/route_table.hpp"
#include "server/residents/resident_store.hpp"
#include "server/server_store.hpp"
#include "server/site_store.hpp"
#include "server/store/activity_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/site_requests.hpp"
#include "tests/support/site_rows.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace okienko;
using namespace okienko::protocol;
using namespace okienko::server;
using namespace okienko::server::panel;

namespace
{
const std::int64_t kUnixNow = 1900000000; // 2030-03-17
const char* const kSiteB = "starachowice";
const char* const kSiteBName = "Centrum Usług Społecznych w Starachowicach";
/// A service of the shipped Starachowice catalogue, site B's own.
const char* const kSiteBService = "Usługi opiekuńcze w domu (w tym opieka wytchnieniowa)";

/// How a route is called with Łapy's ids, and what Starachowice's account must get.
enum class Kind
{
    Page,      ///< a list, a form or a file: nothing of Łapy in it
    ById,      ///< names a row: Łapy's id is answered as a missing id, nothing of Łapy in it
    Catalogue, ///< the catalogue of the site shown (decision 0015): Starachowice's own, nothing of Łapy's
    OwnWrite,  ///< writes the session's own site's row (an entered value): Łapy's rows unchanged
};

struct Case
{
    Case(Method m, std::string p, Kind k = Kind::Page, std::string f = {}, std::string id = {},
         std::map<std::string, std::string> rest = {})
        : method(m), path(std::move(p)), kind(k), field(std::move(f)), idOfA(std::move(id)), more(std::move(rest))
    {
    }
    Method method;
    std::string path;
    Kind kind = Kind::Page;
    /// The id field (query for GET, form for POST) and Łapy's value of it.
    std::string field;
    std::string idOfA;
    std::map<std::string, std::string> more; ///< the rest of a realistic form or query
};

class PanelSiteIsolation : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        const std::string file = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";
        auto lapy = catalog::loadCatalogFile(file);
        auto indicators = catalog::loadCatalogIndicatorsFile(file);
        ASSERT_TRUE(lapy.ok() && indicators.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *lapy, now(), &*indicators).ok());
        ASSERT_TRUE(SiteStore(*m_store).addSite(kSiteB, kSiteBName, now()).ok());
        // Site B's own catalogue: Starachowice's, with the counselling kinds its duty slots name.
        auto starachowice =
            catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/starachowice.json");
        ASSERT_TRUE(starachowice.ok());
        starachowice->counsellingKinds = lapy->counsellingKinds;
        ASSERT_TRUE(m_store->importCatalog(kSiteB, *starachowice, now()).ok());
        m_config.databasePath = m_dir.file("central.db");
        m_config.rateLimitBurst = 1000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return now(); }, [] { return 100.0; });
        m_panel = std::make_unique<Panel>(
            *m_store, m_config, [this] { return now(); }, [] { return 0.0; });

        auto tokenA = m_store->addKiosk("lapy-hol", now(), true);
        auto tokenB = m_store->addKiosk("starachowice-hol", now(), false, kSiteB);
        ASSERT_TRUE(tokenA.ok() && tokenB.ok());
        m_tokenA = *tokenA;
        m_tokenB = *tokenB;
        auto deskA = m_store->addStaff("Anna Łapska", domain::StaffRole::Equipment, test::kReleasePinHash,
                                       test::kReleasePinHash, now());
        ASSERT_TRUE(deskA.ok());
        m_deskA = *deskA;
        m_coordinatorA = account("Halina Łapczyńska", domain::StaffRole::Coordinator, "default");
        m_coordinatorB = account("Beata Starachowska", domain::StaffRole::Coordinator, kSiteB);
        m_adminB = account("Bogdan Starachowski", domain::StaffRole::Admin, kSiteB);
        ASSERT_TRUE(m_store->addCounsellingSlot(slot("lapy-slot-1", "Maria Łapska-Doradczyni"), now()).ok());
        ASSERT_TRUE(m_store->addCounsellingSlot(slot("starachowice-slot-1", "Ewa Radomska"), now(), kSiteB).ok());

        seedSiteA();
        // Starachowice's own request: its pages are not empty, they are filtered.
        send(m_tokenB, {callback("starachowice-hol", "600777888")});
    }

    Now now() const { return nowAt(kUnixNow); }

    domain::CounsellingSlot slot(const std::string& id, const std::string& counsellor) const
    {
        return test::counsellingSlot(id, counsellor, "pokój 12", now().today);
    }
    Event callback(const std::string& kiosk, const std::string& phone) const
    {
        return test::callbackRequested(kiosk, phone, now().today);
    }

    struct Account
    {
        std::string id, cookie, csrf;
    };

    /// A panel account of `site` with a session as a login opens it.
    Account account(const std::string& name, domain::StaffRole role, const std::string& site)
    {
        auto id = m_store->addStaff(name, role, "", "", now(), site);
        EXPECT_TRUE(id.ok());
        const std::string cookie = "cookie-" + *id;
        EXPECT_TRUE(SqlitePanelStore(*m_store).openSession(*id, sha256Hex(cookie), "csrf-" + *id, kUnixNow, 0, 0));
        return Account{*id, std::string(kSessionCookie) + "=" + cookie, "csrf-" + *id};
    }

    std::vector<EventResult> send(const std::string& token, const std::vector<Event>& events)
    {
        auto r = m_api->handle(
            ApiRequest{"POST", "/api/v1/events", {}, "Bearer " + token, "application/json", encodeEventBatch(events)});
        EXPECT_EQ(r.status, 200) << r.body;
        auto results = decodeEventResults(r.body);
        EXPECT_TRUE(results.ok());
        for (const EventResult& e : results.ok() ? *results : std::vector<EventResult>{})
            EXPECT_EQ(e.status, EventStatus::Applied) << e.code;
        return results.ok() ? *results : std::vector<EventResult>{};
    }

    /// Łapy's rows of every kind the panel shows: from its kiosk (a reservation to confirm, a booked
    /// counselling meeting, a callback, a loan, an idea and a rating, a place on the waiting list, an
    /// event lost in a restore) and from its coordinators (a resident, an activity, a register row,
    /// an entered indicator value).
    void seedSiteA()
    {
        const domain::Reservation r = test::wheelchairReservation("lapy-hol", now().today);
        const domain::CounsellingRequest c = test::counsellingRequest("lapy-hol", "lapy-slot-1");
        const Event phone = callback("lapy-hol", "600333444");
        domain::Loan loan;
        loan.id = newUuid();
        loan.inventoryNumber = "LAP-WI-004";
        loan.typeId = "wozek-inwalidzki";
        loan.borrower = {"Krystyna Łapińska", "600444555", {}};
        loan.start = now().today;
        loan.due = now().today.plusDays(30);
        loan.staffId = m_deskA;
        loan.createdAt = kUnixNow;
        domain::UsageEvent idea;
        idea.id = newUuid();
        idea.kind = domain::UsageKind::Idea;
        idea.area = domain::Area::Health;
        idea.text = "Ławka przy przystanku na Sikorskiego, bo starsi ludzie nie mają gdzie usiąść";
        idea.at = kUnixNow - 600;
        domain::UsageEvent rating;
        rating.id = newUuid();
        rating.kind = domain::UsageKind::Rating;
        rating.flow = "callback";
        rating.rating = 2;
        rating.at = kUnixNow - 500;
        domain::WaitlistJoin join;
        join.id = newUuid();
        join.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "lapy-hol").value();
        join.typeId = "balkonik";
        join.wantedFrom = now().today;
        join.loanDays = 30;
        join.name = "Tadeusz Łapacz";
        join.phone = "600666777";
        join.consent = true;
        join.createdAt = kUnixNow;
        send(m_tokenA, {makeReservationCreated(r), makeCounsellingRequested(c), phone, makeLoanCheckedOut(loan),
                        makeUsageEvent(idea), makeUsageEvent(rating), makeWaitlistJoined(join)});
        m_reservationA = r.id;
        m_counsellingA = c.id;
        m_callbackA = phone.id;
        m_ideaA = idea.id;
        m_waitlistA = join.id;
        m_codesA = {r.code, c.code, phone.payload["code"].get<std::string>(), join.code};
        auto lost = m_api->handle(ApiRequest{"POST",
                                             "/api/v1/lost-events",
                                             {},
                                             "Bearer " + m_tokenA,
                                             "application/json",
                                             encodeLostEventReports({{newUuid(), "callback.requested", "", 5}})});
        EXPECT_EQ(lost.status, 200) << lost.body;

        residents::NewResident resident{"Zofia Łapińska", "600888999", "", "pl", {}, m_coordinatorA.id};
        auto residentId = residents::ResidentStore(*m_store).registerResident(resident, now());
        ASSERT_TRUE(residentId.ok());
        m_residentA = std::to_string(*residentId);

        domain::Activity a;
        a.kind = domain::ActivityKind::Club;
        a.title = {"Klub Seniora w Łapach", "", ""};
        a.serviceId = "lapy-cas";
        a.place = "CAS, ul. Główna 1, sala 2";
        a.date = now().today.plusDays(4);
        a.startMinute = 17 * 60;
        a.endMinute = 19 * 60;
        a.capacity = 20;
        auto saved = ActivityStore(*m_store).save(a, ActivityActor{ActivityActor::Kind::Staff, m_coordinatorA.id},
                                                  now().today, kUnixNow);
        ASSERT_TRUE(saved.ok() && saved->result == ActivitySaveResult::Saved);
        m_activityA = saved->id;

        SqlitePanelStore lapy(*m_store);
        const RegisterWrite session{0,
                                    {{"date", now().today.plusDays(-3).iso()},
                                     {"kind", "cas_group"},
                                     {"group_name", "Grupa CAS Łapy – seniorzy"},
                                     {"hours", "1.5"},
                                     {"participants", "12"}},
                                    m_coordinatorA.id,
                                    kUnixNow};
        ASSERT_EQ(*lapy.saveRegisterRow(registerDefinition(RegisterId::Activities).table, session),
                  RegisterWriteResult::Added);
        m_registerA = std::to_string(number("SELECT MAX(id) FROM activity_sessions"));
        ASSERT_TRUE(*lapy.enterIndicatorValue(
            IndicatorValueEntry{"als-uczestnicy", "2030-01-01", "2030-12-31", 17, m_coordinatorA.id, kUnixNow}));
    }

    std::int64_t number(const std::string& sql)
    {
        std::int64_t out = -1;
        auto st = m_store->read(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto n = db::queryInt64(d, sql);
                if (!n)
                    return makeErr(n.error());
                out = n->value_or(-1);
                return {};
            });
        EXPECT_TRUE(st.ok());
        return out;
    }

    PanelResponse request(Method method, const std::string& path, const Account& who,
                          std::map<std::string, std::string> fields = {})
    {
        PanelRequest r;
        r.method = method == Method::Get ? "GET" : "POST";
        r.path = path;
        r.cookie = who.cookie;
        r.host = "panel.test";
        r.remoteAddress = "192.0.2.7";
        if (method == Method::Get)
            r.query = std::move(fields);
        else
        {
            fields["csrf"] = who.csrf;
            r.multipartFields = std::move(fields);
        }
        return m_panel->handle(r);
    }

    static std::string location(const PanelResponse& r)
    {
        for (const auto& [name, value] : r.headers)
            if (name == "Location")
                return value;
        return {};
    }

    /// Every row of Łapy — the site-owned tables' rows of "default" and every row of the tables
    /// without a site (the catalogue, the units' states, the matches…) — as text. The audit trails
    /// of registers and indicators are left out: an account writes its own site's rows there.
    std::string siteA()
    {
        return test::siteRows(*m_store, "default",
                              {"register_edits", "indicator_edits", "panel_sessions", "panel_login_failures"});
    }

    /// Whatever of Łapy's rows a page could show: names, phones, texts, codes and ids.
    std::vector<std::string> markersOfA() const
    {
        std::vector<std::string> m{"lapy-hol",
                                   "Anna Łapska",
                                   "Halina Łapczyńska",
                                   "Maria Łapska-Doradczyni",
                                   "Jan Kowalski",
                                   "600123456",
                                   "Adam Łapski",
                                   "600333444",
                                   "Krystyna Łapińska",
                                   "600444555",
                                   "Ławka przy przystanku",
                                   "Tadeusz Łapacz",
                                   "600666777",
                                   "Zofia Łapińska",
                                   "600888999",
                                   "Klub Seniora w Łapach",
                                   "Centrum Usług Społecznych w Łapach",
                                   "Grupa CAS Łapy",
                                   m_reservationA,
                                   m_counsellingA,
                                   m_callbackA,
                                   m_ideaA,
                                   m_waitlistA,
                                   m_activityA};
        m.insert(m.end(), m_codesA.begin(), m_codesA.end());
        return m;
    }

    /// `echoed`: the id the request itself named, which a form shown again may repeat.
    void expectNothingOfA(const PanelResponse& r, const std::string& what, const std::string& echoed = {})
    {
        for (const std::string& marker : markersOfA())
            if (marker != echoed)
            {
                EXPECT_EQ(r.body.find(marker), std::string::npos)
                    << what << " showed Starachowice \"" << marker << "\"";
            }
    }

    /// Every panel route with Łapy's ids (written out here, not derived from the route table).
    std::vector<Case> cases() const
    {
        const std::string day = now().today.plusDays(3).iso();
        const std::map<std::string, std::string> registerRow{{"date", day},
                                                             {"kind", "cas_group"},
                                                             {"group_name", "Grupa CAS Starachowice"},
                                                             {"hours", "2"},
                                                             {"participants", "9"}};
        using M = Method;
        return {
            {M::Get, "/panel/static/panel.css"},
            {M::Get, "/panel/login"},
            {M::Post, "/panel/login", Kind::Page, "", "", {{"login", "Halina Łapczyńska"}, {"password", "zle"}}},
            {M::Post, "/panel/logout"},
            {M::Post, "/panel/site", Kind::ById, "site", "default"},
            {M::Get, "/"},
            {M::Get, "/panel"},
            {M::Get, "/panel/"},
            {M::Get, "/panel/callbacks"},
            {M::Post, "/panel/callbacks/claim", Kind::ById, "id", m_callbackA},
            {M::Post, "/panel/callbacks/attempt", Kind::ById, "id", m_callbackA, {{"outcome", "done"}, {"note", "ok"}}},
            {M::Get, "/panel/residents"},
            {M::Get, "/panel/residents/new"},
            {M::Post, "/panel/residents/new", Kind::Page, "", "", {{"name", "Zenon Starachowski"}}},
            {M::Get, "/panel/residents/resident", Kind::ById, "id", m_residentA},
            {M::Post,
             "/panel/residents/mark",
             Kind::ById,
             "resident",
             m_residentA,
             {{"service", "lapy-cas"}, {"outcome", "told"}}},
            {M::Post, "/panel/residents/contact", Kind::ById, "id", m_residentA},
            {M::Post, "/panel/residents/erase", Kind::ById, "id", m_residentA, {{"confirm", "1"}}},
            {M::Get, "/panel/waiting-list"},
            {M::Post, "/panel/waiting-list/decide", Kind::ById, "id", m_waitlistA, {{"outcome", "withdrawn"}}},
            {M::Get, "/panel/reservations"},
            {M::Post, "/panel/reservations/decide", Kind::ById, "id", m_reservationA, {{"action", "confirm"}}},
            {M::Post, "/panel/counselling/decide", Kind::ById, "id", m_counsellingA, {{"action", "cancel"}}},
            {M::Post, "/panel/conflicts/resolve", Kind::ById, "id", "1"},
            {M::Get, "/panel/loans"},
            {M::Get, "/panel/units"},
            {M::Post,
             "/panel/units/state",
             Kind::ById,
             "inventory",
             "LAP-WI-001",
             {{"action", "repair"}, {"note", "pęknięta opona"}}},
            {M::Get, "/panel/slots"},
            {M::Post,
             "/panel/slots/save",
             Kind::ById,
             "id",
             "lapy-slot-1",
             {{"counsellor", "Ewa Radomska"},
              {"date", day},
              {"start", "12:00"},
              {"minutes", "50"},
              {"room", "pokój 3"},
              {"kind", "psychological"}}},
            {M::Post, "/panel/slots/withdraw", Kind::ById, "id", "lapy-slot-1"},
            {M::Get, "/panel/schedule"},
            {M::Post,
             "/panel/schedule/save",
             Kind::ById,
             "id",
             m_activityA,
             {{"kind", "club"},
              {"title_pl", "Klub Seniora w Starachowicach"},
              {"service", "lapy-cas"},
              {"place", "ul. Radomska 1"},
              {"date", day},
              {"start", "17:00"},
              {"end", "19:00"}}},
            {M::Post, "/panel/schedule/cancel", Kind::ById, "id", m_activityA, {{"action", "cancel"}}},
            {M::Post,
             "/panel/schedule/cancel-date",
             Kind::ById,
             "id",
             m_activityA,
             {{"action", "cancel"}, {"date", now().today.plusDays(4).iso()}, {"reason", "choroba prowadzącej"}}},
            {M::Get, "/panel/catalog", Kind::Catalogue},
            {M::Get, "/panel/catalog/service", Kind::Catalogue, "id", "lapy-cas"},
            {M::Post, "/panel/catalog/service", Kind::Catalogue, "id", "lapy-cas"},
            {M::Get, "/panel/catalog/announcement", Kind::Catalogue},
            {M::Post, "/panel/catalog/announcement", Kind::Catalogue},
            {M::Post, "/panel/catalog/announcement/withdraw", Kind::Catalogue, "id", "nie-ma"},
            {M::Get, "/panel/catalog/entries", Kind::Catalogue},
            {M::Get, "/panel/catalog/entry", Kind::Catalogue, "id", "lapy-cas"},
            {M::Post, "/panel/catalog/entry", Kind::Catalogue, "id", "lapy-cas"},
            {M::Post, "/panel/catalog/entry/retire", Kind::Catalogue, "id", "lapy-cas"},
            {M::Post, "/panel/catalog/entry/reactivate", Kind::Catalogue, "id", "lapy-cas"},
            {M::Get, "/panel/catalog/import", Kind::Catalogue},
            {M::Post, "/panel/catalog/import/preview", Kind::Catalogue},
            {M::Post, "/panel/catalog/import/apply", Kind::Catalogue},
            {M::Get, "/panel/kiosks"},
            {M::Get, "/panel/monitoring"},
            {M::Get, "/panel/monitoring.csv", Kind::Page, "", "", {{"from", "2030-01-01"}, {"to", "2030-12-31"}}},
            {M::Get, "/panel/registers"},
            {M::Get, "/panel/registers/counselling"},
            {M::Post,
             "/panel/registers/counselling/save",
             Kind::ById,
             "id",
             m_registerA,
             {{"date", day}, {"duration_minutes", "50"}, {"held", "1"}}},
            {M::Post, "/panel/registers/counselling/remove", Kind::ById, "id", m_registerA},
            {M::Post,
             "/panel/registers/counselling/mark",
             Kind::ById,
             "booking",
             m_counsellingA,
             {{"held", "1"}, {"minutes", "50"}}},
            {M::Get, "/panel/registers/activities", Kind::Page, "", "", {{"from", "2030-01-01"}, {"to", "2030-12-31"}}},
            {M::Post, "/panel/registers/activities/save", Kind::ById, "id", m_registerA, registerRow},
            {M::Post, "/panel/registers/activities/remove", Kind::ById, "id", m_registerA},
            {M::Get, "/panel/registers/volunteer-members"},
            {M::Post, "/panel/registers/volunteer-members/save", Kind::ById, "id", m_registerA},
            {M::Post, "/panel/registers/volunteer-members/remove", Kind::ById, "id", m_registerA},
            {M::Get, "/panel/registers/volunteer-initiatives"},
            {M::Post, "/panel/registers/volunteer-initiatives/save", Kind::ById, "id", m_registerA},
            {M::Post, "/panel/registers/volunteer-initiatives/remove", Kind::ById, "id", m_registerA},
            {M::Get, "/panel/registers/sheltered-housing"},
            {M::Post, "/panel/registers/sheltered-housing/save", Kind::ById, "id", m_registerA},
            {M::Post, "/panel/registers/sheltered-housing/remove", Kind::ById, "id", m_registerA},
            {M::Get, "/panel/ideas", Kind::Page, "", "", {{"from", "2030-01-01"}, {"to", "2030-12-31"}}},
            {M::Post, "/panel/ideas/status", Kind::ById, "id", m_ideaA, {{"status", "answered"}}},
            {M::Get, "/panel/report", Kind::Page, "", "", {{"year", "2030"}}},
            {M::Get, "/panel/report.csv", Kind::Page, "", "", {{"year", "2030"}}},
            {M::Get, "/panel/report.pdf", Kind::Page, "", "", {{"year", "2030"}}},
            {M::Get, "/panel/report/evidence", Kind::Page, "", "", {{"indicator", "als-uczestnicy"}, {"year", "2030"}}},
            {M::Get, "/panel/indicators/edit", Kind::Page, "id", "als-uczestnicy"},
            {M::Post,
             "/panel/indicators/edit",
             Kind::ById,
             "id",
             "als-uczestnicy",
             {{"target", "25"}, {"evidence", "lista obecności"}, {"version", "1"}, {"kind", "entered"}}},
            {M::Post,
             "/panel/indicators/value",
             Kind::OwnWrite,
             "id",
             "als-uczestnicy",
             {{"year", "2030"}, {"part", ""}, {"value", "4"}}},
            {M::Get, "/panel/partners"},
            {M::Get, "/panel/partners/institution", Kind::ById, "id", "fundacja-lapy"},
            {M::Post, "/panel/partners/institution/approve", Kind::ById, "id", "fundacja-lapy"},
            {M::Post, "/panel/partners/institution/code", Kind::ById, "id", "fundacja-lapy"},
            {M::Post,
             "/panel/partners/institution/reject",
             Kind::ById,
             "id",
             "fundacja-lapy",
             {{"reason", "nie nasza gmina"}}},
            {M::Get, "/panel/partners/proposal", Kind::ById, "id", "propozycja-lapy"},
            {M::Post, "/panel/partners/proposal/publish", Kind::ById, "id", "propozycja-lapy"},
            {M::Post,
             "/panel/partners/proposal/reject",
             Kind::ById,
             "id",
             "propozycja-lapy",
             {{"reason", "nie nasza gmina"}}},
            {M::Get, "/panel/partner"},
            {M::Post, "/panel/partner/profile"},
            {M::Get, "/panel/partner/service", Kind::ById, "id", "lapy-cas"},
            {M::Post, "/panel/partner/service", Kind::ById, "id", "lapy-cas"},
            {M::Get, "/panel/partner/password"},
            {M::Post, "/panel/partner/password"},
            {M::Get, "/panel/staff"},
            {M::Post, "/panel/staff/role", Kind::ById, "id", m_coordinatorA.id, {{"role", "counsellor"}}},
            {M::Post, "/panel/staff/active", Kind::ById, "id", m_deskA, {{"active", "0"}}},
        };
    }

    /// Starachowice's account for a route: its admin for the admins' routes, else its coordinator.
    const Account& accountFor(const Route& route) const
    {
        const bool coordinators = route.roles.count(domain::StaffRole::Coordinator) > 0;
        return !coordinators && route.roles.count(domain::StaffRole::Admin) > 0 ? m_adminB : m_coordinatorB;
    }

    test::TempDir m_dir{"okienko-panel-sites"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<Panel> m_panel;
    std::string m_tokenA, m_tokenB, m_deskA;
    Account m_coordinatorA, m_coordinatorB, m_adminB;
    std::string m_reservationA, m_counsellingA, m_callbackA, m_ideaA, m_waitlistA, m_residentA, m_activityA,
        m_registerA;
    std::vector<std::string> m_codesA;
};

/// The id that names nothing, of the same shape as `id`.
std::string missingLike(const std::string& id)
{
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos)
        return "987654";
    if (id.starts_with("LAP-"))
        return "LAP-WI-999";
    return id == "default" ? "nie-ma-takiego" : "nie-ma-takiego-" + std::to_string(id.size());
}
} // namespace

TEST_F(PanelSiteIsolation, EveryPanelRouteCalledByAnAccountOfSiteBNeitherShowsNorChangesSiteA)
{
    const auto table = cases();
    std::set<std::pair<Method, std::string>> covered;
    for (const Case& c : table)
        covered.insert({c.method, c.path});
    for (const Route& r : panelRoutes())
        EXPECT_EQ(covered.count({r.method, r.path}), 1U) << r.path << " has no site isolation case";
    EXPECT_EQ(covered.size(), table.size()) << "a route has two cases";

    for (const Case& c : table)
    {
        const Route* route = findRoute(c.method, c.path);
        ASSERT_NE(route, nullptr) << c.path;
        // A fresh session for the logout, which ends the one it is sent with.
        const Account who = c.path == "/panel/logout"
                                ? account("Wylogowana Starachowska", domain::StaffRole::Coordinator, kSiteB)
                                : accountFor(*route);
        auto fields = c.more;
        if (!c.field.empty())
            fields[c.field] = c.idOfA;
        const std::string what = std::string(c.method == Method::Get ? "GET " : "POST ") + c.path;

        const std::string before = siteA();
        const PanelResponse answer = request(c.method, c.path, who, fields);
        expectNothingOfA(answer, what, c.idOfA);
        test::expectSameRows(before, siteA(), what);

        if (c.kind == Kind::ById)
        {
            // Łapy's id is answered exactly as one that names nothing.
            auto missing = fields;
            missing[c.field] = missingLike(c.idOfA);
            const PanelResponse none = request(c.method, c.path, who, missing);
            EXPECT_EQ(answer.status, none.status) << what << " told Łapy's id from a missing one";
            EXPECT_EQ(location(answer), location(none)) << what << " told Łapy's id from a missing one";
        }
        if (c.kind == Kind::Catalogue && c.method == Method::Get && c.path == "/panel/catalog")
        {
            EXPECT_EQ(answer.status, 200) << what;
            EXPECT_NE(answer.body.find(kSiteBService), std::string::npos) << what << " does not show its own catalogue";
        }
        if (c.kind == Kind::OwnWrite)
        {
            EXPECT_EQ(number("SELECT COUNT(*) FROM indicator_values WHERE site_id = 'starachowice'"), 1) << what;
        }
    }
}

TEST_F(PanelSiteIsolation, SiteBsPagesShowItsOwnRowsAndTheSiteItShows)
{
    const PanelResponse callbacks = request(Method::Get, "/panel/callbacks", m_coordinatorB);
    ASSERT_EQ(callbacks.status, 200);
    EXPECT_NE(callbacks.body.find("600777888"), std::string::npos); // its own callback: filtered, not empty
    EXPECT_NE(callbacks.body.find(kSiteBName), std::string::npos);  // the header names the site
    EXPECT_EQ(callbacks.body.find("action=\"/panel/site\""), std::string::npos); // one site: no switcher
    // Łapy's coordinator sees Łapy's, and not Starachowice's.
    const PanelResponse lapy = request(Method::Get, "/panel/callbacks", m_coordinatorA);
    ASSERT_EQ(lapy.status, 200);
    EXPECT_NE(lapy.body.find("600333444"), std::string::npos);
    EXPECT_EQ(lapy.body.find("600777888"), std::string::npos);
    // A row the panel creates takes the session's site.
    const PanelResponse added = request(Method::Post, "/panel/registers/activities/save", m_coordinatorB,
                                        {{"date", now().today.iso()},
                                         {"kind", "cas_group"},
                                         {"group_name", "Grupa CAS Starachowice"},
                                         {"hours", "2"},
                                         {"participants", "9"}});
    EXPECT_EQ(added.status, 303);
    EXPECT_EQ(number("SELECT COUNT(*) FROM activity_sessions WHERE site_id = 'starachowice' AND group_name = "
                     "'Grupa CAS Starachowice'"),
              1);
    // So do a published duty slot and its audit row.
    const PanelResponse published = request(Method::Post, "/panel/slots/save", m_coordinatorB,
                                            {{"counsellor", "Ewa Radomska"},
                                             {"date", now().today.plusDays(5).iso()},
                                             {"start", "12:00"},
                                             {"minutes", "50"},
                                             {"room", "pokój 3"},
                                             {"kind-psychological", "1"}});
    EXPECT_EQ(published.status, 303) << published.body;
    EXPECT_EQ(number("SELECT COUNT(*) FROM counselling_slots WHERE site_id = 'starachowice' AND room = 'pokój 3'"), 1);
    EXPECT_EQ(number("SELECT COUNT(*) FROM panel_actions WHERE entity = 'counselling_slot' AND action = 'publish' "
                     "AND site_id = 'starachowice'"),
              1);
}

TEST_F(PanelSiteIsolation, TheSwitcherChangesOnlyToASiteTheAccountReachesWithTheCsrfToken)
{
    const Account county = account("Krystyna Powiatowa", domain::StaffRole::Coordinator, "default");
    ASSERT_TRUE(SiteStore(*m_store).grantSite(county.id, kSiteB, now()).ok());

    // Two sites: the header offers both, the home site shown first.
    PanelResponse page = request(Method::Get, "/panel/callbacks", county);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("action=\"/panel/site\""), std::string::npos);
    EXPECT_NE(page.body.find("<option value=\"starachowice\""), std::string::npos);
    // The default site, never named, is called by its catalogue's CUS.
    EXPECT_NE(page.body.find("<strong>Centrum Usług Społecznych w Łapach</strong>"), std::string::npos);
    EXPECT_NE(page.body.find("600333444"), std::string::npos);
    EXPECT_EQ(page.body.find("600777888"), std::string::npos);

    PanelResponse switched =
        request(Method::Post, "/panel/site", county, {{"site", kSiteB}, {"back", "/panel/callbacks"}});
    EXPECT_EQ(switched.status, 303);
    EXPECT_EQ(location(switched), "/panel/callbacks");
    page = request(Method::Get, "/panel/callbacks", county);
    EXPECT_NE(page.body.find("600777888"), std::string::npos);
    EXPECT_EQ(page.body.find("600333444"), std::string::npos);
    EXPECT_NE(page.body.find("<strong>Centrum Usług Społecznych w Starachowicach</strong>"), std::string::npos);

    // A site it does not reach, a made-up one, a path to go back to outside the panel.
    ASSERT_TRUE(SiteStore(*m_store).addSite("radom", "Centrum Usług Społecznych w Radomiu", now()).ok());
    for (const char* site : {"radom", "nie-ma-takiego", "../default"})
    {
        const PanelResponse refused = request(Method::Post, "/panel/site", county, {{"site", site}});
        EXPECT_GE(refused.status, 400) << site;
        EXPECT_NE(refused.body.find("Nie zmieniono ośrodka"), std::string::npos) << site;
    }
    page = request(Method::Get, "/panel/callbacks", county);
    EXPECT_NE(page.body.find("600777888"), std::string::npos) << "a refused switch changed the site";
    switched = request(Method::Post, "/panel/site", county, {{"site", "default"}, {"back", "https://evil.example/"}});
    EXPECT_EQ(location(switched), "/panel/callbacks"); // the role's start page, never the form's text

    // Without the session's CSRF token nothing changes.
    PanelRequest forged;
    forged.method = "POST";
    forged.path = "/panel/site";
    forged.cookie = county.cookie;
    forged.host = "panel.test";
    forged.multipartFields = std::map<std::string, std::string>{{"csrf", "zgadniety"}, {"site", kSiteB}};
    EXPECT_EQ(m_panel->handle(forged).status, 403);
    page = request(Method::Get, "/panel/callbacks", county);
    EXPECT_NE(page.body.find("600333444"), std::string::npos);

    // A site taken from the account is not shown any more, even by the session that showed it.
    ASSERT_TRUE(request(Method::Post, "/panel/site", county, {{"site", kSiteB}}).status == 303);
    ASSERT_TRUE(SiteStore(*m_store).revokeSite(county.id, kSiteB, now()).ok());
    page = request(Method::Get, "/panel/callbacks", county);
    EXPECT_EQ(page.body.find("600777888"), std::string::npos);
    EXPECT_EQ(page.body.find("action=\"/panel/site\""), std::string::npos);

    // Starachowice's own coordinator cannot switch to Łapy.
    const PanelResponse b = request(Method::Post, "/panel/site", m_coordinatorB, {{"site", "default"}});
    EXPECT_EQ(b.status, 403);
    EXPECT_NE(b.body.find("Twoje konto nie ma dostępu do tego ośrodka"), std::string::npos);
}

TEST_F(PanelSiteIsolation, MonitoringCountsTheSiteShown)
{
    auto figure = [&](const Account& who, const std::string& label)
    {
        const PanelResponse csv =
            request(Method::Get, "/panel/monitoring.csv", who, {{"from", "2030-01-01"}, {"to", "2030-12-31"}});
        EXPECT_EQ(csv.status, 200);
        const auto at = csv.body.find(label);
        if (at == std::string::npos)
            return std::string("?");
        const auto end = csv.body.find("\r\n", at);
        const std::string line = csv.body.substr(at, end - at);
        return line.substr(line.rfind(';') + 1);
    };
    EXPECT_EQ(figure(m_coordinatorA, "Rezerwacje złożone w kioskach"), "1");
    EXPECT_EQ(figure(m_coordinatorB, "Rezerwacje złożone w kioskach"), "0");
    EXPECT_EQ(figure(m_coordinatorA, "Prośby o telefon;Zgłoszone"), "1");
    EXPECT_EQ(figure(m_coordinatorB, "Prośby o telefon;Zgłoszone"), "1");
    EXPECT_EQ(figure(m_coordinatorA, "Wypożyczenia rozpoczęte"), "1");
    EXPECT_EQ(figure(m_coordinatorB, "Wypożyczenia rozpoczęte"), "0");
}
