// What the integration tests that run the real okienko-kiosk headless on a script share: a private
// cupsd with a capturing and an out-of-paper queue, the kiosk.toml of a windowed 1080×1920
// software-rendered test kiosk with the Łapy catalogue, a kiosk database seeded before the run
// (staff with real PIN hashes, the server's rows), one run of the binary, and the small readers of
// what the run left behind (the kiosk database, the slips' fonts and pages).
#pragma once

#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace okienko::test
{

/// The source tree's assets folder.
std::string kioskAssetsDir();

/// The receipt fonts of the assets, loaded once; throws std::runtime_error when they cannot be.
const receipt::FontSet& slipFonts();

/// True when one of `pages` contains `needle` pixel for pixel.
bool anyPageShows(const std::vector<receipt::Bitmap>& pages, const receipt::Bitmap& needle);

/// True when one of `pages` shows `text` in the slip fonts at `size` dots, regular or bold.
bool anyPageShowsText(const std::vector<receipt::Bitmap>& pages, const std::string& text, double size);

/// The kiosk database a run left in `dataDir`, opened read-only.
Result<db::Database, db::Error> openKioskDatabase(const std::string& dataDir);

/// The first column of every row of `sql` as text, with `arg` bound to ?1 unless it is empty. A
/// statement that does not prepare fails the current test.
std::vector<std::string> queryTexts(db::Database& db, const std::string& sql, const std::string& arg = "");

/// The integer in the first row of `sql` (a COUNT), with `arg` bound to ?1 unless it is empty; -1 on
/// any failure.
std::int64_t queryInt(db::Database& db, const std::string& sql, const std::string& arg = "");

/// A staff member as the server sends it; okienko-test-seed stores a real argon2id hash of the PIN.
struct SeedStaff
{
    std::string id;
    std::string name;
    std::string role; ///< domain::StaffRole code, e.g. "equipment"
    std::string pin;
};

/// Creates (and migrates) the kiosk database of `dataDir` with `staff` in it, as a kiosk that has
/// synced once holds it, and opens it for writing so that the test can add the server's rows before
/// the kiosk starts. Fails the current test when okienko-test-seed fails.
Result<db::Database, db::Error> seedKioskDatabase(const std::string& dataDir, const SeedStaff& staff);

/// Runs `sql` once per row of `rows`, each row's texts bound to ?1, ?2, … in order. Any failure fails
/// the current test.
void insertRows(db::Database& db, const std::string& sql, const std::vector<std::vector<std::string>>& rows);

/// How one run differs from the defaults.
struct RunOptions
{
    /// Lines (each ending in "\n") added to [display], e.g. "panel_width_mm = 268.0\n".
    std::string displayExtra;
    /// A run still going then is killed and fails the test.
    std::chrono::seconds timeLimit{180};
    /// Where the kiosk saves its screen when the script fails; empty: <name>-failure.png in the
    /// temporary folder (removed with it).
    std::string failureShot;
};

/// Runs okienko-kiosk --headless on scripts, each run with a fresh data folder, printing through a
/// private cupsd whose queue "receipt" captures jobs and whose queue "nopaper" fails as a printer
/// out of paper. Use as a member of a fixture; call start() in SetUp.
class ScriptedKiosk
{
  public:
    /// `kioskId` and `kioskName` go into every run's [kiosk] table; the run's files live in a
    /// temporary folder named after `tempPrefix`.
    ScriptedKiosk(std::string kioskId, std::string kioskName, const std::string& tempPrefix);

    /// Starts the cupsd and adds both queues; false (with error()) when that fails.
    bool start();
    const std::string& error() const { return m_error; }

    /// The kiosk.toml of run `dataDir` printing to `queue`; `displayExtra` adds lines (each ending
    /// in "\n") to [display], e.g. "panel_width_mm = 268.0\n".
    std::string configToml(const std::string& dataDir, const std::string& queue,
                           const std::string& displayExtra = "") const;

    /// The data folder of run `name`: seed its kiosk database (seedKioskDatabase) before run().
    std::string dataDir(const std::string& name) const { return m_dir.file(name); }

    /// Writes <name>.toml and <name>.kiosk into the temporary folder and runs the kiosk on them
    /// (see RunOptions). Expects the script to pass (exit code 0; the kiosk's output is shown
    /// otherwise). Returns the data folder, dataDir(name).
    std::string run(const std::string& name, const std::string& queue, const std::string& script,
                    const RunOptions& options = {});

    /// Everything the last run wrote to stdout and stderr: the kiosk's log.
    const std::string& lastOutput() const { return m_lastOutput; }

    /// The temporary folder, for files of a test's own (seeded databases, screenshots).
    const TempDir& dir() const { return m_dir; }
    /// The cupsd, e.g. for capturedFiles() after a run.
    PrivateCupsd& cupsd() { return m_cupsd; }

  private:
    std::string m_kioskId;
    std::string m_kioskName;
    TempDir m_dir;
    PrivateCupsd m_cupsd;
    std::string m_error;
    std::string m_lastOutput;
};

} // namespace okienko::test
