// Roles checked on every request, against the real Panel and a real SQLite database: every route ×
// every role (and no session) gets what the table below says — the page, 403 or the login; pages
// an admin can reach show no resident's name, phone, PESEL, address or counselling kind; a
// counsellor's reservations page shows counselling but not equipment borrowers; a session ends at
// its next request after a role change or a deactivation.
#include "server/credentials.hpp"
#include "server/lifecycle_store.hpp"
#include "server/panel/panel.hpp"
#include "server/panel/route_table.hpp"
#include "server/server_store.hpp"
#include "server/store/partner_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace okienko;
using namespace okienko::server;
using namespace okienko::server::panel;
using domain::StaffRole;

namespace
{
const Now kNow{1'900'000'000, Date{2030, 3, 17}};

/// Who asks: a logged-in staff member of a role, or nobody.
enum class Reader
{
    Nobody,
    Equipment,
    Coordinator,
    Counsellor,
    Admin
};
const std::vector<Reader> kReaders{Reader::Nobody, Reader::Equipment, Reader::Coordinator, Reader::Counsellor,
                                   Reader::Admin};

enum class Expect
{
    Allow,  ///< the handler answers (whatever it says about the empty form)
    Refuse, ///< 403, the role's refusal page
    Login,  ///< 303 to the login
};

struct Case
{
    Method method;
    std::string path;
    /// The readers allowed; every other logged-in reader gets 403, nobody gets the login.
    std::set<Reader> allowed;
    bool open = false; ///< no session needed: everyone is allowed
};

const std::set<Reader> C{Reader::Coordinator};
const std::set<Reader> CN{Reader::Coordinator, Reader::Counsellor};
const std::set<Reader> CA{Reader::Coordinator, Reader::Admin};
const std::set<Reader> A{Reader::Admin};
const std::set<Reader> CNA{Reader::Coordinator, Reader::Counsellor, Reader::Admin};

/// The expected matrix, written out independently of route_table.cpp (product.md §2).
const std::vector<Case>& cases()
{
    static const std::vector<Case> all{
        {Method::Get, "/panel/static/panel.css", {}, true},
        {Method::Get, "/panel/login", {}, true},
        {Method::Post, "/panel/login", {}, true},
        {Method::Post, "/panel/logout", CNA},
        {Method::Post, "/panel/site", CNA}, // the header's site switcher: every account with a panel
        {Method::Get, "/", CNA},
        {Method::Get, "/panel", CNA},
        {Method::Get, "/panel/", CNA},
        {Method::Get, "/panel/callbacks", C},
        {Method::Post, "/panel/callbacks/claim", C},
        {Method::Post, "/panel/callbacks/attempt", C},
        {Method::Get, "/panel/residents", C},
        {Method::Get, "/panel/residents/new", C},
        {Method::Post, "/panel/residents/new", C},
        {Method::Get, "/panel/residents/resident", C},
        {Method::Post, "/panel/residents/mark", C},
        {Method::Post, "/panel/residents/contact", C},
        {Method::Post, "/panel/residents/erase", C},
        {Method::Get, "/panel/waiting-list", C},
        {Method::Post, "/panel/waiting-list/decide", C},
        {Method::Get, "/panel/reservations", CN},
        {Method::Post, "/panel/reservations/decide", C},
        {Method::Post, "/panel/counselling/decide", CN},
        {Method::Post, "/panel/conflicts/resolve", C},
        {Method::Get, "/panel/loans", C},
        {Method::Get, "/panel/units", C},
        {Method::Post, "/panel/units/state", C},
        {Method::Get, "/panel/slots", CN},
        {Method::Post, "/panel/slots/save", C},
        {Method::Post, "/panel/slots/withdraw", C},
        {Method::Get, "/panel/schedule", C},
        {Method::Post, "/panel/schedule/save", C},
        {Method::Post, "/panel/schedule/cancel", C},
        {Method::Post, "/panel/schedule/cancel-date", C},
        {Method::Get, "/panel/catalog", C},
        {Method::Get, "/panel/catalog/service", C},
        {Method::Post, "/panel/catalog/service", C},
        {Method::Get, "/panel/catalog/announcement", C},
        {Method::Post, "/panel/catalog/announcement", C},
        {Method::Post, "/panel/catalog/announcement/withdraw", C},
        {Method::Get, "/panel/catalog/entries", C},
        {Method::Get, "/panel/catalog/entry", C},
        {Method::Post, "/panel/catalog/entry", C},
        {Method::Post, "/panel/catalog/entry/retire", C},
        {Method::Post, "/panel/catalog/entry/reactivate", C},
        {Method::Get, "/panel/catalog/import", C},
        {Method::Post, "/panel/catalog/import/preview", C},
        {Method::Post, "/panel/catalog/import/apply", C},
        {Method::Get, "/panel/kiosks", CA},
        {Method::Get, "/panel/monitoring", C},
        {Method::Get, "/panel/monitoring.csv", C},
        // registers: names of residents (counselling) to coordinators and counsellors, volunteers'
        // names to coordinators, registers naming nobody to coordinators and admins
        {Method::Get, "/panel/registers", CNA},
        {Method::Get, "/panel/registers/counselling", CN},
        {Method::Post, "/panel/registers/counselling/save", CN},
        {Method::Post, "/panel/registers/counselling/remove", CN},
        {Method::Post, "/panel/registers/counselling/mark", CN},
        {Method::Get, "/panel/registers/activities", CA},
        {Method::Post, "/panel/registers/activities/save", CA},
        {Method::Post, "/panel/registers/activities/remove", CA},
        {Method::Get, "/panel/registers/volunteer-members", C},
        {Method::Post, "/panel/registers/volunteer-members/save", C},
        {Method::Post, "/panel/registers/volunteer-members/remove", C},
        {Method::Get, "/panel/registers/volunteer-initiatives", CA},
        {Method::Post, "/panel/registers/volunteer-initiatives/save", CA},
        {Method::Post, "/panel/registers/volunteer-initiatives/remove", CA},
        {Method::Get, "/panel/registers/sheltered-housing", CA},
        {Method::Post, "/panel/registers/sheltered-housing/save", CA},
        {Method::Post, "/panel/registers/sheltered-housing/remove", CA},
        {Method::Get, "/panel/ideas", C},
        {Method::Post, "/panel/ideas/status", C},
        {Method::Get, "/panel/report", C},
        {Method::Get, "/panel/report.csv", C},
        {Method::Get, "/panel/report.pdf", C},
        {Method::Get, "/panel/report/evidence", C},
        {Method::Get, "/panel/indicators/edit", C},
        {Method::Post, "/panel/indicators/edit", C},
        {Method::Post, "/panel/indicators/value", C},
        {Method::Get, "/panel/staff", A},
        {Method::Post, "/panel/staff/role", A},
        {Method::Post, "/panel/staff/active", A},
        // partner institutions: the review queue for coordinators; an institution's own pages for its
        // partner login only (PartnerScope below); setting a partner's password needs no session
        {Method::Get, "/panel/partners", C},
        {Method::Get, "/panel/partners/institution", C},
        {Method::Post, "/panel/partners/institution/approve", C},
        {Method::Post, "/panel/partners/institution/code", C},
        {Method::Post, "/panel/partners/institution/reject", C},
        {Method::Get, "/panel/partners/proposal", C},
        {Method::Post, "/panel/partners/proposal/publish", C},
        {Method::Post, "/panel/partners/proposal/reject", C},
        {Method::Get, "/panel/partner", {}},
        {Method::Post, "/panel/partner/profile", {}},
        {Method::Get, "/panel/partner/service", {}},
        {Method::Post, "/panel/partner/service", {}},
        {Method::Get, "/panel/partner/password", {}, true},
        {Method::Post, "/panel/partner/password", {}, true},
    };
    return all;
}

Expect expected(const Case& c, Reader reader)
{
    if (c.open || c.allowed.count(reader) > 0)
        return Expect::Allow;
    return reader == Reader::Nobody ? Expect::Login : Expect::Refuse;
}

const char* readerName(Reader r)
{
    switch (r)
    {
    case Reader::Nobody:
        return "nobody";
    case Reader::Equipment:
        return "equipment";
    case Reader::Coordinator:
        return "coordinator";
    case Reader::Counsellor:
        return "counsellor";
    case Reader::Admin:
        return "admin";
    }
    return "?";
}

StaffRole roleOf(Reader r)
{
    switch (r)
    {
    case Reader::Coordinator:
        return StaffRole::Coordinator;
    case Reader::Counsellor:
        return StaffRole::Counsellor;
    case Reader::Admin:
        return StaffRole::Admin;
    case Reader::Nobody:
    case Reader::Equipment:
        break;
    }
    return StaffRole::Equipment;
}

// Residents' data seeded with values found nowhere else, so a page showing them is caught by grep.
constexpr const char* kBorrowerName = "Zdzisława Wypożyczalska";
constexpr const char* kBorrowerPhone = "601234987";
constexpr const char* kBorrowerPhoneShown = "601 234 987"; // the loans page groups the digits
constexpr const char* kPesel = "44051401458";
constexpr const char* kStreet = "ul. Kwiatowa 17";
constexpr const char* kReserverName = "Bożydar Rezerwacki";
constexpr const char* kReserverPhone = "602345876";
constexpr const char* kCounselledName = "Eulalia Poradnicka";
constexpr const char* kCounselledPhone = "603456765";
constexpr const char* kCounsellingKind = "terapia-uzaleznien-q7";
constexpr const char* kCallbackPhone = "604567654";
constexpr const char* kCallbackName = "Teofil";
constexpr const char* kRegisteredName = "Wincenty Telefoniczny";
constexpr const char* kRegisteredEmail = "wincenty@przyklad.example";
const std::vector<std::string> kResidentData{
    kBorrowerName,  kBorrowerPhone, kBorrowerPhoneShown, kPesel,           kStreet,          kReserverName,
    kReserverPhone, "602 345 876",  kCounselledName,     kCounselledPhone, "603 456 765",    kCounsellingKind,
    kCallbackPhone, "604 567 654",  kCallbackName,       kRegisteredName,  kRegisteredEmail, "605 678 543"};

class PanelRoles : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store) << store.error().describe();
        m_store = std::move(store).value();
        m_panel = std::make_unique<Panel>(
            *m_store, m_config, [] { return kNow; }, [] { return 0.0; });
        ASSERT_TRUE(m_store->addKiosk("kiosk-1", kNow));
        seedResidents();
    }

    /// Runs one statement in a write transaction of the real store.
    template <typename... Values> void exec(const std::string& sql, const Values&... values)
    {
        auto written = m_store->write([&](db::Database& d) { return db::exec(d, sql, values...); });
        ASSERT_TRUE(written) << written.error().describe();
    }

    void seedResidents()
    {
        exec("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, person_name, person_phone, "
             "address_street, kiosk_id, created_at, received_at) VALUES ('r-1', 'RZ-1', 'wozek', '2030-03-20', 14, "
             "'provisional', ?, ?, ?, 1, ?, ?)",
             kReserverName, kReserverPhone, kStreet, kNow.unix, kNow.unix);
        exec("INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes, "
             "booked_by) VALUES ('s-1', json_array(?), 'Doradca Jan', '12', '2030-03-20', 600, 60, 'c-1')",
             kCounsellingKind);
        exec("INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language, kiosk_id, "
             "created_at, received_at) VALUES ('c-1', 'PO-1', ?, 's-1', ?, ?, 'received', 'pl', 1, ?, ?)",
             kCounsellingKind, kCounselledName, kCounselledPhone, kNow.unix, kNow.unix);
        exec("INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, first_name, status, language, "
             "kiosk_id, created_at, received_at) VALUES ('cb-1', 'TE-1', ?, ?, '2030-03-17', 'morning', ?, "
             "'received', 'pl', 1, ?, ?)",
             kCallbackPhone, kCallbackPhone, kCallbackName, kNow.unix, kNow.unix);
        exec("INSERT INTO loans(id, inventory_number, type_id, borrower_name, borrower_phone, address_street, pesel, "
             "start_date, due_date, staff_id, kiosk_id, created_at, received_at) VALUES ('l-1', 'INW-1', 'wozek', ?, "
             "?, ?, ?, '2030-03-01', '2030-03-10', 'st-x', 1, ?, ?)",
             kBorrowerName, kBorrowerPhone, kStreet, kPesel, kNow.unix, kNow.unix);
        exec("INSERT INTO residents(name, phone, email, language, needs, consent_by, consent_at, consent_version, "
             "registered_by, registered_at, last_contact_at) VALUES (?, '605678543', ?, 'pl', "
             "'{\"areas\":[],\"target_groups\":[\"seniors\"],\"place\":\"\",\"fee\":\"any\",\"max_fee_grosze\":0}', "
             "'st-x', ?, 'v1', 'st-x', ?, ?)",
             kRegisteredName, kRegisteredEmail, kNow.unix, kNow.unix, kNow.unix);
    }

    struct Login
    {
        std::string staffId;
        std::string cookie; ///< the Cookie header
        std::string csrf;
    };

    /// A new staff member of `role` with a session stored as a login stores it.
    Login sessionFor(StaffRole role)
    {
        const std::string name = "Pracownik " + std::to_string(++m_staffCount);
        auto id = m_store->addStaff(name, role, "", "", kNow);
        EXPECT_TRUE(id);
        const std::string cookie = "cookie-" + std::to_string(m_staffCount);
        SqlitePanelStore panelStore(*m_store);
        EXPECT_TRUE(panelStore.openSession(*id, sha256Hex(cookie), "csrf-" + cookie, kNow.unix, 0, 0));
        return Login{*id, std::string(kSessionCookie) + "=" + cookie, "csrf-" + cookie};
    }

    PanelResponse request(Method method, const std::string& path, const std::string& cookie, const std::string& csrf)
    {
        PanelRequest r;
        r.method = method == Method::Get ? "GET" : "POST";
        r.path = path;
        r.cookie = cookie;
        r.host = "panel.test";
        r.remoteAddress = "192.0.2.1";
        if (method == Method::Post)
        {
            r.multipartFields = std::map<std::string, std::string>{{"csrf", csrf}};
            if (path == "/panel/login")
            {
                // The login form's own double-submit cookie, and an unknown account.
                r.cookie += std::string(r.cookie.empty() ? "" : "; ") + kLoginCookie + "=login-token";
                r.multipartFields = std::map<std::string, std::string>{
                    {"csrf", "login-token"}, {"login", "nikt"}, {"password", "zle-haslo"}};
            }
        }
        return m_panel->handle(r);
    }

    PanelResponse get(const std::string& path, const Login& who) { return request(Method::Get, path, who.cookie, ""); }

    static std::string location(const PanelResponse& r)
    {
        for (const auto& [name, value] : r.headers)
            if (name == "Location")
                return value;
        return {};
    }

    static Expect outcome(const PanelResponse& r)
    {
        if (r.status == 403 && r.body.find("Brak uprawnień") != std::string::npos)
            return Expect::Refuse;
        if (r.status == 303 && location(r) == "/panel/login")
            return endsTheSession(r) ? Expect::Allow : Expect::Login; // the logout's own answer
        return Expect::Allow;
    }

    /// True when the answer clears the session cookie (what the logout does).
    static bool endsTheSession(const PanelResponse& r)
    {
        for (const auto& [name, value] : r.headers)
            if (name == "Set-Cookie" && value.rfind(std::string(kSessionCookie) + "=;", 0) == 0)
                return true;
        return false;
    }

    test::TempDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Panel> m_panel;
    int m_staffCount = 0;
};

const char* expectName(Expect e)
{
    return e == Expect::Allow ? "allow" : e == Expect::Refuse ? "403" : "login";
}
} // namespace

TEST_F(PanelRoles, EveryRouteTimesEveryRoleGetsWhatTheMatrixSays)
{
    // The matrix names every route of the table, so a new route cannot go untested.
    std::set<std::pair<Method, std::string>> listed;
    for (const Case& c : cases())
        listed.emplace(c.method, c.path);
    for (const Route& r : panelRoutes())
        EXPECT_EQ(listed.count({r.method, r.path}), 1U) << r.path << " is not in the test's matrix";

    for (const Case& c : cases())
        for (Reader reader : kReaders)
        {
            // A fresh session per request: the logout route ends the one it is sent with.
            const Login who = reader == Reader::Nobody ? Login{} : sessionFor(roleOf(reader));
            const PanelResponse r = request(c.method, c.path, who.cookie, who.csrf);
            EXPECT_EQ(expectName(outcome(r)), std::string(expectName(expected(c, reader))))
                << (c.method == Method::Get ? "GET " : "POST ") << c.path << " as " << readerName(reader) << ": status "
                << r.status;
        }
}

TEST_F(PanelRoles, EachRoleLandsOnItsFirstSectionAndSeesOnlyItsSectionsInTheNavigation)
{
    const std::map<StaffRole, std::string> start{{StaffRole::Coordinator, "/panel/callbacks"},
                                                 {StaffRole::Counsellor, "/panel/reservations"},
                                                 {StaffRole::Admin, "/panel/kiosks"}};
    for (const auto& [role, path] : start)
    {
        const Login who = sessionFor(role);
        const PanelResponse r = get("/panel", who);
        EXPECT_EQ(r.status, 303);
        EXPECT_EQ(location(r), path) << domain::toCode(role);
        const PanelResponse page = get(path, who);
        ASSERT_EQ(page.status, 200) << path;
        // Every link of the navigation is a page the role may open.
        for (const NavItem& item : panelNav())
        {
            const bool linked =
                page.body.find("<a href=\"" + std::string(item.path.view()) + "\"") != std::string::npos;
            EXPECT_EQ(linked, mayUse(domain::toCode(role), Method::Get, item.path.view()))
                << domain::toCode(role) << " " << item.path.view();
        }
    }
}

TEST_F(PanelRoles, PagesAnAdminCanReachShowNoResidentsData)
{
    // The seeded rows are on the coordinator's pages, so their absence below means something.
    const Login coordinator = sessionFor(StaffRole::Coordinator);
    std::string coordinatorPages;
    for (const char* path :
         {"/panel/callbacks", "/panel/reservations", "/panel/loans", "/panel/slots", "/panel/residents"})
        coordinatorPages += get(path, coordinator).body;
    for (const char* shown :
         {kBorrowerName, kBorrowerPhoneShown, kReserverName, kReserverPhone, kCounselledName, kCounselledPhone,
          kCounsellingKind, kCallbackPhone, kCallbackName, kRegisteredName, kRegisteredEmail})
        EXPECT_NE(coordinatorPages.find(shown), std::string::npos) << shown << " is not on the coordinator's pages";

    const Login admin = sessionFor(StaffRole::Admin);
    int reached = 0;
    for (const Route& route : panelRoutes())
    {
        if (route.method != Method::Get)
            continue;
        // Every GET page, allowed or not: what an admin is refused must not leak either.
        const PanelResponse r = get(route.path, admin);
        reached += r.status == 200 ? 1 : 0;
        for (const std::string& data : kResidentData)
            EXPECT_EQ(r.body.find(data), std::string::npos) << route.path << " shows " << data << " to an admin";
    }
    EXPECT_GE(reached, 2); // the kiosks page and the stylesheet at least
    EXPECT_EQ(get("/panel/kiosks", admin).status, 200);
}

TEST_F(PanelRoles, ACounsellorSeesCounsellingButNoEquipmentBorrowerOrCallback)
{
    const Login counsellor = sessionFor(StaffRole::Counsellor);
    const PanelResponse page = get("/panel/reservations", counsellor);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(kCounselledName), std::string::npos);
    EXPECT_NE(page.body.find("PO-1"), std::string::npos);
    for (const char* hidden : {kReserverName, kReserverPhone, kStreet, "RZ-1"})
        EXPECT_EQ(page.body.find(hidden), std::string::npos) << hidden;
    const PanelResponse slots = get("/panel/slots", counsellor);
    ASSERT_EQ(slots.status, 200);
    EXPECT_NE(slots.body.find("PO-1"), std::string::npos);
    // Reading the duty hours, not publishing them: no form for a new slot, no withdraw buttons.
    EXPECT_EQ(slots.body.find("/panel/slots/save"), std::string::npos);
    EXPECT_EQ(slots.body.find("/panel/slots/withdraw"), std::string::npos);
}

TEST_F(PanelRoles, ARoleChangeEndsTheSessionAtItsNextRequest)
{
    const Login who = sessionFor(StaffRole::Coordinator);
    ASSERT_EQ(get("/panel/callbacks", who).status, 200);
    exec("UPDATE staff SET role = 'counsellor' WHERE id = ?", who.staffId);
    // Even for a page the new role may open: the session is gone, not narrowed.
    const PanelResponse r = get("/panel/reservations", who);
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(location(r), "/panel/login");
    // Changing the role back does not bring the session back.
    exec("UPDATE staff SET role = 'coordinator' WHERE id = ?", who.staffId);
    EXPECT_EQ(location(get("/panel/callbacks", who)), "/panel/login");
    auto left = m_store->read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto n = db::queryInt64(d, "SELECT COUNT(*) FROM panel_sessions WHERE staff_id = ?", who.staffId);
            if (!n)
                return makeErr(n.error());
            EXPECT_EQ(n->value_or(-1), 0);
            return {};
        });
    EXPECT_TRUE(left);
}

TEST_F(PanelRoles, ADeactivationEndsTheSessionAtItsNextRequest)
{
    const Login byCommand = sessionFor(StaffRole::Coordinator);
    const Login bySql = sessionFor(StaffRole::Admin);
    ASSERT_EQ(get("/panel/callbacks", byCommand).status, 200);
    ASSERT_EQ(get("/panel/kiosks", bySql).status, 200);

    ASSERT_TRUE(LifecycleStore(*m_store).setStaffActive(byCommand.staffId, false, kNow));
    exec("UPDATE staff SET active = 0 WHERE id = ?", bySql.staffId);
    EXPECT_EQ(location(get("/panel/callbacks", byCommand)), "/panel/login");
    EXPECT_EQ(location(get("/panel/kiosks", bySql)), "/panel/login");
    // A POST of the ended session is not carried out either.
    const PanelResponse post = request(Method::Post, "/panel/callbacks/claim", byCommand.cookie, byCommand.csrf);
    EXPECT_EQ(post.status, 303);
    EXPECT_EQ(location(post), "/panel/login");
}

TEST_F(PanelRoles, AnAdminChangesARoleOrDeactivatesOnTheStaffPageAndTheSessionEnds)
{
    const Login admin = sessionFor(StaffRole::Admin);
    const Login coordinator = sessionFor(StaffRole::Coordinator);
    const Login counsellor = sessionFor(StaffRole::Counsellor);
    const PanelResponse page = get("/panel/staff", admin);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(coordinator.staffId), std::string::npos);
    ASSERT_EQ(get("/panel/callbacks", coordinator).status, 200);
    ASSERT_EQ(get("/panel/reservations", counsellor).status, 200);

    auto post = [&](const std::string& path, std::map<std::string, std::string> fields)
    {
        PanelRequest r;
        r.method = "POST";
        r.path = path;
        r.cookie = admin.cookie;
        r.host = "panel.test";
        fields["csrf"] = admin.csrf;
        r.multipartFields = std::move(fields);
        return m_panel->handle(r);
    };
    EXPECT_EQ(location(post("/panel/staff/role", {{"id", coordinator.staffId}, {"role", "counsellor"}})),
              "/panel/staff?msg=role");
    EXPECT_EQ(location(get("/panel/callbacks", coordinator)), "/panel/login");
    EXPECT_EQ(location(post("/panel/staff/active", {{"id", counsellor.staffId}, {"active", "0"}})),
              "/panel/staff?msg=deactivated");
    EXPECT_EQ(location(get("/panel/reservations", counsellor)), "/panel/login");
    // Not one's own account, and only known roles.
    EXPECT_EQ(location(post("/panel/staff/active", {{"id", admin.staffId}, {"active", "0"}})),
              "/panel/staff?msg=own-account");
    EXPECT_EQ(location(post("/panel/staff/role", {{"id", counsellor.staffId}, {"role", "root"}})),
              "/panel/staff?msg=bad-input");
    EXPECT_EQ(get("/panel/staff", admin).status, 200);
}

TEST_F(PanelRoles, ACounsellorIsNeverPublishedToKiosksAndARoleChangeRepublishes)
{
    const std::string pinHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    auto id = m_store->addStaff("Dorota Doradczyni", StaffRole::Counsellor, pinHash, "", kNow);
    ASSERT_TRUE(id);
    auto lastChange = [&]
    {
        std::string opAndData;
        auto st = m_store->read(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto row = db::queryText(d,
                                         "SELECT op || ' ' || data FROM change_log WHERE entity = 'staff' AND "
                                         "entity_id = ? ORDER BY seq DESC LIMIT 1",
                                         *id);
                if (!row)
                    return makeErr(row.error());
                opAndData = row->value_or("");
                return {};
            });
        EXPECT_TRUE(st);
        return opAndData;
    };
    // No staff mode for counsellors: kiosks get a delete, never the PIN hash.
    EXPECT_EQ(lastChange(), "delete {}");
    ASSERT_TRUE(LifecycleStore(*m_store).setStaffRole(*id, StaffRole::Equipment, kNow));
    const std::string published = lastChange();
    EXPECT_EQ(published.rfind("upsert ", 0), 0U) << published;
    EXPECT_NE(published.find(pinHash), std::string::npos);
    ASSERT_TRUE(LifecycleStore(*m_store).setStaffRole(*id, StaffRole::Counsellor, kNow));
    EXPECT_EQ(lastChange(), "delete {}");
}

namespace
{
constexpr const char* kBetaName = "Fundacja Beta z Łap";
constexpr const char* kBetaContact = "Bogumiła Betowska";
constexpr const char* kAlfaName = "Stowarzyszenie Alfa";

InstitutionProfile profileOf(const std::string& name, const std::string& contact)
{
    InstitutionProfile p;
    p.name = name;
    p.kind = "ngo";
    p.address = "ul. Partnerska 1, 18-100 Łapy";
    p.email = "biuro@example.org";
    p.profile.pl = "Prowadzimy zajęcia dla seniorów i rodzin.";
    p.contactName = contact;
    return p;
}

/// The one pending proposal of institution `id` in the queue.
std::string pendingProposalOf(PartnerStore& partners, const std::string& id)
{
    auto q = partners.queue();
    EXPECT_TRUE(q.ok());
    if (q)
        for (const auto& p : q->pendingProposals)
            if (p.institutionId == id)
                return p.id;
    return {};
}
} // namespace

TEST_F(PanelRoles, APartnerLoginReachesOnlyItsOwnInstitutionOnEveryRoute)
{
    auto lapy = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    ASSERT_TRUE(lapy.ok());
    ASSERT_TRUE(m_store->importCatalog("default", *lapy, kNow));
    PartnerStore partners(*m_store);
    const Login coordinator = sessionFor(StaffRole::Coordinator);
    // Alfa registers with a new service, Beta with a change to lapy-cas; both approved and published.
    const std::string alfaEntry =
        R"({"id":"lapy-alfa-warsztaty","status":"active","name":{"pl":"Warsztaty Alfa"},"summary":{"pl":"Warsztaty dla seniorów."},
            "description":{"pl":"Zajęcia raz w tygodniu."},"primary_area":"09-kultura","areas":["09-kultura"],
            "target_groups":["seniors"],"delivered_by":{"pl":"Stowarzyszenie Alfa"},"place":{"pl":"Łapy"},
            "hours":{"pl":"wtorki 10:00"},"contact":{"pl":"biuro@example.org"},"eligibility":{"pl":"Seniorzy."},
            "qualification_mode":{"pl":"Zapis mailem."},"fee":{"kind":"free","text":{"pl":"Bezpłatnie."}},
            "documents":{"pl":"Brak."},"personal_data":{"pl":"Imię."},"kiosk_action":"callback","sources":["partner"]})";
    const domain::Service* cas = lapy->findService("lapy-cas");
    ASSERT_NE(cas, nullptr);
    auto registered = [&](const std::string& name, const std::string& contact, const std::string& kind,
                          const std::string& serviceId, const std::string& entry)
    {
        auto r = partners.registerInstitution(
            PartnerRegistration{profileOf(name, contact), domain::Language::Pl, kind, serviceId, entry}, kNow.unix);
        EXPECT_TRUE(r && r->result == PartnerDecision::Done);
        return slugFrom(name);
    };
    const std::string alfa = registered(kAlfaName, "Albin Alfowski", "new-service", "", alfaEntry);
    const std::string beta =
        registered(kBetaName, kBetaContact, "service-update", "lapy-cas", protocol::encodeServiceWithNote(*cas).dump());
    std::map<std::string, std::string> logins;
    for (const std::string& id : {alfa, beta})
    {
        auto approved = partners.approveInstitution(id, coordinator.staffId, kNow.unix);
        ASSERT_TRUE(approved && approved->result == PartnerDecision::Done) << id;
        logins[id] = approved->accountId;
    }
    const std::string betaProposal = pendingProposalOf(partners, beta);
    auto published =
        partners.publishProposal(pendingProposalOf(partners, alfa), alfaEntry, coordinator.staffId, kNow.unix);
    ASSERT_TRUE(published && published->result == PartnerDecision::Done) << (published ? published->errors.size() : 0);
    published =
        partners.publishProposal(betaProposal, protocol::encodeService(*cas).dump(), coordinator.staffId, kNow.unix);
    ASSERT_TRUE(published && published->result == PartnerDecision::Done);

    // Alfa's login, as a login stores it.
    SqlitePanelStore panelStore(*m_store);
    ASSERT_TRUE(panelStore.openSession(logins[alfa], sha256Hex("alfa-cookie"), "alfa-csrf", kNow.unix, 0, 0));
    const Login partner{logins[alfa], std::string(kSessionCookie) + "=alfa-cookie", "alfa-csrf"};
    EXPECT_EQ(location(get("/panel", partner)), "/panel/partner");

    // Every route, with the ids of Beta's entries where a route takes one.
    const std::map<std::string, std::string> query{{"/panel/partners/institution", "?id=" + beta},
                                                   {"/panel/partners/proposal", "?id=" + betaProposal},
                                                   {"/panel/catalog/service", "?id=lapy-cas"},
                                                   {"/panel/partner/service", "?id=lapy-cas"}};
    const std::set<std::string> ownPages{"/panel/partner",
                                         "/panel/partner/profile",
                                         "/panel/partner/service",
                                         "/panel/partner/password",
                                         "/panel/static/panel.css",
                                         "/panel/login",
                                         "/panel/logout",
                                         "/panel/site",
                                         "/",
                                         "/panel",
                                         "/panel/"};
    int checked = 0;
    for (const Route& route : panelRoutes())
    {
        auto it = query.find(route.path);
        const std::string path = route.path + (it == query.end() ? "" : it->second);
        PanelRequest r;
        r.method = route.method == Method::Get ? "GET" : "POST";
        r.path = route.path;
        r.cookie = partner.cookie;
        r.host = "panel.test";
        if (it != query.end())
            r.query = {{"id", it->second.substr(4)}};
        if (route.method == Method::Post)
            r.multipartFields = std::map<std::string, std::string>{
                {"csrf", partner.csrf}, {"id", it == query.end() ? beta : it->second.substr(4)}};
        if (route.path == "/panel/logout")
            continue; // it would end the session the rest of the walk uses
        const PanelResponse answer = m_panel->handle(r);
        ++checked;
        // Scoped: Beta's service is refused on the partner's own form too.
        if (ownPages.count(route.path) == 0 || route.path == "/panel/partner/service")
        {
            EXPECT_EQ(answer.status, 403) << r.method << " " << path;
        }
        for (const std::string& data : kResidentData)
            EXPECT_EQ(answer.body.find(data), std::string::npos) << path << " shows " << data << " to a partner";
        for (const char* other : {kBetaName, kBetaContact})
            EXPECT_EQ(answer.body.find(other), std::string::npos) << path << " shows " << other << " to Alfa";
    }
    EXPECT_EQ(checked + 1, static_cast<int>(panelRoutes().size()));

    // Its own pages answer, with its own entries only.
    const PanelResponse home = get("/panel/partner", partner);
    ASSERT_EQ(home.status, 200);
    EXPECT_NE(home.body.find(kAlfaName), std::string::npos);
    EXPECT_NE(home.body.find("lapy-alfa-warsztaty"), std::string::npos);
    EXPECT_EQ(home.body.find("lapy-cas"), std::string::npos);
    PanelRequest own;
    own.method = "GET";
    own.path = "/panel/partner/service";
    own.query = {{"id", "lapy-alfa-warsztaty"}};
    own.cookie = partner.cookie;
    own.host = "panel.test";
    EXPECT_EQ(m_panel->handle(own).status, 200);
    // Beta's proposal is untouched by anything Alfa sent.
    auto betaView = partners.proposal(betaProposal);
    ASSERT_TRUE(betaView && *betaView);
    EXPECT_EQ((*betaView)->status, "published");
    auto betaInstitution = partners.institution(beta);
    ASSERT_TRUE(betaInstitution && *betaInstitution);
    EXPECT_EQ((*betaInstitution)->profile.name, kBetaName);
}
