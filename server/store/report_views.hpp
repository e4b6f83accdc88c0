// What the panel's read-only pages read from the store: kiosk health, loans, and the raw counts
// behind the monitoring indicators. Plain structs with codes and numbers; the pages word them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

/// A kiosk and its last heartbeat.
struct KioskHealth
{
    std::string name;                      ///< the kiosk's id (kiosks.name)
    std::string displayName;               ///< enrol-kiosk's --name; "" for kiosks added before it existed
    bool active = true;                    ///< false once revoke-kiosk has withdrawn its token
    std::optional<std::int64_t> revokedAt; ///< when revoke-kiosk ran (panel_actions), if recorded
    bool hasHeartbeat = false;             ///< the rest is set only with a heartbeat
    std::int64_t receivedAt = 0, uptimeSeconds = 0, outboxDepth = 0, outboxOldestAgeSeconds = 0, lastSync = 0;
    std::string version, printerState;
    /// The largest (kiosk timestamp − server receive time) over the kiosk's events of the last day.
    std::optional<std::int64_t> clockSkewSeconds;
};

/// An event a kiosk had acknowledged that the database lacked after a restore (lost_events).
struct LostEventView
{
    std::string kioskName, type;
    std::string reference; ///< reference code, inventory number or loan id; "" when none
    std::int64_t ackedAt = 0, reportedAt = 0;
};

struct OpenLoanView
{
    std::string inventoryNumber, typeName, borrowerName, borrowerPhone;
    std::string startDate, dueDate; ///< "YYYY-MM-DD"
    std::string kioskName, staffName;
};

struct ReturnedLoanView
{
    std::string inventoryNumber, typeName, borrowerName, startDate, dueDate, returnedOn;
    std::string condition; ///< return condition code; "" when not recorded
    std::string notes;
};

/// The period of a report: days as text for date columns, and local midnights for timestamps.
struct ReportPeriod
{
    std::string firstDay, lastDay;   ///< "YYYY-MM-DD", inclusive
    std::int64_t start = 0, end = 0; ///< unix seconds: start inclusive, end exclusive
};

struct NamedCount
{
    std::string name; ///< a service's Polish name, a flow code or an area code ("" for none)
    std::int64_t count = 0;
};

struct FlowRating
{
    std::string flow;
    std::int64_t count = 0;
    double average = 0;
};

/// Everything the monitoring page counts for a period.
struct MonitoringCounts
{
    std::int64_t borrowers = 0, loansStarted = 0, reservations = 0, reservingPersons = 0;
    std::int64_t meetings = 0, personsCounselled = 0, counsellingRequests = 0;
    std::int64_t callbacksReceived = 0, callbacksDone = 0, callbacksClosed = 0, callAttempts = 0;
    std::vector<NamedCount> mostViewed, mostSearched; ///< at most 10 each, most first
    std::int64_t searches = 0, finishedFlows = 0;
    std::vector<FlowRating> ratings;     ///< by flow code
    std::vector<NamedCount> ideasByArea; ///< by area code
};

} // namespace okienko::server
