// A CUS's history on a real okienko-central, for the change-feed tests and benchmark: weekly
// editions of the Łapy catalogue (a service's text changes, a weekly announcement comes and an
// older one is withdrawn) imported with the admin command, and equipment lent and returned through
// POST /api/v1/events — so the change log holds upserts superseded many times over and tombstones.
// Also a kiosk's pull loop that counts what it downloads, and a kiosk database's state as text.
#pragma once

#include "kiosk/sync/https_client.hpp"
#include "shared/db/database.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <string>

namespace okienko::test
{

class FeedHistory
{
  public:
    /// `binary` and `configPath`: the server's admin command line; `https`: a staff-work kiosk's
    /// connection (its token posts the loans); `catalogueFile`: assets/catalog/lapy.json.
    FeedHistory(std::string binary, std::string configPath, sync::HttpsConfig https, std::string catalogueFile,
                std::string workDir);

    /// Runs `okienko-central --config … ARGS`; its standard output, or what went wrong.
    Result<std::string, std::string> admin(const std::string& args) const;

    /// Imports the catalogue edition of `week` (import-catalog --apply).
    Status<std::string> importEdition(int week);

    /// `weeks` weeks from `firstWeek` on: each week's edition, and `loansPerWeek` loans lent and
    /// returned; the last week's loans stay out (open loans).
    Status<std::string> simulate(int firstWeek, int weeks, int loansPerWeek);

  private:
    Status<std::string> post(const std::string& body);

    std::string m_binary, m_config;
    sync::HttpsClient m_client;
    std::string m_catalogueFile, m_workDir;
    int m_loanCounter = 0;
};

/// The server's calendar day (local time) `days` from today.
Date localDay(int days = 0);

/// What one kiosk's pull from its stored cursor until `more` is false cost.
struct PullFigures
{
    std::int64_t bytes = 0; ///< response bodies
    int pages = 0;
    int changes = 0;
    int resets = 0; ///< 410 cursor_reset answers (then it started again without a cursor)
    int swept = 0;  ///< rows the end of a snapshot removed
    double seconds = 0;
};

/// The kiosk's pull loop (kiosk/sync/sync_session's rules: a page and its cursor in one
/// transaction, 410 → start again from the beginning), counting bytes and pages.
Result<PullFigures, std::string> pullAll(db::Database& kiosk, sync::HttpsClient& client, int limit = 200);

/// Everything a kiosk holds of the server's state, as sorted text: the catalogue, slots, activities,
/// staff, pick-ups and open loans (without the times the kiosk received them).
std::string kioskState(db::Database& kiosk);

} // namespace okienko::test
