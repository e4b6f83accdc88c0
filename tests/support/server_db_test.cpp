// The server database fixture (see server_db_test.hpp).
#include "tests/support/server_db_test.hpp"

#include "shared/db/query.hpp"

namespace okienko::test
{

void ServerDbTest::SetUp()
{
    auto store = server::ServerStore::open(m_dir.file("central.db"), m_options);
    ASSERT_TRUE(store.ok()) << store.error().describe();
    m_store = std::move(store).value();
    ASSERT_TRUE(m_store->addKiosk("kiosk-a", at(0)).ok());
}

void ServerDbTest::exec(const std::string& sql)
{
    auto written = m_store->write(
        [&](db::Database& d)
        { return sql.find("?1") == std::string::npos ? db::exec(d, sql) : db::exec(d, sql, kStartUnix); });
    ASSERT_TRUE(written.ok()) << sql << ": " << written.error().describe();
}

std::string ServerDbTest::text(const std::string& sql)
{
    std::string out = "?";
    EXPECT_TRUE(m_store
                    ->read(
                        [&](db::Database& d) -> Status<db::Error>
                        {
                            auto v = db::queryText(d, "SELECT CAST((" + sql + ") AS TEXT)");
                            if (!v)
                                return makeErr(v.error());
                            out = v->value_or("(null)");
                            return {};
                        })
                    .ok());
    return out;
}

} // namespace okienko::test
