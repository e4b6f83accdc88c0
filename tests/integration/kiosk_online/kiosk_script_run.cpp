// Running okienko-kiosk on a script for integration tests (see kiosk_script_run.hpp).
#include "tests/integration/kiosk_online/kiosk_script_run.hpp"

#include "shared/db/statement.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <stdexcept>
#include <utility>

namespace okienko::test
{

std::string kioskAssetsDir()
{
    return std::string(OKIENKO_SOURCE_DIR) + "/assets";
}

const receipt::FontSet& slipFonts()
{
    static const receipt::FontSet set = []
    {
        auto loaded = receipt::FontSet::load(kioskAssetsDir() + "/fonts");
        if (!loaded)
            throw std::runtime_error(loaded.error());
        return std::move(loaded).value();
    }();
    return set;
}

bool anyPageShows(const std::vector<receipt::Bitmap>& pages, const receipt::Bitmap& needle)
{
    for (const receipt::Bitmap& page : pages)
        if (page.contains(needle))
            return true;
    return false;
}

bool anyPageShowsText(const std::vector<receipt::Bitmap>& pages, const std::string& text, double size)
{
    for (receipt::FontStyle style : {receipt::FontStyle::Regular, receipt::FontStyle::Bold})
        if (anyPageShows(pages, receipt::rasterizeText(text, slipFonts(), style, size)))
            return true;
    return false;
}

Result<db::Database, db::Error> openKioskDatabase(const std::string& dataDir)
{
    return db::Database::open(dataDir + "/kiosk.sqlite3", db::OpenOptions{.readOnly = true, .create = false});
}

std::vector<std::string> queryTexts(db::Database& db, const std::string& sql, const std::string& arg)
{
    std::vector<std::string> out;
    auto st = db.prepare(sql);
    EXPECT_TRUE(st.ok()) << sql;
    if (!st.ok() || (!arg.empty() && !st.value().bind(1, arg).ok()))
        return out;
    for (;;)
    {
        auto step = st.value().step();
        if (!step.ok() || step.value() == db::Step::Done)
            break;
        auto v = st.value().columnText(0);
        out.push_back(v.ok() ? v.value() : std::string());
    }
    return out;
}

std::int64_t queryInt(db::Database& db, const std::string& sql, const std::string& arg)
{
    auto st = db.prepare(sql);
    if (!st.ok() || (!arg.empty() && !st.value().bind(1, arg).ok()) || !st.value().step().ok())
        return -1;
    auto n = st.value().columnInt64(0);
    return n.ok() ? n.value() : -1;
}

Result<db::Database, db::Error> seedKioskDatabase(const std::string& dataDir, const SeedStaff& staff)
{
    using namespace std::chrono_literals;
    const std::string path = dataDir + "/kiosk.sqlite3";
    const ProcessResult seeded = runProcess(
        {OKIENKO_TEST_SEED_BINARY, "--db", path, "--staff", staff.id, staff.name, staff.role, staff.pin}, {}, 60s);
    EXPECT_EQ(seeded.exitCode, 0) << seeded.output;
    if (seeded.exitCode != 0)
        return makeErr(db::makeError(db::ErrorKind::Misuse, "okienko-test-seed failed", path));
    return db::Database::open(path);
}

void insertRows(db::Database& db, const std::string& sql, const std::vector<std::vector<std::string>>& rows)
{
    auto st = db.prepare(sql);
    ASSERT_TRUE(st.ok()) << st.error().message;
    for (const std::vector<std::string>& row : rows)
    {
        int index = 0;
        for (const std::string& value : row)
            ASSERT_TRUE(st.value().bind(++index, value).ok()) << sql;
        ASSERT_TRUE(st.value().run().ok()) << sql;
    }
}

ScriptedKiosk::ScriptedKiosk(std::string kioskId, std::string kioskName, const std::string& tempPrefix)
    : m_kioskId(std::move(kioskId)), m_kioskName(std::move(kioskName)), m_dir(tempPrefix)
{
}

bool ScriptedKiosk::start()
{
    if (!m_cupsd.start())
    {
        m_error = m_cupsd.error();
        return false;
    }
    if (!m_cupsd.addQueue("receipt", "capture") || !m_cupsd.addQueue("nopaper", "nopaper"))
    {
        m_error = "cannot add the cups queues receipt and nopaper";
        return false;
    }
    return true;
}

std::string ScriptedKiosk::configToml(const std::string& dataDir, const std::string& queue,
                                      const std::string& displayExtra) const
{
    const std::string assets = kioskAssetsDir();
    return "[kiosk]\nid = \"" + m_kioskId + "\"\nname = \"" + m_kioskName +
           "\"\n"
           "[display]\nfullscreen = false\nwidth = 1080\nheight = 1920\nrenderer = \"software\"\n" +
           displayExtra +
           "[idle]\ntimeout_seconds = 90\nwarning_seconds = 30\n"
           "[data]\ndirectory = \"" +
           dataDir + "\"\nassets = \"" + assets + "\"\ncatalog = \"" + assets +
           "/catalog/lapy.json\"\n"
           "[printer]\nqueue = \"" +
           queue + "\"\nformat = \"escpos-80\"\ndeadline_seconds = 8\n";
}

std::string ScriptedKiosk::run(const std::string& name, const std::string& queue, const std::string& script,
                               const RunOptions& options)
{
    const std::string data = dataDir(name);
    const std::string config = m_dir.file(name + ".toml");
    const std::string scriptPath = m_dir.file(name + ".kiosk");
    const std::string failureShot =
        options.failureShot.empty() ? m_dir.file(name + "-failure.png") : options.failureShot;
    EXPECT_TRUE(writeFile(config, configToml(data, queue, options.displayExtra)));
    EXPECT_TRUE(writeFile(scriptPath, script));
    const ProcessResult r = runProcess(
        {OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script", scriptPath, "--failure-shot", failureShot},
        {{"CUPS_SERVER", m_cupsd.socketPath()}}, options.timeLimit);
    EXPECT_FALSE(r.timedOut);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    m_lastOutput = r.output;
    return data;
}

} // namespace okienko::test
