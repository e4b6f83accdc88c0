// The panel's catalogue pages on the real okienko-central over HTTPS: sessions and CSRF, a service's
// Ukrainian name edited in the form reaching GET /api/v1/changes and a kiosk database that applies
// the pulled pages with the kiosk's own change applier, the loader's rules refusing bad input with
// messages at the fields, a stale version refused without losing the typed text, escaping, and
// announcements added and withdrawn through the feed. Forms are submitted the way a browser does:
// every field of the page's form with its (unescaped) value.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/change_applier.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/database.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <httplib.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace okienko;
using okienko::test::browserForm;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::TestCa;
using Form = std::map<std::string, std::string>;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-1";
constexpr const char* kServiceId = "uslugi-opiekuncze";
constexpr const char* kHostileId = "usluga-z-markupem";
constexpr const char* kHostileName = "<script>alert(\"x\")</script> & 'Ewa'";
constexpr const char* kHostileDescription = "Opis</textarea><script>alert(1)</script>";
constexpr const char* kNote = "Godziny do uzupełnienia przez CUS.";
constexpr const char* kCusNote = "Telefon CUS do uzupełnienia.";

nlohmann::json text(const std::string& pl, const std::string& uk = {}, const std::string& en = {})
{
    nlohmann::json t{{"pl", pl}};
    if (!uk.empty())
        t["uk"] = uk;
    if (!en.empty())
        t["en"] = en;
    return t;
}

nlohmann::json service(const std::string& id, const std::string& namePl, const std::string& description)
{
    return {{"id", id},
            {"status", "active"},
            {"name", text(namePl, "Послуги догляду", "Care services")},
            {"summary", text("Pomoc w domu.", "Допомога вдома.", "Help at home.")},
            {"description", text(description, "Повний опис.", "Full description.")},
            {"primary_area", "04-pomoc-spoleczna"},
            {"areas", {"04-pomoc-spoleczna", "06-niepelnosprawnosc"}},
            {"target_groups", {"seniors"}},
            {"tags", {{"pl", {"opieka"}}}},
            {"delivered_by", text("Centrum Usług Społecznych")},
            {"place", text("W domu osoby")},
            {"hours", text("pon.–pt. 8–16")},
            {"contact", text("Zapytaj w CUS")},
            {"eligibility", text("Osoby samotne.")},
            {"qualification_mode", text("Decyzja administracyjna.")},
            {"fee", {{"kind", "free"}, {"text", text("Bezpłatnie.", "Безкоштовно.")}}},
            {"documents", text("Wniosek.")},
            {"personal_data", text("Imię, nazwisko, adres.")},
            {"kiosk_action", "callback"},
            {"sources", {"004"}},
            {"valid_from", "2024-01-01"}};
}

std::string catalogueJson()
{
    auto doc = nlohmann::json::parse(okienko::test::testCatalogJson(1));
    doc["services"] = nlohmann::json::array({service(kServiceId, "Usługi opiekuńcze", "Pełny opis."),
                                             service(kHostileId, kHostileName, kHostileDescription)});
    doc["services"][0]["internal_note"] = kNote;
    doc["municipality"]["internal_note"] = kCusNote;
    return doc.dump();
}

std::int64_t count(const std::string& dbPath, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    if (!d)
        return -1;
    auto st = d->prepare(sql);
    if (!st || !st->step())
        return -1;
    return st->columnInt64(0).value();
}

std::string textOf(const std::string& dbPath, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    if (!d)
        return "?";
    auto st = d->prepare(sql);
    if (!st)
        return "?";
    auto step = st->step();
    if (!step || *step != db::Step::Row)
        return "?";
    return st->columnText(0).value();
}

class CatalogPanel : public ::testing::Test
{
  protected:
    /// The catalogue the server starts with.
    virtual std::string catalogue() const { return catalogueJson(); }

    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca);
        m_token = m_server->prepare(catalogue());
        ASSERT_FALSE(m_token.empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        ASSERT_FALSE(okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword).empty());
        ASSERT_FALSE(okienko::test::addStaff(*m_server, "Beata Nowak", "coordinator", kPassword).empty());
        ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
        auto kioskDb = kiosk::openKioskDatabase(m_kioskDir.file("kiosk.db"));
        ASSERT_TRUE(kioskDb.ok());
        m_kioskDb = std::make_unique<db::Database>(std::move(kioskDb).value());
    }

    std::unique_ptr<PanelClient> loggedIn(const std::string& who = "Anna Koordynator")
    {
        auto b = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = b->login(who, kPassword);
        EXPECT_TRUE(r);
        if (r)
        {
            EXPECT_EQ(r->status, 303) << r->body;
        }
        return b;
    }

    std::string serviceChanges() const
    {
        return std::to_string(count(m_server->databasePath(),
                                    "SELECT COUNT(*) FROM change_log WHERE entity = 'service' AND entity_id = '" +
                                        std::string(kServiceId) + "'"));
    }

    /// Pulls every new page into the kiosk database as the sync worker does (applier + cursor in one
    /// transaction); returns the changes seen.
    std::vector<protocol::Change> pull()
    {
        std::vector<protocol::Change> seen;
        httplib::SSLClient kiosk("127.0.0.1", m_server->port());
        kiosk.set_ca_cert_path(m_ca.caCert().c_str());
        kiosk.enable_server_certificate_verification(true);
        kiosk.set_default_headers({{"Authorization", "Bearer " + m_token}});
        for (int page = 0; page < 50; ++page)
        {
            auto r = kiosk.Get(("/api/v1/changes?since=" + m_cursor).c_str());
            EXPECT_TRUE(r);
            if (!r || r->status != 200)
                break;
            auto decoded = protocol::decodeChangesPage(r->body);
            EXPECT_TRUE(decoded.ok()) << r->body;
            if (!decoded)
                break;
            auto tx = db::Transaction::begin(*m_kioskDb, db::TransactionMode::Immediate);
            EXPECT_TRUE(tx.ok());
            auto applied = sync::applyChanges(*m_kioskDb, *decoded);
            EXPECT_TRUE(applied.ok()) << (applied ? "" : applied.error().message);
            EXPECT_TRUE(sync::storeCursor(*m_kioskDb, decoded->cursor, 1).ok());
            EXPECT_TRUE(tx->commit().ok());
            seen.insert(seen.end(), decoded->changes.begin(), decoded->changes.end());
            m_cursor = decoded->cursor;
            if (!decoded->more)
                break;
        }
        return seen;
    }

    domain::Catalog kioskCatalogue()
    {
        auto loaded = catalog::loadCatalog(*m_kioskDb);
        EXPECT_TRUE(loaded.ok());
        return loaded ? std::move(loaded).value() : domain::Catalog{};
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_token;
    okienko::test::TempDir m_kioskDir{"okienko-kiosk"};
    std::unique_ptr<db::Database> m_kioskDb;
    std::string m_cursor;
};
} // namespace

TEST_F(CatalogPanel, PagesAndActionsRefuseWithoutSessionAndPostsWithoutTheCsrfToken)
{
    PanelClient anonymous(m_server->port(), m_ca.caCert());
    for (const std::string& path :
         {std::string("/panel/catalog"), std::string("/panel/catalog/service?id=") + kServiceId,
          std::string("/panel/catalog/announcement")})
    {
        auto r = anonymous.get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(r->get_header_value("Location"), "/panel/login") << path;
        EXPECT_EQ(r->body.find("Usługi opiekuńcze"), std::string::npos) << path;
    }
    for (const char* path :
         {"/panel/catalog/service", "/panel/catalog/announcement", "/panel/catalog/announcement/withdraw"})
    {
        auto r = anonymous.post(path, {{"id", kServiceId}, {"version", "1"}, {"name_pl", "X"}}, false);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(r->get_header_value("Location"), "/panel/login") << path;
    }

    const std::string before = serviceChanges();
    auto b = loggedIn();
    auto page = b->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    Form form = browserForm(page->body, "/panel/catalog/service");
    form["name_uk"] = "Змінена назва";
    Form noToken = form;
    noToken.erase("csrf");
    auto missing = b->post("/panel/catalog/service", noToken, false);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 403);
    Form wrongToken = form;
    wrongToken["csrf"] = "x" + form["csrf"];
    auto wrong = b->post("/panel/catalog/service", wrongToken, false);
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403);
    auto withdraw = b->post("/panel/catalog/announcement/withdraw", {{"id", "piknik"}, {"version", "0"}}, false);
    ASSERT_TRUE(withdraw);
    EXPECT_EQ(withdraw->status, 403);
    EXPECT_EQ(serviceChanges(), before);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM catalog_edits"), 0);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM announcements"), 1);
}

TEST_F(CatalogPanel, EditedUkrainianNameReachesTheChangeFeedAndTheKioskCatalogue)
{
    pull(); // the kiosk starts with the imported catalogue
    const domain::Catalog original = kioskCatalogue();
    ASSERT_NE(original.findService(kServiceId), nullptr);
    EXPECT_EQ(original.findService(kServiceId)->name.uk, "Послуги догляду");

    auto b = loggedIn();
    auto list = b->get("/panel/catalog");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200);
    EXPECT_NE(
        list->body.find(std::string("href=\"/panel/catalog/service?id=") + kServiceId + "\">Usługi opiekuńcze</a>"),
        std::string::npos);
    EXPECT_NE(list->body.find("import pliku katalogu"), std::string::npos);
    EXPECT_NE(list->body.find("aria-current=\"page\">Katalog usług</a>"), std::string::npos);

    auto page = b->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<legend>Ukraiński (українська)</legend>"), std::string::npos);
    EXPECT_NE(page->body.find("<label for=\"f-name_uk\">Nazwa</label>"), std::string::npos);
    Form form = browserForm(page->body, "/panel/catalog/service");
    ASSERT_EQ(form["name_uk"], "Послуги догляду");
    ASSERT_EQ(form["fee_text_uk"], "Безкоштовно.");
    ASSERT_EQ(form["status"], "active");
    ASSERT_FALSE(form["version"].empty());
    form["name_uk"] = "Послуги з догляду вдома";
    auto saved = b->post("/panel/catalog/service", form);
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(saved->get_header_value("Location"), "/panel/catalog?msg=saved");

    // The feed carries the whole service, exactly as importCatalog encodes it.
    const auto changes = pull();
    const protocol::Change* last = nullptr;
    for (const auto& c : changes)
        if (c.entity == protocol::entity::kService && c.id == kServiceId)
            last = &c;
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->op, protocol::ChangeOp::Upsert);
    EXPECT_EQ(last->position, 0);
    auto decoded = protocol::decodeService(last->data);
    ASSERT_TRUE(decoded.ok());
    domain::Service expected = *original.findService(kServiceId);
    expected.name.uk = "Послуги з догляду вдома";
    EXPECT_EQ(*decoded, expected);
    EXPECT_EQ(last->data, protocol::encodeService(expected));

    // The kiosk that applied the page shows the new name; nothing else of its catalogue moved.
    const domain::Catalog after = kioskCatalogue();
    ASSERT_NE(after.findService(kServiceId), nullptr);
    EXPECT_EQ(after.findService(kServiceId)->name.uk, "Послуги з догляду вдома");
    domain::Catalog expectedCatalogue = original;
    expectedCatalogue.services[0] = expected;
    EXPECT_EQ(after, expectedCatalogue);

    // Who and when is recorded and listed.
    EXPECT_EQ(count(m_server->databasePath(),
                    "SELECT COUNT(*) FROM catalog_edits e JOIN change_log c ON c.seq = e.change_seq WHERE "
                    "e.entity = 'service' AND e.action = 'update' AND c.entity_id = 'uslugi-opiekuncze'"),
              1);
    auto listed = b->get("/panel/catalog?msg=saved");
    ASSERT_TRUE(listed);
    EXPECT_NE(listed->body.find("Anna Koordynator, "), std::string::npos);
    EXPECT_NE(listed->body.find("Zapisano."), std::string::npos);

    // Saving the same text again logs nothing.
    auto again = b->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(again);
    const std::string logged = serviceChanges();
    auto unchanged = b->post("/panel/catalog/service", browserForm(again->body, "/panel/catalog/service"));
    ASSERT_TRUE(unchanged);
    EXPECT_EQ(unchanged->get_header_value("Location"), "/panel/catalog?msg=unchanged");
    EXPECT_EQ(serviceChanges(), logged);
}

TEST_F(CatalogPanel, InternalNotesAreShownToCoordinatorsAndNeverReachAKiosk)
{
    const auto noNote = [](const std::vector<protocol::Change>& changes)
    {
        for (const auto& c : changes)
            EXPECT_EQ(c.data.dump().find("internal_note"), std::string::npos) << c.entity << " " << c.id;
    };
    noNote(pull());
    ASSERT_NE(kioskCatalogue().findService(kServiceId), nullptr);
    EXPECT_TRUE(kioskCatalogue().findService(kServiceId)->internalNote.empty());
    EXPECT_TRUE(kioskCatalogue().municipality.internalNote.empty());

    auto b = loggedIn();
    auto list = b->get("/panel/catalog");
    ASSERT_TRUE(list);
    EXPECT_NE(list->body.find(kNote), std::string::npos);
    EXPECT_NE(list->body.find(kCusNote), std::string::npos);
    auto page = b->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("<legend>Notatka wewnętrzna</legend>"), std::string::npos);
    Form form = browserForm(page->body, "/panel/catalog/service");
    ASSERT_EQ(form["internal_note"], kNote);

    // A note alone is a change worth saving; it stays on the server.
    form["internal_note"] = "Godziny potwierdzone; brakuje adresu.";
    auto saved = b->post("/panel/catalog/service", form);
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(saved->get_header_value("Location"), "/panel/catalog?msg=saved");
    EXPECT_EQ(textOf(m_server->databasePath(), "SELECT internal_note FROM services WHERE id = 'uslugi-opiekuncze'"),
              "Godziny potwierdzone; brakuje adresu.");
    noNote(pull());
    EXPECT_TRUE(kioskCatalogue().findService(kServiceId)->internalNote.empty());
    auto again = b->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(again);
    EXPECT_EQ(browserForm(again->body, "/panel/catalog/service")["internal_note"],
              "Godziny potwierdzone; brakuje adresu.");
}

TEST_F(CatalogPanel, InvalidInputIsRefusedWithMessagesAtTheFieldsAndNothingIsLogged)
{
    const std::string before = serviceChanges();
    auto b = loggedIn();
    auto page = b->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(page);
    Form form = browserForm(page->body, "/panel/catalog/service");
    form["name_pl"] = "   ";
    form["name_uk"] = "Нова назва, яку треба зберегти";
    form["valid_from"] = "2025-05-10";
    form["valid_to"] = "2025-05-01";
    form["summary_en"] = std::string(401, 'a');
    auto refused = b->post("/panel/catalog/service", form);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    const std::string& body = refused->body;
    // The summary links to each field; each field carries its message and is marked invalid.
    EXPECT_NE(body.find("class=\"error-summary\" role=\"alert\""), std::string::npos);
    EXPECT_NE(body.find("<a href=\"#f-name_pl\">Nazwa (polski): Tekst polski jest wymagany.</a>"), std::string::npos)
        << body;
    EXPECT_NE(body.find("<a href=\"#f-valid_to\">"), std::string::npos);
    EXPECT_NE(body.find("Za długi tekst: 401 znaków, dozwolone 400."), std::string::npos);
    EXPECT_NE(body.find("id=\"f-name_pl-error\""), std::string::npos);
    EXPECT_NE(body.find("aria-invalid=\"true\" aria-describedby=\"f-valid_to-hint f-valid_to-error\""),
              std::string::npos);
    EXPECT_NE(body.find("jest wcześniejsza niż"), std::string::npos);
    // What was typed is still there.
    const Form kept = browserForm(body, "/panel/catalog/service");
    EXPECT_EQ(kept.at("name_uk"), "Нова назва, яку треба зберегти");
    EXPECT_EQ(kept.at("valid_to"), "2025-05-01");
    EXPECT_EQ(kept.at("summary_en"), std::string(401, 'a'));
    EXPECT_EQ(kept.at("version"), form["version"]);
    // Nothing stored, nothing for the kiosks.
    EXPECT_EQ(serviceChanges(), before);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM catalog_edits"), 0);
    EXPECT_EQ(textOf(m_server->databasePath(), "SELECT name_uk FROM services WHERE id = 'uslugi-opiekuncze'"),
              "Послуги догляду");

    // An impossible day is refused the same way.
    form = browserForm(page->body, "/panel/catalog/service");
    form["valid_from"] = "2025-02-30";
    auto badDay = b->post("/panel/catalog/service", form);
    ASSERT_TRUE(badDay);
    EXPECT_EQ(badDay->status, 422);
    EXPECT_NE(badDay->body.find("<a href=\"#f-valid_from\">Ważna od (pierwszy dzień): Nieprawidłowa data."),
              std::string::npos);
    EXPECT_EQ(serviceChanges(), before);
}

TEST_F(CatalogPanel, SavingOverANewerEditIsRefusedAndKeepsTheTypedText)
{
    auto anna = loggedIn("Anna Koordynator");
    auto beata = loggedIn("Beata Nowak");
    auto annaPage = anna->get(std::string("/panel/catalog/service?id=") + kServiceId);
    auto beataPage = beata->get(std::string("/panel/catalog/service?id=") + kServiceId);
    ASSERT_TRUE(annaPage);
    ASSERT_TRUE(beataPage);
    Form annaForm = browserForm(annaPage->body, "/panel/catalog/service");
    Form beataForm = browserForm(beataPage->body, "/panel/catalog/service");
    ASSERT_EQ(annaForm["version"], beataForm["version"]);

    annaForm["name_uk"] = "Назва від Анни";
    auto first = anna->post("/panel/catalog/service", annaForm);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 303);
    const std::string afterAnna = serviceChanges();

    beataForm["name_uk"] = "Назва від Беати";
    auto late = beata->post("/panel/catalog/service", beataForm);
    ASSERT_TRUE(late);
    EXPECT_EQ(late->status, 409);
    EXPECT_NE(late->body.find("Nie zapisano: ktoś inny zmienił tę usługę"), std::string::npos);
    EXPECT_NE(late->body.find("Anna Koordynator"), std::string::npos);
    // Beata's text stays in her form; Anna's saved text is shown next to it.
    const Form kept = browserForm(late->body, "/panel/catalog/service");
    EXPECT_EQ(kept.at("name_uk"), "Назва від Беати");
    EXPECT_NE(kept.at("version"), beataForm["version"]);
    EXPECT_NE(late->body.find("<dt>Nazwa (ukraiński)</dt>\n<dd>Назва від Анни</dd>"), std::string::npos);
    EXPECT_EQ(serviceChanges(), afterAnna);
    EXPECT_EQ(textOf(m_server->databasePath(), "SELECT name_uk FROM services WHERE id = 'uslugi-opiekuncze'"),
              "Назва від Анни");

    // Having seen Anna's version, Beata may save hers on purpose.
    auto deliberate = beata->post("/panel/catalog/service", kept);
    ASSERT_TRUE(deliberate);
    EXPECT_EQ(deliberate->status, 303);
    EXPECT_EQ(textOf(m_server->databasePath(), "SELECT name_uk FROM services WHERE id = 'uslugi-opiekuncze'"),
              "Назва від Беати");
}

TEST_F(CatalogPanel, ServiceTextIsEscapedInTheListAndTheForm)
{
    auto b = loggedIn();
    auto list = b->get("/panel/catalog");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200);
    EXPECT_EQ(list->body.find("<script"), std::string::npos);
    EXPECT_NE(list->body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ewa&#39;"),
              std::string::npos);
    auto form = b->get(std::string("/panel/catalog/service?id=") + kHostileId);
    ASSERT_TRUE(form);
    ASSERT_EQ(form->status, 200);
    EXPECT_EQ(form->body.find("<script"), std::string::npos);
    EXPECT_NE(form->body.find("value=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ewa&#39;\""),
              std::string::npos);
    EXPECT_NE(form->body.find("Opis&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"),
              std::string::npos);
    // Round trip: the browser sends back the original characters, and nothing changes.
    const Form values = browserForm(form->body, "/panel/catalog/service");
    EXPECT_EQ(values.at("name_pl"), kHostileName);
    EXPECT_EQ(values.at("description_pl"), kHostileDescription);
    auto saved = b->post("/panel/catalog/service", values);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->get_header_value("Location"), "/panel/catalog?msg=unchanged");
}

TEST_F(CatalogPanel, AnnouncementsAreAddedEditedAndWithdrawnThroughTheFeed)
{
    pull();
    ASSERT_EQ(kioskCatalogue().announcements.size(), 1U);
    auto b = loggedIn();
    auto blank = b->get("/panel/catalog/announcement");
    ASSERT_TRUE(blank);
    ASSERT_EQ(blank->status, 200);
    Form form = browserForm(blank->body, "/panel/catalog/announcement");
    EXPECT_EQ(form["version"], "0");

    // Without a Polish title it is refused and nothing is published.
    form["title_uk"] = "Зміна годин роботи";
    form["body_pl"] = "W piątek CUS czynny do 13:00.";
    auto refused = b->post("/panel/catalog/announcement", form);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("<a href=\"#f-title_pl\">Tytuł (polski): Tekst polski jest wymagany.</a>"),
              std::string::npos);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM change_log WHERE entity = 'announcement'"), 1);

    form = browserForm(refused->body, "/panel/catalog/announcement");
    EXPECT_EQ(form["body_pl"], "W piątek CUS czynny do 13:00.");
    form["title_pl"] = "Zmiana godzin pracy";
    form["valid_to"] = "2099-12-31";
    auto added = b->post("/panel/catalog/announcement", form);
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 303) << added->body;
    EXPECT_EQ(added->get_header_value("Location"), "/panel/catalog?msg=added");

    std::string newId;
    for (const auto& c : pull())
        if (c.entity == protocol::entity::kAnnouncement && c.op == protocol::ChangeOp::Upsert)
        {
            newId = c.id;
            EXPECT_EQ(c.position, 1);
            auto a = protocol::decodeAnnouncement(c.data);
            ASSERT_TRUE(a.ok());
            EXPECT_EQ(a->title.pl, "Zmiana godzin pracy");
            EXPECT_EQ(a->title.uk, "Зміна годин роботи");
            EXPECT_EQ(a->validTo, parseIsoDate("2099-12-31"));
        }
    ASSERT_EQ(newId.rfind("ogloszenie-", 0), 0U) << newId;
    auto withNew = kioskCatalogue();
    ASSERT_EQ(withNew.announcements.size(), 2U);
    EXPECT_EQ(withNew.announcements[1].id, newId);
    EXPECT_EQ(withNew.announcements[1].body.pl, "W piątek CUS czynny do 13:00.");

    // Edit it, then withdraw it from the list: a tombstone reaches the kiosk, which drops it.
    auto editPage = b->get("/panel/catalog/announcement?id=" + newId);
    ASSERT_TRUE(editPage);
    ASSERT_EQ(editPage->status, 200);
    Form edit = browserForm(editPage->body, "/panel/catalog/announcement");
    edit["body_en"] = "On Friday the CUS is open until 1 pm.";
    auto edited = b->post("/panel/catalog/announcement", edit);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->get_header_value("Location"), "/panel/catalog?msg=saved");
    pull();
    EXPECT_EQ(kioskCatalogue().announcements[1].body.en, "On Friday the CUS is open until 1 pm.");

    // A withdrawal with the version from before the edit is refused.
    auto stale = b->post("/panel/catalog/announcement/withdraw", {{"id", newId}, {"version", edit["version"]}});
    ASSERT_TRUE(stale);
    EXPECT_EQ(stale->get_header_value("Location"), "/panel/catalog?msg=stale");
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM announcements"), 2);

    auto list = b->get("/panel/catalog");
    ASSERT_TRUE(list);
    const auto row = list->body.find("Wycofaj ogłoszenie Zmiana godzin pracy");
    ASSERT_NE(row, std::string::npos);
    const auto formStart = list->body.rfind("<form", row);
    const Form withdraw = browserForm(list->body.substr(formStart), "/panel/catalog/announcement/withdraw");
    auto gone = b->post("/panel/catalog/announcement/withdraw", withdraw);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->get_header_value("Location"), "/panel/catalog?msg=withdrawn");

    bool tombstone = false;
    for (const auto& c : pull())
        if (c.entity == protocol::entity::kAnnouncement && c.id == newId)
            tombstone = c.op == protocol::ChangeOp::Delete;
    EXPECT_TRUE(tombstone);
    const auto remaining = kioskCatalogue();
    ASSERT_EQ(remaining.announcements.size(), 1U);
    EXPECT_EQ(remaining.announcements[0].id, "piknik");
    EXPECT_EQ(count(m_server->databasePath(),
                    "SELECT COUNT(*) FROM catalog_edits WHERE entity = 'announcement' AND action IN ('add', "
                    "'update', 'withdraw')"),
              3);
}

namespace
{
/// The same panel over the shipped Łapy catalogue (real texts and sizes).
class ShippedCatalogPanel : public CatalogPanel
{
  protected:
    std::string catalogue() const override
    {
        return okienko::test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    }

    /// Posts the first form to `action` on `page` as a browser does, with `changes` over it.
    httplib::Result submit(PanelClient& b, const std::string& page, const std::string& action, const Form& changes = {})
    {
        auto got = b.get(page);
        EXPECT_TRUE(got);
        if (!got)
            return got;
        Form form = browserForm(got->body, action);
        for (const auto& [k, v] : changes)
            form[k] = v;
        return b.postMultipart(action, form);
    }
};
} // namespace

TEST_F(ShippedCatalogPanel, ARetiredServiceDisappearsFromAKioskAfterSyncAndComesBack)
{
    pull();
    const domain::Catalog before = kioskCatalogue();
    ASSERT_EQ(before.services.size(), 22u);
    const std::string id = before.services[0].id;
    auto b = loggedIn();
    auto retired = submit(*b, "/panel/catalog/entries?kind=service", "/panel/catalog/entry/retire");
    ASSERT_TRUE(retired);
    ASSERT_EQ(retired->status, 303) << retired->body;
    EXPECT_EQ(retired->get_header_value("Location"), "/panel/catalog/entries?kind=service&msg=retired");
    pull();
    EXPECT_EQ(kioskCatalogue().findService(id), nullptr);
    EXPECT_EQ(kioskCatalogue().services.size(), 21u);
    EXPECT_EQ(okienko::test::scalar(m_server->databasePath(),
                                    "SELECT s.name FROM catalog_edits e JOIN staff s ON s.id = e.staff_id WHERE "
                                    "e.action = 'withdraw' AND e.entity_id = '" +
                                        id + "'"),
              "Anna Koordynator");

    auto list = b->get("/panel/catalog/entries?kind=service");
    ASSERT_TRUE(list);
    EXPECT_NE(list->body.find("Przywróć"), std::string::npos);
    auto back =
        b->postMultipart("/panel/catalog/entry/reactivate", browserForm(list->body, "/panel/catalog/entry/reactivate"));
    ASSERT_TRUE(back);
    ASSERT_EQ(back->status, 303) << back->body;
    pull();
    ASSERT_NE(kioskCatalogue().findService(id), nullptr);
    EXPECT_EQ(*kioskCatalogue().findService(id), *before.findService(id));
}

TEST_F(ShippedCatalogPanel, AServiceAddedThroughTheFormWithRealTextsIsCheckedAndReachesTheKiosk)
{
    pull();
    const domain::Catalog before = kioskCatalogue();
    const domain::Service& model = before.services[0];
    auto b = loggedIn();
    auto existing = b->get("/panel/catalog/entry?kind=service&id=" + model.id);
    ASSERT_TRUE(existing);
    ASSERT_EQ(existing->status, 200);
    Form typed = browserForm(existing->body, "/panel/catalog/entry");
    ASSERT_EQ(typed["name_pl"], model.name.pl);
    auto blank = b->get("/panel/catalog/entry?kind=service");
    ASSERT_TRUE(blank);
    ASSERT_EQ(blank->status, 200);
    Form form = browserForm(blank->body, "/panel/catalog/entry");
    for (const auto& [k, v] : typed)
        if (k != "csrf" && k != "version" && k != "entry")
            form[k] = v;
    form["id"] = "lapy-nowa-usluga";

    Form tooLong = form;
    tooLong["name_pl"] = std::string(130, 'x');
    for (const auto& [k, v] : typed)
        if (k.rfind("areas__", 0) == 0)
            tooLong.erase(k);
    auto refused = b->postMultipart("/panel/catalog/entry", tooLong);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_GT(b->lastBodyBytes(), 8192u);
    EXPECT_NE(refused->body.find("Za długi tekst: 130 znaków, dozwolone 120."), std::string::npos);
    EXPECT_NE(refused->body.find("Obszary (wymagane)"), std::string::npos);
    EXPECT_NE(refused->body.find("Wybierz lub wpisz co najmniej jedną pozycję."), std::string::npos);
    EXPECT_NE(refused->body.find(std::string(130, 'x')), std::string::npos); // typed text kept
    EXPECT_EQ(okienko::test::scalar(m_server->databasePath(), "SELECT COUNT(*) FROM services"), "22");

    auto added = b->postMultipart("/panel/catalog/entry", form);
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 303) << added->body.substr(0, 3000);
    EXPECT_EQ(added->get_header_value("Location"), "/panel/catalog/entries?kind=service&msg=added");
    pull();
    const domain::Catalog onKiosk = kioskCatalogue();
    const domain::Service* copy = onKiosk.findService("lapy-nowa-usluga");
    ASSERT_NE(copy, nullptr);
    domain::Service expected = model;
    expected.id = "lapy-nowa-usluga";
    expected.internalNote.clear(); // kiosks never get the note
    EXPECT_EQ(*copy, expected);
}

TEST_F(ShippedCatalogPanel, TheCusDetailsFilledInTheFormLeaveTheStartPagesPlaceholderList)
{
    auto b = loggedIn();
    auto start = b->get("/panel/callbacks");
    ASSERT_TRUE(start);
    EXPECT_NE(start->body.find("Do uzupełnienia przed otwarciem"), std::string::npos);
    EXPECT_NE(start->body.find("Telefon CUS — puste pole"), std::string::npos);
    EXPECT_NE(start->body.find("href=\"/panel/catalog/entry?kind=municipality\""), std::string::npos);
    auto saved = submit(*b, "/panel/catalog/entry?kind=municipality", "/panel/catalog/entry",
                        {{"phone", "85 715 00 00"}, {"email", "cus@lapy.pl"}});
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 303) << saved->body.substr(0, 3000);
    auto after = b->get("/panel/callbacks");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->body.find("Telefon CUS — puste pole"), std::string::npos);
    EXPECT_EQ(after->body.find("E-mail CUS — puste pole"), std::string::npos);
    pull();
    EXPECT_EQ(kioskCatalogue().municipality.phone, "85 715 00 00");

    // An emergency number checked today leaves the list; a day in the future is refused at its field.
    auto future = submit(*b, "/panel/catalog/entry?kind=emergency_number&id=112", "/panel/catalog/entry",
                         {{"verified_on", "2999-01-01"}});
    ASSERT_TRUE(future);
    EXPECT_EQ(future->status, 422);
    EXPECT_NE(future->body.find("Data sprawdzenia nie może być późniejsza niż dziś."), std::string::npos);
    auto checked = submit(*b, "/panel/catalog/entry?kind=emergency_number&id=112", "/panel/catalog/entry",
                          {{"verified_on", okienko::test::localToday().iso()}});
    ASSERT_TRUE(checked);
    ASSERT_EQ(checked->status, 303) << checked->body.substr(0, 3000);
    auto last = b->get("/panel/callbacks");
    ASSERT_TRUE(last);
    EXPECT_EQ(last->body.find("Numer alarmowy 112 "), std::string::npos);
    EXPECT_NE(last->body.find("Numer alarmowy 116 123"), std::string::npos);
}

TEST_F(ShippedCatalogPanel, ImportCatalogPreviewsAndKeepsAPanelEdit)
{
    auto b = loggedIn();
    const std::string lapy = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";
    const std::string firstId = nlohmann::json::parse(okienko::test::readFile(lapy))["services"][0]["id"];
    auto saved = submit(*b, "/panel/catalog/entry?kind=service&id=" + firstId, "/panel/catalog/entry",
                        {{"name_pl", "Nazwa z panelu"}});
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 303) << saved->body.substr(0, 3000);
    auto file = nlohmann::json::parse(okienko::test::readFile(lapy));
    file["services"][0]["name"]["pl"] = "Nazwa z pliku";
    const std::string edited = m_server->dir() + "/lapy-2.json";
    {
        std::ofstream out(edited);
        out << file.dump();
    }
    std::string preview;
    ASSERT_EQ(m_server->admin({"import-catalog", edited}, &preview), 0);
    EXPECT_NE(preview.find("panel: {\"en\":\"Social Activity Centre (CAS)\",\"pl\":\"Nazwa z panelu\""),
              std::string::npos)
        << preview;
    EXPECT_NE(preview.find("service: 0 added, 0 changed, 0 retired"), std::string::npos) << preview;
    EXPECT_NE(preview.find("Nothing was changed"), std::string::npos) << preview;
    std::string applied;
    ASSERT_EQ(m_server->admin({"import-catalog", edited, "--apply"}, &applied), 0);
    EXPECT_NE(applied.find("panel edits kept"), std::string::npos) << applied;
    pull();
    EXPECT_EQ(kioskCatalogue().findService(firstId)->name.pl, "Nazwa z panelu");
}

TEST_F(ShippedCatalogPanel, TheImportPageUploadsAShippedFilePreviewsItKeepsPanelEditsAndApplies)
{
    auto b = loggedIn();
    const std::string lapyPath = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";
    auto file = nlohmann::json::parse(okienko::test::readFile(lapyPath));
    const std::string firstId = file["services"][0]["id"];
    const std::string lastId = file["services"].back()["id"];
    auto saved = submit(*b, "/panel/catalog/entry?kind=service&id=" + firstId, "/panel/catalog/entry",
                        {{"name_pl", "Nazwa z panelu"}});
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 303) << saved->body.substr(0, 3000);

    auto page = b->get("/panel/catalog/import");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("type=\"file\""), std::string::npos);
    EXPECT_NE(page->body.find("enctype=\"multipart/form-data\""), std::string::npos);

    // The shipped file, changed as a new release of it would be: a name the panel also changed, a
    // service more, one service fewer.
    file["services"][0]["name"]["pl"] = "Nazwa z pliku";
    nlohmann::json added = file["services"][1];
    added["id"] = "lapy-nowa-z-pliku";
    file["services"].push_back(added);
    file["services"].erase(file["services"].size() - 2);
    const std::string text = file.dump(2);
    ASSERT_GT(text.size(), 200000u) << "the real file's size";

    auto preview = b->postFile("/panel/catalog/import/preview", {}, "file", "lapy-2027.json", text);
    ASSERT_TRUE(preview);
    ASSERT_EQ(preview->status, 200) << preview->body.substr(0, 3000);
    EXPECT_GT(b->lastBodyBytes(), 200000u);
    EXPECT_NE(preview->body.find("Podgląd importu pliku <strong>lapy-2027.json</strong>"), std::string::npos);
    EXPECT_NE(preview->body.find("<code>lapy-nowa-z-pliku</code>"), std::string::npos);
    EXPECT_NE(preview->body.find("<code>" + lastId + "</code>"), std::string::npos) << "listed as retired";
    EXPECT_NE(preview->body.find("Nazwa z panelu"), std::string::npos);
    EXPECT_NE(preview->body.find("Nazwa z pliku"), std::string::npos);
    EXPECT_NE(preview->body.find("zostaje z panelu"), std::string::npos);
    EXPECT_EQ(okienko::test::scalar(m_server->databasePath(), "SELECT COUNT(*) FROM services"), "22")
        << "a preview changes nothing";

    // Applying without the session's CSRF token is refused.
    Form apply = browserForm(preview->body, "/panel/catalog/import/apply");
    ASSERT_EQ(apply.count("catalog"), 1u);
    Form forgedForm = apply;
    forgedForm.erase("csrf");
    auto forged = b->postMultipart("/panel/catalog/import/apply", forgedForm, false);
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);

    auto done = b->postMultipart("/panel/catalog/import/apply", apply);
    ASSERT_TRUE(done);
    ASSERT_EQ(done->status, 200) << done->body.substr(0, 3000);
    EXPECT_NE(done->body.find("Zaimportowano plik <strong>lapy-2027.json</strong>"), std::string::npos);
    EXPECT_EQ(okienko::test::scalar(m_server->databasePath(),
                                    "SELECT s.name || ' ' || a.action || ' ' || a.entity_id FROM panel_actions a JOIN "
                                    "staff s ON s.id = a.staff_id WHERE a.entity = 'catalog_import'"),
              "Anna Koordynator import lapy-2027.json");
    EXPECT_EQ(okienko::test::scalar(m_server->databasePath(), "SELECT file_name FROM catalog_imports ORDER BY id DESC "
                                                              "LIMIT 1"),
              "lapy-2027.json");
    pull();
    const domain::Catalog onKiosk = kioskCatalogue();
    EXPECT_EQ(onKiosk.findService(firstId)->name.pl, "Nazwa z panelu") << "the panel edit kept";
    EXPECT_NE(onKiosk.findService("lapy-nowa-z-pliku"), nullptr);
    EXPECT_EQ(onKiosk.findService(lastId), nullptr);

    // Applying the same preview again is refused: the catalogue changed since.
    auto stale = b->postMultipart("/panel/catalog/import/apply", apply);
    ASSERT_TRUE(stale);
    EXPECT_EQ(stale->status, 409);
    EXPECT_NE(stale->body.find("Katalog zmieniono po podglądzie"), std::string::npos);
}

TEST_F(ShippedCatalogPanel, TheImportPageTakesTheOtherShippedFileAndRefusesABrokenOneWithItsPaths)
{
    auto b = loggedIn();
    ASSERT_TRUE(b->get("/panel/catalog/import"));
    const std::string starachowice =
        okienko::test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/starachowice.json");
    auto preview = b->postFile("/panel/catalog/import/preview", {}, "file", "starachowice.json", starachowice);
    ASSERT_TRUE(preview);
    ASSERT_EQ(preview->status, 200) << preview->body.substr(0, 3000);
    EXPECT_NE(preview->body.find("<code>st-mch-seniorzy</code>"), std::string::npos) << "its services to add";
    EXPECT_NE(preview->body.find("Zastosuj import"), std::string::npos);

    auto bad = nlohmann::json::parse(starachowice);
    bad["services"][0]["name"].erase("pl");
    bad["services"][1]["fee"]["kind"] = "sometimes";
    auto refused = b->postFile("/panel/catalog/import/preview", {}, "file", "zly.json", bad.dump());
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("Ten plik nie jest poprawnym katalogiem"), std::string::npos);
    EXPECT_NE(refused->body.find("<code>$.services[0].name.pl</code>"), std::string::npos) << refused->body;
    EXPECT_NE(refused->body.find("<code>$.services[1].fee.kind</code>: Wybierz jedną z wartości z listy."),
              std::string::npos);
    auto notJson = b->postFile("/panel/catalog/import/preview", {}, "file", "notatki.txt", "to nie jest JSON");
    ASSERT_TRUE(notJson);
    EXPECT_EQ(notJson->status, 422);
    EXPECT_EQ(okienko::test::scalar(m_server->databasePath(), "SELECT COUNT(*) FROM catalog_imports WHERE file_name "
                                                              "IN ('starachowice.json', 'zly.json')"),
              "0");
}

// Decision 0012: a coordinator adds an area in the panel and the kiosk gets it at its next pull;
// retiring an area an offered service names is refused with the reason in Polish naming the
// services; retiring one nothing names reaches the kiosk as the flag, the area kept.
TEST_F(ShippedCatalogPanel, AnAreaAddedInThePanelReachesTheKioskAndRetiringOneInUseIsRefusedInPolish)
{
    pull();
    auto b = loggedIn();
    auto added = submit(*b, "/panel/catalog/entry?kind=area", "/panel/catalog/entry",
                        {{"id", "15-opieka-w-domu"}, {"name_pl", "Opieka w domu"}, {"name_uk", "Догляд удома"}});
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 303) << added->body.substr(0, 3000);
    EXPECT_EQ(added->get_header_value("Location"), "/panel/catalog/entries?kind=area&msg=added");
    pull();
    const domain::Area home = *domain::parseArea("15-opieka-w-domu");
    const domain::Catalog onKiosk = kioskCatalogue();
    ASSERT_NE(onKiosk.findArea(home), nullptr);
    EXPECT_EQ(onKiosk.findArea(home)->name.uk, "Догляд удома");
    EXPECT_EQ(onKiosk.activeAreas().size(), 15u);

    auto list = b->get("/panel/catalog/entries?kind=area");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200);
    const auto row = list->body.find("aria-label=\"Wycofaj Pomoc społeczna\"");
    ASSERT_NE(row, std::string::npos);
    const Form inUse = browserForm(list->body.substr(list->body.rfind("<form", row)), "/panel/catalog/entry/retire");
    auto refused = b->postMultipart("/panel/catalog/entry/retire", inUse);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("Obszaru „Pomoc społeczna” nie można wycofać: wskazują go usługi: „"),
              std::string::npos)
        << refused->body.substr(0, 4000);
    EXPECT_NE(refused->body.find("(lapy-klub-wolontariusza)"), std::string::npos);

    const auto homeRow = list->body.find("aria-label=\"Wycofaj Opieka w domu\"");
    ASSERT_NE(homeRow, std::string::npos);
    const Form unused =
        browserForm(list->body.substr(list->body.rfind("<form", homeRow)), "/panel/catalog/entry/retire");
    auto retired = b->postMultipart("/panel/catalog/entry/retire", unused);
    ASSERT_TRUE(retired);
    ASSERT_EQ(retired->status, 303) << retired->body.substr(0, 3000);
    pull();
    const domain::Catalog after = kioskCatalogue();
    ASSERT_NE(after.findArea(home), nullptr);
    EXPECT_TRUE(after.findArea(home)->retired);
    EXPECT_EQ(after.activeAreas().size(), 14u);
    auto withRetired = b->get("/panel/catalog/entries?kind=area");
    ASSERT_TRUE(withRetired);
    EXPECT_NE(withRetired->body.find("Przywróć"), std::string::npos);
}
