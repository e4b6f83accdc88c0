// What the staff-mode flow tests share: the real Łapy catalogue, a kiosk built as the app builds it
// (RecordingKioskServices on a real temporary kiosk database, the Controller with staff mode
// attached), a staff member already at the menu, and the small SQL helpers that seed rows and read
// back what a flow stored.
#pragma once

#include "kiosk/core/controller.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/db/statement.hpp"
#include "tests/support/recording_kiosk_services.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okienko::testing
{

/// One outbox row as the sync worker would send it.
struct OutboxRow
{
    std::string type;
    nlohmann::json payload;
};

/// Base of the staff flow fixtures. SetUp loads the catalogue and builds the kiosk; a derived SetUp
/// calls it and then, for most flows, openStaffMenu().
class StaffFlowFixture : public ::testing::Test
{
  protected:
    /// `tempPrefix` names the temporary folder of the database; `kioskName` is what slips print;
    /// `importCatalogue` imports the catalogue into the database (equipment units and their states)
    /// as the kiosk does at start.
    StaffFlowFixture(const std::string& tempPrefix, std::string kioskName, bool importCatalogue)
        : m_dir(tempPrefix), m_kioskName(std::move(kioskName)), m_importCatalogue(importCatalogue)
    {
    }

    void SetUp() override
    {
        auto cat = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(cat.ok());
        m_catalog = std::move(cat.value());
        m_index = search::CatalogIndex(m_catalog);
        build();
    }

    /// A kiosk (re)started on the same database file: new services, state and controller.
    void build()
    {
        m_controller.reset();
        m_services.reset();
        m_state = kiosk::freshState(m_defaults);
        m_services = std::make_unique<RecordingKioskServices>(m_dir.file("kiosk.db"));
        if (m_importCatalogue)
        {
            ASSERT_TRUE(catalog::importCatalog(db(), m_catalog).ok());
        }
        m_controller = std::make_unique<kiosk::Controller>(m_state, m_catalog, m_index, m_defaults,
                                                           std::chrono::seconds(90), std::chrono::seconds(30));
        m_controller->attachStaff(kiosk::FlowDeps{m_services.get(), &m_tr, &m_clock, m_kioskName});
    }

    /// A session with `staffId` logged in (as the PIN check leaves it) at the staff menu.
    void openStaffMenu(const std::string& staffId, const std::string& staffName)
    {
        apply(kiosk::StartSession{});
        m_state.staff.session = kiosk::StaffSession{staffId, staffName, domain::StaffRole::Equipment};
        m_state.router.reset(kiosk::ScreenId::StaffMenu);
    }

    db::Database& db() { return m_services->database(); }
    void apply(const kiosk::Intent& i) { m_controller->apply(i, m_clock.now()); }

    /// Runs one statement with `values` bound to ?1, ?2, … in order; any failure fails the test.
    template <typename... V> void exec(const std::string& sql, const V&... values)
    {
        auto st = db().prepare(sql);
        ASSERT_TRUE(st.ok()) << st.error().message;
        [[maybe_unused]] int i = 0;
        bool bound = true;
        ((bound = bound && st.value().bind(++i, values).ok()), ...);
        ASSERT_TRUE(bound) << sql;
        ASSERT_TRUE(st.value().run().ok()) << sql;
    }

    /// The first column of the first row of `sql` with `values` bound to ?1, ?2, …: "<none>" when
    /// there is no row, "<null>" for NULL; a statement that fails fails the test ("<error>").
    template <typename... V> std::string text(const std::string& sql, const V&... values)
    {
        auto st = db().prepare(sql);
        if (!st.ok())
            return failed(sql);
        [[maybe_unused]] int i = 0;
        bool bound = true;
        ((bound = bound && st.value().bind(++i, values).ok()), ...);
        if (!bound)
            return failed(sql);
        auto step = st.value().step();
        if (!step.ok())
            return failed(sql);
        if (step.value() == db::Step::Done)
            return "<none>";
        db::Row row(st.value());
        const std::optional<std::string> v = row.optionalText();
        if (!row.ok())
            return failed(sql);
        return v.value_or("<null>");
    }

    /// Every outbox row, oldest first.
    std::vector<OutboxRow> outbox()
    {
        std::vector<OutboxRow> out;
        auto read = db::forEachRow(db(), "SELECT type, payload FROM outbox ORDER BY seq",
                                   [&](db::Row& row)
                                   {
                                       std::string type = row.text();
                                       const std::string payload = row.text();
                                       if (row.ok())
                                           out.push_back({std::move(type), nlohmann::json::parse(payload)});
                                   });
        EXPECT_TRUE(read.ok());
        return out;
    }

    test::TempDir m_dir;
    std::string m_kioskName;
    bool m_importCatalogue = true;
    kiosk::ManualClock m_clock;
    kiosk::Translator m_tr;
    kiosk::SessionDefaults m_defaults;
    domain::Catalog m_catalog;
    search::CatalogIndex m_index;
    kiosk::AppState m_state = kiosk::freshState(kiosk::SessionDefaults{});
    std::unique_ptr<RecordingKioskServices> m_services;
    std::unique_ptr<kiosk::Controller> m_controller;

  private:
    static std::string failed(const std::string& sql)
    {
        ADD_FAILURE() << "cannot read " << sql;
        return "<error>";
    }
};

} // namespace okienko::testing
